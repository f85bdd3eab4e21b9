package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void numbersAreDrawnShort() {
    assertThat(ProgressBar.human(9_999)).isEqualTo("9999");
    assertThat(ProgressBar.human(10_000)).isEqualTo("10.0k");
    assertThat(ProgressBar.human(999_949)).isEqualTo("999.9k");
    assertThat(ProgressBar.human(999_950)).isEqualTo("1.0M");
    assertThat(ProgressBar.human(12_345_678)).isEqualTo("12.3M");
  }

  @Test
  void aKnownTotalShowsThePercentageAnUnknownOneDoesNot() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long[] now = {5_000_000_000L};
    ProgressBar known = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), "file", 200, "bytes", false,
        () -> now[0]);
    known.advance(10, "m"); // off a terminal the first line comes after 30 s, the next ones every 30 s
    now[0] += 29_000_000_000L;
    known.advance(40, "m");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    now[0] += 1_000_000_000L;
    known.advance(0, "m");
    now[0] += 1_000_000_000L;
    known.advance(150, "m");
    known.finish("done");
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines[0]).startsWith("file  25%|######..................| 50/200 bytes [").endsWith("] m");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).startsWith("file 100%|########################| 200/200 bytes [").endsWith("] done");

    out.reset();
    ProgressBar unknown = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), "<stdin>", -1, "bytes", false);
    unknown.advance(12_345, "m");
    unknown.finish("done");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("%").startsWith("<stdin> 12.3k bytes [")
        .endsWith("] done\n").hasLineCount(1); // work shorter than 30 s writes its final line only
  }

  @Test
  void onATerminalAShorterLineCoversTheLongerOneAndTheLastEndsTheLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), "x", -1, "u", true);
    bar.advance(1, "a long metric"); // a terminal sees the first advance at once
    bar.finish("s");
    String s = out.toString(StandardCharsets.UTF_8);
    String[] draws = s.split("\r", -1); // "", first draw, last draw
    assertThat(draws).hasSize(3);
    assertThat(draws[2]).endsWith("\n");
    assertThat(draws[2].length() - 1).isGreaterThanOrEqualTo(draws[1].length());
    assertThat(draws[2].strip()).endsWith("] s");
  }
}
