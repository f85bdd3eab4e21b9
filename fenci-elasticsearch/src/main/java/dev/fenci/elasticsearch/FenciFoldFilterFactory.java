package dev.fenci.elasticsearch;

import dev.fenci.lucene.FenciFoldFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * The token filter {@code fenci_fold} ({@link FenciFoldFilter}): traditional characters as their
 * simplified forms ({@code 臺灣} as {@code 台湾}), the middle dots of names as {@code ·} and Unicode's hyphens as {@code -}, as the
 * {@code fenci} analyzers fold terms, for a custom analyzer. Put it after {@code cjk_width} and
 * {@code lowercase}, in the index's analyzer and the search analyzer alike. No settings.
 */
@NamedComponent("fenci_fold")
public final class FenciFoldFilterFactory implements TokenFilterFactory {
  @Override
  public TokenStream create(TokenStream in) {
    return new FenciFoldFilter(in);
  }

  @Override
  public TokenStream normalize(TokenStream in) {
    return new FenciFoldFilter(in);
  }
}
