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
 * The analyzers {@code fenci}, {@code fenci_index} and {@code fenci_search} ({@link FenciAnalyzer}:
 * words, width folding, lower case; {@code fenci_search} adds the joins and splits of words for
 * queries): settings {@code model}, {@code dictionary}, {@code subwords} (false for {@code
 * fenci}, true for {@code fenci_index} unless set) and stop words. OpenSearch builds both for every
 * index, used or not, and analyses an empty text with every analyzer it builds (its {@code
 * AnalysisRegistry.checkVersions}), so the model is loaded when a node first creates or opens an
 * index (a preset once per node, shared); a model or dictionary named in the settings is read then
 * too, so that a mistake fails the index's creation.
 */
final class FenciAnalyzerProvider extends AbstractIndexAnalyzerProvider<Analyzer> {
  private final Analyzer analyzer;

  FenciAnalyzerProvider(IndexSettings index, Environment env, String name, Settings settings, boolean subwords) {
    this(index, env, name, settings, subwords, false);
  }

  private FenciAnalyzerProvider(IndexSettings index, Environment env, String name, Settings settings, boolean subwords,
      boolean queries) {
    super(index, name, settings);
    FenciSettings.check(settings, "fenci analyzer", name, FenciSettings.ANALYZER_KEYS);
    CharArraySet stopWords = Analysis.parseStopWords(env, settings, CharArraySet.EMPTY_SET);
    if (queries && settings.get(FenciSettings.SUBWORDS) != null) { // whatever its value
      throw new IllegalArgumentException("[" + FenciSettings.SUBWORDS + "] is not a setting of the fenci_search analyzer ["
          + name + "], which analyses queries: subwords belong to the index analyzer (fenci_index)");
    }
    boolean parts = FenciSettings.flag(settings, FenciSettings.SUBWORDS, subwords, name);
    var segmenter = FenciSettings.segmenter(env, settings, name);
    analyzer = queries ? FenciAnalyzer.forQueries(segmenter, stopWords) : new FenciAnalyzer(segmenter, stopWords, parts);
  }

  /**
   * The analyzer {@code fenci_search}: {@code fenci} with, as alternatives, the joins and splits of
   * words a document may write otherwise ({@link FenciAnalyzer#forQueries}); for queries only (a
   * {@code search_analyzer}), beside {@code fenci_index}.
   */
  static FenciAnalyzerProvider forQueries(IndexSettings index, Environment env, String name, Settings settings) {
    return new FenciAnalyzerProvider(index, env, name, settings, false, true);
  }

  @Override
  public Analyzer get() {
    return analyzer;
  }
}
