package dev.fenci.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToIntFunction;

/**
 * Words of two to {@link #MAX_LENGTH} characters (as character ids) whose occurrences become input
 * features of a network: for every character, whether a lexicon word of length 2, 3, 4 or 5 and
 * more starts there, and whether one ends there ({@link #FEATURES} bits). The network learns how
 * far to trust them; a trainer computes them for each part of the training data from a lexicon of
 * the other parts, so that the network sees words missing from the lexicon as often as it will at
 * segmentation time.
 */
public final class Lexicon {
  /** Longest word kept. */
  public static final int MAX_LENGTH = 6;
  /** Feature bits per character: starts a word of length 2, 3, 4, 5+; ends one of length 2, 3, 4, 5+. */
  public static final int FEATURES = 8;

  private final int[] words;
  private final int count;
  /** The words' hashes, flagged {@link #WORD}, and those of their shorter prefixes, flagged {@link #PREFIX}. */
  private final FlagSet hashes;
  /** How many of the words (the first ones) the network was trained with; the others were added. */
  private final int trained;
  /** The hashes of the added words, flagged {@link #WORD} (null if none). */
  private final FlagSet added;

  /** Flag of a {@link #features} lookup: the characters so far are a word. */
  public static final int WORD = 1;
  /**
   * Flag of a {@link #features} lookup: the characters so far begin a longer word (without it the
   * lookups starting at that character stop).
   */
  public static final int PREFIX = 2;

  /**
   * @param words the words, each as its length followed by its character ids, one after the other
   *              (the model file's {@code lexicon.words})
   */
  public Lexicon(int[] words) {
    this(words, Integer.MAX_VALUE);
  }

  /**
   * @param words   as for {@link #Lexicon(int[])}
   * @param trained how many of them, the first ones, the network was trained with (the model
   *                file's {@code lexicon_trained}); the others were added later ({@link #with})
   */
  public Lexicon(int[] words, int trained) {
    if (trained < 0) {
      throw new IllegalArgumentException("negative number of trained lexicon words: " + trained);
    }
    this.words = words.clone();
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
    this.count = count;
    this.trained = Math.min(trained, count);
    hashes = new FlagSet(words.length - 2 * count); // at most n - 1 keys for a word of n characters
    added = this.trained < count ? new FlagSet(count - this.trained) : null;
    int index = 0;
    for (int i = 0; i < words.length; i += 1 + words[i], index++) {
      int n = words[i];
      long h = extend(SEED, words[i + 1]);
      for (int len = 2; len <= n; len++) {
        h = extend(h, words[i + len]);
        hashes.add(finish(h, len), len == n ? WORD : PREFIX);
      }
      if (index >= this.trained) {
        added.add(finish(h, n), WORD);
      }
    }
  }

  /** A lexicon of the given words (character id arrays of length 2 to {@link #MAX_LENGTH}). */
  public static Lexicon of(List<int[]> wordIds) {
    return new Lexicon(flatten(new int[0], wordIds));
  }

  /**
   * This lexicon's words followed by those of {@code more} (character id arrays of length 2 to
   * {@link #MAX_LENGTH}) that it does not hold yet, each once (the first of equal ones); {@link
   * #size()} tells how many were new.
   */
  public Lexicon with(List<int[]> more) {
    FlagSet seen = new FlagSet(Math.max(1, more.size()));
    List<int[]> fresh = new ArrayList<>(more.size());
    for (int[] w : more) {
      long h = hash(w, 0, w.length);
      if (!containsHash(h) && (seen.get(h) & WORD) == 0) {
        seen.add(h, WORD);
        fresh.add(w);
      }
    }
    return new Lexicon(flatten(words, fresh), trained);
  }

  /** {@code flat} (the constructor's layout) followed by the words of {@code more} in that layout. */
  private static int[] flatten(int[] flat, List<int[]> more) {
    int size = flat.length;
    for (int[] w : more) {
      size += 1 + w.length;
    }
    int[] out = Arrays.copyOf(flat, size);
    int at = flat.length;
    for (int[] w : more) {
      out[at++] = w.length;
      System.arraycopy(w, 0, out, at, w.length);
      at += w.length;
    }
    return out;
  }

  /** Number of words. */
  public int size() {
    return count;
  }

  /** Number of words the network was trained with: the first ones; the others were added ({@link #with}). */
  public int trained() {
    return trained;
  }

