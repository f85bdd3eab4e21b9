package dev.fenci.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The analyzer {@code fenci_index}: {@code fenci} with each word followed by its parts ({@code
 * 共和国} inside {@code 中华人民共和国}), for indexes; search them with {@code fenci}. Settings:
 * {@link FenciSettings} ({@code subwords} true unless set), read as {@link FenciAnalyzerFactory}
 * reads them.
 */
@NamedComponent("fenci_index")
public final class FenciIndexAnalyzerFactory implements AnalyzerFactory {
  private final Once<Analyzer> analyzer;

  @Inject
  public FenciIndexAnalyzerFactory(FenciSettings settings) {
    analyzer = new Once<>(() -> Analyzers.of(settings, true));
  }

  @Override
  public Analyzer create() {
    return analyzer.get();
  }
}
