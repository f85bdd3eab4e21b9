package dev.fenci.lucene;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * The factory of {@link FenciQueryFilter}, by the name {@value #NAME} (for {@code CustomAnalyzer} and
 * Solr, in a query analyzer only: {@code .addTokenFilter("fenciQuery")}). It takes no parameters.
 */
public final class FenciQueryFilterFactory extends TokenFilterFactory {
  /** The SPI name. */
  public static final String NAME = "fenciQuery";

  public FenciQueryFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** For the service loader only. */
  public FenciQueryFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new FenciQueryFilter(input);
  }
}
