package dev.fenci.nn;

import java.util.Arrays;
import java.util.List;

/**
 * The character bigrams a network has an embedding for. The bigram at a position is the character
 * there and the next one ({@code vocab} when the sequence ends there), both as character ids.
 * Bigram ids start at 1; id 0 stands for every bigram the model does not know.
 */
public final class Bigrams {
  private final int vocab;
  private final int[] keys;
  /** Open addressing: key + 1 (0 = empty) and id, in one long per slot. */
  private final long[] slots;
  private final int mask;

  /**
   * @param vocab number of character ids
   * @param keys  the known bigrams in id order (id = index + 1), each {@code first * (vocab + 1) + next}
   */
  public Bigrams(int vocab, int[] keys) {
    if ((long) vocab * (vocab + 1) + vocab >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("vocabulary of " + vocab + " characters is too large for bigram keys");
    }
    this.vocab = vocab;
    this.keys = keys.clone();
    int cap = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
    this.slots = new long[cap];
    this.mask = cap - 1;
    for (int i = 0; i < keys.length; i++) {
      int k = keys[i];
      if (k < 0 || k > vocab * (vocab + 1) - 1) {
        throw new IllegalArgumentException("bigram key " + k + " out of range for " + vocab + " characters");
      }
      int s = slot(k);
      while (slots[s] != 0) {
        if ((int) (slots[s] >>> 32) == k + 1) {
          throw new IllegalArgumentException("duplicate bigram key " + k);
        }
        s = (s + 1) & mask;
      }
      slots[s] = ((long) (k + 1) << 32) | (i + 1);
    }
  }

  /** Bigrams seen at least {@code minCount} times in {@code seqs} (character ids), most frequent first. */
  public static Bigrams count(List<int[]> seqs, int vocab, int minCount) {
    return new Bigrams(vocab, frequent(seqs, vocab, minCount, null));
  }

  /**
   * These bigrams, numbered for a vocabulary grown to {@code vocab} character ids (the ids of the
   * old one keep their meaning), followed by the bigrams of {@code seqs} (ids of the grown
   * vocabulary) that they lack and that occur at least {@code minCount} times, most frequent first:
   * the ids of these bigrams keep their meaning.
   */
  public Bigrams extend(List<int[]> seqs, int vocab, int minCount) {
    if (vocab < this.vocab) {
      throw new IllegalArgumentException("a vocabulary of " + vocab + " ids cannot extend one of " + this.vocab);
    }
    int[] renumbered = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      int first = keys[i] / (this.vocab + 1);
      int next = keys[i] % (this.vocab + 1);
      renumbered[i] = first * (vocab + 1) + (next == this.vocab ? vocab : next);
    }
    Bigrams old = new Bigrams(vocab, renumbered);
    int[] more = frequent(seqs, vocab, minCount, old);
    int[] all = Arrays.copyOf(renumbered, renumbered.length + more.length);
    System.arraycopy(more, 0, all, renumbered.length, more.length);
    return new Bigrams(vocab, all);
  }

  /** Keys of the bigrams of {@code seqs} seen at least {@code minCount} times and not in {@code known}, most frequent first (ties by key). */
  private static int[] frequent(List<int[]> seqs, int vocab, int minCount, Bigrams known) {
    java.util.HashMap<Integer, int[]> c = new java.util.HashMap<>();
    for (int[] s : seqs) {
      for (int i = 0; i < s.length; i++) {
        int next = i + 1 < s.length ? s[i + 1] : vocab;
        if (known == null || known.id(s[i], next) == 0) {
          c.computeIfAbsent(s[i] * (vocab + 1) + next, x -> new int[1])[0]++;
        }
      }
    }
    long[] kept = c.entrySet().stream().filter(e -> e.getValue()[0] >= minCount)
        .mapToLong(e -> ((long) (Integer.MAX_VALUE - e.getValue()[0]) << 32) | e.getKey()).sorted().toArray();
    int[] keys = new int[kept.length];
    for (int i = 0; i < kept.length; i++) {
      keys[i] = (int) kept[i];
    }
    return keys;
  }

  private int slot(int key) {
    int h = key * 0x9E3779B9;
    return (h ^ (h >>> 15)) & mask;
  }

  /** Id of the bigram ({@code first}, {@code next}); {@code next == vocab} marks the end of a sequence. */
  public int id(int first, int next) {
    int k = first * (vocab + 1) + next;
    int s = slot(k);
    while (true) {
      long v = slots[s];
      if (v == 0) {
        return 0;
      }
      if ((int) (v >>> 32) == k + 1) {
        return (int) v;
      }
      s = (s + 1) & mask;
    }
  }

  /** Number of ids, the unknown one included. */
  public int size() {
    return keys.length + 1;
  }

  public int vocab() {
    return vocab;
  }

  /** The known bigrams' keys in id order. */
  public int[] keys() {
    return keys.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bigrams b && b.vocab == vocab && Arrays.equals(b.keys, keys);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(keys);
  }
}
