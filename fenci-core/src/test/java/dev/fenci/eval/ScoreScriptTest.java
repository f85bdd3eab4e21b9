package dev.fenci.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreScriptTest {
  @TempDir
  Path dir;

  @Test
  void writesWordsSeparatedByTwoSpacesOneLineEach() throws Exception {
    Path f = ScoreScript.write(List.of(List.of("扫描", "二维码"), List.of(), List.of("好")), dir.resolve("out.utf8"));
    assertThat(f).isEqualTo(dir.resolve("out.utf8"));
    assertThat(Files.readAllLines(f, StandardCharsets.UTF_8)).containsExactly("扫描  二维码", "", "好");
  }

  @Test
  void findsCommandsOnThePath() {
    assertThat(ScoreScript.onPath("sh")).isTrue();
    assertThat(ScoreScript.onPath("fenci-no-such-command")).isFalse();
  }

  /** The summary is read from the lines that start with "=== ", each split at its last colon. */
  @Test
  void runsTheScriptWithItsThreeFilesAndReadsTheSummaryLines() throws Exception {
    assumeTrue(ScoreScript.available(), "perl or diff not installed");
    Path script = dir.resolve("score");
    Files.writeString(script, String.join("\n",
        "print \"=== TOTAL TRUE WORDS RECALL:\\t0.950\\n\";",
        "print \"INSERTIONS: 3\\n\";",
        "print \"=== no colon here\\n\";",
        "print \"=== OOV Recall Rate:  --  \\n\";",
        "print \"=== FILES: $ARGV[0] $ARGV[1] $ARGV[2]\\n\";",
        ""), StandardCharsets.UTF_8);
    Map<String, String> summary = ScoreScript.run(script, Path.of("w"), Path.of("g"), Path.of("o"));
    assertThat(summary).containsExactly(Map.entry("TOTAL TRUE WORDS RECALL", "0.950"), Map.entry("OOV Recall Rate", "--"),
        Map.entry("FILES", "w g o"));
  }
}
