package dev.fenci.opensearch;

import dev.fenci.lucene.FenciQueryFilter;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.AnalysisMode;
import org.opensearch.index.analysis.TokenFilterFactory;

/**
 * The token filter {@code fenci_query} ({@link FenciQueryFilter}): the joins of adjacent words and
 * the splits of a word of two runs as alternatives of a query's words, what {@code fenci_search}
 * adds, for a custom search analyzer (after a {@code synonym_graph} filter, for instance). Search
 * time only: its token graph is for queries, so OpenSearch refuses it in an index's analyzer; a
 * synonym filter after it reads its rules without it. Put it last, after the filters that fold
 * terms. No settings.
 */
final class FenciQueryFilterProvider extends AbstractTokenFilterFactory {
  FenciQueryFilterProvider(IndexSettings index, Environment env, String name, Settings settings) {
    super(index, name, settings);
    FenciSettings.check(settings, "fenci_query token filter", name, Set.of());
  }

  @Override
  public TokenStream create(TokenStream in) {
    return new FenciQueryFilter(in);
  }

  @Override
  public AnalysisMode getAnalysisMode() {
    return AnalysisMode.SEARCH_TIME;
  }

  @Override
  public TokenFilterFactory getSynonymFilter() {
    return IDENTITY_FILTER; // synonym rules are parsed as words, not as a graph of alternatives
  }
}
