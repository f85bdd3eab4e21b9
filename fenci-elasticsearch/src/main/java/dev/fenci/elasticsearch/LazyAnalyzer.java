package dev.fenci.elasticsearch;

import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/** An analyzer made on first use. */
final class LazyAnalyzer extends DelegatingAnalyzerWrapper {
  private final Once<Analyzer> analyzer;

  LazyAnalyzer(Supplier<Analyzer> make) {
    super(PER_FIELD_REUSE_STRATEGY);
    this.analyzer = new Once<>(make);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    return analyzer.get();
  }

  @Override
  public void close() {
    Analyzer a = analyzer.ifMade();
    if (a != null) {
      a.close();
    }
    super.close();
  }
}
