package dev.fenci.opensearch;

import dev.fenci.lucene.FenciAnalyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.Analysis;

/**
 * The analyzers {@code fenci} and {@code fenci_index} ({@link FenciAnalyzer}: words, width folding,
 * lower case): settings {@code model}, {@code dictionary}, {@code subwords} (false for {@code
 * fenci}, true for {@code fenci_index} unless set), {@code stopwords} and {@code stopwords_path}.
 */
final class FenciAnalyzerProvider extends AbstractIndexAnalyzerProvider<FenciAnalyzer> {
  private final FenciAnalyzer analyzer;

  FenciAnalyzerProvider(IndexSettings index, Environment env, String name, Settings settings, boolean subwords) {
    super(index, name, settings);
    FenciSettings.check(settings, "analyzer", FenciSettings.ANALYZER_KEYS);
    CharArraySet stopWords = Analysis.parseStopWords(env, settings, CharArraySet.EMPTY_SET);
    analyzer = new FenciAnalyzer(FenciSettings.segmenter(env, settings, name), stopWords,
        FenciSettings.flag(settings, FenciSettings.SUBWORDS, subwords, name));
  }

  @Override
  public FenciAnalyzer get() {
    return analyzer;
  }
}
