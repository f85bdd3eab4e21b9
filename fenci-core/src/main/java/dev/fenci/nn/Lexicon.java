package dev.fenci.nn;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongToIntFunction;

/**
 * Words of two to {@link #MAX_LENGTH} characters (as character ids) whose occurrences become input
 * features of a network: for every character, whether a lexicon word of length 2, 3, 4 or 5 and
 * more starts there, and whether one ends there ({@link #FEATURES} bits per word class). Each word
 * has a class (0 to {@link #classes()} - 1), e.g. how reliably its characters form a word in the
 * training data; a word of class c sets the bits {@code 8c .. 8c + 7}. The network learns how far
 * to trust each class; a trainer computes the features for each part of the training data from a
 * lexicon of the other parts, so that the network sees words missing from the lexicon as often as
 * it will at segmentation time.
 */
public final class Lexicon {
  /** Longest word kept. */
  public static final int MAX_LENGTH = 6;
  /** Feature bits per class: starts a word of length 2, 3, 4, 5+; ends one of length 2, 3, 4, 5+. */
  public static final int FEATURES = 8;
  /** Most word classes: the features of a character fit in an int. */
  public static final int MAX_CLASSES = 4;

  private final int[] words;
  private final int[] classOf;
  private final int classes;
  private final LongIntMap hashes;

  /**
   * A lexicon of one class.
   *
   * @param words the words, each as its length followed by its character ids, one after the other
   *              (the model file's {@code lexicon.words})
   */
  public Lexicon(int[] words) {
    this(words, null, 1);
  }

  /**
   * @param words   as for {@link #Lexicon(int[])}
   * @param classOf each word's class, in the order of {@code words} (null: all 0)
   * @param classes number of classes, 1 to {@link #MAX_CLASSES}
   */
  public Lexicon(int[] words, int[] classOf, int classes) {
    if (classes < 1 || classes > MAX_CLASSES) {
      throw new IllegalArgumentException("a lexicon has 1 to " + MAX_CLASSES + " word classes, got " + classes);
    }
    this.words = words.clone();
    this.classes = classes;
    int count = 0;
    for (int i = 0; i < words.length; ) {
      int n = words[i];
      if (n < 2 || n > MAX_LENGTH) {
        throw new IllegalArgumentException("lexicon entry at " + i + " has length " + n + " (2 to " + MAX_LENGTH + ")");
      }
      if (i + 1 + n > words.length) {
        throw new IllegalArgumentException("lexicon entry at " + i + " of length " + n + " runs past the end ("
            + words.length + " values)");
      }
      count++;
      i += 1 + n;
    }
    if (classOf != null && classOf.length != count) {
      throw new IllegalArgumentException("lexicon of " + count + " words has " + classOf.length + " word classes");
    }
    this.classOf = classOf == null ? new int[count] : classOf.clone();
    hashes = new LongIntMap(count);
    for (int i = 0, w = 0; i < words.length; i += 1 + words[i], w++) {
      int c = this.classOf[w];
      if (c < 0 || c >= classes) {
        throw new IllegalArgumentException("lexicon word " + w + " has class " + c + " (0 to " + (classes - 1) + ")");
      }
      hashes.put(hash(words, i + 1, words[i]), c);
    }
  }

  /** A lexicon of one class of the given words (character id arrays of length 2 to {@link #MAX_LENGTH}). */
  public static Lexicon of(List<int[]> wordIds) {
    return of(wordIds, null, 1);
  }

  /** A lexicon of the given words and their classes (null: all 0). */
  public static Lexicon of(List<int[]> wordIds, int[] classOf, int classes) {
    int size = 0;
    for (int[] w : wordIds) {
      size += 1 + w.length;
    }
    int[] flat = new int[size];
    int at = 0;
    for (int[] w : wordIds) {
      flat[at++] = w.length;
      System.arraycopy(w, 0, flat, at, w.length);
      at += w.length;
    }
    return new Lexicon(flat, classOf, classes);
  }

  /** Number of word classes. */
  public int classes() {
    return classes;
  }

  /** Feature channels per character: {@link #FEATURES} per class. */
  public int featureCount() {
    return FEATURES * classes;
  }

  /** Each word's class, in the order of {@link #words}. */
  public int[] wordClasses() {
    return classOf.clone();
  }

