package dev.fenci.bench;

import dev.fenci.train.Trainer;
import dev.fenci.train.TrainingOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Training speed of the seed recipe, fenci against PyTorch, on the same pieces of
 * {@code pd1998/train.utf8} in batches of one length (at most 1,024 pieces), alternated run by run
 * so that the machine's drift hits both. Each run is a fresh process training a few epochs: fenci's
 * own trainer ({@code fenci train --arch seed}, through {@link Trainer}) and
 * {@code scripts/torch_seed_train.py} on the pieces {@link TrainingPieces} writes. The first epoch
 * of every run is left out (JIT compilation, oneDNN's kernel generation); the figure per framework is
 * the median of the other epochs of all its runs. Writes {@code docs/training-speed.md}.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp fenci-benchmarks/target/benchmarks.jar \
 *     dev.fenci.bench.TrainCompare [--threads 1,2] [--epochs 4] [--rounds 2] [--python /usr/bin/python3] [--out docs]
 * </pre>
 *
 * Needs Python 3 with PyTorch (Debian: {@code python3-torch}) for the reference only.
 */
public final class TrainCompare {
  private TrainCompare() {}

  private static final Pattern FENCI_EPOCH = Pattern.compile("^epoch (\\d+): .*?, (\\d+) chars/s;");
  private static final Pattern TORCH_EPOCH = Pattern.compile("^epoch (\\d+): [\\d.]+ s, ([\\d,]+) chars/s");

  public static void main(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("fenci-run")) {
      fenciRun(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      return;
    }
    Map<String, String> opt = options(args);
    int[] threads = Arrays.stream(opt.getOrDefault("--threads", "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
    int epochs = Integer.parseInt(opt.getOrDefault("--epochs", "4"));
    int rounds = Integer.parseInt(opt.getOrDefault("--rounds", "2"));
    String python = opt.getOrDefault("--python", Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
    Path out = Path.of(opt.getOrDefault("--out", "docs"));
    Path script = Path.of("fenci-benchmarks/scripts/torch_seed_train.py");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("run from the project root: " + script + " not found");
    }
    Path pieces = Files.createTempFile("fenci-pieces", ".tsv");
    pieces.toFile().deleteOnExit();
    TrainingPieces.main(new String[] {BenchData.file("pd1998/train.utf8").toString(), pieces.toString()});
    String torchVersion = firstLine(run(List.of(python, "-c",
        "import torch; print(torch.__version__, 'oneDNN' if torch.backends.mkldnn.is_available() else 'no oneDNN')")));

    Map<Integer, List<Double>> fenci = new LinkedHashMap<>();
    Map<Integer, List<Double>> torch = new LinkedHashMap<>();
    List<String> log = new ArrayList<>();
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int round = 1; round <= rounds; round++) {
      for (int t : threads) {
        // alternate which framework goes first from one round to the next
        for (int k = 0; k < 2; k++) {
          boolean fenciTurn = (k == 0) == (round % 2 == 1);
          List<String> cmd = fenciTurn
              ? List.of(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                  "-Dfenci.data=" + BenchData.root(), TrainCompare.class.getName(), "fenci-run", Integer.toString(t),
                  Integer.toString(epochs))
              : List.of(python, script.toString(), pieces.toString(), "--threads", Integer.toString(t), "--epochs",
                  Integer.toString(epochs));
          List<String> lines = run(cmd);
          Pattern p = fenciTurn ? FENCI_EPOCH : TORCH_EPOCH;
          List<Double> into = (fenciTurn ? fenci : torch).computeIfAbsent(t, x -> new ArrayList<>());
          List<String> epochFigures = new ArrayList<>();
          for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.find()) {
              double cps = Double.parseDouble(m.group(2).replace(",", ""));
              epochFigures.add(String.format(Locale.ROOT, "%,.0f", cps));
              if (Integer.parseInt(m.group(1)) > 1) {
                into.add(cps);
              }
            }
          }
          if (epochFigures.size() != epochs) {
            throw new IllegalStateException((fenciTurn ? "fenci" : "PyTorch") + " printed " + epochFigures.size()
                + " epochs, expected " + epochs + ":\n" + String.join("\n", lines));
          }
          String entry = String.format(Locale.ROOT, "round %d, %d thread%s, %s: %s", round, t, t == 1 ? "" : "s",
              fenciTurn ? "fenci" : "PyTorch", String.join(" / ", epochFigures));
          System.err.println(entry);
          log.add(entry);
        }
      }
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve("training-speed.md"), markdown(threads, fenci, torch, log, torchVersion, epochs, rounds),
        StandardCharsets.UTF_8);
    System.err.println("wrote " + out.resolve("training-speed.md"));
  }

  /** In a child process: fenci's trainer on the seed recipe, the epoch lines on stdout. */
  private static void fenciRun(int threads, int epochs) throws IOException {
    Path dir = Files.createTempDirectory("fenci-train-speed");
    try {
      TrainingOptions o = TrainingOptions.builder(List.of(BenchData.file("pd1998/train.utf8")), dir.resolve("seed.safetensors"))
          .dev(BenchData.file("pd1998/dev.utf8")).arch("seed").epochs(epochs).threads(threads).build();
      new Trainer(o, System.out, false).run();
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  private static String markdown(int[] threads, Map<Integer, List<Double>> fenci, Map<Integer, List<Double>> torch,
      List<String> log, String torchVersion, int epochs, int rounds) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Training speed: fenci against PyTorch, seed recipe\n\n");
    sb.append("Generated by `dev.fenci.bench.TrainCompare` (command below); do not edit by hand.\n\n");
    sb.append("| threads | fenci chars/s | PyTorch chars/s | fenci / PyTorch |\n|---|---|---|---|\n");
    for (int t : threads) {
      double f = median(fenci.get(t));
      double p = median(torch.get(t));
      sb.append(String.format(Locale.ROOT, "| %d | %,.0f (%,.0f-%,.0f) | %,.0f (%,.0f-%,.0f) | **%.2fx** |%n", t, f,
          min(fenci.get(t)), max(fenci.get(t)), p, min(torch.get(t)), max(torch.get(t)), f / p));
    }
    sb.append("\nMedians over epochs 2-").append(epochs).append(" of ").append(rounds)
        .append(" runs per framework and thread count (range in brackets). Every run:\n\n");
    for (String l : log) {
      sb.append("- ").append(l).append('\n');
    }
    sb.append("\n## How it was measured\n\n");
    sb.append("- The seed method's network and recipe (embedding 128, uniform(-1, 1), dropout keep 0.5, convolutions "
        + "128-128-32-4 with kernel 3, summed cross-entropy, Adam with its defaults), on the same pieces: the ones "
        + "`fenci train --arch seed` makes of `pd1998/train.utf8`, written out by `TrainingPieces` for PyTorch. Batches "
        + "hold pieces of one length, at most 1,024, shuffled every epoch.\n");
    sb.append("- fenci: its trainer as `fenci train --arch seed --threads N` runs it, in a fresh JVM per run; "
        + "characters per second of each epoch's training steps (dev scoring after the epoch not counted).\n");
    sb.append("- PyTorch: `fenci-benchmarks/scripts/torch_seed_train.py` (" + torchVersion + ", `torch.set_num_threads(N)`), "
        + "a fresh process per run; the batches are tensors before the clock starts.\n");
    sb.append("- Runs alternate between the two, the order swapped every round; epoch 1 of each run is left out "
        + "(JIT compilation; oneDNN's kernel generation).\n");
    sb.append("- Machine: ").append(System.getProperty("os.arch")).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores; ")
        .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.vm.version")).append(".\n\n");
    sb.append("```sh\njava --add-modules jdk.incubator.vector -cp fenci-benchmarks/target/benchmarks.jar \\\n"
        + "    dev.fenci.bench.TrainCompare --threads " + joined(threads) + " --epochs " + epochs + " --rounds " + rounds
        + "\n```\n");
    return sb.toString();
  }

  private static String joined(int[] xs) {
    StringBuilder sb = new StringBuilder();
    for (int x : xs) {
      sb.append(sb.length() > 0 ? "," : "").append(x);
    }
    return sb.toString();
  }

  private static double median(List<Double> xs) {
    return Usage.median(xs.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double min(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  private static double max(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  private static String firstLine(List<String> lines) {
    return lines.isEmpty() ? "?" : lines.get(0).strip();
  }

  /** Runs a command, returns its output lines (stdout and stderr together); fails on a non-zero exit. */
  private static List<String> run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = r.readLine()) != null; ) {
        lines.add(l);
      }
    }
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " exited with " + rc + ":\n" + String.join("\n", lines));
    }
    return lines;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: TrainCompare [--threads 1,2] [--epochs 4] [--rounds 2] "
            + "[--python PYTHON] [--out DIR]; not understood: " + args[i]);
      }
      m.put(args[i], args[i + 1]);
    }
    return m;
  }
}
