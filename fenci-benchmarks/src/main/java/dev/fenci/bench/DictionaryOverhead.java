package dev.fenci.bench;

import dev.fenci.Segmenter;
import dev.fenci.dict.UserDictionary;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a large user dictionary costs, measured as a paired ratio in one JVM: the PKU test text
 * (172,733 characters) is segmented by the same model without and with the ~272,000 words of the
 * four bakeoff word lists, alternating the two (and which goes first) round after round, so that
 * a noisy neighbour slows both sides of a pair alike. Prints chars/s of both and the median
 * slowdown with its quartiles.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp fenci-benchmarks/target/benchmarks.jar \
 *     dev.fenci.bench.DictionaryOverhead [MODEL] [ROUNDS] [WARMUP_SECONDS]
 * </pre>
 * Defaults: the default model, 30 rounds, 15 s of warm-up.
 */
public final class DictionaryOverhead {
  private DictionaryOverhead() {}

  private static final String USAGE = "usage: DictionaryOverhead [MODEL] [ROUNDS] [WARMUP_SECONDS]\n"
      + "  MODEL preset or file (default: the default preset); ROUNDS (default 30); WARMUP_SECONDS (default 15)";

  public static void main(String[] args) throws Exception {
    Usage.helpIfAsked(args, USAGE);
    if (args.length > 3) {
      Usage.exit(USAGE, "expected at most 3 arguments, got " + args.length);
    }
    String model = args.length > 0 ? args[0] : "default";
    int rounds = args.length > 1 ? Usage.atLeast(args[1], 1, "ROUNDS", USAGE) : 30;
    double warmup = args.length > 2 ? Usage.positive(args[2], "WARMUP_SECONDS", USAGE) : 15;
    Segmenter plain = Segmenter.load(model);
    Segmenter withDict = plain.withDictionary(UserDictionary.load(BenchData.bakeoffDictionary()));
    List<String> lines = BenchData.lines("icwb2/testing/pku_test.utf8");
    long chars = BenchData.chars(lines);
    long until = System.nanoTime() + (long) (warmup * 1e9);
    while (System.nanoTime() < until) {
      pass(plain, lines);
      pass(withDict, lines);
    }
    double[] ratio = new double[rounds];
    double[] a = new double[rounds];
    double[] b = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      if (r % 2 == 0) {
        a[r] = pass(plain, lines);
        b[r] = pass(withDict, lines);
      } else {
        b[r] = pass(withDict, lines);
        a[r] = pass(plain, lines);
      }
      ratio[r] = b[r] / a[r];
    }
    System.out.printf(Locale.ROOT, "model %s, %d rounds: without dictionary %,.0f chars/s, with %,.0f chars/s (medians)%n",
        model, rounds, chars / Usage.median(a), chars / Usage.median(b));
    System.out.printf(Locale.ROOT, "slowdown: median %.1f%% (quartiles %.1f%% .. %.1f%%)%n",
        100 * (Usage.median(ratio) - 1), 100 * (Usage.quantile(ratio, 0.25) - 1), 100 * (Usage.quantile(ratio, 0.75) - 1));
  }

  /** Seconds to segment every line once. */
  private static double pass(Segmenter s, List<String> lines) {
    long t = System.nanoTime();
    int words = 0;
    for (String l : lines) {
      words += s.segment(l).size();
    }
    if (words < 0) {
      throw new AssertionError();
    }
    return (System.nanoTime() - t) / 1e9;
  }
}
