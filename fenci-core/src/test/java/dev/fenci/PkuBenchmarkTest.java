package dev.fenci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.corpus.Corpus;
import dev.fenci.corpus.Utf8Lines;
import dev.fenci.eval.Score;
import dev.fenci.eval.Scorer;
import dev.fenci.eval.ScoreScript;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline benchmark, pinned: every shipped preset on the PKU test set (when the data is
 * here), by fenci's scorer and by the official script. Each floor sits just below the preset's
 * measured F1 (docs/results.md), so that a change that loses accuracy fails here.
 */
class PkuBenchmarkTest {
  @TempDir
  Path dir;

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} keeps PKU F1 >= {1}")
  @org.junit.jupiter.params.provider.CsvSource(textBlock = FLOORS)
  void presetKeepsItsPkuF1ByOurScorerAndTheOfficialScript(String preset, double minF1) throws Exception {
    assertThat(Presets.exists(preset)).as("preset %s ships", preset).isTrue();
    Path raw = DataFiles.require("icwb2/testing/pku_test.utf8");
    Path gold = DataFiles.require("icwb2/gold/pku_test_gold.utf8");
    Path words = DataFiles.require("icwb2/gold/pku_training_words.utf8");
    List<List<String>> out = Segmenter.load(preset).segmentAll(Utf8Lines.read(raw));
    for (List<String> l : out) {
      l.removeIf(dev.fenci.text.Chunker::isSpaceWord);
    }
    Set<String> vocab = new HashSet<>();
    for (String w : Utf8Lines.read(words)) {
      vocab.add(w.strip());
    }
    Score own = new Scorer(vocab).score(Corpus.read(gold), out);
    assertThat(own.f1()).as("F1 by fenci's scorer").isGreaterThanOrEqualTo(minF1);

    Map<String, String> official = ScoreScripts.run(words, gold, ScoreScript.write(out, dir.resolve("pku.out")));
    double f = Double.parseDouble(official.get("F MEASURE"));
    assertThat(f).as("F1 by the official script").isGreaterThanOrEqualTo(minF1);
    assertThat(f).as("both scorers agree").isCloseTo(own.f1(), org.assertj.core.data.Offset.offset(0.0006));
    assertThat(Double.parseDouble(official.get("OOV Recall Rate")))
        .isCloseTo(own.oovRecall(), org.assertj.core.data.Offset.offset(0.0006));
  }

  /** Preset, lowest acceptable F1 (measured, less 0.002). */
  static final String FLOORS = """
      accurate, 0.962
      fast, 0.959
      seed, 0.944
      weibo, 0.916
      accurate+jieba, 0.964
      fast+jieba, 0.961
      weibo+jieba, 0.915
      """;

  @Test
  void everyShippedPresetIsPinned() {
    for (Presets.Preset p : Presets.list()) {
      assertThat(FLOORS).as("floor for preset %s", p.name()).contains(p.name() + ",");
    }
  }
}
