package dev.fenci.bench;

import dev.fenci.eval.ScoreScript;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Side-by-side comparison in one JVM, one segmenter after another on the same in-memory text:
 * F1 and OOV recall by the bakeoff's official script on the PKU, MSR, CityU and AS test sets, characters per
 * second on one thread after a warm-up (median of several runs over the PKU test text), heap
 * after GC and time to load. Writes {@code docs/benchmarks.md} and {@code docs/benchmarks.png}.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package
 * java --add-modules jdk.incubator.vector -Xmx4g -cp fenci-benchmarks/target/benchmarks.jar dev.fenci.bench.Compare
 * </pre>
 * Options: {@code --out DIR} (default docs), {@code --warmup SECONDS} (default 10), {@code --runs N}
 * (default 5), {@code --data DIR} (default ../shared/data).
 */
public final class Compare {
  record TestSet(String name, List<String> raw, Path gold, Path words) {}

  record Row(String name, double[] f1, double[] oovRecall, double charsPerSecond, double heapMb, double loadMs,
      String note) {}

  interface Loader {
    Peer load() throws Exception;
  }

  private static final String USAGE = "usage: Compare [--out DIR] [--warmup SECONDS] [--runs N] [--data DIR]\n"
      + "  writes DIR/benchmarks.md and DIR/benchmarks.png (default DIR: docs); SECONDS of warm-up per segmenter\n"
      + "  (default 10); N timed runs, their median reported (default 5); DIR of the research data (default ../shared/data)";

  public static void main(String[] args) throws Exception {
    Usage.helpIfAsked(args, USAGE);
    Path out = Path.of("docs");
    int warmupSeconds = 10;
    int runs = 5;
    for (int i = 0; i < args.length; i += 2) {
      String v = Usage.value(args, i, USAGE);
      switch (args[i]) {
        case "--out" -> out = Path.of(v);
        case "--warmup" -> warmupSeconds = Usage.atLeast(v, 0, "--warmup", USAGE);
        case "--runs" -> runs = Usage.atLeast(v, 1, "--runs", USAGE);
        case "--data" -> System.setProperty("fenci.data", v);
        default -> Usage.exit(USAGE, "unknown option " + args[i]);
      }
    }
    if (!ScoreScript.available()) {
      throw new IllegalStateException("perl and diff are needed for the official score script");
    }
    List<TestSet> sets = List.of(
        new TestSet("PKU", BenchData.lines("icwb2/testing/pku_test.utf8"), BenchData.file("icwb2/gold/pku_test_gold.utf8"),
            BenchData.file("icwb2/gold/pku_training_words.utf8")),
        new TestSet("MSR", BenchData.lines("icwb2/testing/msr_test.utf8"), BenchData.file("icwb2/gold/msr_test_gold.utf8"),
            BenchData.file("icwb2/gold/msr_training_words.utf8")),
        // traditional Chinese (Hong Kong and Taiwan), each with its own standard
        new TestSet("CityU", BenchData.lines("icwb2/testing/cityu_test.utf8"),
            BenchData.file("icwb2/gold/cityu_test_gold.utf8"), BenchData.file("icwb2/gold/cityu_training_words.utf8")),
        new TestSet("AS", BenchData.lines("icwb2/testing/as_test.utf8"), BenchData.file("icwb2/gold/as_testing_gold.utf8"),
            BenchData.file("icwb2/gold/as_training_words.utf8")));
    Path tmp = Files.createTempDirectory("fenci-compare"); // outputs and the perceptron model: deleted at the end
    try {
      run(sets, tmp, out, warmupSeconds, runs);
    } finally {
      Usage.deleteTree(tmp);
    }
  }

