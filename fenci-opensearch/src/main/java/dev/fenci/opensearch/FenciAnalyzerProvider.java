package dev.fenci.opensearch;

import dev.fenci.lucene.FenciAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.Analysis;

/**
 * The analyzers {@code fenci} and {@code fenci_index} ({@link FenciAnalyzer}: words, width folding,
 * lower case): settings {@code model}, {@code dictionary}, {@code subwords} (false for {@code
 * fenci}, true for {@code fenci_index} unless set) and stop words. OpenSearch builds both for every
 * index, used or not, and analyses an empty text with every analyzer it builds (its {@code
 * AnalysisRegistry.checkVersions}), so the model is loaded when a node first creates or opens an
 * index (a preset once per node, shared); a model or dictionary named in the settings is read then
 * too, so that a mistake fails the index's creation.
 */
final class FenciAnalyzerProvider extends AbstractIndexAnalyzerProvider<Analyzer> {
  private final Analyzer analyzer;

  FenciAnalyzerProvider(IndexSettings index, Environment env, String name, Settings settings, boolean subwords) {
    super(index, name, settings);
    FenciSettings.check(settings, "analyzer", FenciSettings.ANALYZER_KEYS);
    CharArraySet stopWords = Analysis.parseStopWords(env, settings, CharArraySet.EMPTY_SET);
    boolean parts = FenciSettings.flag(settings, FenciSettings.SUBWORDS, subwords, name);
    analyzer = new FenciAnalyzer(FenciSettings.segmenter(env, settings, name), stopWords, parts);
  }

  @Override
  public Analyzer get() {
    return analyzer;
  }
}
