package dev.fenci.bench;

import dev.fenci.nn.Adam;
import dev.fenci.nn.Network;
import dev.fenci.nn.NetworkConfig;
import dev.fenci.nn.PackedBatch;
import dev.fenci.nn.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of the seed network without the trainer around it: forward with dropout,
 * backward from a fixed gradient at the logits, Adam. The batch has the training data's average
 * shape (900 pieces of 10 characters, 9,000 characters; the average batch of pd1998 is about 850
 * pieces of 10). GFLOP/s = 6 x 61,824 multiply-adds per character x 9,000 x ops/s / 1e9 (forward
 * products, and twice that backward); characters/s = 9,000 x ops/s. Separates the network's own
 * speed from the trainer's (batching, loss, dev scoring) and from the matrix kernel's alone
 * ({@link GemmBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainStepBenchmark {
  @Param({"1", "2"})
  public int threads;

  static final int PIECES = 900;
  static final int LENGTH = 10;

  Network net;
  PackedBatch batch;
  float[] dLogits;
  Adam adam;
  Parallel par;
  SplittableRandom dropout;

  @Setup
  public void setup() {
    NetworkConfig c = NetworkConfig.seed(4500, "uniform");
    net = new Network(c);
    net.initialise(1);
    SplittableRandom r = new SplittableRandom(2);
    List<int[]> seqs = new ArrayList<>();
    for (int i = 0; i < PIECES; i++) {
      int[] s = new int[LENGTH];
      for (int j = 0; j < LENGTH; j++) {
        s[j] = r.nextInt(4500);
      }
      seqs.add(s);
    }
    batch = PackedBatch.of(net.pad(), seqs);
    dLogits = new float[batch.rows() * c.tags()];
    for (int i = 0; i < dLogits.length; i++) {
      dLogits[i] = (float) (r.nextDouble() - 0.5) * 1e-3f;
    }
    adam = new Adam(net.params());
    par = new Parallel(threads);
    dropout = new SplittableRandom(3);
  }

  @TearDown(Level.Trial)
  public void close() {
    par.close();
  }

  @Benchmark
  public Object step() {
    Network.Trace t = net.forward(par, batch, dropout);
    net.zeroGrad();
    net.backward(par, t, dLogits.clone());
    adam.step(par);
    net.refresh();
    return t;
  }

  @Benchmark
  public Object forward() {
    return net.forward(par, batch, dropout);
  }
}
