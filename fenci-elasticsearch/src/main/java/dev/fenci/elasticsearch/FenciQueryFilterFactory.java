package dev.fenci.elasticsearch;

import dev.fenci.lucene.FenciQueryFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * The token filter {@code fenci_query} ({@link FenciQueryFilter}): the joins of adjacent words and
 * the splits of a word of two runs as alternatives of a query's words, what {@code fenci_search}
 * adds, for a custom search analyzer (with a {@code synonym_graph} filter before it, for instance).
 * Search time only: its token graph is for queries, so Elasticsearch refuses it in an index's
 * analyzer. Put it last, after the filters that fold terms. No settings.
 */
@NamedComponent("fenci_query")
public final class FenciQueryFilterFactory implements TokenFilterFactory {
  @Override
  public TokenStream create(TokenStream in) {
    return new FenciQueryFilter(in);
  }

  @Override
  public AnalysisMode getAnalysisMode() {
    return AnalysisMode.SEARCH_TIME;
  }
}
