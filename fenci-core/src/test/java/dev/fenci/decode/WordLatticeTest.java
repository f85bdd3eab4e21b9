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
    float[] v = new float[6 * Tag.COUNT];
    for (int row = 0; row < 6; row++) {
      for (int t = 0; t < Tag.COUNT; t++) {
        v[row * Tag.COUNT + t] = Transitions.legal(row, t) ? (float) (r.nextDouble() * 4 - 2) : Float.NEGATIVE_INFINITY;
      }
    }
    return Transitions.of(v);
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

  /** The told words of a text of {@code n} code points: one range {@code [start, end)}. */
  private static ToldWords told(int n, int start, int end) {
    ToldWords t = new ToldWords(n);
    t.add(start, end);
    return t.done();
  }
}
