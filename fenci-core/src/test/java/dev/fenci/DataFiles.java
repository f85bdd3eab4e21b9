package dev.fenci;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The research corpora, found through one setting: system property {@code fenci.data}, else
 * environment variable {@code FENCI_DATA}, else {@code ../shared/data}. Tests that need them are
 * skipped with a message when they are absent.
 */
public final class DataFiles {
  private DataFiles() {}

  public static Path root() {
    String p = System.getProperty("fenci.data");
    if (p == null || p.isBlank()) {
      p = System.getenv("FENCI_DATA");
    }
    return Path.of(p == null || p.isBlank() ? "../shared/data" : p);
  }

  /** The file, or the test is skipped when it is not there. */
  public static Path require(String relative) {
    Path f = root().resolve(relative);
    assumeTrue(Files.isRegularFile(f), "research data not found at " + f
        + " (set -Dfenci.data or FENCI_DATA); skipping");
    return f;
  }
}
