package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.TestModels;
import dev.fenci.eval.Score;
import dev.fenci.model.Model;
import dev.fenci.model.ModelFormatException;
import dev.fenci.nn.Adam;
import dev.fenci.nn.Ema;
import dev.fenci.nn.Param;
import dev.fenci.text.TextRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@link Checkpoint} written and resumed without training: the state comes back bit for bit, or is refused. */
class CheckpointTest {
  @TempDir
  Path dir;

  private Map<String, String> fingerprint(Model m, long seed) {
    TrainingOptions o = TrainingOptions.builder(List.of(dir.resolve("train.utf8")), dir.resolve("m.safetensors"))
        .arch("seed").seed(seed).build();
    Map<String, String> f = Checkpoint.fingerprint(o, m.network().config(), "-", "sha", "dev", false);
    f.put("vocabulary", Integer.toString(m.vocabulary().size()));
    return f;
  }

  /** Distinct values in every moment and average, so that a mix-up of two of them shows. */
  private static void fill(List<Param> params, Adam adam, Ema ema, float offset) {
    for (int i = 0; i < params.size(); i++) {
      for (int j = 0; j < params.get(i).size(); j++) {
        adam.firstMoment(i)[j] = offset + i + j * 1e-3f;
        adam.secondMoment(i)[j] = offset + i + j * 2e-3f;
        ema.average(i)[j] = offset - i - j * 1e-3f;
      }
    }
  }

  @Test
  void aResumedRunHasTheWeightsMomentsAverageAndFiguresThatWereWritten() throws Exception {
    Model written = TestModels.random(TextRules.SEED, 1);
    List<Param> params = written.network().params();
    Adam adam = new Adam(params);
    Ema ema = new Ema(params, 0.9f);
    fill(params, adam, ema, 1f);
    adam.setSteps(42);
    Path file = dir.resolve("m.safetensors.ckpt");
    List<Trainer.EpochStats> history = List.of(
        new Trainer.EpochStats(1, 0.5, 0.75, new Score(100, 90, 80, 10, 5), new Score(100, 95, 85, 10, 6), 2.5, 1000),
        new Trainer.EpochStats(2, 0.25, 0.875, new Score(100, 98, 90, 10, 7), null, 2.0, 1250));
    new Checkpoint(file, params, adam, ema, fingerprint(written, 7)).write(written, 2, 0.9, 1, history);
    assertThat(Checkpoint.epochOf(file)).isEqualTo("2");

    Model fresh = TestModels.random(TextRules.SEED, 2);
    List<Param> into = fresh.network().params();
    Adam freshAdam = new Adam(into);
    Ema freshEma = new Ema(into, 0.9f);
    fill(into, freshAdam, freshEma, 5f);
    Checkpoint.Resumed r = new Checkpoint(file, into, freshAdam, freshEma, fingerprint(fresh, 7)).resume(false);
    assertThat(r.epoch()).isEqualTo(2);
    assertThat(r.bestF1()).isEqualTo(0.9);
    assertThat(r.bestEpoch()).isEqualTo(1);
    assertThat(r.history()).isEqualTo(history);
    assertThat(freshAdam.steps()).isEqualTo(42);
    for (int i = 0; i < params.size(); i++) {
      assertThat(into.get(i).value).as(params.get(i).name()).containsExactly(params.get(i).value);
      assertThat(freshAdam.firstMoment(i)).containsExactly(adam.firstMoment(i));
      assertThat(freshAdam.secondMoment(i)).containsExactly(adam.secondMoment(i));
      assertThat(freshEma.average(i)).containsExactly(ema.average(i));
    }
  }

  @Test
  void aRunWithAnotherOptionOrAModelFileIsRefusedNamingWhy() throws Exception {
    Model m = TestModels.random(TextRules.SEED, 1);
    List<Param> params = m.network().params();
    Path file = dir.resolve("m.safetensors.ckpt");
    new Checkpoint(file, params, new Adam(params), null, fingerprint(m, 7)).write(m, 1, 0.5, 1, List.of());
    assertThatThrownBy(() -> new Checkpoint(file, params, new Adam(params), null, fingerprint(m, 8)).resume(false))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("was made with seed = 7, this run has 8 (option --seed); start afresh without --resume");
    Path model = dir.resolve("model.safetensors");
    m.save(model);
    assertThat(Checkpoint.epochOf(model)).isNull();
    assertThatThrownBy(() -> new Checkpoint(model, params, new Adam(params), null, fingerprint(m, 7)).resume(false))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("is not a training checkpoint");
  }

  @Test
  void aNetworkThatDiffersOnResumeNamesTheOptionBehindIt() {
    String saved = "embed 128, conv3 [128, 32] -> 4, keep 0.5, init uniform";
    assertThat(Checkpoint.networkOptions(saved, saved.replace("keep 0.5", "keep 0.7"))).isEqualTo("--keep");
    assertThat(Checkpoint.networkOptions(saved, saved.replace("uniform", "normal"))).isEqualTo("--embed-init");
    assertThat(Checkpoint.networkOptions(saved, saved.replace("[128, 32]", "[64, 32]").replace("0.5", "0.7")))
        .isEqualTo("--arch, --keep");
  }
}
