package dev.fenci.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.model.WordLanguageModel;
import dev.fenci.nn.Lexicon;
import dev.fenci.nn.Transitions;
import dev.fenci.tag.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WordLatticeTest {
  /** A language model of random words over ids 1..5 (so that lattice words are often known). */
  static WordLanguageModel randomModel(long seed, WordLanguageModel.Settings settings) {
    SplittableRandom r = new SplittableRandom(seed);
    List<List<int[]>> seqs = new ArrayList<>();
    for (int s = 0; s < 200; s++) {
      List<int[]> seq = new ArrayList<>();
      for (int w = r.nextInt(1, 8); w > 0; w--) {
        int[] word = new int[r.nextInt(1, 4)];
        for (int i = 0; i < word.length; i++) {
          word[i] = r.nextInt(1, 6);
        }
        seq.add(word);
      }
      seqs.add(seq);
    }
    return WordLanguageModel.build(settings, seqs, 6);
  }

  private static Transitions randomTransitions(SplittableRandom r) {
    return randomTransitions(r, 2);
  }

  @Property
  void withoutWeightItIsViterbi(@ForAll @IntRange(min = 1, max = 60) int n, @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] s = new float[(n + 3) * 4];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (r.nextDouble() * 8 - 4);
    }
    int[] ids = new int[n + 3];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = r.nextInt(0, 7); // 6: beyond the model's characters
    }
    Transitions t = r.nextBoolean() ? randomTransitions(r) : null;
    WordLanguageModel lm = randomModel(seed, new WordLanguageModel.Settings(0, 0, 2, 0.75, 0.4));
    int[] lattice = WordLattice.decode(s, 3, n, null, t, ids, lm);
    assertThat(lattice).containsExactly(Viterbi.decode(s, 12, n, null, t));
  }

  @Property
  void alwaysALegalTagPath(@ForAll @IntRange(min = 1, max = 60) int n, @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] s = new float[n * 4];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (r.nextDouble() * 8 - 4);
    }
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = r.nextInt(0, 6);
    }
    WordLanguageModel lm = randomModel(seed, new WordLanguageModel.Settings(r.nextDouble() * 3, r.nextDouble() * 4 - 2,
        2, 0.75, 0.4));
    int[] tags = WordLattice.decode(s, 0, n, null, randomTransitions(r), ids, lm);
    assertThat(Tag.of(tags[0]).startsWord()).isTrue();
    assertThat(Tag.of(tags[n - 1]).endsWord()).isTrue();
    for (int i = 1; i < n; i++) {
      assertThat(Tag.of(tags[i - 1]).canPrecede(Tag.of(tags[i]))).isTrue();
    }
  }

  @Test
  void aStrongModelPrefersItsWords() {
    // ids 1 2 as one word follow 3 every time; the network is undecided everywhere
    List<List<int[]>> seqs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      seqs.add(List.of(new int[] {3}, new int[] {1, 2}));
    }
    WordLanguageModel lm = WordLanguageModel.build(new WordLanguageModel.Settings(1, 0, 0, 0.75, 0.4), seqs, 4);
    float[] flat = new float[3 * 4];
    int[] tags = WordLattice.decode(flat, 0, 3, null, null, new int[] {3, 1, 2}, lm);
    assertThat(tags).containsExactly(Tag.S.ordinal(), Tag.B.ordinal(), Tag.E.ordinal());
  }

  /**
   * A word the model never saw that the decoder was told is a word (a dictionary's, or one added
   * to the lexicon) scores as a word seen once, not as an unseen string: here that decides.
   */
  @Test
  void aToldWordCountsAsSeenOnce() {
    // ids 1 and 2 are words of their own, one after the other every time; the network prefers 1 2 as one word
    List<List<int[]>> seqs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      seqs.add(List.of(new int[] {1}, new int[] {2}));
    }
    WordLanguageModel lm = WordLanguageModel.build(new WordLanguageModel.Settings(1, 0, 0, 0.75, 0.4), seqs, 4);
    float[] s = new float[2 * 4];
    s[Tag.B.ordinal()] = 15;
    int[] ids = {1, 2};
    int[] apart = {Tag.S.ordinal(), Tag.S.ordinal()};
    int[] joined = {Tag.B.ordinal(), Tag.E.ordinal()};
    assertThat(WordLattice.decode(s, 0, 2, null, null, ids, lm)).containsExactly(apart);
    assertThat(WordLattice.decode(s, 0, 2, null, null, ids, lm, null, told(2, 0, 2))).containsExactly(joined);
    assertThat(WordLattice.decode(s, 0, 2, null, null, ids, lm, null, told(2, 0, 1))).containsExactly(apart);
    Lexicon trained = Lexicon.of(List.of(new int[] {1, 2}));
    assertThat(WordLattice.decode(s, 0, 2, null, null, ids, lm, trained, null)).containsExactly(apart);
    Lexicon added = Lexicon.of(List.of(new int[] {3, 3})).with(List.of(new int[] {1, 2}));
    assertThat(WordLattice.decode(s, 0, 2, null, null, ids, lm, added, null)).containsExactly(joined);
  }

  @Test
  void aThreadKeepsNoArraysOfALongSequence() throws Exception {
    // on a thread of its own, so that no other test's sequences are in its arrays
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        WordLanguageModel lm = randomModel(3, WordLanguageModel.Settings.DEFAULT);
        SplittableRandom r = new SplittableRandom(5);
        for (int n : new int[] {12, 5_000, 12, WordLattice.KEPT_LENGTH, 3}) {
          float[] s = new float[4 * n];
          int[] ids = new int[n];
          for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
              s[4 * i + k] = (float) r.nextDouble(-2, 2);
            }
            ids[i] = r.nextInt(1, 6);
          }
          int[] tags = WordLattice.decode(s, 0, n, null, null, ids, lm);
          // the same tags as on a new thread, whose arrays are new
          int[][] fresh = new int[1][];
          Thread other = new Thread(() -> fresh[0] = WordLattice.decode(s, 0, n, null, null, ids, lm));
          other.start();
          other.join();
          assertThat(tags).as("n=%d", n).containsExactly(fresh[0]);
          int[] kept = WordLattice.keptSizes();
          assertThat(kept[0]).as("positions kept after n=%d", n).isLessThanOrEqualTo(2 * WordLattice.KEPT_LENGTH);
          assertThat(kept[1]).as("candidates kept after n=%d", n)
              .isLessThanOrEqualTo(2 * (WordLattice.LONGEST + 1) * WordLattice.KEPT_LENGTH);
          assertThat(kept[2]).as("word scores kept after n=%d", n)
              .isLessThanOrEqualTo(2 * (WordLattice.LONGEST + 1) * WordLattice.KEPT_LENGTH);
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    t.start();
    t.join();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  @Test
  void aVeryLongBestWordStaysACandidateAndTheSearchStaysLinear() {
    int n = 20_000;
    float[] s = new float[4 * n];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      s[4 * i + Tag.M.ordinal()] = 1; // one word of 20,000 characters is best, shorter ones close
      ids[i] = 1;
    }
    s[Tag.B.ordinal()] = 3;
    s[4 * (n - 1) + Tag.E.ordinal()] = 3;
    WordLanguageModel flat = randomModel(2, new WordLanguageModel.Settings(0, 0, 2, 0.75, 0.4));
    long start = System.nanoTime();
    assertThat(WordLattice.decode(s, 0, n, null, null, ids, flat)).containsExactly(Viterbi.decode(s, 0, n, null));
    int[] weighted = WordLattice.decode(s, 0, n, null, null, ids, randomModel(2, WordLanguageModel.Settings.DEFAULT));
    assertThat(weighted).hasSize(n);
    assertThat(System.nanoTime() - start).as("time for 2 x 20,000 characters").isLessThan(20_000_000_000L);
  }

  @Test
  void honoursAllowedTagsAndReportsWhenNoneAreLeft() {
    WordLanguageModel lm = randomModel(1, WordLanguageModel.Settings.DEFAULT);
    float[] flat = new float[2 * 4];
    byte[] allowed = {(byte) (1 << Tag.B.ordinal()), (byte) (1 << Tag.E.ordinal())};
    assertThat(WordLattice.decode(flat, 0, 2, allowed, null, new int[] {1, 1}, lm))
        .containsExactly(Tag.B.ordinal(), Tag.E.ordinal());
    byte[] impossible = {(byte) (1 << Tag.M.ordinal()), (byte) (1 << Tag.E.ordinal())};
    assertThat(WordLattice.decode(flat, 0, 2, impossible, null, new int[] {1, 1}, lm)).isNull();
  }

  /** Transitions with every legal entry uniform in (-scale, scale). */
  private static Transitions randomTransitions(SplittableRandom r, double scale) {
    float[] v = new float[6 * Tag.COUNT];
    for (int row = 0; row < 6; row++) {
      for (int t = 0; t < Tag.COUNT; t++) {
        v[row * Tag.COUNT + t] = Transitions.legal(row, t) ? (float) ((r.nextDouble() * 2 - 1) * scale) : Float.NEGATIVE_INFINITY;
      }
    }
    return Transitions.of(v);
  }

  /**
   * Scores far apart leave few words within {@link WordLattice#PRUNE} of the best path: the bounds
   * the pruning computes must be exact for the best path's words to stay candidates.
   */
  @Property(tries = 500)
  void withoutWeightItIsViterbiWhenThePruningIsTight(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] s = new float[(n + 2) * 4];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (r.nextDouble() * 40 - 20);
    }
    int[] ids = new int[n + 2];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = r.nextInt(0, 7);
    }
    Transitions t = r.nextBoolean() ? randomTransitions(r, 20) : null;
    WordLanguageModel lm = randomModel(seed, new WordLanguageModel.Settings(0, 0, 2, 0.75, 0.4));
    assertThat(WordLattice.decode(s, 2, n, null, t, ids, lm)).containsExactly(Viterbi.decode(s, 8, n, null, t));
  }

  /** Scores of two levels make many paths tie: the word lattice breaks the ties as Viterbi does. */
  @Property(tries = 500)
  void withoutWeightItIsViterbiOnTiesToo(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] s = new float[n * 4];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.nextInt(3) == 0 ? -1f : 0f;
    }
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = r.nextInt(0, 6);
    }
    WordLanguageModel lm = randomModel(seed, new WordLanguageModel.Settings(0, 0, 2, 0.75, 0.4));
    assertThat(WordLattice.decode(s, 0, n, null, null, ids, lm)).containsExactly(Viterbi.decode(s, 0, n, null));
  }

  @Test
  void aWordBonusCountsForEveryWord() {
    float[] flat = new float[3 * 4];
    int[] ids = {1, 2, 3};
    WordLanguageModel more = randomModel(1, new WordLanguageModel.Settings(0, 1, 2, 0.75, 0.4));
    WordLanguageModel fewer = randomModel(1, new WordLanguageModel.Settings(0, -1, 2, 0.75, 0.4));
    int s = Tag.S.ordinal();
    assertThat(WordLattice.decode(flat, 0, 3, null, null, ids, more)).containsExactly(s, s, s);
    assertThat(WordLattice.decode(flat, 0, 3, null, null, ids, fewer))
        .containsExactly(Tag.B.ordinal(), Tag.M.ordinal(), Tag.E.ordinal());
  }

  /** The word model scores the end of the sequence too: a word never seen last is not made the last word. */
  @Test
  void theEndOfTheSequenceCountsForTheLastWord() {
    // ids 1 2 end a sequence as two words; as one word, 1 2 is always followed by 3
    List<List<int[]>> seqs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      seqs.add(List.of(new int[] {1}, new int[] {2}));
      seqs.add(List.of(new int[] {1, 2}, new int[] {3}));
    }
    WordLanguageModel lm = WordLanguageModel.build(new WordLanguageModel.Settings(1, 0, 0, 0.75, 0.4), seqs, 4);
    assertThat(WordLattice.decode(new float[2 * 4], 0, 2, null, null, new int[] {1, 2}, lm))
        .containsExactly(Tag.S.ordinal(), Tag.S.ordinal());
    assertThat(WordLattice.decode(new float[3 * 4], 0, 3, null, null, new int[] {1, 2, 3}, lm))
        .containsExactly(Tag.B.ordinal(), Tag.E.ordinal(), Tag.S.ordinal());
  }

  /** As {@link #aToldWordCountsAsSeenOnce}, with the told word inside the window and the window inside the text. */
  @Test
  void aToldWordInsideTheSequenceCountsAsSeenOnce() {
    List<List<int[]>> seqs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      seqs.add(List.of(new int[] {3}, new int[] {1}, new int[] {2}));
    }
    WordLanguageModel lm = WordLanguageModel.build(new WordLanguageModel.Settings(1, 0, 0, 0.75, 0.4), seqs, 4);
    // the text 0 0 3 1 2, decoded from position 2: the network prefers 3 | 1 2
    float[] s = new float[5 * 4];
    s[4 * 2 + Tag.S.ordinal()] = 15;
    s[4 * 3 + Tag.B.ordinal()] = 15;
    int[] ids = {0, 0, 3, 1, 2};
    int[] apart = {Tag.S.ordinal(), Tag.S.ordinal(), Tag.S.ordinal()};
    int[] joined = {Tag.S.ordinal(), Tag.B.ordinal(), Tag.E.ordinal()};
    assertThat(WordLattice.decode(s, 2, 3, null, null, ids, lm)).containsExactly(apart);
    Lexicon added = Lexicon.of(List.of(new int[] {3, 3})).with(List.of(new int[] {1, 2}));
    assertThat(WordLattice.decode(s, 2, 3, null, null, ids, lm, added, null)).containsExactly(joined);
    assertThat(WordLattice.decode(s, 2, 3, null, null, ids, lm, null, told(5, 3, 5))).containsExactly(joined);
    assertThat(WordLattice.decode(s, 2, 3, null, null, ids, lm, null, told(5, 2, 4))).containsExactly(apart);
  }

  /**
   * A word whose best tag path is within {@link WordLattice#PRUNE} of the best path stays a
   * candidate, so that the word model can choose it; one further below does not.
   */
  @Test
  void theWordModelMayChooseAWordWithinThePruningMarginOnly() {
    // 1 2 is a word, and 3, 4 and 5 follow it, every time; the network prefers five single characters
    List<List<int[]>> seqs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      seqs.add(List.of(new int[] {1, 2}, new int[] {3}, new int[] {4}, new int[] {5}));
    }
    WordLanguageModel lm = WordLanguageModel.build(new WordLanguageModel.Settings(1, 0, 0, 0.75, 0.4), seqs, 6);
    int[] ids = {1, 2, 3, 4, 5};
    int sTag = Tag.S.ordinal();
    int[] joined = {Tag.B.ordinal(), Tag.E.ordinal(), sTag, sTag, sTag};
    int[] apart = {sTag, sTag, sTag, sTag, sTag};
    // five S at 3 each against B E S S S at 9: exactly PRUNE below the best path, still a candidate
    assertThat(WordLattice.decode(singles(5, 3f), 0, 5, null, null, ids, lm)).containsExactly(joined);
    // at 3.25 each, 6.5 below: no longer a candidate, whatever the word model says
    assertThat(WordLattice.decode(singles(5, 3.25f), 0, 5, null, null, ids, lm)).containsExactly(apart);
  }

  /** Scores of {@code n} positions that give S {@code score} and the other tags 0. */
  private static float[] singles(int n, float score) {
    float[] s = new float[4 * n];
    for (int i = 0; i < n; i++) {
      s[4 * i + Tag.S.ordinal()] = score;
    }
    return s;
  }

  /** The told words of a text of {@code n} code points: one range {@code [start, end)}. */
  private static ToldWords told(int n, int start, int end) {
    ToldWords t = new ToldWords(n);
    t.add(start, end);
    return t.done();
  }

  /**
   * Against a brute force over every segmentation of a short sequence: the lattice returns the best
   * segmentation (tag scores, transitions, word model, word bonus and the end of the sequence)
   * among those whose words it keeps as candidates: every one-character word, the words of the best
   * tag path, and every word through which the best tag path is at most {@link WordLattice#PRUNE}
   * below the best one. Tag scores far apart make the pruning bite, heavy weights make the word
   * model want pruned words.
   */
  @Property(tries = 400)
  void itFindsTheBestSegmentationOfItsCandidateWords(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] em = new float[n * 4];
    double spread = new double[] {0.5, 3, 8}[r.nextInt(3)];
    for (int i = 0; i < em.length; i++) {
      em[i] = (float) ((r.nextDouble() * 2 - 1) * spread);
    }
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = r.nextInt(0, 7);
    }
    Transitions t = r.nextBoolean() ? randomTransitions(r) : null;
    double weight = new double[] {0.1, 1, 3}[r.nextInt(3)];
    WordLanguageModel lm = randomModel(seed, new WordLanguageModel.Settings(weight, r.nextDouble() * 2 - 1,
        r.nextDouble() * 4, 0.75, 0.4));
    float[] tr = Viterbi.scores(t);
    int st = Transitions.START * Tag.COUNT;
    int en = Transitions.END * Tag.COUNT;
    // every segmentation: bit k set = a word ends after position k
    int segs = 1 << (n - 1);
    double[] tagScore = new double[segs];
    double[] total = new double[segs];
    double bestTag = Double.NEGATIVE_INFINITY;
    for (int m = 0; m < segs; m++) {
      int[] tags = tagsOf(m, n);
      double sc = tr[st + tags[0]] + tr[en + tags[n - 1]];
      for (int k = 0; k < n; k++) {
        sc += em[4 * k + tags[k]] + (k > 0 ? tr[4 * tags[k - 1] + tags[k]] : 0);
      }
      tagScore[m] = sc;
      bestTag = Math.max(bestTag, sc);
      double words = 0;
      int previous = WordLanguageModel.BOUNDARY;
      for (int[] w : wordsOf(m, n)) {
        long key = WordLanguageModel.startKey();
        double chars = 0;
        for (int k = w[0]; k < w[1]; k++) {
          key = WordLanguageModel.extendKey(key, ids[k]);
          chars += lm.logChar(ids[k]);
        }
        int index = lm.index(key);
        words += weight * lm.logProbability(previous, index, lm.logUnigram(index, lm.spelling(chars, w[1] - w[0])))
            + lm.settings().wordBonus();
        previous = index;
      }
      words += weight * lm.logProbability(previous, WordLanguageModel.BOUNDARY,
          lm.logUnigram(WordLanguageModel.BOUNDARY, 0));
      total[m] = sc + words;
    }
    // the candidates: the best tag score through each word [s, e), kept within PRUNE of the best
    double[][] through = new double[n][n + 1];
    for (double[] row : through) {
      java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    int bestTagSeg = 0;
    for (int m = 0; m < segs; m++) {
      if (tagScore[m] > tagScore[bestTagSeg]) {
        bestTagSeg = m;
      }
      for (int[] w : wordsOf(m, n)) {
        through[w[0]][w[1]] = Math.max(through[w[0]][w[1]], tagScore[m]);
      }
    }
    boolean[][] candidate = new boolean[n][n + 1];
    for (int s = 0; s < n; s++) {
      for (int e = s + 1; e <= n; e++) {
        candidate[s][e] = e - s == 1 || through[s][e] >= bestTag - WordLattice.PRUNE;
      }
    }
    for (int[] w : wordsOf(bestTagSeg, n)) {
      candidate[w[0]][w[1]] = true;
    }
    double expected = Double.NEGATIVE_INFINITY;
    for (int m = 0; m < segs; m++) {
      boolean ok = true;
      for (int[] w : wordsOf(m, n)) {
        ok &= candidate[w[0]][w[1]];
      }
      if (ok) {
        expected = Math.max(expected, total[m]);
      }
    }
    int[] got = WordLattice.decode(em, 0, n, null, t, ids, lm);
    int chosen = segmentationOf(got);
    for (int[] w : wordsOf(chosen, n)) {
      assertThat(candidate[w[0]][w[1]]).as("word [%d, %d) is a candidate", w[0], w[1]).isTrue();
    }
    assertThat(total[chosen]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static int[] tagsOf(int m, int n) {
    int[] tags = new int[n];
    for (int[] w : wordsOf(m, n)) {
      for (int k = w[0]; k < w[1]; k++) {
        tags[k] = Tag.inWord(k - w[0], w[1] - w[0]).ordinal();
      }
    }
    return tags;
  }

  private static List<int[]> wordsOf(int m, int n) {
    List<int[]> words = new ArrayList<>();
    int start = 0;
    for (int k = 0; k < n; k++) {
      if (k == n - 1 || (m & (1 << k)) != 0) {
        words.add(new int[] {start, k + 1});
        start = k + 1;
      }
    }
    return words;
  }

  private static int segmentationOf(int[] tags) {
    int m = 0;
    for (int k = 0; k + 1 < tags.length; k++) {
      if (Tag.of(tags[k]).endsWord()) {
        m |= 1 << k;
      }
    }
    return m;
  }
}