  private static void run(List<TestSet> sets, Path tmp, Path out, int warmupSeconds, int runs) throws Exception {
    Path perceptronModel = tmp.resolve("hanlp-cws.bin");
    double[] perceptronTraining = new double[1];
    List<Object[]> loaders = new ArrayList<>();
    for (dev.fenci.Presets.Preset p : dev.fenci.Presets.list()) {
      // a preset made of another one shares its weights, loaded (and still cached) in an earlier row
      String shared = p.base() == null ? "" : " (heap and load: on top of `" + p.base() + "`, shared with it)";
      loaders.add(new Object[] {(Loader) () -> Peers.fenci(p.name()), p.description() + shared});
    }
    long t0 = System.nanoTime();
    Peers.trainHanlpPerceptron(BenchData.file("pd1998/train.utf8"), perceptronModel);
    perceptronTraining[0] = (System.nanoTime() - t0) / 1e9;
    loaders.add(new Object[] {(Loader) () -> Peers.hanlpPerceptron(perceptronModel),
        "trained here on pd1998/train.utf8, default settings"});
    loaders.add(new Object[] {(Loader) Peers::hanlp, "out of the box"});
    loaders.add(new Object[] {(Loader) Peers::jieba, "out of the box"});
    loaders.add(new Object[] {(Loader) Peers::smartcn, "out of the box"});
    loaders.add(new Object[] {(Loader) () -> Peers.ansj(false), "out of the box"});
    loaders.add(new Object[] {(Loader) () -> Peers.ansj(true), "out of the box"});

    List<Row> rows = new ArrayList<>();
    for (Object[] l : loaders) {
      rows.add(measure((Loader) l[0], (String) l[1], sets, tmp, warmupSeconds, runs));
      Row r = rows.get(rows.size() - 1);
      System.err.printf(Locale.ROOT,
          "%-40s PKU F1 %.3f  MSR F1 %.3f  CityU F1 %.3f  AS F1 %.3f  %,.0f chars/s  heap %.0f MB  load %.0f ms%n",
          r.name(), r.f1()[0], r.f1()[1], r.f1()[2], r.f1()[3], r.charsPerSecond(), r.heapMb(), r.loadMs());
    }
    Files.createDirectories(out);
    chart(rows, out.resolve("benchmarks.png"));
    Files.writeString(out.resolve("benchmarks.md"), markdown(rows, perceptronTraining[0], warmupSeconds, runs),
        StandardCharsets.UTF_8);
    System.err.println("wrote " + out.resolve("benchmarks.md") + " and " + out.resolve("benchmarks.png"));
  }

  private static Row measure(Loader loader, String note, List<TestSet> sets, Path tmp, int warmupSeconds, int runs)
      throws Exception {
    long heapBefore = usedHeapAfterGc();
    long t0 = System.nanoTime();
    Peer peer = loader.load();
    double loadMs = (System.nanoTime() - t0) / 1e6;
    double heapMb = Math.max(0, usedHeapAfterGc() - heapBefore) / 1048576.0;
    double[] f1 = new double[sets.size()];
    double[] oov = new double[sets.size()];
    for (int s = 0; s < sets.size(); s++) {
      TestSet set = sets.get(s);
      List<String> lines = new ArrayList<>(set.raw().size());
      for (String line : set.raw()) {
        lines.add(String.join("  ", peer.segment(line)));
      }
      Path output = tmp.resolve(set.name() + ".out");
      Files.write(output, lines, StandardCharsets.UTF_8);
      Map<String, String> score = ScoreScript.run(BenchData.file("icwb2/scripts/score"), set.words(), set.gold(), output);
      f1[s] = Double.parseDouble(score.get("F MEASURE"));
      oov[s] = Double.parseDouble(score.get("OOV Recall Rate"));
    }
    List<String> text = sets.get(0).raw();
    long chars = BenchData.chars(text);
    long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
    while (System.nanoTime() < warmEnd) {
      segmentAll(peer, text);
    }
    double[] speeds = new double[runs];
    for (int r = 0; r < runs; r++) {
      long s0 = System.nanoTime();
      segmentAll(peer, text);
      speeds[r] = chars / ((System.nanoTime() - s0) / 1e9);
    }
    return new Row(peer.name(), f1, oov, Usage.median(speeds), heapMb, loadMs, note);
  }

  private static long sink;

