package dev.fenci.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Characters (code points) the network knows, numbered from 1; id 0 stands for every other one. */
public final class Vocabulary {
  public static final int UNKNOWN = 0;

  private final int[] codePoints;
  private final Map<Integer, Integer> ids;
  /** Ids of the Basic Multilingual Plane, by char: the common case without boxing. */
  private final int[] bmp = new int[0x10000];

  /** @param codePoints the known characters in id order (id = index + 1) */
  public Vocabulary(int[] codePoints) {
    this.codePoints = codePoints.clone();
    this.ids = new HashMap<>(codePoints.length * 2);
    for (int i = 0; i < codePoints.length; i++) {
      if (ids.put(codePoints[i], i + 1) != null) {
        throw new IllegalArgumentException("duplicate character U+" + Integer.toHexString(codePoints[i]));
      }
      if (codePoints[i] >= 0 && codePoints[i] < bmp.length) {
        bmp[codePoints[i]] = i + 1;
      }
    }
  }

  /** Characters seen at least {@code minCount} times, most frequent first (ties by code point). */
  public static Vocabulary fromCounts(Map<Integer, Integer> counts, int minCount) {
    List<Map.Entry<Integer, Integer>> kept = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (e.getValue() >= minCount) {
        kept.add(e);
      }
    }
    kept.sort((a, b) -> !a.getValue().equals(b.getValue()) ? b.getValue() - a.getValue() : a.getKey() - b.getKey());
    int[] cps = new int[kept.size()];
    for (int i = 0; i < cps.length; i++) {
      cps[i] = kept.get(i).getKey();
    }
    return new Vocabulary(cps);
  }

  /**
   * This vocabulary followed by the characters of {@code counts} (normalised code points and how
   * often they occur) that it does not know and that occur at least {@code minCount} times, most
   * frequent first (ties by code point): the ids of this vocabulary keep their meaning.
   */
  public Vocabulary extend(Map<Integer, Integer> counts, int minCount) {
    Map<Integer, Integer> fresh = new HashMap<>();
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (id(e.getKey()) == UNKNOWN) {
        fresh.put(e.getKey(), e.getValue());
      }
    }
    int[] more = fromCounts(fresh, minCount).codePoints;
    int[] all = java.util.Arrays.copyOf(codePoints, codePoints.length + more.length);
    System.arraycopy(more, 0, all, codePoints.length, more.length);
    return new Vocabulary(all);
  }

  public int id(int codePoint) {
    if (codePoint >= 0 && codePoint < bmp.length) {
      return bmp[codePoint];
    }
    Integer id = ids.get(codePoint);
    return id == null ? UNKNOWN : id;
  }

  /**
   * The id a model reads for the code point {@code cp} of text under {@code rules}: that of its
   * normalised form; for a character outside the vocabulary, that of its simplified form when the
   * vocabulary holds it (traditional text on a model trained on simplified text,
   * {@link dev.fenci.text.SimplifiedForms}), for 〇 that of ○ (or the other way round), and for a
   * middle dot that of the one People's Daily writes in its role ({@code ·}); for a colon, that of {@code ∶}
   * whenever the vocabulary holds it (a colon reaches the network only between digits, in that role);
   * else {@link #UNKNOWN}. An ASCII asterisk is read as the digit 0, the role it has where it reaches the
   * network (a masked number, {@code 138****8888}). The decoder reads input this
   * way, and so does a training run that starts from a model ({@code fenci train --init}), with
   * the model's vocabulary grown by the characters it cannot read.
   */
  public int read(int cp, dev.fenci.text.TextRules rules) {
    if (cp == '*') {
      // an asterisk reaches the network only inside a number it masks (138****8888; any other is a word
      // of its own, Chunker.joinsStars), where it stands for a digit: read as one, the number is a number
      cp = '0';
    }
    int normalized = rules.normalize(cp);
    if (isColon(normalized) && id(RATIO_COLON) != UNKNOWN) {
      // a colon reaches the network only between digits (３：１, １０:３０), where the newspaper writes the ratio
      // colon; a model whose training text held a few full-width ones there (a list's 线索２：１岁) reads them so too
      return id(RATIO_COLON);
    }
    int id = id(normalized);
    if (id == UNKNOWN) {
      int simplified = dev.fenci.text.SimplifiedForms.of(cp);
      if (simplified != cp) {
        id = id(rules.normalize(simplified));
      }
    }
    if (id == UNKNOWN && (cp == IDEOGRAPHIC_ZERO || cp == CIRCLE_ZERO)) {
      // zero in a year or a number: People's Daily 1998 writes the circle (二○○八年), today's
      // text mostly the ideographic zero (二〇〇八年); a model that knows one reads the other as it
      id = id(rules.normalize(cp == IDEOGRAPHIC_ZERO ? CIRCLE_ZERO : IDEOGRAPHIC_ZERO));
    }
    if (id == UNKNOWN) {
      int same = sameRole(normalized);
      if (same != normalized) {
        id = id(same);
      }
    }
    return id;
  }

  /**
   * The character People's Daily 1998 writes in the role of {@code cp}, or {@code cp}: the ratio
   * colon {@code ∶} for the full-width colon and the ASCII one (between digits: {@code 10：30}, {@code ３：１},
   * {@code １２:３０}; under the fold rules an ASCII colon reaches the network as the full-width one), the middle dot {@code ·} of foreign names for
   * its look-alikes ({@code 馬克‧吐溫}: the hyphenation point of Big5 text, the half-width katakana
   * middle dot, the dot operator, and the katakana middle dot {@code ・} where a model lacks it).
   */
  private static int sameRole(int cp) {
    return isColon(cp) ? RATIO_COLON : dev.fenci.text.Chunker.isNameDot(cp) ? 0x00B7 : cp;
  }

  private static boolean isColon(int cp) {
    return cp == 0xFF1A || cp == ':';
  }

  /** The ratio colon {@code ∶}, which People's Daily 1998 writes between digits ({@code ３∶１}). */
  private static final int RATIO_COLON = 0x2236;

  private static final int IDEOGRAPHIC_ZERO = 0x3007;
  private static final int CIRCLE_ZERO = 0x25CB;

  /** Number of ids, the unknown one included. */
  public int size() {
    return codePoints.length + 1;
  }

  /** The known characters in id order (id = index + 1). */
  public int[] codePoints() {
    return codePoints.clone();
  }
}
