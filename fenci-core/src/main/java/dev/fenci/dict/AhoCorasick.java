package dev.fenci.dict;

import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over UTF-16 code units: finds every occurrence of every word in one
 * pass over a text. Transitions live in one open-addressing hash table keyed by (state, char), so
 * building is linear in the total length of the words (a 272,000-word dictionary builds in a few
 * hundred milliseconds) and matching needs no allocation besides the reported hits. Immutable
 * after construction and safe to share between threads.
 */
final class AhoCorasick {
  /** Receives each occurrence: {@code [start, end)} and the index of the word. */
  @FunctionalInterface
  interface Hits {
    void hit(int start, int end, int word);
  }

  private static final int ROOT = 0;

  /** Most states: targets and state numbers are packed into 24 bits. */
  static final int MAX_STATES = 1 << 24;

  private final int[] rootNext = new int[0x10000]; // transitions from the root, by char; -1 = none
  /** Other transitions: ((state << 16 | char) + 1) << 24 | target in one long; 0 = empty. */
  private final long[] slots;
  private final int mask;
  private final int[] fail;
  /** Per state, side by side: index of the word ending there (or -1), its length, and the
   * nearest proper suffix state where a word ends (or -1). */
  private final int[] out;

  AhoCorasick(List<String> words) {
    int total = 1;
    for (String w : words) {
      total += w.length();
    }
    if (total >= MAX_STATES) {
      throw new IllegalArgumentException("dictionary too large: " + total + " characters in all (at most "
          + (MAX_STATES - 1) + ")");
    }
    int cap = Integer.highestOneBit(Math.max(4, total * 2 - 1)) << 1;
    slots = new long[cap];
    mask = cap - 1;
    int[] wordOf = new int[total];
    int[] depthOf = new int[total];
    int[] firstChild = new int[total];
    int[] nextSibling = new int[total];
    char[] label = new char[total];
    Arrays.fill(wordOf, -1);
    Arrays.fill(firstChild, -1);
    Arrays.fill(rootNext, -1);
    int states = 1;
    for (int wi = 0; wi < words.size(); wi++) {
      String w = words.get(wi);
      int s = ROOT;
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        int t = next(s, c);
        if (t < 0) {
          t = states++;
          put(s, c, t);
          depthOf[t] = depthOf[s] + 1;
          label[t] = c;
          nextSibling[t] = firstChild[s];
          firstChild[s] = t;
        }
        s = t;
      }
      wordOf[s] = wi;
    }
    fail = new int[states];
    int[] outLink = new int[states];
    Arrays.fill(outLink, -1);
    int[] queue = new int[states];
    int head = 0;
    int tail = 0;
    for (int t = firstChild[ROOT]; t >= 0; t = nextSibling[t]) {
      fail[t] = ROOT;
      queue[tail++] = t;
    }
    while (head < tail) {
      int s = queue[head++];
      for (int t = firstChild[s]; t >= 0; t = nextSibling[t]) {
        char c = label[t];
        int f = fail[s];
        int g;
        while ((g = next(f, c)) < 0 && f != ROOT) {
          f = fail[f];
        }
        fail[t] = g >= 0 && g != t ? g : ROOT;
        int ft = fail[t];
        outLink[t] = wordOf[ft] >= 0 ? ft : outLink[ft];
        queue[tail++] = t;
      }
    }
    out = new int[3 * states];
    for (int st = 0; st < states; st++) {
      out[3 * st] = wordOf[st];
      out[3 * st + 1] = depthOf[st];
      out[3 * st + 2] = outLink[st];
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  private int next(int state, char c) {
    if (state == ROOT) {
      return rootNext[c];
    }
    long key = (((long) state << 16) | c) + 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long v = slots[i];
      if ((v >>> 24) == key) {
        return (int) (v & 0xFFFFFF);
      }
      if (v == 0) {
        return -1;
      }
    }
  }

  private void put(int state, char c, int target) {
    if (state == ROOT) {
      rootNext[c] = target;
      return;
    }
    long key = (((long) state << 16) | c) + 1;
    int i = slot(key, mask);
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = (key << 24) | target;
  }

  /** Reports every occurrence of every word in {@code text}, by end position. */
  void match(CharSequence text, Hits hits) {
    int s = ROOT;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int t;
      while ((t = next(s, c)) < 0 && s != ROOT) {
        s = fail[s];
      }
      s = t < 0 ? ROOT : t;
      for (int o = out[3 * s] >= 0 ? s : out[3 * s + 2]; o >= 0; o = out[3 * o + 2]) {
        hits.hit(i + 1 - out[3 * o + 1], i + 1, out[3 * o]);
      }
    }
  }
}
