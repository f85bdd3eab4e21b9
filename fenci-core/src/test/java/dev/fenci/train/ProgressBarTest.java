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

  /**
   * On a terminal each line is drawn with autowrap off (DECAWM): on a terminal narrower than the line
   * (the training bar is about 110 columns, a terminal often 80) its end is cut off, where with
   * autowrap on it would spill onto the next row and every redraw, from the start of that row, would
   * leave one more row behind, five a second. Off a terminal nothing but the line is written.
   */
  @Test
  @org.junit.jupiter.api.condition.DisabledOnOs(org.junit.jupiter.api.condition.OS.WINDOWS)
  void onATerminalALineIsDrawnWithAutowrapOffSoThatARedrawDoesNotLeaveARowBehind() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), "epoch 12/20", 3_400_000,
        "chars", true);
    bar.advance(1_500_000, "loss 0.1234 acc 0.9567");
    bar.finish("loss 0.1234 acc 0.9567");
    String s = out.toString(StandardCharsets.UTF_8);
    String[] draws = s.split("\r", -1);
    assertThat(draws).hasSize(3);
    for (String draw : java.util.List.of(draws[1], draws[2])) {
      assertThat(draw).matches("(?s)\u001b\\[\\?7lepoch 12/20 .*\\] loss 0\\.1234 acc 0\\.9567 *\u001b\\[\\?7h\n?");
    }
    assertThat(draws[0]).isEmpty();
    assertThat(draws[2]).endsWith("\u001b[?7h\n");
    out.reset();
    ProgressBar piped = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), "x", 10, "u", false);
    piped.advance(5, "m");
    piped.finish("m");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b").startsWith("x  50%|");
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
    assertThat(draws[2].replace("\u001b[?7h", "").strip()).endsWith("] s");
  }
}
