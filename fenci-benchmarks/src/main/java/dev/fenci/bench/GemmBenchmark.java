package dev.fenci.bench;

import dev.fenci.nn.Gemm;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The convolution as a matrix product, for the seed's layer shapes (rows = characters of a batch,
 * k = 3 x input channels, n = output channels). GFLOP/s = 2 * rows * k * n * (ops/s) / 1e9, printed
 * by {@code Report}. Compared: the Vector API kernel, its scalar fallback and a plain triple loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {
  /**
   * "INxOUT" of the seed's convolutions (32x4: the output layer of every shipped network); JMH's
   * {@code -p} splits values at commas.
   */
  @Param({"128x128", "128x32", "32x4"})
  public String shape;

  static final int ROWS = 4096;
  int in;
  int out;
  float[] a;
  float[] packed;
  float[] b;
  float[] c;

  @Setup
  public void setup() {
    String[] s = shape.split("x");
    in = Integer.parseInt(s[0]);
    out = Integer.parseInt(s[1]);
    SplittableRandom r = new SplittableRandom(1);
    a = new float[(ROWS + 2) * in];
    b = new float[3 * in * out];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextDouble();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) r.nextDouble();
    }
    packed = Gemm.pack(b, 0, out, 3 * in, out, new float[Gemm.packedSize(3 * in, out)]);
    c = new float[ROWS * out];
  }

  @Benchmark
  public float[] vector() {
    Gemm.best().mulAdd(a, 0, in, 3 * in, packed, out, c, 0, out, 0, ROWS);
    return c;
  }

  @Benchmark
  public float[] scalar() {
    Gemm.scalar().mulAdd(a, 0, in, 3 * in, packed, out, c, 0, out, 0, ROWS);
    return c;
  }

  @Benchmark
  public float[] tripleLoop() {
    int k = 3 * in;
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < out; j++) {
        float s = c[i * out + j];
        for (int q = 0; q < k; q++) {
          s += a[i * in + q] * b[q * out + j];
        }
        c[i * out + j] = s;
      }
    }
    return c;
  }

  /** Floating-point operations of one call. */
  static double flops(String shape) {
    String[] s = shape.split("x");
    return 2.0 * ROWS * 3 * Integer.parseInt(s[0]) * Integer.parseInt(s[1]);
  }
}
