package dev.fenci.opensearch;

import dev.fenci.lucene.FenciAnalyzer;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.Analysis;

/**
 * The analyzers {@code fenci} and {@code fenci_index} ({@link FenciAnalyzer}: words, width folding,
 * lower case): settings {@code model}, {@code dictionary}, {@code subwords} (false for {@code
 * fenci}, true for {@code fenci_index} unless set) and stop words. OpenSearch builds both for every
 * index, used or not; with the default model and no dictionary the model is loaded when the
 * analyzer is first used, so a node that never analyses Chinese never loads it. A model or
 * dictionary named in the settings is read at once, so that a mistake fails the index's creation.
 */
final class FenciAnalyzerProvider extends AbstractIndexAnalyzerProvider<Analyzer> {
  private final Analyzer analyzer;

  FenciAnalyzerProvider(IndexSettings index, Environment env, String name, Settings settings, boolean subwords) {
    super(index, name, settings);
    FenciSettings.check(settings, "analyzer", FenciSettings.ANALYZER_KEYS);
    CharArraySet stopWords = Analysis.parseStopWords(env, settings, CharArraySet.EMPTY_SET);
    boolean parts = FenciSettings.flag(settings, FenciSettings.SUBWORDS, subwords, name);
    if (FenciSettings.isDefault(settings)) {
      analyzer = new Lazy(() -> new FenciAnalyzer(FenciSettings.segmenter(env, settings, name), stopWords, parts));
    } else {
      analyzer = new FenciAnalyzer(FenciSettings.segmenter(env, settings, name), stopWords, parts);
    }
  }

  @Override
  public Analyzer get() {
    return analyzer;
  }

  /** An analyzer made on first use. */
  private static final class Lazy extends DelegatingAnalyzerWrapper {
    private final Once<Analyzer> analyzer;

    Lazy(Supplier<Analyzer> make) {
      super(PER_FIELD_REUSE_STRATEGY);
      this.analyzer = new Once<>(make);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return analyzer.get();
    }

    @Override
    public void close() {
      Analyzer a = analyzer.ifMade();
      if (a != null) {
        a.close();
      }
      super.close();
    }
  }
}
