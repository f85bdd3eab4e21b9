package dev.fenci.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordLanguageModelTest {
  private static final WordLanguageModel.Settings SETTINGS = WordLanguageModel.Settings.DEFAULT;

  /** Two sequences: [1 2] [3] and [3] [3]. */
  private static WordLanguageModel tiny() {
    return WordLanguageModel.build(SETTINGS, List.of(
        List.of(new int[] {1, 2}, new int[] {3}),
        List.of(new int[] {3}, new int[] {3})), 4);
  }

  private static int index(WordLanguageModel lm, int... ids) {
    long k = WordLanguageModel.startKey();
    for (int id : ids) {
      k = WordLanguageModel.extendKey(k, id);
    }
    return lm.index(k);
  }

  @Test
  void countsAndDiscountsAsDocumented() {
    WordLanguageModel lm = tiny();
    assertThat(lm.size()).isEqualTo(2);
    int w12 = index(lm, 1, 2);
    int w3 = index(lm, 3);
    assertThat(w12).isPositive();
    assertThat(w3).isPositive().isNotEqualTo(w12);
    assertThat(index(lm, 2, 1)).isEqualTo(WordLanguageModel.UNKNOWN);
    assertThat(index(lm, 1)).isEqualTo(WordLanguageModel.UNKNOWN);
    // N = 4 words + 2 sequence ends; W = 2 words + the end
    double d = 0.75;
    double n = 6;
    // P0 of word 3: one character of 5 counted ones (1, 2, 3, 3, 3), add-half over 10,000 types
    double p0 = (3 + 0.5) / (5 + 0.5 * 10_000) * 0.4 * Math.exp(2);
    double p1 = (3 - d) / n + d * 3 / n * p0;
    assertThat(lm.logUnigram(w3, 0)).isCloseTo(Math.log(p1), within(1e-9));
    // after 3: 3 once, the end twice (c(3) as history: 3), t(3) = 2
    double after3 = (1 - d) / 3 + d * 2 / 3 * p1;
    assertThat(lm.logProbability(w3, w3, lm.logUnigram(w3, 0))).isCloseTo(Math.log(after3), within(1e-6));
    // [1 2] never follows 3: the back-off part only
    assertThat(lm.logProbability(w3, w12, lm.logUnigram(w12, 0)))
        .isCloseTo(Math.log(d * 2 / 3) + lm.logUnigram(w12, 0), within(1e-6));
    // an unknown previous word: the unigram
    assertThat(lm.logProbability(WordLanguageModel.UNKNOWN, w3, -1.5)).isEqualTo(-1.5);
  }

  @Test
  void aSumOfTwoModelsIsTheModelOfBothCorpora() {
    List<List<int[]>> a = List.of(List.of(new int[] {1, 2}, new int[] {3}), List.of(new int[] {3}, new int[] {3}));
    // a vocabulary one character larger (5), as a fine-tuned model's: word [5] and [1 2] again
    List<List<int[]>> b = List.of(List.of(new int[] {3}, new int[] {1, 2}, new int[] {5}), List.of(new int[] {4, 4}));
    WordLanguageModel sum = WordLanguageModel.build(SETTINGS, a, 5).plus(WordLanguageModel.build(SETTINGS, b, 6),
        SETTINGS.withWeight(0.3));
    assertThat(sum.settings()).isEqualTo(SETTINGS.withWeight(0.3));
    List<List<int[]>> both = new java.util.ArrayList<>(a);
    both.addAll(b);
    WordLanguageModel whole = WordLanguageModel.build(SETTINGS, both, 6);
    assertThat(sum.size()).isEqualTo(whole.size()).isEqualTo(4);
    int[][] words = {{1, 2}, {3}, {5}, {4, 4}, {2}};
    for (int c = 0; c < 7; c++) {
      assertThat(sum.logChar(c)).isEqualTo(whole.logChar(c));
    }
    for (int[] v : words) {
      int sv = index(sum, v);
      int wv = index(whole, v);
      assertThat(sv == WordLanguageModel.UNKNOWN).isEqualTo(wv == WordLanguageModel.UNKNOWN);
      double spelling = sum.spelling(java.util.Arrays.stream(v).mapToDouble(sum::logChar).sum(), v.length);
      assertThat(sum.logUnigram(sv, spelling)).isCloseTo(whole.logUnigram(wv, spelling), within(1e-12));
      for (int[] w : words) {
        int sw = index(sum, w);
        int ww = index(whole, w);
        double u = sum.logUnigram(sw, sum.spelling(java.util.Arrays.stream(w).mapToDouble(sum::logChar).sum(), w.length));
        assertThat(sum.logProbability(sv, sw, u)).as("%s after %s", java.util.Arrays.toString(w),
            java.util.Arrays.toString(v)).isCloseTo(whole.logProbability(wv, ww, u), within(1e-6));
      }
      assertThat(sum.logProbability(sv, WordLanguageModel.BOUNDARY, 0))
          .isCloseTo(whole.logProbability(wv, WordLanguageModel.BOUNDARY, 0), within(1e-6));
    }
  }

  @Test
  void anUnknownWordIsSpelledOutAndALongOneDoesNotUnderflow() {
    WordLanguageModel lm = tiny();
    double chars = 0;
    for (int i = 0; i < 400; i++) {
      chars += lm.logChar(5); // never counted
    }
    double spelling = lm.spelling(chars, 400);
    double p = lm.logProbability(WordLanguageModel.BOUNDARY, WordLanguageModel.UNKNOWN,
        lm.logUnigram(WordLanguageModel.UNKNOWN, spelling));
    assertThat(p).isFinite().isLessThan(-3000);
  }

  @Test
  void survivesAModelFileAndRejectsDamage() throws Exception {
    Model m = dev.fenci.TestModels.randomCrf(1);
    WordLanguageModel lm = WordLanguageModel.build(SETTINGS, List.of(List.of(new int[] {1, 2}, new int[] {3})),
        m.vocabulary().size());
    SafeTensors st = m.withWordModel(lm).toSafeTensors();
    assertThat(st.metadata().get("format_version")).isEqualTo("6");
    Model back = Model.load(st.toBytes(), "test");
    assertThat(back.wordModel()).isNotNull();
    assertThat(back.wordModel().size()).isEqualTo(2);
    assertThat(back.wordModel().settings()).isEqualTo(SETTINGS);
    assertThat(Model.load(m.toSafeTensors().toBytes(), "plain").wordModel()).isNull();

    for (int[][] pairs : new int[][][] {{{2, 0, 0}, {7, 2}, {1, 1}}, {{1, 0, 0}, {1}, {1}, {1, 2}},
        {{0, 2, 0}, {2, 1}, {1, 1}}, {{1, 0, 0}, {1}, {0}}}) {
      // word 7 does not exist; a count list of another length; followers not increasing; a count of 0
      SafeTensors bad = m.withWordModel(lm).toSafeTensors();
      bad.put("word_lm.pairs_per_word", pairs[0], pairs[0].length);
      bad.put("word_lm.followers", pairs[1], pairs[1].length);
      bad.put("word_lm.pair_counts", pairs[pairs.length - 1], pairs[pairs.length - 1].length);
      assertThatThrownBy(() -> Model.load(bad.toBytes(), "bad.safetensors"))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageContaining("bad.safetensors").hasMessageContaining("word language model");
    }
    SafeTensors badTriples = m.withWordModel(lm).toSafeTensors();
    badTriples.put("word_lm.bigrams", new int[] {0, 7, 1}, 1, 3); // version 5's layout; word 7 does not exist
    assertThatThrownBy(() -> Model.load(badTriples.toBytes(), "bad.safetensors"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("bad.safetensors").hasMessageContaining("word language model");
    for (int[] words : new int[][] {{Integer.MAX_VALUE, 5}, {0}, {3, 1}}) {
      SafeTensors damaged = m.withWordModel(lm).toSafeTensors();
      damaged.put("word_lm.words", words, words.length);
      assertThatThrownBy(() -> Model.load(damaged.toBytes(), "words.safetensors"))
          .as("words %s", java.util.Arrays.toString(words))
          .isInstanceOf(ModelFormatException.class).hasMessageContaining("word language model");
    }
    SafeTensors uncounted = m.withWordModel(lm).toSafeTensors();
    uncounted.put("word_lm.counts", new int[] {1, 0, 1}, 3); // word 1 never counted
    assertThatThrownBy(() -> Model.load(uncounted.toBytes(), "counts.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("count of word 1");
    SafeTensors old = m.withWordModel(lm).toSafeTensors();
    old.metadata().put("format_version", "4");
    assertThatThrownBy(() -> Model.load(old.toBytes(), "old.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("version 5");
  }

  @Test
  void readsVersionFivesTriplesAsTheSameModel() throws Exception {
    Model m = dev.fenci.TestModels.randomCrf(1);
    WordLanguageModel lm = WordLanguageModel.build(SETTINGS, List.of(
        List.of(new int[] {1, 2}, new int[] {3}, new int[] {1, 2}),
        List.of(new int[] {3}, new int[] {3}, new int[] {4})), m.vocabulary().size());
    SafeTensors st = m.withWordModel(lm).toSafeTensors();
    // the same pairs as version 5 stored them: (previous, next, count), sorted
    int[] perWord = st.ints("word_lm.pairs_per_word");
    int[] followers = st.ints("word_lm.followers");
    int[] counts = st.ints("word_lm.pair_counts");
    int[] triples = new int[3 * followers.length];
    for (int v = 0, p = 0; v < perWord.length; v++) {
      for (int k = 0; k < perWord[v]; k++, p++) {
        triples[3 * p] = v;
        triples[3 * p + 1] = followers[p];
        triples[3 * p + 2] = counts[p];
      }
    }
    SafeTensors v5 = new SafeTensors();
    v5.metadata().putAll(st.metadata());
    v5.metadata().put("format_version", "5");
    for (String name : st.names()) {
      if (name.startsWith("word_lm.")) {
        continue;
      }
      if (java.util.Set.of("vocab.codepoints", "bigram.keys", "lexicon.words").contains(name)) {
        v5.put(name, st.ints(name), st.shape(name));
      } else {
        v5.put(name, st.floats(name), st.shape(name));
      }
    }
    v5.put("word_lm.words", st.ints("word_lm.words"), st.shape("word_lm.words"));
    v5.put("word_lm.counts", st.ints("word_lm.counts"), st.shape("word_lm.counts"));
    v5.put("word_lm.chars", st.ints("word_lm.chars"), st.shape("word_lm.chars"));
    v5.put("word_lm.bigrams", triples, followers.length, 3);
    SafeTensors grouped = m.withWordModel(lm).toSafeTensors();
    grouped.metadata().put("format_version", "5");
    assertThatThrownBy(() -> Model.load(grouped.toBytes(), "grouped.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("need version 6");
    WordLanguageModel back = Model.load(v5.toBytes(), "v5.safetensors").wordModel();
    assertThat(back.size()).isEqualTo(lm.size());
    int w12 = index(lm, 1, 2);
    int w3 = index(lm, 3);
    int w4 = index(lm, 4);
    for (int prev : new int[] {WordLanguageModel.BOUNDARY, w12, w3, w4}) {
      for (int next : new int[] {WordLanguageModel.BOUNDARY, w12, w3, w4}) {
        assertThat(back.logProbability(prev, next, back.logUnigram(next, 0)))
            .isEqualTo(lm.logProbability(prev, next, lm.logUnigram(next, 0)));
      }
    }
  }
}
