package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingOptionsTest {
  private static final List<Path> TRAIN = List.of(Path.of("train.utf8"));
  private static final Path OUT = Path.of("out.safetensors");

  @Test
  void withNothingSetTheDefaultPresetsRecipeIsTrained() {
    TrainingOptions o = TrainingOptions.builder(TRAIN, OUT).build();
    assertThat(o.arch()).isEqualTo("accurate-lex");
    assertThat(o.epochs()).isEqualTo(20);
    assertThat(o.batch()).isEqualTo(256);
    assertThat(o.schedule()).isEqualTo("cosine");
    assertThat(o.ema()).isEqualTo(0.999f);
    assertThat(o.wordModel()).isTrue();
    assertThat(o.pretrain()).isZero();
    assertThat(o.dev()).isNull();
    assertThat(o.lr()).isEqualTo(1e-3f);
    assertThat(o.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void theRecipeFollowsTheArchitectureChosenAndWhatIsSetWins() {
    TrainingOptions seed = TrainingOptions.builder(TRAIN, OUT).arch("seed").build();
    assertThat(List.of(seed.epochs(), seed.batch())).containsExactly(30, 1024);
    assertThat(seed.schedule()).isEqualTo("constant");
    assertThat(seed.ema()).isZero();
    assertThat(seed.wordModel()).isFalse();
    TrainingOptions fast = TrainingOptions.builder(TRAIN, OUT).arch("fast-lex").build();
    assertThat(fast.schedule()).isEqualTo("cosine");
    assertThat(fast.wordModel()).isFalse();
    assertThat(fast.pretrain()).isZero();
    assertThat(seed.pretrain()).isZero();
    // a run from a model keeps its embeddings: asking for pretraining is refused
    assertThat(TrainingOptions.builder(TRAIN, OUT).arch("accurate-lex").init("x.safetensors").build().pretrain()).isZero();
    assertThat(TrainingOptions.builder(TRAIN, OUT).pretrain(3).build().pretrain()).isEqualTo(3);
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).arch("accurate-lex").init("x.safetensors").pretrain(3).build())
        .hasMessageContaining("--pretrain").hasMessageContaining("--init");
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).pretrain(-1).build()).hasMessageContaining("from 0");
    // set before or after the architecture, a value given is kept
    TrainingOptions given = TrainingOptions.builder(TRAIN, OUT).epochs(3).wordModel(false).arch("accurate-lex")
        .schedule("constant").ema(0f).batch(64).build();
    assertThat(List.of(given.epochs(), given.batch())).containsExactly(3, 64);
    assertThat(given.schedule()).isEqualTo("constant");
    assertThat(given.ema()).isZero();
    assertThat(given.wordModel()).isFalse();
  }

  @Test
  void toBuilderGivesTheSameOptionsBack() {
    TrainingOptions o = TrainingOptions.builder(TRAIN, OUT).dev(Path.of("dev.utf8")).arch("fast-wide").seed(9).threads(1)
        .keep(0.7f).hiddenKeep(0.9f).weightDecay(0.1f).unkRate(0.05f).batches("mixed").minCount(3).lenient(true)
        .init("fast").resume(true).lr(0.002f).build();
    assertThat(o.toBuilder().build()).isEqualTo(o);
    TrainingOptions p = TrainingOptions.builder(TRAIN, OUT).pretrain(5).build();
    assertThat(p.toBuilder().build()).isEqualTo(p);
    assertThat(o.toBuilder().arch("seed").build().epochs()).as("the recipe's values were set explicitly").isEqualTo(30);
  }

  @Test
  void theLatticeLossNeedsAWordModelAndTransitionsAndTheWeightARange() {
    TrainingOptions o = TrainingOptions.builder(TRAIN, OUT).latticeLoss(true).wordModelWeight(0.15).build();
    assertThat(o.latticeLoss()).isTrue();
    assertThat(o.wordModelWeight()).isEqualTo(0.15);
    assertThat(o.toBuilder().build()).isEqualTo(o);
    assertThat(TrainingOptions.builder(TRAIN, OUT).build().wordModelWeight()).as("the default: the model's or 0.1").isNaN();
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).latticeLoss(true).wordModel(false).build())
        .hasMessageContaining("needs one (--word-lm)");
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).arch("accurate").wordModel(true).latticeLoss(true).build())
        .hasMessageContaining("trains CRF transitions, which accurate has not");
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).wordModelWeight(-0.1).build())
        .hasMessageContaining("from 0 to 10");
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).arch("fast-lex").wordModelWeight(0.2).build())
        .hasMessageContaining("needs a word model (--word-lm)");
    TrainingOptions apart = TrainingOptions.builder(TRAIN, OUT).latticeLoss(true).latticeWeight(0.1).wordModelWeight(0.15)
        .build();
    assertThat(apart.latticeWeight()).isEqualTo(0.1);
    assertThat(apart.toBuilder().build()).isEqualTo(apart);
    assertThat(o.latticeWeight()).as("the default: the decoding weight").isNaN();
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).latticeWeight(0.1).build())
        .hasMessageContaining("give --lattice-loss too");
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).latticeLoss(true).latticeWeight(11).build())
        .hasMessageContaining("lattice loss's weight must be from 0 to 10");
  }

  @Test
  void aModelPathThatIsATrainingOrDevFileIsRefusedBeforeItIsOverwritten() {
    Path dev = Path.of("dev.utf8");
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, Path.of("./train.utf8")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over train.utf8")
        .hasMessageContaining("as training data");
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, Path.of("dev.utf8").toAbsolutePath()).dev(dev).build())
        .hasMessageContaining("over dev.utf8").hasMessageContaining("as its dev set");
    assertThatThrownBy(() -> TrainingOptions.builder(List.of(Path.of("m.ckpt")), Path.of("m")).build())
        .as("the checkpoint beside the model").hasMessageContaining("over m.ckpt");
  }

  /**
   * The same file reached through a symbolic or hard link is refused as the same path is: the
   * model, which a save writes through a link, had been written over the corpus.
   */
  @Test
  void aModelThatIsATrainingOrDevFileThroughALinkIsRefused(@TempDir Path dir) throws Exception {
    Path train = Files.writeString(dir.resolve("tiny.utf8"), "扫描  二维码\n", StandardCharsets.UTF_8);
    Path dev = Files.writeString(dir.resolve("dev.utf8"), "关注  微信号\n", StandardCharsets.UTF_8);
    // the training file read through a link, the model written to the file itself
    Path trainLink = Files.createSymbolicLink(dir.resolve("tlink.utf8"), Path.of("tiny.utf8"));
    assertThatThrownBy(() -> TrainingOptions.builder(List.of(trainLink), train).dev(dev).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over " + trainLink)
        .hasMessageContaining("as training data");
    // the model a link to the training file, to the dev file; a hard link to the training file
    Path modelLink = Files.createSymbolicLink(dir.resolve("mlink.st"), Path.of("tiny.utf8"));
    assertThatThrownBy(() -> TrainingOptions.builder(List.of(train), modelLink).build())
        .hasMessageContaining("over " + train).hasMessageContaining("as training data");
    Path devLink = Files.createSymbolicLink(dir.resolve("dlink.st"), dev.toAbsolutePath());
    assertThatThrownBy(() -> TrainingOptions.builder(List.of(train), devLink).dev(dev).build())
        .hasMessageContaining("over " + dev).hasMessageContaining("as its dev set");
    Path hard = Files.createLink(dir.resolve("hard.st"), train);
    assertThatThrownBy(() -> TrainingOptions.builder(List.of(train), hard).build()).hasMessageContaining("over " + train);
    // a link that leads nowhere yet, to a path the run reads (it is read through the same link's target)
    Path later = dir.resolve("later.utf8");
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.st"), Path.of("later.utf8"));
    assertThatThrownBy(() -> TrainingOptions.builder(List.of(train), dangling).dev(later).build())
        .hasMessageContaining("over " + later).hasMessageContaining("as its dev set");
    // the checkpoint beside the model a link to the training file
    Files.createSymbolicLink(dir.resolve("m.safetensors.ckpt"), Path.of("tiny.utf8"));
    assertThatThrownBy(() -> TrainingOptions.builder(List.of(train), dir.resolve("m.safetensors")).build())
        .hasMessageContaining("over " + train);
    // ... or to the model the run starts from (the model itself against it is the trainer's to refuse)
    Path init = Files.writeString(dir.resolve("init.safetensors"), "a model", StandardCharsets.UTF_8);
    Files.createSymbolicLink(dir.resolve("n.safetensors.ckpt"), init);
    assertThatThrownBy(() -> TrainingOptions.builder(List.of(train), dir.resolve("n.safetensors")).arch("seed")
        .init(init.toString()).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would be written over " + init).hasMessageContaining("the model the run starts from");
    // links elsewhere are fine: a dangling one to a new file, one to an old model
    Path fresh = Files.createSymbolicLink(dir.resolve("fresh.st"), Path.of("new.safetensors"));
    assertThat(TrainingOptions.builder(List.of(trainLink), fresh).dev(dev).build().model()).isEqualTo(fresh);
    Path old = Files.writeString(dir.resolve("old.safetensors"), "old", StandardCharsets.UTF_8);
    Path toOld = Files.createSymbolicLink(dir.resolve("to-old.st"), old);
    assertThat(TrainingOptions.builder(List.of(trainLink), toOld).dev(devLink).build().model()).isEqualTo(toOld);
  }

  @Test
  void theUnknownCharacterRateWithLexiconFeaturesIsAnOptionErrorNotADataOne() {
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).unkRate(0.1f).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lexicon features");
    assertThat(TrainingOptions.builder(TRAIN, OUT).arch("accurate-crf").unkRate(0.1f).build().unkRate()).isEqualTo(0.1f);
  }

  @Test
  void startingFromAModelTakesItsArchitectureAndRecipeUnlessOneIsSet() {
    TrainingOptions fast = TrainingOptions.builder(TRAIN, OUT).init("fast").build();
    assertThat(fast.arch()).isEqualTo("fast-lex");
    assertThat(fast.wordModel()).as("fast-lex's recipe").isFalse();
    assertThat(TrainingOptions.builder(TRAIN, OUT).init("fast").arch("seed").build().arch()).isEqualTo("seed");
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).init("no-such-model.safetensors").build())
        .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("no-such-model.safetensors");
  }

  @Test
  void anUnknownArchitectureOrAValueOutOfRangeIsRefused() {
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).arch("nosuch").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown architecture 'nosuch'")
        .hasMessageContaining("accurate-lex");
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).lr(2f).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate");
    assertThatThrownBy(() -> TrainingOptions.builder(TRAIN, OUT).schedule("linear").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schedule");
  }
}
