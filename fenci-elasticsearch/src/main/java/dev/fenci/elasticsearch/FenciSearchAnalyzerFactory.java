package dev.fenci.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The analyzer {@code fenci_search}: {@code fenci} with, as alternatives, the other ways a document
 * may write the query's words ({@link dev.fenci.lucene.FenciAnalyzer#forQueries}: joins of adjacent
 * words, {@code 充电 桩} or {@code 充电桩}; splits of a word of two runs, {@code iphone15} or {@code
 * iphone 15}). For queries only (a {@code search_analyzer}), beside {@code fenci_index}. Settings:
 * {@link FenciSettings} without {@code subwords}, read as {@link FenciAnalyzerFactory} reads them.
 */
@NamedComponent("fenci_search")
public final class FenciSearchAnalyzerFactory implements AnalyzerFactory {
  private final Once<Analyzer> analyzer;

  @Inject
  public FenciSearchAnalyzerFactory(FenciSettings settings) {
    analyzer = new Once<>(() -> Analyzers.of(settings, false, true));
  }

  @Override
  public Analyzer create() {
    return analyzer.get();
  }
}
