package dev.fenci.bench;

import dev.fenci.Segmenter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Time to load a preset and segment one sentence, as the first thing a fresh JVM does: runs
 * {@code RUNS} child JVMs one after another and prints each child's figures and the medians.
 *
 * <pre>
 * java -cp fenci-benchmarks/target/benchmarks.jar dev.fenci.bench.ColdStart \
 *     [--cp fenci-core/target/fenci-core-VERSION.jar] [PRESET] [RUNS]
 * </pre>
 * {@code --cp} is the class path of the children (plus this class): the {@code fenci-core} jar is
 * what a library user has (its models are stored uncompressed; the benchmarks jar deflates them).
 * Defaults: this JVM's class path, the default preset, 10 runs.
 */
public final class ColdStart {
  private ColdStart() {}

  private static final String USAGE = "usage: ColdStart [--cp CLASSPATH] [PRESET] [RUNS]\n"
      + "  CLASSPATH of the child JVMs, e.g. fenci-core/target/fenci-core-VERSION.jar (default: this JVM's);\n"
      + "  PRESET or model file (default: the default preset); RUNS fresh JVMs (default 10)";

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args[1]);
      return;
    }
    Usage.helpIfAsked(args, USAGE);
    String cp = System.getProperty("java.class.path");
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    Path dir = null;
    if (!rest.isEmpty() && rest.get(0).equals("--cp")) {
      cp = Usage.value(args, 0, USAGE);
      rest = rest.subList(2, rest.size());
    }
    if (rest.size() > 2) {
      Usage.exit(USAGE, "unexpected " + rest.get(2));
    }
    String preset = rest.size() > 0 ? rest.get(0) : "default";
    int runs = rest.size() > 1 ? Usage.atLeast(rest.get(1), 1, "RUNS", USAGE) : 10;
    if (args.length > 0 && args[0].equals("--cp")) {
      // the children see that class path and this one class, not the benchmarks jar (opening its
      // thousands of entries would be counted in the load)
      dir = Files.createTempDirectory("coldstart");
      Path cls = dir.resolve(ColdStart.class.getName().replace('.', '/') + ".class");
      Files.createDirectories(cls.getParent());
      try (var in = ColdStart.class.getResourceAsStream("ColdStart.class")) {
        Files.copy(in, cls);
      }
      cp = cp + java.io.File.pathSeparator + dir;
    }
    try {
      run(cp, preset, runs);
    } finally {
      Usage.deleteTree(dir);
    }
  }

  private static void run(String cp, String preset, int runs) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    double[] load = new double[runs];
    double[] first = new double[runs];
    for (int r = 0; r < runs; r++) {
      Path err = Files.createTempFile("coldstart", ".err");
      Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", cp,
          ColdStart.class.getName(), "--child", preset).redirectError(err.toFile()).start();
      String line;
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        line = in.readLine();
      }
      boolean done = p.waitFor(120, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String childErr = Files.readString(err);
      Files.delete(err);
      if (!done || p.exitValue() != 0 || line == null) {
        throw new IllegalStateException("child JVM failed (" + (done ? "exit " + p.exitValue() : "no answer in 120 s")
            + "); its standard error:\n" + childErr);
      }
      String[] f = line.split(" ");
      load[r] = Double.parseDouble(f[0]);
      first[r] = Double.parseDouble(f[1]);
      System.out.printf(Locale.ROOT, "run %2d: load %5.0f ms, first call %5.0f ms, together %5.0f ms%n",
          r + 1, load[r], first[r], load[r] + first[r]);
    }
    double[] total = new double[runs];
    for (int r = 0; r < runs; r++) {
      total[r] = load[r] + first[r];
    }
    System.out.printf(Locale.ROOT, "%s, %d fresh JVMs, medians: load %.0f ms, first call %.0f ms, together %.0f ms%n",
        preset, runs, Usage.median(load), Usage.median(first), Usage.median(total));
  }

  private static void child(String preset) throws Exception {
    long t0 = System.nanoTime();
    Segmenter s = Segmenter.load(preset);
    long t1 = System.nanoTime();
    List<String> words = s.segment("扫描二维码，关注微信号。");
    long t2 = System.nanoTime();
    if (words.isEmpty()) {
      throw new AssertionError();
    }
    System.out.println((t1 - t0) / 1e6 + " " + (t2 - t1) / 1e6);
  }
}
