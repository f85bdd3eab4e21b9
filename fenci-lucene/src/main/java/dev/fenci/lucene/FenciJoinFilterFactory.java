package dev.fenci.lucene;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * The factory of {@link FenciJoinFilter}, by the name {@value #NAME} (for {@code CustomAnalyzer} and
 * Solr, in a query analyzer only: {@code .addTokenFilter("fenciJoin")}). It takes no parameters.
 */
public final class FenciJoinFilterFactory extends TokenFilterFactory {
  /** The SPI name. */
  public static final String NAME = "fenciJoin";

  public FenciJoinFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** For the service loader only. */
  public FenciJoinFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new FenciJoinFilter(input);
  }
}
