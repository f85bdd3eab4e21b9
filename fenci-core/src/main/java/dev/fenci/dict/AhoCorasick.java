package dev.fenci.dict;

import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over UTF-16 code units: finds every occurrence of every word in one
 * pass over a text, words and text compared through {@link Folding} (full-width and ASCII forms,
 * traditional and simplified characters alike). Immutable after construction and safe to share between threads; matching
 * allocates nothing.
 *
 * <p>Layout, chosen for the cache (the automaton shares the last-level cache with the network's
 * tables during segmentation): states are numbered in breadth-first order with each state's
 * children consecutive and sorted by character, so a state's transitions are the range
 * {@code [first(s), first(s + 1))} of one {@code char} array of labels, searched linearly when
 * short and by bisection when long; shallow states, which a text visits most, come first and sit
 * together. Transitions from the root come from a direct table of 256 KB (except in the small
 * automata of a live dictionary's recent changes, rebuilt at every change, which search the root's
 * children as any other state's). Per state one record of five ints:
 * first child, failure state, length of the word ending here (0 if none), nearest proper suffix
 * state where a word ends (or -1), and the index and the value of the word ending here, so that
 * reporting an occurrence reads nothing but the record. For the 271,773 words of the four bakeoff word lists
 * (447,577 states, before their traditional and simplified forms folded to 242,670 entries) that
 * is about 12 MB in all.
 */
final class AhoCorasick {
  /** Receives each occurrence: {@code [start, end)}, the word's index in the list built from and its value. */
  @FunctionalInterface
  interface Hits {
    void hit(int start, int end, int word, float value);
  }

  private static final int ROOT = 0;
  private static final int FIRST = 0;
  private static final int FAIL = 1;
  private static final int LEN = 2;
  private static final int OUT = 3;
  private static final int WORD = 4;
  private static final int VALUE = 5;
  private static final int REC = 6;
  /** Sibling ranges at most this long are scanned, longer ones bisected. */
  private static final int SCAN = 8;

  /** Most states: the builder packs state numbers into 24 bits. */
  static final int MAX_STATES = 1 << 24;

  private final int[] rootNext; // the root's child for each char, or -1; null for a small dictionary
  private final char[] label;
  private final int[] node;

  /**
   * @param words  words distinct once folded ({@link Folding}); an occurrence reports its word's index in this list
   * @param values one per word, reported with each of its occurrences
   */
  AhoCorasick(List<String> words, float[] values) {
    this(words, values, true);
  }

  /**
   * As {@link #AhoCorasick(List, float[])}; {@code rootTable} false leaves out the root's direct
   * table, for a small automaton rebuilt often (a table for each of a thousand single {@code add}
   * calls had cost a quarter of a megabyte each).
   */
  AhoCorasick(List<String> words, float[] values, boolean rootTable) {
    if (values.length != words.size()) {
      throw new IllegalArgumentException(words.size() + " words, " + values.length + " values");
    }
    long total = 1;
    for (String w : words) {
      total += w.length();
    }
    if (total >= MAX_STATES) {
      throw new IllegalArgumentException("dictionary too large: " + total + " characters in all (at most "
          + (MAX_STATES - 1) + ")");
    }
    Trie trie = new Trie((int) total);
    for (int wi = 0; wi < words.size(); wi++) {
      trie.insert(Folding.key(words.get(wi)), wi);
    }
    int states = trie.states;
    label = new char[states];
    node = new int[REC * (states + 1)];
    rootNext = rootTable ? new int[0x10000] : null;
    if (rootNext != null) {
      Arrays.fill(rootNext, -1);
    }
    // breadth-first renumbering; each state's children get consecutive numbers in char order
    int[] oldOf = new int[states];
    long[] keyed = new long[16];
    int next = 1;
    for (int s = 0; s < states; s++) {
      int old = oldOf[s];
      int k = 0;
      for (int c = trie.firstChild[old]; c >= 0; c = trie.nextSibling[c]) {
        if (k == keyed.length) {
          keyed = Arrays.copyOf(keyed, 2 * k);
        }
        keyed[k++] = (long) trie.label[c] << 32 | c;
      }
      Arrays.sort(keyed, 0, k);
      node[REC * s + FIRST] = next;
      for (int i = 0; i < k; i++) {
        long kv = keyed[i];
        int child = next++;
        oldOf[child] = (int) kv;
        label[child] = (char) (kv >>> 32);
        if (s == ROOT && rootNext != null) {
          rootNext[label[child]] = child;
        }
      }
      int w = trie.wordOf[old];
      node[REC * s + LEN] = w >= 0 ? trie.depth[old] : 0;
      node[REC * s + WORD] = w;
      node[REC * s + VALUE] = w >= 0 ? Float.floatToRawIntBits(values[w]) : 0;
    }
    node[REC * states + FIRST] = next;
    // failure and output links; a state's failure state is shallower, so numbered before it
    node[REC * ROOT + FAIL] = ROOT;
    node[REC * ROOT + OUT] = -1;
    for (int s = 0; s < states; s++) {
      for (int t = node[REC * s + FIRST], end = node[REC * (s + 1) + FIRST]; t < end; t++) {
        int f = ROOT;
        if (s != ROOT) {
          char c = label[t];
          int g;
          f = node[REC * s + FAIL];
          while ((g = next(f, c)) < 0 && f != ROOT) {
            f = node[REC * f + FAIL];
          }
          f = g >= 0 ? g : ROOT;
        }
        node[REC * t + FAIL] = f;
        node[REC * t + OUT] = node[REC * f + LEN] > 0 ? f : node[REC * f + OUT];
      }
    }
  }

  /** The plain trie the automaton is built from: children in linked lists, found by hashing. */
  private static final class Trie {
    final int[] wordOf;
    final int[] depth;
    final int[] firstChild;
    final int[] nextSibling;
    final char[] label;
    /** Transitions: ((state << 16 | char) + 1) << 24 | target in one long; 0 = empty. */
    private final long[] slots;
    private final int mask;
    int states = 1;

    Trie(int capacity) {
      wordOf = new int[capacity];
      depth = new int[capacity];
      firstChild = new int[capacity];
      nextSibling = new int[capacity];
      label = new char[capacity];
      Arrays.fill(wordOf, -1);
      Arrays.fill(firstChild, -1);
      int cap = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
      slots = new long[cap];
      mask = cap - 1;
    }

    void insert(String w, int index) {
      int s = ROOT;
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        long key = (((long) s << 16) | c) + 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        int t = -1;
        for (long v; (v = slots[slot]) != 0; slot = (slot + 1) & mask) {
          if (v >>> 24 == key) {
            t = (int) (v & 0xFFFFFF);
            break;
          }
        }
        if (t < 0) {
          t = states++;
          slots[slot] = key << 24 | t;
          depth[t] = depth[s] + 1;
          label[t] = c;
          nextSibling[t] = firstChild[s];
          firstChild[s] = t;
        }
        s = t;
      }
      wordOf[s] = index;
    }
  }

  /** The child of {@code state} labelled {@code c}, or -1. */
  private int next(int state, char c) {
    if (state == ROOT && rootNext != null) {
      return rootNext[c];
    }
    int lo = node[REC * state + FIRST];
    int hi = node[REC * (state + 1) + FIRST];
    if (hi - lo <= SCAN) {
      for (int t = lo; t < hi; t++) {
        if (label[t] == c) {
          return t;
        }
      }
      return -1;
    }
    hi--;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char m = label[mid];
      if (m < c) {
        lo = mid + 1;
      } else if (m > c) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The index of the word that {@code word} folds to in the list built from, or -1 if none. */
  int indexOf(CharSequence word) {
    int s = ROOT;
    for (int i = 0; i < word.length() && s >= 0; i++) {
      s = next(s, Folding.fold(word.charAt(i)));
    }
    return s > ROOT && node[REC * s + LEN] == word.length() ? node[REC * s + WORD] : -1;
  }

  /** Reports every occurrence of every word in {@code text}, both read folded, by end position. */
  void match(CharSequence text, Hits hits) {
    int s = ROOT;
    for (int i = 0; i < text.length(); i++) {
      char c = Folding.fold(text.charAt(i));
      int t;
      while ((t = next(s, c)) < 0 && s != ROOT) {
        s = node[REC * s + FAIL];
      }
      s = t < 0 ? ROOT : t;
      for (int o = node[REC * s + LEN] > 0 ? s : node[REC * s + OUT]; o >= 0; o = node[REC * o + OUT]) {
        hits.hit(i + 1 - node[REC * o + LEN], i + 1, node[REC * o + WORD], Float.intBitsToFloat(node[REC * o + VALUE]));
      }
    }
  }
}
