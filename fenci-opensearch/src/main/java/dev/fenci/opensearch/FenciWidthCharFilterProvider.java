package dev.fenci.opensearch;

import java.io.Reader;
import java.util.Set;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractCharFilterFactory;
import org.opensearch.index.analysis.NormalizingCharFilterFactory;

/**
 * The char filter {@code fenci_width}: full-width ASCII as ASCII and half-width katakana as
 * full-width, before the tokenizer ({@link CJKWidthCharFilter}, what the {@code fenci} analyzers do
 * first), so that a custom analyzer with the {@code fenci} tokenizer segments {@code １６ＧＢ内存} as
 * {@code 16GB内存} ({@code 16gb 内存}). Offsets stay those of the text as written. No settings.
 */
final class FenciWidthCharFilterProvider extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
  FenciWidthCharFilterProvider(IndexSettings index, Environment env, String name, Settings settings) {
    super(index, name);
    FenciSettings.check(settings, "fenci_width char filter", name, Set.of());
  }

  @Override
  public Reader create(Reader reader) {
    return new CJKWidthCharFilter(reader);
  }
}
