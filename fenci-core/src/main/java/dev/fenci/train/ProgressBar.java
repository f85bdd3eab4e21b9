package dev.fenci.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A tqdm-like progress line: done/total, percent, speed, elapsed and remaining time, and a
 * running metric. Redrawn in place on a terminal, at once and then every 0.2 seconds, with autowrap
 * off (a terminal narrower than the line cuts its end off instead of wrapping it); on a pipe or
 * file one line every 30 seconds (the first after 30 seconds, so that short work writes its final
 * line only). With an unknown total (a pipe's length) it shows what is done and the speed only.
 */
public final class ProgressBar {
  private final PrintStream out;
  private final String label;
  private final long total;
  private final String unit;
  private final boolean terminal;
  private final LongSupplier clock;
  private final long interval;
  private final long startNanos;
  private long lastDraw;
  private int lastLength;
  private long done;
  private String metric = "";

  /** Turn the terminal's autowrap (DECAWM) off and on again; none on Windows, whose console shows them unless asked not to. */
  private static final boolean VT = !System.getProperty("os.name", "").startsWith("Windows");
  private static final String NO_WRAP = VT ? "\u001b[?7l" : "";
  private static final String WRAP = VT ? "\u001b[?7h" : "";

  /** @param total the amount that makes 100%, or 0 or less when it is not known */
  public ProgressBar(PrintStream out, String label, long total, String unit, boolean terminal) {
    this(out, label, total, unit, terminal, System::nanoTime);
  }

  ProgressBar(PrintStream out, String label, long total, String unit, boolean terminal, LongSupplier clock) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.unit = unit;
    this.terminal = terminal;
    this.clock = clock;
    this.interval = terminal ? 200_000_000L : 30_000_000_000L;
    this.startNanos = clock.getAsLong();
    this.lastDraw = terminal ? startNanos - interval : startNanos;
  }

  public void advance(long amount, String metric) {
    done += amount;
    this.metric = metric;
    long now = clock.getAsLong();
    if (now - lastDraw >= interval) {
      lastDraw = now;
      draw(false);
    }
  }

  /** Final state and newline. */
  public void finish(String metric) {
    this.metric = metric;
    draw(true);
  }

  /** Seconds since the bar started. */
  public double elapsedSeconds() {
    return (clock.getAsLong() - startNanos) / 1e9;
  }

  private void draw(boolean end) {
    double secs = Math.max(1e-9, elapsedSeconds());
    double rate = done / secs;
    String line;
    if (total > 0) {
      double remaining = rate > 0 ? Math.max(0, total - done) / rate : 0;
      double frac = Math.min(1, (double) done / total);
      int width = 24;
      int filled = (int) Math.round(frac * width);
      String bar = "#".repeat(filled) + ".".repeat(width - filled);
      line = String.format(Locale.ROOT, "%s %3.0f%%|%s| %s/%s %s [%s<%s, %s %s/s] %s", label,
          frac * 100, bar, human(done), human(total), unit, clock(secs), clock(remaining), human((long) rate), unit, metric);
    } else {
      line = String.format(Locale.ROOT, "%s %s %s [%s, %s %s/s] %s", label, human(done), unit, clock(secs),
          human((long) rate), unit, metric);
    }
    if (terminal) {
      String pad = " ".repeat(Math.max(0, lastLength - line.length())); // a shorter line covers the longer one
      lastLength = line.length();
      // autowrap off while the line is drawn: on a terminal narrower than the line its end is cut off, where a
      // wrapped line would leave a row behind at every redraw (one write: never left off, also when stopped)
      out.print("\r" + NO_WRAP + line + pad + WRAP + (end ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** {@code n} as it is drawn: 9999, 10.0k, 999.9k, 1.0M. */
  public static String human(long n) {
    if (n >= 999_950) {
      return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }
    if (n >= 10_000) {
      return String.format(Locale.ROOT, "%.1fk", n / 1e3);
    }
    return Long.toString(n);
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }
}
