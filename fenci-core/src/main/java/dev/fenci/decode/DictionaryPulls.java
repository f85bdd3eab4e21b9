package dev.fenci.decode;

import dev.fenci.dict.DictionarySnapshot;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The occurrences of entries above 1 and below infinity inside one chunk, which pull their
 * characters together. Scaling the tags of two that cross ({@code 北京大学} and {@code 大学生} in
 * {@code 北京大学生物系}) rewarded a path that is neither: their union agrees with the first word's
 * first tags and the second word's last ones, more tags than either word alone
 * ({@code 北京大学生 物系} with both at 1000). An occurrence that crosses another one with a
 * multiplier as large or larger is not applied: of two that cross, the larger multiplier's
 * applies, and on a tie neither, which leaves the choice to the network (both stay lexicon words
 * and, for the word model, seen words). Nested occurrences ({@code 北京} in {@code 北京大学}) do
 * not cross and all apply. Stored, unlike the other occurrences, up to
 * {@link #PULLS_PER_CHARACTER} per character of the line: beyond that (hundreds of entries
 * nested in one another over a long run) only where they start and end is kept, and a second
 * pass over the matches applies those that cross none, whatever their multipliers, so that the
 * line's memory stays bounded by its length. (Applying them unresolved there had rewarded
 * unions again, and in the whole line: a run of laughter with {@code 哈哈} to
 * {@code 哈哈哈哈哈哈哈哈哈哈} on another line of the text brought {@code 北京大学生 物系} back.)
 */
final class DictionaryPulls {
  /** Dictionary occurrences per character of a line whose crossings are resolved. */
  static final int PULLS_PER_CHARACTER = 8;

  /** The line's length in code points. */
  private final int n;
  /** The chunk index of each code point of the line. */
  private final int[] chunkOf;
  /** Streams the line's dictionary occurrences again, for the second pass ({@code Line.forEachMatch}). */
  private final Consumer<DictionarySnapshot.MatchConsumer> forEachMatch;
  /** Adds log(multiplier) to the tags that make an occurrence one word ({@code Line.scale}). */
  private final DictionarySnapshot.MatchConsumer scale;

  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private float[] logs = new float[16];
  private int size;
  /** Past the bound: the furthest end of an occurrence from each start, and the nearest start to each end; else null. */
  private int[] maxEndFrom;
  private int[] minStartTo;

  DictionaryPulls(int[] chunkOf, Consumer<DictionarySnapshot.MatchConsumer> forEachMatch,
      DictionarySnapshot.MatchConsumer scale) {
    this.n = chunkOf.length;
    this.chunkOf = chunkOf;
    this.forEachMatch = forEachMatch;
    this.scale = scale;
  }

  void add(int s, int e, float log) {
    if (maxEndFrom != null) {
      record(s, e); // too many to store: applied, if they cross none, by a second pass
      return;
    }
    if (size == PULLS_PER_CHARACTER * n + 64) {
      maxEndFrom = new int[n + 1];
      minStartTo = new int[n + 1];
      Arrays.fill(minStartTo, Integer.MAX_VALUE);
      for (int i = 0; i < size; i++) {
        record(starts[i], ends[i]);
      }
      record(s, e);
      starts = null;
      ends = null;
      logs = null;
      size = 0;
      return;
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      logs = Arrays.copyOf(logs, size * 2);
    }
    starts[size] = s;
    ends[size] = e;
    logs[size] = log;
    size++;
  }

  private void record(int s, int e) {
    maxEndFrom[s] = Math.max(maxEndFrom[s], e);
    minStartTo[e] = Math.min(minStartTo[e], s);
  }

  void resolveAndApply() {
    if (maxEndFrom != null) {
      // the same occurrences as add was given (Line.applyDictionary's), applied if they cross none:
      // of two that cross, neither, as on a tie, never their union
      forEachMatch.accept((s, e, log) -> {
        if (log > 0 && log != Float.POSITIVE_INFINITY && chunkOf[s] == chunkOf[e - 1]
            && !crossesAny(s, e, maxEndFrom, minStartTo)) {
          scale.match(s, e, log);
        }
      });
      return;
    }
    if (size == 0) {
      return;
    }
    boolean[] keep = new boolean[size];
    Arrays.fill(keep, true);
    if (size > 1 && anyCrossing()) {
      // by multiplier, largest first: keys of the multiplier's bits (positive floats order as
      // their bits do) and the index, sorted, read from the end
      long[] keys = new long[size];
      for (int i = 0; i < size; i++) {
        keys[i] = (long) Float.floatToIntBits(logs[i]) << 32 | i;
      }
      Arrays.sort(keys);
      int[] order = new int[size];
      for (int i = 0; i < size; i++) {
        order[i] = (int) keys[size - 1 - i];
      }
      // each group of equal multipliers is recorded whole, then each
      // of its occurrences is checked against everything recorded (itself never counts: it
      // neither starts nor ends strictly inside itself)
      int[] maxEndFrom = new int[n + 1];
      int[] minStartTo = new int[n + 1];
      Arrays.fill(minStartTo, Integer.MAX_VALUE);
      for (int g = 0; g < size; ) {
        int h = g;
        while (h < size && logs[order[h]] == logs[order[g]]) {
          int i = order[h++];
          maxEndFrom[starts[i]] = Math.max(maxEndFrom[starts[i]], ends[i]);
          minStartTo[ends[i]] = Math.min(minStartTo[ends[i]], starts[i]);
        }
        for (int k = g; k < h; k++) {
          int i = order[k];
          keep[i] = !crossesAny(starts[i], ends[i], maxEndFrom, minStartTo);
        }
        g = h;
      }
    }
    for (int i = 0; i < size; i++) {
      if (keep[i]) {
        scale.match(starts[i], ends[i], logs[i]);
      }
    }
  }

  /** Whether any two of the occurrences cross (the common case is none: no sorting then). */
  private boolean anyCrossing() {
    int[] maxEndFrom = new int[n + 1];
    int[] minStartTo = new int[n + 1];
    Arrays.fill(minStartTo, Integer.MAX_VALUE);
    for (int i = 0; i < size; i++) {
      maxEndFrom[starts[i]] = Math.max(maxEndFrom[starts[i]], ends[i]);
      minStartTo[ends[i]] = Math.min(minStartTo[ends[i]], starts[i]);
    }
    for (int i = 0; i < size; i++) {
      if (crossesAny(starts[i], ends[i], maxEndFrom, minStartTo)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code [s, e)} crosses one of the occurrences recorded: one starts inside it and
   * ends after it, or one ends inside it and starts before it.
   */
  private boolean crossesAny(int s, int e, int[] maxEndFrom, int[] minStartTo) {
    for (int k = s + 1; k < e; k++) {
      if (maxEndFrom[k] > e || minStartTo[k] < s) {
        return true;
      }
    }
    return false;
  }
}
