package dev.fenci.decode;

import java.util.Arrays;

/**
 * The occurrences of a user dictionary's words in one text that the word model counts as words it
 * has seen (see {@link WordLattice}), as code point ranges {@code [start, end)} of two characters
 * or more. The memory is bounded by the text's length however many entries overlap (a text of
 * 100,000 {@code 的} with 256 nested entries has 25 million occurrences): a bit per start and
 * length for words of up to {@link #SHORT} characters, which holds every candidate of the lattice but the best
 * tag path's words, and at most one longer occurrence per character of the text beside them (more,
 * from nested entries longer than that, are not kept and count as unseen strings).
 */
final class ToldWords {
  /** Longest word kept as a bit: lengths 2 to 33 in an int per start. */
  static final int SHORT = 33;

  private final int[] bits;
  private long[] longer = new long[0];
  private int longCount;
  private boolean sorted = true;

  /** For a text of {@code n} code points. */
  ToldWords(int n) {
    bits = new int[n];
  }

  /** Adds {@code [start, end)} (a range shorter than two code points is no word here and is ignored). */
  void add(int start, int end) {
    int len = end - start;
    if (len < 2) {
      return;
    }
    if (len <= SHORT) {
      bits[start] |= 1 << (len - 2);
    } else if (longCount < bits.length) {
      if (longCount == longer.length) {
        longer = Arrays.copyOf(longer, Math.min(bits.length, Math.max(16, 2 * longCount)));
      }
      long key = (long) start << 32 | end;
      sorted &= longCount == 0 || longer[longCount - 1] < key;
      longer[longCount++] = key;
    }
  }

  /** Whether {@code [start, end)} was added. */
  boolean contains(int start, int end) {
    int len = end - start;
    if (len < 2 || start < 0 || end > bits.length) {
      return false;
    }
    if (len <= SHORT) {
      return (bits[start] >>> (len - 2) & 1) != 0;
    }
    if (!sorted) {
      throw new IllegalStateException("contains before done()");
    }
    return Arrays.binarySearch(longer, 0, longCount, (long) start << 32 | end) >= 0;
  }

  /** Ends the additions (sorts the longer words for lookups). */
  ToldWords done() {
    if (!sorted) {
      Arrays.sort(longer, 0, longCount);
      sorted = true;
    }
    return this;
  }
}
