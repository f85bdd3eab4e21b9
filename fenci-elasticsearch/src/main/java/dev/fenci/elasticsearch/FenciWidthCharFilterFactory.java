package dev.fenci.elasticsearch;

import java.io.Reader;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;

/**
 * The char filter {@code fenci_width}: full-width ASCII as ASCII and half-width katakana as
 * full-width, before the tokenizer ({@link CJKWidthCharFilter}, what the {@code fenci} analyzers do
 * first), so that a custom analyzer with the {@code fenci} tokenizer segments {@code ｘ８６＿６４架构} as
 * {@code x86_64架构} ({@code x86_64 架构}), not as {@code ｘ ８６ ＿ ６４ 架构}. Offsets stay those of the text as
 * written. No settings.
 */
@NamedComponent("fenci_width")
public final class FenciWidthCharFilterFactory implements CharFilterFactory {
  @Override
  public Reader create(Reader reader) {
    return new CJKWidthCharFilter(reader);
  }

  @Override
  public Reader normalize(Reader reader) {
    return new CJKWidthCharFilter(reader);
  }
}
