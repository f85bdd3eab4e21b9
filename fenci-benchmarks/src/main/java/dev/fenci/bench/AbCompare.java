package dev.fenci.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of fenci timed in one JVM, their runs alternated, so that a noisy machine slows both
 * alike and the ratio stays meaningful when absolute figures wander by 25% from one minute to the
 * next. Each build is a jar holding fenci-core (this module's {@code benchmarks.jar} or the CLI's
 * {@code fenci.jar}, e.g. one copied aside before a change).
 *
 * <p>Usage: {@code AbCompare A.jar B.jar WORK [THREADS] [SECONDS]}, WORK one of {@code step:seed},
 * {@code step:accurate}, {@code segment:PRESET}, {@code segment-dict:PRESET} (see {@link AbWork}; PRESET may be a
 * model file), or two of them joined by a comma, A's then B's (one build, two models: give its jar twice). THREADS
 * are the training step's, or for segment work the streaming API's (one thread: each line segmented on its own). Prints
 * the median time of a unit of work for each build, its characters per second, and B's characters per second over A's.
 */
public final class AbCompare {
  private AbCompare() {}

  private static final String USAGE = "usage: AbCompare A.jar B.jar WORK [THREADS] [SECONDS]\n"
      + "  WORK: step:seed|step:accurate|segment:PRESET|segment-dict:PRESET (PRESET may be a model file),\n"
      + "        or two joined by a comma, A's then B's; THREADS (default 1): the training step's threads,\n"
      + "        or the streaming API's for segment work; SECONDS of timed runs (default 30)";

  public static void main(String[] args) throws Exception {
    Usage.helpIfAsked(args, USAGE);
    if (args.length < 3 || args.length > 5) {
      Usage.exit(USAGE, "expected 3 to 5 arguments, got " + args.length);
    }
    int threads = args.length > 3 ? Usage.atLeast(args[3], 1, "THREADS", USAGE) : 1;
    double seconds = args.length > 4 ? Usage.positive(args[4], "SECONDS", USAGE) : 30;
    URL self = AbCompare.class.getProtectionDomain().getCodeSource().getLocation();
    Runnable[] work = new Runnable[2];
    long[] chars = new long[2];
    String[] kernels = new String[2];
    for (int i = 0; i < 2; i++) {
      // the build's jar first: its fenci classes win over the copy inside this jar
      URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[i]).toUri().toURL(), self},
          ClassLoader.getPlatformClassLoader());
      Class<?> network = Class.forName("dev.fenci.nn.Network", false, loader);
      URL from = network.getProtectionDomain().getCodeSource().getLocation();
      if (from.equals(self) && !Path.of(args[i]).toUri().toURL().equals(self)) {
        throw new IllegalArgumentException(args[i] + " holds no fenci-core classes");
      }
      Class<?> type = Class.forName(AbWork.class.getName(), true, loader);
      String[] what = args[2].split(",");
      work[i] = (Runnable) type.getConstructor(String.class, Integer.class).newInstance(what[Math.min(i, what.length - 1)],
          threads);
      chars[i] = type.getField("chars").getLong(work[i]);
      // until its background warm-up ends, a build runs the scalar kernels: wait for the vector ones
      Class<?> gemm = Class.forName("dev.fenci.nn.Gemm", true, loader);
      Object best = gemm.getMethod("best").invoke(null);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (gemm.getMethod("get").invoke(null) != best && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      kernels[i] = (String) gemm.getMethod("name").invoke(gemm.getMethod("get").invoke(null));
      System.out.printf(Locale.ROOT, "%s: fenci classes from %s, kernel %s%n", (char) ('A' + i), from, kernels[i]);
    }
    if (!kernels[0].equals(kernels[1])) {
      // under Java 17 the Vector API's shared code is compiled for the first vector shape a JVM runs
      System.out.println("warning: the builds run kernels of different widths, and in one JVM the second width runs"
          + " far slower than it would alone; compare them with Solo in separate JVMs instead");
    }
    long warmEnd = System.nanoTime() + (long) (Math.min(10, seconds / 2) * 1e9);
    while (System.nanoTime() < warmEnd) {
      work[0].run();
      work[1].run();
    }
    List<List<Double>> ms = List.of(new ArrayList<>(), new ArrayList<>());
    long end = System.nanoTime() + (long) (seconds * 1e9);
    for (int round = 0; System.nanoTime() < end; round++) {
      for (int k = 0; k < 2; k++) {
        int i = (round + k) % 2; // A first in even rounds, B first in odd ones
        long t0 = System.nanoTime();
        work[i].run();
        ms.get(i).add((System.nanoTime() - t0) / 1e6);
      }
    }
    double[] speed = new double[2];
    for (int i = 0; i < 2; i++) {
      double[] m = ms.get(i).stream().mapToDouble(Double::doubleValue).toArray();
      double median = Usage.median(m);
      speed[i] = chars[i] / median * 1e3;
      System.out.printf(Locale.ROOT, "%s %s: median %.1f ms (%,.0f chars/s), best %.1f ms, %d runs%n",
          (char) ('A' + i), args[i], median, speed[i], Arrays.stream(m).min().orElse(0), m.length);
    }
    // characters per second, so that two kinds of work (A's and B's) compare too
    System.out.printf(Locale.ROOT, "%s, %d thread(s): B is %.3fx A's speed (characters per second)%n", args[2], threads,
        speed[1] / speed[0]);
  }
}
