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

  /** Number of characters in the table. */
  public static int size() {
    return Table.KEYS.length;
  }
}
