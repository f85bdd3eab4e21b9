package dev.fenci.bench;

import dev.fenci.Segmenter;
import dev.fenci.nn.Adam;
import dev.fenci.nn.Network;
import dev.fenci.nn.NetworkConfig;
import dev.fenci.nn.PackedBatch;
import dev.fenci.nn.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The work {@link AbCompare} times, one unit per {@link #run()}. Loaded once per fenci build, each
 * time by a class loader that finds that build's classes first, so this class runs against the
 * build that loads it. Construction: {@code (String what, Integer threads)} with {@code what}
 * {@code step:ARCH} (one training step of the seed network or {@code accurate}'s shape, 900
 * pieces of 10 characters, dropout, backward, Adam), {@code segment:PRESET} (the whole PKU test
 * text, each line on its own with one thread, as one stream with {@code segment(Reader, sink, threads)} with
 * more) or {@code segment-dict:PRESET} (the same with the ~272,000 words of the four
 * bakeoff training word lists as a user dictionary).
 */
public final class AbWork implements Runnable {
  private final Runnable work;
  /** Characters one run() handles. */
  public final long chars;

  public AbWork(String what, Integer threads) throws Exception {
    if (what.startsWith("step:")) {
      String arch = what.substring("step:".length());
      NetworkConfig c = switch (arch) {
        case "seed" -> NetworkConfig.seed(4500, "uniform");
        case "accurate" -> new NetworkConfig(4500, 128, 0, 0, new int[] {128, 48, 32}, 4, 0.5f, "uniform");
        default -> throw new IllegalArgumentException("step:seed or step:accurate, not " + what);
      };
      Network net = new Network(c);
      net.initialise(1);
      SplittableRandom r = new SplittableRandom(2);
      List<int[]> seqs = new ArrayList<>();
      for (int i = 0; i < 900; i++) {
        int[] s = new int[10];
        for (int j = 0; j < s.length; j++) {
          s[j] = r.nextInt(4500);
        }
        seqs.add(s);
      }
      PackedBatch batch = PackedBatch.of(net.pad(), seqs);
      Adam adam = new Adam(net.params());
      Parallel par = new Parallel(threads);
      float[] g = new float[batch.rows() * c.tags()];
      work = () -> {
        Network.Trace t = net.forward(par, batch, r);
        for (int i = 0; i < g.length; i++) {
          g[i] = (float) (r.nextDouble() - 0.5) * 1e-3f;
        }
        net.zeroGrad();
        net.backward(par, t, g);
        adam.step(par);
        net.refresh();
      };
      chars = 9000;
    } else if (what.startsWith("segment:") || what.startsWith("segment-dict:")) {
      Segmenter s = Segmenter.load(what.substring(what.indexOf(':') + 1));
      if (what.startsWith("segment-dict:")) { // the ~272,000 words of the bakeoff's training word lists
        s = s.withDictionary(dev.fenci.dict.UserDictionary.load(BenchData.bakeoffDictionary()));
      }
      Segmenter seg = s;
      List<String> lines = BenchData.lines("icwb2/testing/pku_test.utf8");
      long[] sink = new long[1];
      if (threads == 1) {
        work = () -> {
          for (String l : lines) {
            sink[0] += seg.segment(l).size();
          }
        };
      } else { // the streaming API's threads, over the text as one stream of lines
        String text = String.join("\n", lines);
        work = () -> {
          try {
            seg.segment(new java.io.StringReader(text), (t, from, to) -> sink[0]++, threads);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
      }
      chars = BenchData.chars(lines);
    } else {
      throw new IllegalArgumentException("step:ARCH, segment:PRESET or segment-dict:PRESET, not " + what);
    }
  }

  @Override
  public void run() {
    work.run();
  }
}
