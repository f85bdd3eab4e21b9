package dev.fenci.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, where a progress bar is redrawn in place. */
final class Terminal {
  private Terminal() {}

  /**
   * True when standard error is a terminal. Java 17 can tell only whether standard input and
   * output both are ({@link System#console()}), which is false in the usual {@code fenci segment
   * big.txt > out.txt}; on Linux the descriptor's link tells, elsewhere the console decides.
   */
  static boolean stderr() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
