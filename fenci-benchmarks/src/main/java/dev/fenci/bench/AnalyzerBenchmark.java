package dev.fenci.bench;

import dev.fenci.Segmenter;
import dev.fenci.lucene.FenciAnalyzer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lucene analysis of the PKU test text, one line a document, one thread: what indexing pays per
 * character for each analyzer (token streams consumed to their end, terms read). One operation
 * analyses the whole file; characters per second = chars(file) x ops/s. {@code standard} is
 * Lucene's StandardAnalyzer (one token per Chinese character, no segmentation), the floor; the
 * {@code -subwords} rows add each word's parts, as an index analyzer with subwords does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class AnalyzerBenchmark {
  @Param({"fenci-accurate", "fenci-accurate-subwords", "fenci-fast", "fenci-fast-subwords", "smartcn", "standard"})
  public String analyzer;

  Analyzer a;
  List<String> lines;

  @Setup
  public void setup() throws IOException {
    a = switch (analyzer) {
      case "fenci-accurate" -> new FenciAnalyzer(Segmenter.load("accurate"));
      case "fenci-fast" -> new FenciAnalyzer(Segmenter.load("fast"));
      case "fenci-accurate-subwords" -> new FenciAnalyzer(Segmenter.load("accurate"), CharArraySet.EMPTY_SET, true);
      case "fenci-fast-subwords" -> new FenciAnalyzer(Segmenter.load("fast"), CharArraySet.EMPTY_SET, true);
      case "smartcn" -> new SmartChineseAnalyzer();
      case "standard" -> new StandardAnalyzer();
      default -> throw new IllegalArgumentException("unknown analyzer " + analyzer);
    };
    lines = BenchData.lines("icwb2/testing/pku_test.utf8");
  }

  @TearDown
  public void close() {
    a.close();
  }

  @Benchmark
  public void pkuTestFile(Blackhole bh) throws IOException {
    for (String l : lines) {
      try (TokenStream ts = a.tokenStream("body", l)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          bh.consume(term.length());
        }
        ts.end();
      }
    }
  }
}
