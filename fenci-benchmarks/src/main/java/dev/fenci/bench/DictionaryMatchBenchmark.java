package dev.fenci.bench;

import dev.fenci.dict.DictionarySnapshot;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dictionary's matching alone: every occurrence of the ~272,000 bakeoff words in the PKU test
 * text (172,733 characters), one operation per pass over the file. Separates the Aho-Corasick walk
 * from the rest of segmentation (compare with {@code SegmentBenchmark} with {@code dict=bakeoff}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class DictionaryMatchBenchmark {
  DictionarySnapshot dict;
  List<String> lines;
  long hits;

  @Setup
  public void setup() throws IOException {
    dict = UserDictionary.load(BenchData.bakeoffDictionary()).snapshot();
    lines = BenchData.lines("icwb2/testing/pku_test.utf8");
  }

  /** Returns the number of occurrences (1.4 per character), so that the walk cannot be elided. */
  @Benchmark
  public long matchPkuTestFile() {
    hits = 0;
    for (String l : lines) {
      dict.forEachMatch(l, (start, end, logMultiplier) -> hits += end - start);
    }
    return hits;
  }
}
