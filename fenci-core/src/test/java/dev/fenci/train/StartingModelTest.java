package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.Presets;
import dev.fenci.TestModels;
import dev.fenci.model.Model;
import dev.fenci.text.TextRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the provenance names the model a run starts from, without training. */
class StartingModelTest {
  @TempDir
  Path dir;

  @Test
  void aModelIsKnownByItsWeightsHoweverItIsNamed() throws Exception {
    Model m = TestModels.random(TextRules.SEED, 1);
    m.save(dir.resolve("a.safetensors"));
    m.save(dir.resolve("b.safetensors"));
    Model a = Model.load(dir.resolve("a.safetensors"));
    String crc = StartingModel.weightsCrc(a);
    assertThat(crc).matches("crc32c:[0-9a-f]{8}");
    assertThat(StartingModel.weightsCrc(Model.load(dir.resolve("b.safetensors")))).isEqualTo(crc);
    a.network().params().get(0).value[0] += 1f;
    assertThat(StartingModel.weightsCrc(a)).isNotEqualTo(crc);
    // the transition scores count too
    Model crf = TestModels.randomCrf(1);
    String before = StartingModel.weightsCrc(crf);
    crf.transitions().param().value[0] += 1f;
    assertThat(StartingModel.weightsCrc(crf)).isNotEqualTo(before);
  }

  @Test
  void aFileIsNamedWithoutItsDirectoriesAndTheDefaultPresetByWhatItStandsFor() {
    assertThat(StartingModel.name("/models/2026/mine.safetensors")).isEqualTo("mine.safetensors");
    assertThat(StartingModel.name("mine.safetensors")).isEqualTo("mine.safetensors");
    assertThat(StartingModel.name(Presets.DEFAULT)).isEqualTo(Presets.defaultName());
  }
}
