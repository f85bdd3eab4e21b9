package dev.fenci.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The simplified form of a traditional-only Chinese character (會 -> 会, 學 -> 学), from the table
 * {@code traditional-simplified.txt} beside this class (4,099 characters, derived from OpenCC's
 * tables). A character that is also a simplified character in its own right (著, 台) is not in
 * it. A model reads a character it does not know as its simplified form, so one trained on
 * simplified text can segment traditional text; a character it knows stays itself (a model that
 * learned 乾 from 乾隆 keeps it). The output always keeps the original characters.
 */
public final class SimplifiedForms {
  private SimplifiedForms() {}

  private static final String TABLE = "traditional-simplified.txt";

  /** Sorted traditional code points and their simplified forms, loaded on first use. */
  private static final class Table {
    static final int[] KEYS;
    static final int[] VALUES;

    static {
      int[] keys = new int[4200];
      int[] values = new int[4200];
      int n = 0;
      try (InputStream in = SimplifiedForms.class.getResourceAsStream(TABLE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + TABLE + " is missing from the fenci-core jar");
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
          lineNo++;
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          int[] cps = line.codePoints().toArray();
          if (cps.length != 3 || cps[1] != '\t') {
            throw new IllegalStateException(TABLE + ":" + lineNo + ": expected a character, a TAB and a character");
          }
          if (n == keys.length) {
            keys = Arrays.copyOf(keys, n * 2);
            values = Arrays.copyOf(values, n * 2);
          }
          if (n > 0 && cps[0] <= keys[n - 1]) {
            throw new IllegalStateException(TABLE + ":" + lineNo + ": not sorted by code point");
          }
          keys[n] = cps[0];
          values[n] = cps[2];
          n++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      KEYS = Arrays.copyOf(keys, n);
      VALUES = Arrays.copyOf(values, n);
    }
  }

  /** The simplified form of {@code cp} if it is a traditional-only character, else {@code cp}. */
  public static int of(int cp) {
    if (cp < 0x3400) { // below CJK Extension A: no Chinese character (and the table stays unloaded)
      return cp;
    }
    int[] keys = Table.KEYS;
    if (cp > keys[keys.length - 1] || cp < keys[0]) {
      return cp;
    }
    int i = Arrays.binarySearch(keys, cp);
    return i >= 0 ? Table.VALUES[i] : cp;
  }

  /**
   * Characters of the table that simplified text also writes, each for words of its own, so that
   * folding them would match other words ({@code 乾县} is not {@code 干县}, which {@code 若干县} holds):
   * 乾 (乾隆), 於 and 徵 (names, 宫商角徵羽), and the others of the table that People's Daily 1998 or
   * the MSR training words write (塚 榘 薹 吒 捱: 韩复榘, 菜薹, 哪吒).
   */
  private static final String KEPT_IN_MATCHING = "乾於徵塚榘薹吒捱";

  /**
   * The form of {@code cp} under which words are matched across the two scripts (user dictionary
   * entries, search terms): its simplified form ({@link #of}), except for the few characters that
   * simplified text writes too, which stay themselves ({@code 乾}).
   */
  public static int forMatching(int cp) {
    return cp < 0x10000 && KEPT_IN_MATCHING.indexOf(cp) >= 0 ? cp : of(cp);
  }

  /** Number of characters in the table. */
  public static int size() {
    return Table.KEYS.length;
  }
}
