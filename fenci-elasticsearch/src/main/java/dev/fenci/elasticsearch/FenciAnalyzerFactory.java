package dev.fenci.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The analyzer {@code fenci} ({@link dev.fenci.lucene.FenciAnalyzer}: words, width folding, lower
 * case): for queries, and for indexes without subwords. Settings: {@link FenciSettings}
 * ({@code subwords} false unless set), read when Elasticsearch first asks for the analyzer (as it
 * builds the index's analyzers), so that a mistake reaches the user as this plugin's own {@code
 * IllegalArgumentException}, not wrapped in the server's "Cannot create instance" of the factory.
 */
@NamedComponent("fenci")
public final class FenciAnalyzerFactory implements AnalyzerFactory {
  private final Once<Analyzer> analyzer;

  @Inject
  public FenciAnalyzerFactory(FenciSettings settings) {
    analyzer = new Once<>(() -> Analyzers.of(settings, false));
  }

  @Override
  public Analyzer create() {
    return analyzer.get();
  }
}
