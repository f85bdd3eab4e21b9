package dev.fenci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples of {@code ./fenci segment} (with and without a dictionary) print what the
 * README says they print, with the default model in the jar: the first thing a user tries must
 * not have drifted from the text that shows it.
 */
class ReadmeExamplesTest {
  private static final Pattern DICT = Pattern.compile("^\\$ printf '(.*)' > my\\.dict(\\s+#.*)?$");
  private static final Pattern SEGMENT = Pattern.compile("^\\$ \\./fenci segment( --dict my\\.dict)? <<< '(.*)'$");

  @TempDir
  Path dir;

  @Test
  void everySegmentExampleOfTheReadmePrintsWhatItShows() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Path dict = dir.resolve("my.dict");
    int checked = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher d = DICT.matcher(lines.get(i));
      if (d.matches()) {
        Files.writeString(dict, d.group(1).replace("\\n", "\n"), StandardCharsets.UTF_8);
        continue;
      }
      Matcher s = SEGMENT.matcher(lines.get(i));
      if (!s.matches()) {
        continue;
      }
      List<String> args = new ArrayList<>(List.of("segment"));
      if (s.group(1) != null) {
        args.add("--dict");
        args.add(dict.toString());
      }
      String out = run(s.group(2) + "\n", args.toArray(new String[0]));
      assertThat(out).as("README line %d: %s", i + 1, lines.get(i)).isEqualTo(lines.get(i + 1) + "\n");
      checked++;
    }
    assertThat(checked).as("examples found in the README").isGreaterThanOrEqualTo(7);
  }

  /** The server's examples (README, docs/server.md): {@code curl --data-binary 'TEXT' .../segment} and the answer shown. */
  @Test
  void everyServerExampleShowsTheDefaultModelsAnswer() throws Exception {
    Pattern curl = Pattern.compile("^curl --data-binary '(.*)' http://127\\.0\\.0\\.1:8080/segment$");
    dev.fenci.Segmenter seg = dev.fenci.Segmenter.load();
    int checked = 0;
    for (String doc : new String[] {"README.md", "docs/server.md"}) {
      List<String> lines = Files.readAllLines(Path.of("..", doc), StandardCharsets.UTF_8);
      for (int i = 0; i + 1 < lines.size(); i++) {
        Matcher c = curl.matcher(lines.get(i));
        if (c.matches()) {
          String answer = dev.fenci.model.Json.write(java.util.Map.of("words", seg.segment(c.group(1))));
          assertThat(lines.get(i + 1)).as("%s line %d", doc, i + 2).isEqualTo("# " + answer);
          checked++;
        }
      }
    }
    assertThat(checked).as("server examples found").isEqualTo(2);
  }

  private static synchronized String run(String stdin, String... args) {
    PrintStream oldOut = System.out;
    InputStream oldIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      assertThat(Main.run(args)).isZero();
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(oldOut);
      System.setIn(oldIn);
    }
  }
}
