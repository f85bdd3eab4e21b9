package dev.fenci.lucene;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * The factory of {@link FenciFoldFilter}, by the name {@value #NAME} (for {@code CustomAnalyzer} and
 * Solr: {@code .addTokenFilter("fenciFold")}). It takes no parameters.
 */
public final class FenciFoldFilterFactory extends TokenFilterFactory {
  /** The SPI name. */
  public static final String NAME = "fenciFold";

  public FenciFoldFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** For the service loader only. */
  public FenciFoldFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new FenciFoldFilter(input);
  }

  @Override
  public TokenStream normalize(TokenStream input) {
    return create(input);
  }
}
