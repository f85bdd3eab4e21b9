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
 * The headline benchmark, pinned: the default model on the PKU test set (when the data is here).
 * The shipped model scores 0.946 (docs/results.md); the pin sits just below so that a change that
 * loses accuracy fails here. The floor for the seed architecture is 0.930.
 */
class PkuBenchmarkTest {
  static final double MIN_F1 = 0.944;

  @TempDir
  Path dir;

  @Test
  void defaultModelKeepsItsPkuF1ByOurScorerAndTheOfficialScript() throws Exception {
    Path raw = DataFiles.require("icwb2/testing/pku_test.utf8");
    Path gold = DataFiles.require("icwb2/gold/pku_test_gold.utf8");
    Path words = DataFiles.require("icwb2/gold/pku_training_words.utf8");
    List<List<String>> out = Segmenter.load().segmentAll(Utf8Lines.read(raw));
    for (List<String> l : out) {
      l.removeIf(dev.fenci.text.Chunker::isSpaceWord);
    }
    Set<String> vocab = new HashSet<>();
    for (String w : Utf8Lines.read(words)) {
      vocab.add(w.strip());
    }
    Score own = new Scorer(vocab).score(Corpus.read(gold), out);
    assertThat(own.f1()).as("F1 by fenci's scorer").isGreaterThanOrEqualTo(MIN_F1);

    Map<String, String> official = ScoreScripts.run(words, gold, ScoreScript.write(out, dir.resolve("pku.out")));
    double f = Double.parseDouble(official.get("F MEASURE"));
    assertThat(f).as("F1 by the official script").isGreaterThanOrEqualTo(MIN_F1);
    assertThat(f).as("both scorers agree").isCloseTo(own.f1(), org.assertj.core.data.Offset.offset(0.0006));
    assertThat(Double.parseDouble(official.get("OOV Recall Rate")))
        .isCloseTo(own.oovRecall(), org.assertj.core.data.Offset.offset(0.0006));
  }
}
