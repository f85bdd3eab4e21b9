package dev.fenci.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One segmenter alone in its JVM: the speed of the PKU test text, one thread, after a long
 * warm-up, as a user timing a single library would see it (the way the speed issue quotes its
 * peers). Reports characters per second and, beside them, UTF-8 bytes per second of the same
 * text (the PKU test text takes 2.9 bytes per character), since figures quoted without their unit
 * are easily one or the other.
 *
 * <p>Usage: {@code Solo NAME [WARMUP_SECONDS] [RUNS]}, NAME one of {@code fenci:PRESET},
 * {@code jieba}, {@code hanlp}, {@code smartcn}, {@code ansj}, {@code ansj-nlp}. Defaults: 15 s, 7
 * runs; prints the median and the range.
 */
public final class Solo {
  private Solo() {}

  public static void main(String[] args) throws Exception {
    String usage = "usage: Solo fenci:PRESET|jieba|hanlp|smartcn|ansj|ansj-nlp [WARMUP_SECONDS] [RUNS]";
    Usage.helpIfAsked(args, usage);
    if (args.length < 1 || args.length > 3) {
      Usage.exit(usage, "expected 1 to 3 arguments, got " + args.length);
    }
    String name = args[0];
    int warmup = args.length > 1 ? Usage.atLeast(args[1], 0, "WARMUP_SECONDS", usage) : 15;
    int runs = args.length > 2 ? Usage.atLeast(args[2], 1, "RUNS", usage) : 7;
    Peer peer = load(name);
    List<String> lines = BenchData.lines("icwb2/testing/pku_test.utf8");
    long chars = BenchData.chars(lines);
    long bytes = 0;
    for (String l : lines) {
      bytes += l.getBytes(StandardCharsets.UTF_8).length;
    }
    long sink = 0;
    long end = System.nanoTime() + warmup * 1_000_000_000L;
    while (System.nanoTime() < end) {
      sink += segmentAll(peer, lines);
    }
    double[] speeds = new double[runs];
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      sink += segmentAll(peer, lines);
      speeds[r] = chars / ((System.nanoTime() - t0) / 1e9);
    }
    Arrays.sort(speeds);
    double median = Usage.median(speeds);
    System.out.printf(Locale.ROOT, "%s: %,.0f chars/s (runs %,.0f-%,.0f), %,.0f UTF-8 bytes/s; %,d chars, %,d bytes, %d s warm-up (%d)%n",
        peer.name(), median, speeds[0], speeds[runs - 1], median * bytes / chars, chars, bytes, warmup, sink % 10);
  }

  private static long segmentAll(Peer peer, List<String> lines) {
    long words = 0;
    for (String l : lines) {
      words += peer.segment(l).size();
    }
    return words;
  }

  private static Peer load(String name) throws Exception {
    if (name.startsWith("fenci:")) {
      return Peers.fenci(name.substring("fenci:".length()));
    }
    return switch (name) {
      case "jieba" -> Peers.jieba();
      case "hanlp" -> Peers.hanlp();
      case "smartcn" -> Peers.smartcn();
      case "ansj" -> Peers.ansj(false);
      case "ansj-nlp" -> Peers.ansj(true);
      default -> throw new IllegalArgumentException("unknown segmenter '" + name
          + "' (known: fenci:PRESET, jieba, hanlp, smartcn, ansj, ansj-nlp)");
    };
  }
}
