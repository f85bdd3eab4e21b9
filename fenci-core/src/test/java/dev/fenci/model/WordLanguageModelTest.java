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
    assertThat(st.metadata().get("format_version")).isEqualTo("5");
    Model back = Model.load(st.toBytes(), "test");
    assertThat(back.wordModel()).isNotNull();
    assertThat(back.wordModel().size()).isEqualTo(2);
    assertThat(back.wordModel().settings()).isEqualTo(SETTINGS);
    assertThat(Model.load(m.toSafeTensors().toBytes(), "plain").wordModel()).isNull();

    SafeTensors bad = m.withWordModel(lm).toSafeTensors();
    bad.put("word_lm.bigrams", new int[] {0, 7, 1}, 1, 3); // word 7 does not exist
    assertThatThrownBy(() -> Model.load(bad.toBytes(), "bad.safetensors"))
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
}