  /** Whether {@code ids[from .. from + n)} is a word added to the lexicon after training ({@link #with}). */
  public boolean isAdded(int[] ids, int from, int n) {
    return added != null && (added.get(hash(ids, from, n)) & WORD) != 0;
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
    return containsHash(hash(ids, from, n));
  }

  /** Whether the word of this {@link #hash} is in the lexicon. */
  public boolean containsHash(long hash) {
    return (hashes.get(hash) & WORD) != 0;
  }

  /**
   * The feature bits of the characters {@code ids[from .. from + n)} (one sequence), into
   * {@code out[outOff ..]}: bit {@code min(L, 5) - 2} when a word of length L starts at the
   * character, bit {@code 4 + min(L, 5) - 2} when one ends there.
   */
  public void features(int[] ids, int from, int n, byte[] out, int outOff) {
    features(ids, from, n, out, outOff, hashes::get);
  }

  /**
   * As {@link #features(int[], int, int, byte[], int)} for any word list, given by the
   * {@link #WORD} and {@link #PREFIX} flags of a {@link #hash} (computed here as running hashes of
   * the prefixes starting at each character, one step per character and length). The lookups
   * starting at a character stop at the first one without {@link #PREFIX}: in text most
   * characters begin no word longer than two or three.
   */
  public static void features(int[] ids, int from, int n, byte[] out, int outOff, LongToIntFunction flags) {
    Arrays.fill(out, outOff, outOff + n, (byte) 0);
    for (int i = 0; i < n; i++) {
      long h = extend(SEED, ids[from + i]);
      for (int len = 2; len <= MAX_LENGTH && i + len <= n; len++) {
        h = extend(h, ids[from + i + len - 1]);
        int f = flags.applyAsInt(finish(h, len));
        if ((f & WORD) != 0) {
          mark(out, outOff + i, len);
        }
        if ((f & PREFIX) == 0) {
          break;
        }
      }
    }
  }

  /**
   * Sets the feature bits of a word of {@code len} characters (2 or more; 5 and more share a
   * bit) that starts at {@code out[start]}: its start bit there, its end bit at its last character.
   * A lexicon holds words of at most {@link #MAX_LENGTH} characters; a user dictionary's longer
   * words are marked too (the 5+ bits, further apart than a trained network has seen: on the MSR
   * gold words as a dictionary, {@code accurate} kept more words of 7 or 8 characters whole,
   * 44 -> 51, and as many longer ones).
   */
  public static void mark(byte[] out, int start, int len) {
    if (len < 2) {
      throw new IllegalArgumentException("a lexicon word has at least 2 characters, got " + len);
    }
    int bucket = Math.min(len, 5) - 2;
    out[start] |= (byte) (1 << bucket);
    out[start + len - 1] |= (byte) (1 << (4 + bucket));
  }

  /**
   * Open addressing map from 64-bit hashes to the flags {@link #WORD} and {@link #PREFIX}, one long
   * per key: the hash with its two lowest bits replaced by the flags (hashes that differ only there
   * count as one; among 100,000 random hashes the chance of that is about 10^-9). A key whose other
   * 62 bits are 0 is kept apart.
   */
  private static final class FlagSet {
    private static final long FLAGS = WORD | PREFIX;
    private final long[] slots;
    private final int mask;
    private int zeroFlags;

    FlagSet(int expected) {
      int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
      slots = new long[cap];
      mask = cap - 1;
    }

    void add(long h, int flags) {
      long k = h & ~FLAGS;
      if (k == 0) {
        zeroFlags |= flags;
        return;
      }
      int s = slot(k);
      while (slots[s] != 0) {
        if ((slots[s] & ~FLAGS) == k) {
          slots[s] |= flags;
          return;
        }
        s = (s + 1) & mask;
      }
      slots[s] = k | flags;
    }

    /** The flags of a hash (0: neither a word nor the beginning of one). */
    int get(long h) {
      long k = h & ~FLAGS;
      if (k == 0) {
        return zeroFlags;
      }
      int s = slot(k);
      while (true) {
        long v = slots[s];
        if ((v & ~FLAGS) == k) {
          return (int) (v & FLAGS);
        }
        if (v == 0) {
          return 0;
        }
        s = (s + 1) & mask;
      }
    }

    private int slot(long k) {
      return (int) ((k ^ (k >>> 32)) >>> 2) & mask;
    }
  }
}
