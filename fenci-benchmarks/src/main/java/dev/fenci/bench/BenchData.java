package dev.fenci.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Benchmark inputs from the research data (system property fenci.data, default ../shared/data). */
final class BenchData {
  private BenchData() {}

  static Path root() {
    String p = System.getProperty("fenci.data", System.getenv().getOrDefault("FENCI_DATA", "../shared/data"));
    return Path.of(p);
  }

  static Path file(String relative) {
    Path f = root().resolve(relative);
    if (!Files.isRegularFile(f)) {
      throw new IllegalStateException("benchmark data not found: " + f + " (set -Dfenci.data=DIR)");
    }
    return f;
  }

  /** Lines of a UTF-8 file, line endings removed. */
  static List<String> lines(String relative) {
    try {
      List<String> out = new ArrayList<>();
      for (String l : Files.readAllLines(file(relative), StandardCharsets.UTF_8)) {
        out.add(l.replace("\r", ""));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The four SIGHAN 2005 training word lists together, as a dictionary file: one
   * {@code word<TAB>10} line per distinct word (TAB, since some words contain commas).
   */
  static Path bakeoffDictionary() {
    try {
      Set<String> words = new LinkedHashSet<>();
      for (String corpus : new String[] {"as", "cityu", "msr", "pku"}) {
        for (String w : lines("icwb2/gold/" + corpus + "_training_words.utf8")) {
          if (!w.isBlank()) {
            words.add(w.strip());
          }
        }
      }
      Path f = Files.createTempFile("bakeoff-words", ".dict");
      f.toFile().deleteOnExit();
      Files.write(f, words.stream().map(w -> w + "\t10").toList(), StandardCharsets.UTF_8);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long chars(List<String> lines) {
    long n = 0;
    for (String l : lines) {
      n += l.codePointCount(0, l.length());
    }
    return n;
  }
}
