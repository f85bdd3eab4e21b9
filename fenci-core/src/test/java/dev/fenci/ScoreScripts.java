package dev.fenci;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fenci.eval.ScoreScript;
import java.nio.file.Path;
import java.util.Map;

/** The official score script from the research data; tests skip when it or perl is missing. */
public final class ScoreScripts {
  private ScoreScripts() {}

  public static Map<String, String> run(Path words, Path gold, Path output) throws Exception {
    Path script = DataFiles.require("icwb2/scripts/score");
    assumeTrue(ScoreScript.available(), "perl or diff not installed; skipping the official script");
    return ScoreScript.run(script, words, gold, output);
  }
}
