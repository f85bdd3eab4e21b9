package dev.fenci.opensearch;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.CharFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * fenci in OpenSearch: the tokenizer {@code fenci} and the analyzers {@code fenci} (words, for
 * queries and indexes), {@code fenci_index} (words and their parts, for indexes) and {@code
 * fenci_search} (words and their joins and splits, for queries), usable by name in a mapping or
 * configured in an index's analysis settings (see {@link FenciSettings}); for custom analyzers, the
 * char filter {@code fenci_width} and the token filters {@code fenci_fold} and {@code fenci_query}.
 */
public final class FenciPlugin extends Plugin implements AnalysisPlugin {
  @Override
  public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
    return Map.of("fenci", FenciTokenizerProvider::new);
  }

  @Override
  public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
    return Map.of("fenci_width", FenciWidthCharFilterProvider::new);
  }

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    return Map.of("fenci_fold", FenciFoldFilterProvider::new, "fenci_query", FenciQueryFilterProvider::new);
  }

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return Map.of(
        "fenci", (index, env, name, settings) -> new FenciAnalyzerProvider(index, env, name, settings, false),
        "fenci_index", (index, env, name, settings) -> new FenciAnalyzerProvider(index, env, name, settings, true),
        "fenci_search", (index, env, name, settings) -> FenciAnalyzerProvider.forQueries(index, env, name, settings));
  }
}
