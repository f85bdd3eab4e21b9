package dev.fenci.opensearch;

import dev.fenci.lucene.FenciFoldFilter;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * The token filter {@code fenci_fold} ({@link FenciFoldFilter}): traditional characters as their
 * simplified forms ({@code 臺灣} as {@code 台湾}), the middle dots of names as {@code ·} and Unicode's hyphens as {@code -}, as the
 * {@code fenci} analyzers fold terms, for a custom analyzer (after {@code cjk_width} and {@code
 * lowercase}, in the index's analyzer and the search analyzer alike). No settings.
 */
final class FenciFoldFilterProvider extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
  FenciFoldFilterProvider(IndexSettings index, Environment env, String name, Settings settings) {
    super(index, name, settings);
    FenciSettings.check(settings, "fenci_fold token filter", name, Set.of());
  }

  @Override
  public TokenStream create(TokenStream in) {
    return new FenciFoldFilter(in);
  }
}
