package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    assertThat(o.toBuilder().arch("seed").build().epochs()).as("the recipe's values were set explicitly").isEqualTo(30);
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
