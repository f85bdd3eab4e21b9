package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.model.Model;
import dev.fenci.model.ModelFormatException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training without a dev file holds out every 20th line of the training data (no research data needed). */
class HeldOutDevTest {
  @TempDir
  Path dir;

  /** The seed's network and optimiser, one thread, seed 7. */
  private TrainingOptions.Builder seed(Path train, String model) {
    return TrainingOptions.builder(List.of(train), dir.resolve(model)).arch("seed").batch(256).threads(1).seed(7);
  }

  @Test
  void everyTwentiethLineIsHeldOutAndLeavesTheTrainingData() {
    List<List<String>> train = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      train.add(List.of("w" + i));
    }
    List<List<String>> held = Trainer.holdOut(train);
    assertThat(held).containsExactly(List.of("w19"), List.of("w39"));
    assertThat(train).hasSize(43).doesNotContain(List.of("w19"), List.of("w39"));
    assertThat(train.get(19)).isEqualTo(List.of("w20"));
  }

  @Test
  void trainsWithoutADevFileAndSaysSoInTheModel() throws Exception {
    String[] words = {"中国", "人民", "的", "发展", "经济", "我们", "在", "今天", "世界", "和平", "了", "建设"};
    SplittableRandom r = new SplittableRandom(3);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 6 + r.nextInt(6); k++) {
        sb.append(k > 0 ? "  " : "").append(words[r.nextInt(words.length)]);
      }
      lines.add(sb.toString());
      lines.add(""); // a blank line between paragraphs: not counted, or only blank lines were held out
    }
    Path train = dir.resolve("train.utf8");
    Files.write(train, lines, StandardCharsets.UTF_8);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TrainingOptions o = seed(train, "m.safetensors").epochs(1).build();
    new Trainer(o, new PrintStream(log, true, StandardCharsets.UTF_8), false).run();
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("no --dev: every 20th line of the training data is held out for model selection (20 lines)");
    Model m = Model.load(dir.resolve("m.safetensors"));
    assertThat(m.provenance()).containsEntry("dev_file", "held out: every 20th line of the training data")
        .containsEntry("dev_sha256", "-");

    // resuming that run with a dev file would train on other lines (another vocabulary, another
    // selection): refused with what differs
    Path dev = dir.resolve("dev.utf8");
    Files.write(dev, lines.subList(0, 40), StandardCharsets.UTF_8);
    TrainingOptions withDev = seed(train, "m.safetensors").dev(dev).epochs(2).resume(true).build();
    assertThatThrownBy(() -> new Trainer(withDev, new PrintStream(java.io.OutputStream.nullOutputStream()), false).run())
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("another dev set (every 20th training line then, the --dev file of SHA-256 ")
        .hasMessageContaining("without --resume");
  }

  @Test
  void tooFewLinesToHoldOutADevSetIsAnError() throws Exception {
    Path train = dir.resolve("tiny.utf8");
    Files.write(train, List.of("中国  人民", "发展  经济"), StandardCharsets.UTF_8);
    TrainingOptions o = seed(train, "t.safetensors").epochs(1).build();
    assertThatThrownBy(() -> new Trainer(o, new PrintStream(java.io.OutputStream.nullOutputStream()), false).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few lines");
  }
}
