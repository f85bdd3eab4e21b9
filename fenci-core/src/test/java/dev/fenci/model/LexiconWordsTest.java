package dev.fenci.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.TestModels;
import dev.fenci.nn.Lexicon;
import dev.fenci.text.TextRules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Model#withLexiconWords}: which words a model's lexicon takes, and what the new model keeps. */
class LexiconWordsTest {
  @TempDir
  Path dir;

  @Test
  void takesWordsOfTwoToSixKnownCharactersOnceAndSkipsTheRest() {
    Model m = TestModels.randomWithLexicon(1);
    int[] cps = m.vocabulary().codePoints();
    Lexicon before = m.network().lexicon();
    int k = 1; // words the random model's lexicon does not hold yet
    while (before.contains(ids(m, new String(cps, k, 2)), 0, 2) || before.contains(ids(m, new String(cps, k, 6)), 0, 6)) {
      k++;
    }
    String two = new String(cps, k, 2);
    String six = new String(cps, k, 6);
    String seven = new String(cps, k, 7);
    String one = new String(cps, k, 1);
    String unknown = new String(cps, k, 1) + "\uD83E\uDDEA"; // a character the vocabulary cannot read

    Model more = m.withLexiconWords(List.of(two, six, seven, one, unknown, two), "a test list");

    Lexicon after = more.network().lexicon();
    assertThat(after.size()).isEqualTo(before.size() + 2);
    assertThat(after.contains(ids(m, two), 0, 2)).isTrue();
    assertThat(after.contains(ids(m, six), 0, 6)).isTrue();
    assertThat(more.provenance().get("extra_lexicon")).isEqualTo("a test list (2 words added to the "
        + before.size() + " of the lexicon; skipped: 1 with a character the vocabulary cannot read, 2 of fewer than 2"
        + " or more than 6 characters, 1 already in the lexicon or repeated)");
    // nothing skipped: nothing said about skipping
    assertThat(m.withLexiconWords(List.of(two), "one word").provenance().get("extra_lexicon"))
        .isEqualTo("one word (1 words added to the " + before.size() + " of the lexicon)");
    assertThat(m.network().lexicon()).as("the model it came from is unchanged").isSameAs(before);
    assertThat(more.network().params()).isEqualTo(m.network().params());
  }

  @Test
  void theWordsGoIntoTheModelFile() throws Exception {
    Model m = TestModels.randomWithLexicon(2);
    int[] cps = m.vocabulary().codePoints();
    Model more = m.withLexiconWords(List.of(new String(cps, 3, 3)), "a test list");
    Path f = dir.resolve("m.safetensors");
    more.save(f);
    Model loaded = Model.load(f);
    assertThat(loaded.network().lexicon().size()).isEqualTo(more.network().lexicon().size());
    assertThat(loaded.network().lexicon().contains(ids(m, new String(cps, 3, 3)), 0, 3)).isTrue();
    assertThat(loaded.provenance()).containsEntry("extra_lexicon", more.provenance().get("extra_lexicon"));
  }

  @Test
  void aSecondListIsRecordedAfterTheFirst() {
    Model m = TestModels.randomWithLexicon(3);
    int[] cps = m.vocabulary().codePoints();
    Model twice = m.withLexiconWords(List.of(new String(cps, 2, 2)), "first list")
        .withLexiconWords(List.of(new String(cps, 5, 3)), "second list");
    assertThat(twice.provenance().get("extra_lexicon")).startsWith("first list (").contains("; second list (");
  }

  /** The two networks share the weights and what is derived from them: a refresh of either serves both. */
  @Test
  void weightsChangedAndRefreshedThroughOneNetworkReachTheOther() {
    Model m = TestModels.randomWithLexicon(4);
    List<dev.fenci.nn.Param> params = m.network().params();
    params.get(params.size() - 1).value[dev.fenci.tag.Tag.S.ordinal()] -= 50; // no one-character words:
    m.network().refresh(); // the first layer decides where words end
    Model twin = m.withLexiconWords(List.of(), "no words");
    int[] cps = m.vocabulary().codePoints();
    StringBuilder text = new StringBuilder();
    java.util.SplittableRandom r = new java.util.SplittableRandom(4);
    for (int i = 0; i < 400; i++) {
      text.appendCodePoint(cps[r.nextInt(Math.min(cps.length, 30))]);
    }
    String t = text.toString();
    List<String> before = dev.fenci.Segmenter.of(m).segment(t);
    assertThat(dev.fenci.Segmenter.of(twin).segment(t)).isEqualTo(before); // both tables built
    float[] e = m.network().params().get(0).value;
    for (int i = 0; i < e.length; i++) {
      e[i] = -2 * e[i];
    }
    for (dev.fenci.nn.Param p : m.network().params()) {
      if (p.name().startsWith("conv1.")) {
        for (int i = 0; i < p.value.length; i++) {
          p.value[i] = -p.value[i];
        }
      }
    }
    twin.network().refresh();
    List<String> after = dev.fenci.Segmenter.of(m).segment(t);
    assertThat(after).as("the change reaches the segmentation").isNotEqualTo(before);
    assertThat(dev.fenci.Segmenter.of(twin).segment(t)).isEqualTo(after);
  }

  /**
   * A word with a character the vocabulary lacks (棕榈: the default model does not know 榈) is
   * skipped, and the provenance counts it, though a user dictionary entry with multiplier 1 still
   * marks it (docs/dictionaries.md says when the two agree).
   */
  @Test
  void aWordWithACharacterTheVocabularyLacksIsSkippedAndCounted() {
    Model m = dev.fenci.Segmenter.load().model();
    assertThat(m.vocabulary().read("榈".codePointAt(0), m.rules())).isEqualTo(Vocabulary.UNKNOWN);
    Model more = m.withLexiconWords(List.of("棕榈", "棕榈油"), "palms");
    assertThat(more.network().lexicon().size()).isEqualTo(m.network().lexicon().size());
    assertThat(more.provenance().get("extra_lexicon"))
        .endsWith("palms (0 words added to the " + m.network().lexicon().size()
            + " of the lexicon; skipped: 2 with a character the vocabulary cannot read)");
  }

  @Test
  void aModelWithoutLexiconFeaturesSaysSo() {
    Model m = TestModels.random(TextRules.parse("fold"), 1);
    assertThatThrownBy(() -> m.withLexiconWords(List.of("中国"), "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reads no lexicon features")
        .hasMessageContaining("user dictionary");
  }

  private static int[] ids(Model m, String w) {
    return w.codePoints().map(cp -> m.vocabulary().read(cp, m.rules())).toArray();
  }
}
