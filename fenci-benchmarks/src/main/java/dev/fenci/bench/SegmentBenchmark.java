package dev.fenci.bench;

import dev.fenci.Segmenter;
import dev.fenci.dict.UserDictionary;
import java.io.IOException;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * End-to-end segmentation of the PKU test text (1,945 lines), one thread and all threads: one
 * operation segments the whole file line by line; characters per second = chars(file) x ops/s. With
 * {@code dict=bakeoff}, the four SIGHAN 2005 training word lists (~272,000 entries) are loaded as
 * a user dictionary.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class SegmentBenchmark {
  @Param({"default"})
  public String model;

  @Param({"none", "bakeoff"})
  public String dict;

  Segmenter segmenter;
  List<String> lines;

  @Setup
  public void setup() throws IOException {
    segmenter = Segmenter.load(model);
    if (dict.equals("bakeoff")) {
      segmenter = segmenter.withDictionary(UserDictionary.load(BenchData.bakeoffDictionary()));
    }
    lines = BenchData.lines("icwb2/testing/pku_test.utf8");
  }

  @Benchmark
  public void pkuTestFile(Blackhole bh) {
    for (String l : lines) {
      bh.consume(segmenter.segment(l));
    }
  }

  /** The same with one shared segmenter on every core (JMH adds up the threads' operations). */
  @Benchmark
  @Threads(Threads.MAX)
  public void pkuTestFileAllThreads(Blackhole bh) {
    pkuTestFile(bh);
  }

  static long chars() {
    return BenchData.chars(BenchData.lines("icwb2/testing/pku_test.utf8"));
  }
}