  /** Number of words. */
  public int size() {
    return hashes.size();
  }

  /** The words as the constructor takes them. */
  public int[] words() {
    return words.clone();
  }

  /** Hash of the ids {@code ids[from .. from + n)} (the key the lexicon looks words up by). */
  public static long hash(int[] ids, int from, int n) {
    long h = SEED;
    for (int i = from; i < from + n; i++) {
      h = extend(h, ids[i]);
    }
    return finish(h, n);
  }

  private static final long SEED = 0x9E3779B97F4A7C15L;

  /** The running hash of a prefix extended by one id: words starting at one place share the work. */
  private static long extend(long h, int id) {
    h = (h ^ id) * 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 31);
  }

  private static long finish(long h, int n) {
    h = (h ^ n) * 0x94D049BB133111EBL;
    return h ^ (h >>> 29);
  }

  public boolean contains(int[] ids, int from, int n) {
    return hashes.get(hash(ids, from, n)) >= 0;
  }

  /** The class of the word {@code ids[from .. from + n)}, or -1 if it is not in the lexicon. */
  public int classOf(int[] ids, int from, int n) {
    return hashes.get(hash(ids, from, n));
  }

  /**
   * The feature bits of the characters {@code ids[from .. from + n)} (one sequence), into
   * {@code out[outOff ..]}: for a word of class c and length L, bit {@code 8c + min(L, 5) - 2} of
   * the character where it starts and bit {@code 8c + 4 + min(L, 5) - 2} of the one where it ends.
   */
  public void features(int[] ids, int from, int n, int[] out, int outOff) {
    features(ids, from, n, out, outOff, hashes::get);
  }

  /**
   * As {@link #features(int[], int, int, int[], int)} for any word list, given as the class of
   * each word's {@link #hash} (-1 for hashes of no word; computed here as running hashes of the
   * prefixes starting at each character, one step per character and length).
   */
  public static void features(int[] ids, int from, int n, int[] out, int outOff, LongToIntFunction classOfHash) {
    Arrays.fill(out, outOff, outOff + n, 0);
    for (int i = 0; i < n; i++) {
      long h = extend(SEED, ids[from + i]);
      for (int len = 2; len <= MAX_LENGTH && i + len <= n; len++) {
        h = extend(h, ids[from + i + len - 1]);
        int c = classOfHash.applyAsInt(finish(h, len));
        if (c >= 0) {
          int bit = FEATURES * c + Math.min(len, 5) - 2;
          out[outOff + i] |= 1 << bit;
          out[outOff + i + len - 1] |= 1 << (bit + 4);
        }
      }
    }
  }

  /**
   * Open addressing map from 64-bit hashes to classes 0-3, in one long per entry: the hash with its
   * two lowest bits replaced by the class (hashes that differ only there count as one; the chance
   * among 100,000 random 64-bit hashes is about 10^-9). A key whose upper 62 bits are 0 is stored
   * apart. -1 for absent keys.
   */
  private static final class LongIntMap {
    private static final long CLASS_BITS = MAX_CLASSES - 1;
    private final long[] slots;
    private final int mask;
    private int zeroValue = -1;
    private int size;

    LongIntMap(int expected) {
      int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
      slots = new long[cap];
      mask = cap - 1;
    }

    /** Sets the value of a key not yet present (a repeated key keeps its first value). */
    void put(long x, int value) {
      long k = x & ~CLASS_BITS;
      if (k == 0) {
        if (zeroValue < 0) {
          size++;
          zeroValue = value;
        }
        return;
      }
      int s = slot(k);
      while (slots[s] != 0) {
        if ((slots[s] & ~CLASS_BITS) == k) {
          return;
        }
        s = (s + 1) & mask;
      }
      slots[s] = k | value;
      size++;
    }

    int get(long x) {
      long k = x & ~CLASS_BITS;
      if (k == 0) {
        return zeroValue;
      }
      int s = slot(k);
      while (true) {
        long v = slots[s];
        if ((v & ~CLASS_BITS) == k) {
          return (int) (v & CLASS_BITS);
        }
        if (v == 0) {
          return -1;
        }
        s = (s + 1) & mask;
      }
    }

    private int slot(long k) {
      return (int) ((k ^ (k >>> 32)) >>> 2) & mask;
    }

    int size() {
      return size;
    }
  }
}
