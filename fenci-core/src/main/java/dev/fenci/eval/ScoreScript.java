package dev.fenci.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the SIGHAN bakeoff's own {@code score} script (Perl, with {@code diff}) and reads its
 * summary: the reference that fenci's {@link Scorer} is tested against, and what benchmark tables
 * quote.
 */
public final class ScoreScript {
  private ScoreScript() {}

  /** Whether perl and diff are installed. */
  public static boolean available() {
    return onPath("perl") && onPath("diff");
  }

  /**
   * The summary lines ({@code F MEASURE}, {@code OOV Recall Rate}, ...) by name, as printed.
   *
   * @param script the bakeoff's {@code scripts/score}
   */
  public static java.util.Map<String, String> run(Path script, Path words, Path gold, Path output)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("perl", script.toString(), words.toString(), gold.toString(), output.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("score script timed out");
    }
    java.util.Map<String, String> summary = new java.util.LinkedHashMap<>();
    for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("=== ") && line.contains(":")) {
        int c = line.lastIndexOf(':');
        summary.put(line.substring(4, c).trim(), line.substring(c + 1).trim());
      }
    }
    return summary;
  }

  static boolean onPath(String cmd) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, cmd))) {
        return true;
      }
    }
    return false;
  }

  /** Writes segmented lines, words separated by two spaces (the bakeoff's layout). */
  public static Path write(List<List<String>> lines, Path file) throws IOException {
    List<String> out = new ArrayList<>(lines.size());
    for (List<String> l : lines) {
      out.add(String.join("  ", l));
    }
    Files.write(file, out, StandardCharsets.UTF_8);
    return file;
  }
}
