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

  private final int[] rootNext = new int[0x10000]; // transitions from the root, by char; -1 = none
  private final long[] keys; // (state << 16 | char) + 1, 0 = empty
  private final int[] targets;
  private final int mask;
  private final int[] fail;
  private final int[] word; // index of the word ending at a state, or -1
  private final int[] outLink; // nearest proper suffix state where a word ends, or -1
  private final int[] depth;

  AhoCorasick(List<String> words) {
    int total = 1;
    for (String w : words) {
      total += w.length();
    }
    int cap = Integer.highestOneBit(Math.max(4, total * 2 - 1)) << 1;
    keys = new long[cap];
    targets = new int[cap];
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
    outLink = new int[states];
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
    word = Arrays.copyOf(wordOf, states);
    depth = Arrays.copyOf(depthOf, states);
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
      long k = keys[i];
      if (k == key) {
        return targets[i];
      }
      if (k == 0) {
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
    while (keys[i] != 0) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    targets[i] = target;
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
      for (int o = word[s] >= 0 ? s : outLink[s]; o >= 0; o = outLink[o]) {
        hits.hit(i + 1 - depth[o], i + 1, word[o]);
      }
    }
  }
}
