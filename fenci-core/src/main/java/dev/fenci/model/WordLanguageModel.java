package dev.fenci.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A word bigram language model of the training text, for decoding over a word lattice: the decoder
 * adds {@code weight * log P(word | previous word) + wordBonus} to the network's score of every
 * word of a segmentation (docs/results.md, "A word bigram model at decoding time").
 *
 * <p>Words are sequences of character ids (as the network reads them), counted in sequences that
 * run between punctuation, each with a start and an end. Probabilities are interpolated absolute
 * discounting (discount {@code D}): {@code P(w | v) = max(c(v w) - D, 0) / c(v) + D t(v) / c(v)
 * P1(w)}, where {@code t(v)} is the number of distinct words after {@code v}, and {@code P1(w) =
 * max(c(w) - D, 0) / N + D (W + 1) / N P0(w)} with {@code W} distinct words and {@code N} tokens
 * (sequence ends included in both). A
 * word's spelling probability {@code P0} (the only part unseen words get) is a product of
 * character unigram probabilities (add-half smoothed) and a geometric length term (stop
 * probability {@code stop}), scaled by {@code e^newWordBonus}; a word the decoder was told is a
 * word (a user dictionary's, or one added to the lexicon) gets the {@code P1} of a word seen once
 * instead ({@link #logUnigramSeenOnce}). Stored in a model file as the
 * tensors {@code word_lm.*} with the settings in the metadata entry {@code word_lm}
 * (docs/model-format.md).
 */
public final class WordLanguageModel {
  /** The decoding weights and smoothing constants; {@link #DEFAULT} was chosen on pd1998's dev set. */
  public record Settings(double weight, double wordBonus, double newWordBonus, double discount, double stop) {
    public static final Settings DEFAULT = new Settings(0.1, 0, 2, 0.75, 0.4);

    public Settings {
      if (!(weight >= 0) || !(discount > 0 && discount < 1) || !(stop > 0 && stop < 1)
          || !Double.isFinite(wordBonus) || !Double.isFinite(newWordBonus) || !Double.isFinite(weight)) {
        throw new IllegalArgumentException("word language model settings out of range: " + this);
      }
    }

    /** These settings with the decoding weight {@code w}. */
    public Settings withWeight(double w) {
      return new Settings(w, wordBonus, newWordBonus, discount, stop);
    }
  }

  static final String WORDS = "word_lm.words";
  static final String COUNTS = "word_lm.counts";
  /** Version 5 files: the pairs as (previous, next, count) triples. */
  static final String BIGRAMS = "word_lm.bigrams";
  static final String PAIRS_PER_WORD = "word_lm.pairs_per_word";
  static final String FOLLOWERS = "word_lm.followers";
  static final String PAIR_COUNTS = "word_lm.pair_counts";
  static final String CHARS = "word_lm.chars";
  static final String META = "word_lm";
  /** Add-half smoothing of the character unigrams, over this many character types. */
  private static final double CHAR_PSEUDO = 0.5;
  private static final int CHAR_TYPES = 10_000;
  /** Index of the sequence boundary: the start as a previous word, the end as a next one. */
  public static final int BOUNDARY = 0;
  /** Index of a word the model never saw. */
  public static final int UNKNOWN = -1;

  private final Settings settings;
  private final int[] words; // length, ids; per word
  private final int[] counts; // [0]: sequences; [i]: count of word i
  private final int[] chars; // count per character id
  private final int longestWord;
  // derived
  private final long[] keys; // open addressing: word key -> index + 1 in slots
  private final int[] slots;
  private final int mask;
  private final double[] logChar;
  private final double logUnknownChar;
  private final double[] logUnigram; // log P1 of each known word (0: the end)
  private final double newWordScale; // log(D (W + 1) / N) + newWordBonus
  private final double seenOnce; // max(1 - D, 0) / N: a word's discounted share of P1 for one sighting
  private final double logGoOn; // log(1 - stop): per character after the first
  private final double logStop;
  private final int[] followStart; // per previous word v, its bigrams' range
  private final int[] follower;
  private final int[] pairCount;
  private final float[] logPair; // log P(w | v) of each counted pair
  private final double[] logBackoff; // log(D t(v) / c(v)); 0 where v never precedes anything

  /**
   * @param words        each word as its length followed by its character ids (word i of the file
   *                     is index i + 1)
   * @param counts       the sequence count, then each word's count
   * @param pairsPerWord for each previous word (index 0 the sequence start), how many pairs it
   *                     begins: the pairs are grouped by previous word, in index order
   * @param followers    each pair's next word (index 0 the sequence end), increasing within a group
   * @param pairCounts   each pair's count
   * @param chars        count of each character id in the counted words
   */
  public WordLanguageModel(Settings settings, int[] words, int[] counts, int[] pairsPerWord, int[] followers,
      int[] pairCounts, int[] chars) {
    this(settings, words.clone(), counts.clone(), pairsPerWord, followers.clone(), pairCounts.clone(), chars.clone(),
        true);
  }

  /** As the public constructor, keeping the arrays it is given (a caller that made them for it). */
  private WordLanguageModel(Settings settings, int[] words, int[] counts, int[] pairsPerWord, int[] followers,
      int[] pairCounts, int[] chars, boolean owned) {
    this.settings = settings;
    this.logGoOn = Math.log1p(-settings.stop());
    this.logStop = Math.log(settings.stop());
    this.words = words;
    this.counts = counts;
    this.chars = chars;
    int n = 0;
    int longest = 0;
    for (int i = 0; i < words.length; i += 1 + words[i]) {
      if (words[i] < 1 || words[i] > words.length - i - 1) {
        throw new IllegalArgumentException("word entry at " + i + " has length " + words[i]);
      }
      longest = Math.max(longest, words[i]);
      n++;
    }
    this.longestWord = longest;
    if (counts.length != n + 1) {
      throw new IllegalArgumentException(n + " words but " + counts.length + " counts (expected one more)");
    }
    if (pairsPerWord.length != n + 1 || followers.length != pairCounts.length) {
      throw new IllegalArgumentException("pair tables of " + pairsPerWord.length + " words (expected " + (n + 1)
          + "), " + followers.length + " followers and " + pairCounts.length + " counts (expected as many)");
    }
    int size = Integer.highestOneBit(Math.max(2, n) * 2) * 2;
    keys = new long[size];
    slots = new int[size];
    mask = size - 1;
    int index = 1;
    for (int i = 0; i < words.length; i += 1 + words[i], index++) {
      long k = key(words, i + 1, words[i]);
      int s = slot(k);
      while (slots[s] != 0) {
        if (keys[s] == k) {
          throw new IllegalArgumentException("word " + index + " is listed twice");
        }
        s = (s + 1) & mask;
      }
      keys[s] = k;
      slots[s] = index;
    }
    long charTotal = 0;
    for (int c : chars) {
      if (c < 0) {
        throw new IllegalArgumentException("negative character count");
      }
      charTotal += c;
    }
    double denom = charTotal + CHAR_PSEUDO * CHAR_TYPES;
    logChar = new double[chars.length];
    for (int i = 0; i < chars.length; i++) {
      logChar[i] = Math.log((chars[i] + CHAR_PSEUDO) / denom);
    }
    logUnknownChar = Math.log(CHAR_PSEUDO / denom);
    long tokens = 0;
    for (int c : counts) {
      tokens += c;
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < (i == BOUNDARY ? (n > 0 ? 1 : 0) : 1)) {
        throw new IllegalArgumentException((i == BOUNDARY ? "sequence count " : "count of word " + i + " ") + counts[i]
            + " (every word is counted at least once, in at least one sequence)");
      }
    }
    double d = settings.discount();
    double total = Math.max(1, tokens);
    newWordScale = Math.log(d * (n + 1) / total) + settings.newWordBonus();
    seenOnce = Math.max(1 - d, 0) / total;
    logUnigram = new double[n + 1];
    logUnigram[BOUNDARY] = Math.log(Math.max(counts[BOUNDARY] - d, 0) / total);
    index = 1;
    for (int i = 0; i < words.length; i += 1 + words[i], index++) {
      logUnigram[index] = Math.log(Math.max(counts[index] - d, 0) / total
          + Math.exp(newWordScale + spelling(words, i + 1, words[i])));
    }
    int pairs = followers.length;
    followStart = new int[n + 2];
    follower = followers;
    pairCount = pairCounts;
    logPair = new float[pairs];
    long[] history = new long[n + 1];
    for (int v = 0; v <= n; v++) {
      if (pairsPerWord[v] < 0 || pairsPerWord[v] > pairs - followStart[v]) {
        throw new IllegalArgumentException("word " + v + " begins " + pairsPerWord[v] + " pairs, more than the "
            + (pairs - followStart[v]) + " left");
      }
      followStart[v + 1] = followStart[v] + pairsPerWord[v];
      for (int p = followStart[v]; p < followStart[v + 1]; p++) {
        int w = follower[p];
        int c = pairCount[p];
        if (w < 0 || w > n || c < 1) {
          throw new IllegalArgumentException("pair " + p + " (" + v + ", " + w + ", " + c + ") out of range");
        }
        if (p > followStart[v] && w <= follower[p - 1]) {
          throw new IllegalArgumentException("the followers of word " + v + " are not increasing at pair " + p);
        }
        history[v] += c;
      }
    }
    if (followStart[n + 1] != pairs) {
      throw new IllegalArgumentException((pairs - followStart[n + 1]) + " pairs belong to no word");
    }
    logBackoff = new double[n + 1];
    for (int v = 0; v <= n; v++) {
      int types = followStart[v + 1] - followStart[v];
      logBackoff[v] = history[v] == 0 ? 0 : Math.log(d * types / history[v]);
      for (int p = followStart[v]; p < followStart[v + 1]; p++) {
        logPair[p] = (float) Math.log((pairCount[p] - d) / history[v] + Math.exp(logBackoff[v] + logUnigram[follower[p]]));
      }
    }
  }

  /** The grouped pair tables of (previous, next, count) triples sorted by previous word, then next (version 5). */
  private static int[][] grouped(int[] triples, int n) {
    if (triples.length % 3 != 0) {
      throw new IllegalArgumentException("bigram table of " + triples.length + " values (triples expected)");
    }
    int pairs = triples.length / 3;
    int[] perWord = new int[n + 1];
    int[] followers = new int[pairs];
    int[] counts = new int[pairs];
    for (int p = 0; p < pairs; p++) {
      int v = triples[3 * p];
      if (v < 0 || v > n) {
        throw new IllegalArgumentException("bigram " + p + " has previous word " + v + " out of range");
      }
      if (p > 0 && v < triples[3 * p - 3]) {
        throw new IllegalArgumentException("bigrams not sorted at " + p);
      }
      perWord[v]++;
      followers[p] = triples[3 * p + 1];
      counts[p] = triples[3 * p + 2];
    }
    return new int[][] {perWord, followers, counts};
  }

  public Settings settings() {
    return settings;
  }

  /** Length in characters of the longest word the model knows (any longer word is unknown to it). */
  public int longestWord() {
    return longestWord;
  }

  /** Number of distinct words. */
  public int size() {
    return counts.length - 1;
  }

  /** Counts a corpus: sequences of words, each word its character ids. */
  public static WordLanguageModel build(Settings settings, List<List<int[]>> sequences, int vocabSize) {
    Map<List<Integer>, Integer> index = new HashMap<>();
    List<int[]> byIndex = new ArrayList<>();
    byIndex.add(null);
    List<Integer> counts = new ArrayList<>(List.of(0));
    Map<Long, Integer> pairs = new HashMap<>();
    int[] chars = new int[vocabSize];
    for (List<int[]> seq : sequences) {
      if (seq.isEmpty()) {
        continue;
      }
      counts.set(BOUNDARY, counts.get(BOUNDARY) + 1);
      int prev = BOUNDARY;
      for (int[] w : seq) {
        List<Integer> k = Arrays.stream(w).boxed().toList();
        Integer i = index.get(k);
        if (i == null) {
          i = byIndex.size();
          index.put(k, i);
          byIndex.add(w.clone());
          counts.add(0);
        }
        counts.set(i, counts.get(i) + 1);
        for (int id : w) {
          chars[id]++;
        }
        pairs.merge(((long) prev << 32) | i, 1, Integer::sum);
        prev = i;
      }
      pairs.merge(((long) prev << 32) | BOUNDARY, 1, Integer::sum);
    }
    return assemble(settings, byIndex, counts, pairs, chars);
  }

  /**
   * This model's counts and {@code other}'s together, as if one model had counted both corpora:
   * the sequences, words, word pairs and characters of the two summed. Both must read characters by
   * the same ids: a fine-tuned model's vocabulary extends its starting model's, so the starting
   * model's ids keep their characters in it. The sum decodes with {@code settings} (a fine-tuned
   * model's, which may weigh the word model differently from the starting model's).
   */
  public WordLanguageModel plus(WordLanguageModel other, Settings settings) {
    Map<List<Integer>, Integer> index = new HashMap<>();
    List<int[]> byIndex = new ArrayList<>();
    byIndex.add(null);
    List<Integer> counts = new ArrayList<>(List.of(0));
    Map<Long, Integer> pairs = new HashMap<>();
    int[] chars = new int[Math.max(this.chars.length, other.chars.length)];
    for (WordLanguageModel m : List.of(this, other)) {
      int[] to = new int[m.counts.length]; // the model's word index -> the sum's (0 -> 0, the boundary)
      counts.set(BOUNDARY, counts.get(BOUNDARY) + m.counts[BOUNDARY]);
      int i = 1;
      for (int at = 0; at < m.words.length; at += 1 + m.words[at], i++) {
        int[] w = Arrays.copyOfRange(m.words, at + 1, at + 1 + m.words[at]);
        Integer j = index.get(Arrays.stream(w).boxed().toList());
        if (j == null) {
          j = byIndex.size();
          index.put(Arrays.stream(w).boxed().toList(), j);
          byIndex.add(w);
          counts.add(0);
        }
        counts.set(j, counts.get(j) + m.counts[i]);
        to[i] = j;
      }
      for (int v = 0; v < m.counts.length; v++) {
        for (int p = m.followStart[v]; p < m.followStart[v + 1]; p++) {
          pairs.merge(((long) to[v] << 32) | to[m.follower[p]], m.pairCount[p], Integer::sum);
        }
      }
      for (int c = 0; c < m.chars.length; c++) {
        chars[c] += m.chars[c];
      }
    }
    return assemble(settings, byIndex, counts, pairs, chars);
  }

  /** The model of counted words (index 0 unused), their counts (0: sequences) and pairs (previous << 32 | next). */
  private static WordLanguageModel assemble(Settings settings, List<int[]> byIndex, List<Integer> counts,
      Map<Long, Integer> pairs, int[] chars) {
    int size = 0;
    for (int i = 1; i < byIndex.size(); i++) {
      size += 1 + byIndex.get(i).length;
    }
    int[] words = new int[size];
    int at = 0;
    for (int i = 1; i < byIndex.size(); i++) {
      int[] w = byIndex.get(i);
      words[at++] = w.length;
      System.arraycopy(w, 0, words, at, w.length);
      at += w.length;
    }
    long[] sorted = pairs.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    int[] perWord = new int[byIndex.size()];
    int[] followers = new int[sorted.length];
    int[] pairCounts = new int[sorted.length];
    for (int p = 0; p < sorted.length; p++) {
      perWord[(int) (sorted[p] >>> 32)]++;
      followers[p] = (int) sorted[p];
      pairCounts[p] = pairs.get(sorted[p]);
    }
    return new WordLanguageModel(settings, words, counts.stream().mapToInt(Integer::intValue).toArray(), perWord,
        followers, pairCounts, chars, true);
  }

  /** Adds this model's tensors and settings to a model file's. */
  public void writeTo(SafeTensors st) {
    st.put(WORDS, words, words.length);
    st.put(COUNTS, counts, counts.length);
    int[] perWord = new int[followStart.length - 1];
    for (int v = 0; v < perWord.length; v++) {
      perWord[v] = followStart[v + 1] - followStart[v];
    }
    st.put(PAIRS_PER_WORD, perWord, perWord.length);
    st.put(FOLLOWERS, follower, follower.length);
    st.put(PAIR_COUNTS, pairCount, pairCount.length);
    st.put(CHARS, chars, chars.length);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("weight", settings.weight());
    m.put("word_bonus", settings.wordBonus());
    m.put("new_word_bonus", settings.newWordBonus());
    m.put("discount", settings.discount());
    m.put("stop", settings.stop());
    st.metadata().put(META, Json.write(m));
  }

  /** The model stored in a file's tensors, or null if it holds none. */
  static WordLanguageModel readFrom(SafeTensors st, String source) throws ModelFormatException {
    if (!st.metadata().containsKey(META)) {
      return null;
    }
    boolean triples = st.has(BIGRAMS); // version 5
    for (String t : triples ? List.of(WORDS, COUNTS, BIGRAMS, CHARS)
        : List.of(WORDS, COUNTS, PAIRS_PER_WORD, FOLLOWERS, PAIR_COUNTS, CHARS)) {
      if (!st.has(t)) {
        throw new ModelFormatException(source, "missing tensor " + t);
      }
    }
    try {
      Map<?, ?> m = (Map<?, ?>) Json.parse(st.metadata().get(META));
      Settings s = new Settings(num(m, "weight"), num(m, "word_bonus"), num(m, "new_word_bonus"),
          num(m, "discount"), num(m, "stop"));
      int[] counts = st.ints(COUNTS);
      int[][] pairs = triples ? grouped(st.ints(BIGRAMS), counts.length - 1)
          : new int[][] {st.ints(PAIRS_PER_WORD), st.ints(FOLLOWERS), st.ints(PAIR_COUNTS)};
      return new WordLanguageModel(s, st.ints(WORDS), counts, pairs[0], pairs[1], pairs[2], st.ints(CHARS), true);
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new ModelFormatException(source, "damaged word language model: " + e.getMessage());
    }
  }

  private static double num(Map<?, ?> m, String name) {
    Object v = m.get(name);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("setting " + name + " missing");
    }
    return n.doubleValue();
  }

  // ---- lookups while decoding

  /** The key of an empty word, to be extended one character id at a time. */
  public static long startKey() {
    return 0x2545F4914F6CDD1DL;
  }

  /** The key of a word extended by one more character id. */
  public static long extendKey(long h, int id) {
    h = (h ^ (id + 0x9E3779B9L)) * 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }

  private static long key(int[] ids, int from, int n) {
    long h = startKey();
    for (int i = from; i < from + n; i++) {
      h = extendKey(h, ids[i]);
    }
    return h;
  }

  private int slot(long k) {
    return (int) (k ^ (k >>> 32)) & mask;
  }

  /** The index of the word whose key ({@link #extendKey} over its ids) is {@code k}, or {@link #UNKNOWN}. */
  public int index(long k) {
    for (int s = slot(k); slots[s] != 0; s = (s + 1) & mask) {
      if (keys[s] == k) {
        return slots[s];
      }
    }
    return UNKNOWN;
  }

  /** The log spelling probability contributed by one character id (the first of a word's terms). */
  public double logChar(int id) {
    return id >= 0 && id < logChar.length ? logChar[id] : logUnknownChar;
  }

  /** log P0 of a word from the sum of its characters' {@link #logChar} and its length. */
  public double spelling(double logChars, int length) {
    return logChars + (length - 1) * logGoOn + logStop;
  }

  private double spelling(int[] ids, int from, int n) {
    double s = 0;
    for (int i = from; i < from + n; i++) {
      s += logChar(ids[i]);
    }
    return spelling(s, n);
  }

  /**
   * log P1 of a word: {@code index} from {@link #index}; for an unknown word, {@code logSpelling}
   * (its {@link #spelling}) is what counts.
   */
  public double logUnigram(int index, double logSpelling) {
    return index == UNKNOWN ? newWordScale + logSpelling : logUnigram[index];
  }

  /**
   * log P1 of a word the model never saw, scored as if it had seen it once (a user dictionary's
   * word): its spelling, {@code logSpelling}, plus the share of one sighting.
   */
  public double logUnigramSeenOnce(double logSpelling) {
    return Math.log(seenOnce + Math.exp(newWordScale + logSpelling));
  }

  /**
   * log P(next | previous): {@code previous} an index, {@link #BOUNDARY} at the start or
   * {@link #UNKNOWN}; {@code next} an index or {@link #BOUNDARY} at the end; {@code logUnigram}
   * the next word's {@link #logUnigram} (counted pairs have theirs precomputed, as floats).
   */
  public double logProbability(int previous, int next, double logUnigram) {
    if (previous == UNKNOWN) {
      return logUnigram;
    }
    if (next != UNKNOWN) {
      int lo = followStart[previous];
      int hi = followStart[previous + 1] - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int f = follower[mid];
        if (f < next) {
          lo = mid + 1;
        } else if (f > next) {
          hi = mid - 1;
        } else {
          return logPair[mid];
        }
      }
    }
    // in logs: a long unknown word's probability underflows a double
    return logBackoff[previous] + logUnigram;
  }
}