  private static void segmentAll(Peer peer, List<String> text) {
    for (String line : text) {
      sink += peer.segment(line).size();
    }
  }

  /**
   * Used heap right after a full GC, the least of three: a segmenter's background threads (fenci's
   * kernel warm-up, for one) allocate garbage between collections that is not part of its heap.
   */
  private static long usedHeapAfterGc() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      Thread.sleep(100);
    }
    return least;
  }

  private static void chart(List<Row> rows, Path png) throws IOException {
    XYChart chart = new XYChartBuilder().width(1100).height(560).title("PKU test F1 against speed (one thread)")
        .xAxisTitle("characters per second (log scale)").yAxisTitle("F1 on PKU (official script)").build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE); // beside the plot: inside it, it hid a point
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(12);
    for (Row r : rows) {
      XYSeries s = chart.addSeries(r.name(), new double[] {r.charsPerSecond()}, new double[] {r.f1()[0]});
      s.setMarker(r.name().startsWith("fenci") ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static String markdown(List<Row> rows, double perceptronSeconds, int warmup, int runs) {
    StringBuilder b = new StringBuilder();
    b.append("# Benchmarks: fenci and the Java segmenters users pick today\n\n");
    b.append("Generated by `dev.fenci.bench.Compare` (see the README for the command); do not edit by hand.\n\n");
    b.append("| segmenter | PKU F1 | PKU OOV recall | MSR F1 | MSR OOV recall | CityU F1 | AS F1 | chars/s, 1 thread"
        + " | heap after GC | load | how |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %,.0f | %.1f MB | %,.0f ms | %s |%n",
          r.name(), r.f1()[0], r.oovRecall()[0], r.f1()[1], r.oovRecall()[1], r.f1()[2], r.f1()[3], r.charsPerSecond(),
          r.heapMb(), r.loadMs(), r.note()));
    }
    b.append("\n![F1 against speed](benchmarks.png)\n\n");
    b.append("## How it was measured\n\n");
    b.append("- One JVM, segmenters one after another, all on the same in-memory text. F1 and OOV recall come from the\n"
        + "  SIGHAN 2005 `score` script on the PKU and MSR test sets (simplified Chinese) and the CityU and AS ones\n"
        + "  (traditional Chinese); output a segmenter dropped (whitespace, some\n"
        + "  punctuation) is rebuilt from its offsets so that no character is lost.\n");
    b.append(String.format(Locale.ROOT, "- Speed: the whole PKU test text (%,d characters), one thread, after a %d s warm-up;"
        + " the median of %d runs.%n", SegmentBenchmark.chars(), warmup, runs));
    b.append("- Heap: used heap right after `System.gc()` (the least of three) with the segmenter loaded, minus before. Load: construction plus a first\n"
        + "  call (several segmenters load their dictionaries lazily).\n");
    b.append("- Peers are measured **out of the box** with their bundled dictionaries and models: they follow their own\n"
        + "  segmentation standards, which differ from the bakeoff's, so their F1 is a cross-standard figure. The\n"
        + "  HanLP perceptron row is the fair peer: trained on the same file as fenci's models");
    if (perceptronSeconds > 0) {
      b.append(String.format(Locale.ROOT, " (its training took %.0f s here)", perceptronSeconds));
    }
    b.append(".\n- fenci's models follow the PKU standard (People's Daily 1998); MSR, CityU and AS are cross-standard tests\n"
        + "  for them. They were trained on simplified text and read a traditional character they do not know as its\n"
        + "  simplified form (`SimplifiedForms`).\n");
    b.append(String.format(Locale.ROOT, "- Machine: %s, %d cores; %s %s; max heap %d MB; fenci's matrix kernels %s.%n",
        cpu(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, dev.fenci.nn.Gemm.best().name()));
    b.append("\nTraining speed against PyTorch (the seed recipe, same pieces and batches): "
        + "[training-speed.md](training-speed.md), generated by `TrainCompare`.\n");
    return b.toString();
  }

  private static String cpu() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) {
          return l.substring(l.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }
}
