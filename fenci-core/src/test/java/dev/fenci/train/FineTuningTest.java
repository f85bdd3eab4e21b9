package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.corpus.Corpus;
import dev.fenci.model.Model;
import dev.fenci.model.ModelFormatException;
import dev.fenci.model.Vocabulary;
import dev.fenci.nn.Param;
import dev.fenci.text.TextRules;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that starts from a trained model ({@code --init}): synthetic text, no research data needed. */
class FineTuningTest {
  private static final List<String> WORDS = List.of("我们", "喜欢", "北京", "大学", "学生", "今天", "天气", "很", "好",
      "的", "在", "读书", "图书馆", "老师", "说", "明天", "去", "看", "电影", "了");

  @TempDir
  Path dir;
  Path base;

  /** Random sentences of {@code words}, one a line, words separated by spaces. */
  private Path corpus(String name, List<String> words, int lines, long seed) throws Exception {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      List<String> s = new ArrayList<>();
      for (int k = 3 + r.nextInt(8); k > 0; k--) {
        s.add(words.get(r.nextInt(words.size())));
      }
      out.add(String.join(" ", s));
    }
    Path p = dir.resolve(name);
    Files.write(p, out, StandardCharsets.UTF_8);
    return p;
  }

  private TrainingOptions options(Path train, String out, String arch, float lr, int epochs, boolean resume,
      String init) {
    return options(train, out, arch, lr, epochs, resume, init, 1);
  }

  private TrainingOptions options(Path train, String out, String arch, float lr, int epochs, boolean resume,
      String init, int minCount) {
    return TrainingOptions.builder(List.of(train), dir.resolve(out)).arch(arch).epochs(epochs).batch(64).threads(1)
        .seed(3).minCount(minCount).resume(resume).lr(lr).schedule("constant").ema(0f).init(init).wordModel(false).build();
  }

  private static PrintStream quiet() {
    return new PrintStream(java.io.OutputStream.nullOutputStream());
  }

  @BeforeEach
  void trainABase() throws Exception {
    Path a = corpus("a.utf8", WORDS, 300, 1);
    new Trainer(options(a, "base.safetensors", "accurate-lex", 1e-3f, 2, false, null), quiet(), false).run();
    base = dir.resolve("base.safetensors");
  }

  @Test
  void aRunStartsFromTheModelsWeightsVocabularyBigramsAndLexicon() throws Exception {
    // a step of 1e-9 leaves the weights where they started: what was saved is what was loaded
    Path a = dir.resolve("a.utf8");
    new Trainer(options(a, "tuned.safetensors", "accurate-lex", 1e-9f, 1, false, base.toString()), quiet(), false).run();
    Model b = Model.load(base);
    Model t = Model.load(dir.resolve("tuned.safetensors"));
    assertThat(t.arch()).isEqualTo("accurate-lex");
    assertThat(t.network().config()).isEqualTo(b.network().config());
    assertThat(t.vocabulary().size()).isEqualTo(b.vocabulary().size());
    assertThat(t.network().bigrams()).isEqualTo(b.network().bigrams());
    assertThat(t.network().lexicon().words()).containsExactly(b.network().lexicon().words());
    for (int i = 0; i < b.network().params().size(); i++) {
      Param x = b.network().params().get(i);
      float[] y = t.network().params().get(i).floats();
      float[] xv = x.floats();
      for (int k = 0; k < xv.length; k++) {
        assertThat(Math.abs(y[k] - xv[k])).as("%s[%d]", x.name(), k).isLessThan(1e-5f);
      }
    }
    float[] bt = b.transitions().param().value;
    float[] tt = t.transitions().param().value;
    for (int k = 0; k < bt.length; k++) {
      assertThat(tt[k]).isCloseTo(bt[k], org.assertj.core.data.Offset.offset(1e-5f));
    }
    assertThat(t.provenance()).containsKeys("init", "init_provenance");
    assertThat(t.provenance().get("init")).startsWith("base.safetensors crc32c:"); // the file's name, not its directories
    // the base's own record, whole: its training data stays known
    assertThat((java.util.Map<?, ?>) dev.fenci.model.Json.parse(t.provenance().get("init_provenance")))
        .isEqualTo(b.provenance());
  }

  /** The base trained for one epoch, at rate {@code lr}, on random sentences of the words less {@code drop} plus {@code add}. */
  private Model tune(List<String> drop, List<String> add, float lr) throws Exception {
    List<String> words = new ArrayList<>(WORDS);
    words.removeAll(drop);
    words.addAll(add);
    Path b = corpus("b.utf8", words, 200, 2);
    new Trainer(options(b, "tuned.safetensors", "accurate-lex", lr, 1, false, base.toString()), quiet(), false).run();
    return Model.load(dir.resolve("tuned.safetensors"));
  }

  @Test
  void aRunThatWouldOverwriteTheModelItStartsFromIsRefused() throws Exception {
    Path a = corpus("b.utf8", WORDS, 50, 2);
    byte[] before = java.nio.file.Files.readAllBytes(base);
    TrainingOptions inPlace = options(a, "base.safetensors", "accurate-lex", 1e-3f, 1, false, base.toString());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Trainer(inPlace, quiet(), false).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is the output");
    assertThat(java.nio.file.Files.readAllBytes(base)).isEqualTo(before);
  }

  @Test
  void aWordModelIsCountedFromTheRunsOwnWordsAndAFineTunedModelKeepsHavingOne() throws Exception {
    assertThat(Model.load(base).wordModel()).as("not asked for").isNull();
    Path a = corpus("a.utf8", WORDS, 300, 1);
    TrainingOptions o = options(a, "lm.safetensors", "accurate-lex", 1e-3f, 1, false, null);
    TrainingOptions withLm = o.toBuilder().wordModel(true).build();
    new Trainer(withLm, quiet(), false).run();
    Model m = Model.load(dir.resolve("lm.safetensors"));
    assertThat(m.wordModel()).isNotNull();
    assertThat(m.wordModel().size()).isEqualTo(WORDS.size());
    // from that model, on text of other words, without the option: a word model of the new words
    Path b = corpus("b.utf8", List.of("我们", "北大", "学生"), 100, 2);
    new Trainer(options(b, "tuned-lm.safetensors", "accurate-lex", 1e-3f, 1, false, dir.resolve("lm.safetensors").toString()),
        quiet(), false).run();
    Model t = Model.load(dir.resolve("tuned-lm.safetensors"));
    assertThat(t.wordModel()).isNotNull();
    assertThat(t.wordModel().size()).isEqualTo(3);
    assertThat(t.wordModel().settings()).isEqualTo(m.wordModel().settings());
    // merged: the starting model's 20 words and the new 北大 (我们 and 学生 are among them); 新词 is a new
    // character pair, read by ids the starting model's vocabulary did not have
    Path c = corpus("c.utf8", List.of("我们", "北大", "学生", "新词"), 100, 3);
    new Trainer(options(c, "merged-lm.safetensors", "accurate-lex", 1e-3f, 1, false, dir.resolve("lm.safetensors").toString())
        .toBuilder().wordModel(true).mergeWordModel(true).wordModelWeight(0.25).build(), quiet(), false).run();
    Model merged = Model.load(dir.resolve("merged-lm.safetensors"));
    assertThat(merged.wordModel().size()).isEqualTo(WORDS.size() + 2);
    // merged, the word model still decodes with the weight asked for, not the starting model's
    assertThat(merged.wordModel().settings()).isEqualTo(m.wordModel().settings().withWeight(0.25));
    assertThat(merged.provenance()).containsEntry("word_lm", "training words and the starting model's");
    assertThat(t.provenance()).containsEntry("word_lm", "training words");
  }

  @Test
  void mergingWordModelsNeedsAStartingModelThatHasOne() throws Exception {
    Path a = corpus("a.utf8", WORDS, 50, 1);
    assertThatThrownBy(() -> options(a, "x.safetensors", "accurate-lex", 1e-3f, 1, false, null).toBuilder()
        .mergeWordModel(true).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--init");
    TrainingOptions fromNoLm = options(a, "y.safetensors", "accurate-lex", 1e-3f, 1, false, base.toString()).toBuilder()
        .mergeWordModel(true).build();
    assertThatThrownBy(() -> new Trainer(fromNoLm, quiet(), false).run()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no word model to merge");
    assertThat(dir.resolve("y.safetensors")).doesNotExist();
  }

  @Test
  void theLexiconGrowsByTheNewWords() throws Exception {
    // 北大 joins known characters; 图书馆, a base word, is left out of the new text
    Model t = tune(List.of("图书馆"), List.of("北大"), 1e-3f);
    Model m = Model.load(base);
    int bei = t.vocabulary().id('北');
    int da = t.vocabulary().id('大');
    assertThat(m.network().lexicon().contains(new int[] {bei, da}, 0, 2)).isFalse();
    assertThat(t.network().lexicon().contains(new int[] {bei, da}, 0, 2)).isTrue();
    assertThat(t.network().lexicon().size()).isEqualTo(m.network().lexicon().size() + 1);
    int[] tsg = {t.vocabulary().id('图'), t.vocabulary().id('书'), t.vocabulary().id('馆')};
    assertThat(t.network().lexicon().contains(tsg, 0, 3)).as("a base word the new text lacks is kept").isTrue();
  }

  /** The log counts the starting model's characters as {@code fenci models} does: the unknown character's id is none of them. */
  @Test
  void theLogCountsTheStartingModelsCharactersWithoutTheUnknownOne() throws Exception {
    Path b = corpus("b.utf8", List.of("犇犇", "很", "好"), 50, 2);
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    new Trainer(options(b, "tuned.safetensors", "accurate-lex", 1e-3f, 1, false, base.toString()),
        new PrintStream(log, true, StandardCharsets.UTF_8), false).run();
    int known = Model.load(base).vocabulary().codePoints().length;
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(": its vocabulary of " + String.format(java.util.Locale.ROOT, "%,d", known)
            + " characters gains 1 new character seen at least 1 time, its ");
  }

  @Test
  void newCharactersAndBigramsGetRowsOfTheirOwnThatStartAsTheUnknownOnes() throws Exception {
    // 犇 and 猋 are new characters, 犇犇 and 犇猋 new bigrams; with a step of 1e-9 the weights stay where they started
    Model t = tune(List.of(), List.of("犇犇", "犇猋"), 1e-9f);
    Model m = Model.load(base);
    Vocabulary mv = m.vocabulary();
    Vocabulary tv = t.vocabulary();
    assertThat(mv.id('犇')).isEqualTo(Vocabulary.UNKNOWN);
    assertThat(tv.size()).isEqualTo(mv.size() + 2);
    assertThat(tv.id('犇')).isEqualTo(mv.size()); // appended, the more frequent first
    assertThat(tv.id('猋')).isEqualTo(mv.size() + 1);
    for (int cp : mv.codePoints()) {
      assertThat(tv.id(cp)).as("a base character keeps its id").isEqualTo(mv.id(cp));
    }
    int dim = t.network().config().embedDim();
    float[] te = t.network().params().get(0).floats();
    float[] me = m.network().params().get(0).floats();
    for (int k = 0; k < dim; k++) {
      assertThat(te[tv.id('犇') * dim + k]).isCloseTo(me[k], org.assertj.core.data.Offset.offset(1e-5f));
      assertThat(te[tv.id('学') * dim + k]).isCloseTo(me[mv.id('学') * dim + k], org.assertj.core.data.Offset.offset(1e-5f));
    }
    dev.fenci.nn.Bigrams mb = m.network().bigrams();
    dev.fenci.nn.Bigrams tb = t.network().bigrams();
    int end = tv.size(); // the bigram id of a character at the end of a piece pairs it with this
    assertThat(tb.id(tv.id('犇'), tv.id('猋'))).isGreaterThanOrEqualTo(mb.size());
    assertThat(tb.id(tv.id('学'), tv.id('生'))).isEqualTo(mb.id(mv.id('学'), mv.id('生'))).isPositive();
    assertThat(tb.id(tv.id('了'), end)).as("a piece's last character keeps its bigram")
        .isEqualTo(mb.id(mv.id('了'), mv.size())).isPositive();
    int bdim = t.network().config().bigramDim();
    float[] tg = t.network().params().get(1).floats();
    float[] mg = m.network().params().get(1).floats();
    int fresh = tb.id(tv.id('犇'), tv.id('猋'));
    for (int k = 0; k < bdim; k++) {
      assertThat(tg[fresh * bdim + k]).isCloseTo(mg[k], org.assertj.core.data.Offset.offset(1e-5f));
    }
    // a character seen once stays unknown with the default --min-count 2
    Path c = corpus("c.utf8", WORDS, 200, 3);
    Files.writeString(c, "犇 很 好\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    TrainingData d = TrainingData.build(Corpus.read(c, false, quiet()), TextRules.FOLD, mv, 2);
    assertThat(d.vocabulary().size()).isEqualTo(mv.size());
    assertThat(TrainingData.build(Corpus.read(c, false, quiet()), TextRules.FOLD, mv, 1).vocabulary().id('犇'))
        .isEqualTo(mv.size());
  }

  @Test
  void aNewBigramStartsAsThePairTheBaseReadWithItsUnknownCharacter() throws Exception {
    // a base that leaves out 犇, 猋 and 骉 (each seen once, --min-count 2) but keeps the bigram of the unknown character
    // before 很 (seen 3 times, the architecture's minimum)
    Path a = corpus("rare.utf8", WORDS, 300, 1);
    Files.writeString(a, "犇很 好\n猋很 好\n骉很 好\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    new Trainer(options(a, "rare.safetensors", "accurate-lex", 1e-3f, 1, false, null, 2), quiet(), false).run();
    Model m = Model.load(dir.resolve("rare.safetensors"));
    Vocabulary mv = m.vocabulary();
    assertThat(mv.id('犇')).isEqualTo(Vocabulary.UNKNOWN);
    int unknownBefore = m.network().bigrams().id(Vocabulary.UNKNOWN, mv.id('很'));
    assertThat(unknownBefore).isPositive();
    // fine-tuned on text where 犇很 is frequent: 犇 and the bigram 犇很 get rows of their own
    List<String> words = new ArrayList<>(WORDS);
    words.add("犇很");
    Path b = corpus("b.utf8", words, 200, 2);
    new Trainer(options(b, "tuned.safetensors", "accurate-lex", 1e-9f, 1, false, dir.resolve("rare.safetensors").toString()),
        quiet(), false).run();
    Model t = Model.load(dir.resolve("tuned.safetensors"));
    Vocabulary tv = t.vocabulary();
    int fresh = t.network().bigrams().id(tv.id('犇'), tv.id('很'));
    assertThat(tv.id('犇')).isEqualTo(mv.size());
    assertThat(fresh).isGreaterThanOrEqualTo(m.network().bigrams().size());
    int dim = t.network().config().bigramDim();
    float[] tg = t.network().params().get(1).floats();
    float[] mg = m.network().params().get(1).floats();
    for (int k = 0; k < dim; k++) {
      assertThat(tg[fresh * dim + k]).as("row of 犇很 = the base's row of (unknown, 很)")
          .isCloseTo(mg[unknownBefore * dim + k], org.assertj.core.data.Offset.offset(1e-5f));
    }
    assertThat(mg[unknownBefore * dim]).isNotCloseTo(mg[0], org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void anotherArchitectureOrMissingModelIsRefusedWithAMessage() throws Exception {
    Path a = dir.resolve("a.utf8");
    assertThatThrownBy(() -> new Trainer(options(a, "x.safetensors", "accurate-crf", 1e-3f, 1, false, base.toString()),
        quiet(), false).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("architecture accurate-lex, not accurate-crf");
    Path missing = dir.resolve("missing.safetensors");
    assertThatThrownBy(() -> new Trainer(options(a, "y.safetensors", "accurate-lex", 1e-3f, 1, false,
        missing.toString()), quiet(), false).run())
        .isInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("cannot start from it");
  }

  @Test
  void aCheckpointOfARunFromRandomWeightsIsNotResumedFromAModel() throws Exception {
    Path a = dir.resolve("a.utf8");
    new Trainer(options(a, "r.safetensors", "accurate-lex", 1e-3f, 1, false, null), quiet(), false).run();
    assertThatThrownBy(() -> new Trainer(options(a, "r.safetensors", "accurate-lex", 1e-3f, 2, true, base.toString()),
        quiet(), false).run())
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("was made from random weights, this run starts from a model (weights crc32c:")
        .hasMessageContaining("resume with no --init");
  }

  @Test
  void aRunFromAModelResumesExactly() throws Exception {
    List<String> words = new ArrayList<>(WORDS);
    words.add("北大");
    words.add("犇犇"); // a new character and bigram: the grown vocabulary is rebuilt the same on resuming
    Path b = corpus("b.utf8", words, 200, 2);
    new Trainer(options(b, "straight.safetensors", "accurate-lex", 1e-3f, 2, false, base.toString()), quiet(), false).run();
    new Trainer(options(b, "resumed.safetensors", "accurate-lex", 1e-3f, 1, false, base.toString()), quiet(), false).run();
    new Trainer(options(b, "resumed.safetensors", "accurate-lex", 1e-3f, 2, true, base.toString()), quiet(), false).run();
    var x = dev.fenci.model.SafeTensors.read(dir.resolve("straight.safetensors.ckpt"));
    var y = dev.fenci.model.SafeTensors.read(dir.resolve("resumed.safetensors.ckpt"));
    for (String name : x.names()) {
      if (name.endsWith("weight") && !name.startsWith("adam") && !name.startsWith("ema")) {
        assertThat(java.util.Arrays.equals(y.floats(name), x.floats(name))).as(name).isTrue();
      }
    }
  }

  @Test
  void aTraditionalCharacterOutsideTheVocabularyTrainsTheRowItIsReadAsAtSegmentation() throws Exception {
    Vocabulary v = Model.load(base).vocabulary();
    assertThat(v.id('學')).isEqualTo(Vocabulary.UNKNOWN);
    TrainingData d = TrainingData.build(List.of(List.of("學生", "犇"), List.of("學")), TextRules.FOLD, v, 2);
    assertThat(d.pieces().get(0).ids()).containsExactly(v.id('学'), v.id('生'), Vocabulary.UNKNOWN);
    // however often it occurs, it gets no row of its own; a new character seen often enough does
    d = TrainingData.build(List.of(List.of("學生", "犇"), List.of("學")), TextRules.FOLD, v, 1);
    assertThat(d.vocabulary().size()).isEqualTo(v.size() + 1);
    assertThat(d.pieces().get(0).ids()).containsExactly(v.id('学'), v.id('生'), v.size());
    // the decoder reads the same ids with the grown vocabulary: one function for both
    assertThat(d.vocabulary().read('學', TextRules.FOLD)).isEqualTo(v.id('学'));
    assertThat(d.vocabulary().read('犇', TextRules.FOLD)).isEqualTo(v.size());
  }
}
