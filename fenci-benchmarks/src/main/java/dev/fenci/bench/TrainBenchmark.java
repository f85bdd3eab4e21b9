package dev.fenci.bench;

import dev.fenci.train.Trainer;
import dev.fenci.train.TrainingOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training throughput of the seed architecture: one operation is one epoch over the first 8,000
 * lines of pd1998/train.utf8 (about 0.75 M characters) with the seed's batches, dev scoring on 200
 * lines included. Characters per second = training characters x ops/s (printed by the trainer too).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class TrainBenchmark {
  @Param({"1", "2"})
  public int threads;

  Path dir;
  TrainingOptions options;

  @Setup
  public void setup() throws IOException {
    dir = Files.createTempDirectory("fenci-train-bench");
    Path train = dir.resolve("train.utf8");
    Path dev = dir.resolve("dev.utf8");
    Files.write(train, BenchData.lines("pd1998/train.utf8").subList(0, 8000), StandardCharsets.UTF_8);
    Files.write(dev, BenchData.lines("pd1998/dev.utf8").subList(0, 200), StandardCharsets.UTF_8);
    options = TrainingOptions.builder(List.of(train), dir.resolve("m.safetensors")).dev(dev).arch("seed").epochs(1)
        .threads(threads).build();
  }

  @Benchmark
  public Object epoch() throws IOException {
    return new Trainer(options, new PrintStream(OutputStream.nullOutputStream()), false).run();
  }
}
