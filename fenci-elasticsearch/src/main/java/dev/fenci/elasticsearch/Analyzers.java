package dev.fenci.elasticsearch;

import dev.fenci.lucene.FenciAnalyzer;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;

/**
 * What the analyzers {@code fenci}, {@code fenci_index} and {@code fenci_search} share: a {@link FenciAnalyzer} from
 * {@link FenciSettings}. Elasticsearch builds both analyzers for every index and analyses an
 * empty text with each as it does (its {@code AnalysisRegistry.checkVersions}), so the model is
 * loaded when a node first creates or opens an index; a preset is loaded once per node and shared.
 */
final class Analyzers {
  private Analyzers() {}

  static Analyzer of(FenciSettings settings, boolean defaultSubwords) {
    return of(settings, defaultSubwords, false);
  }

  /**
   * With {@code queries}, the analyzer for queries ({@link FenciAnalyzer#forQueries}: words, and
   * their joins and splits as alternatives), which takes no subwords.
   */
  static Analyzer of(FenciSettings settings, boolean defaultSubwords, boolean queries) {
    String what = "analyzer";
    Options.noFiles(settings.dictionary(), settings.stopwordsPath(), what);
    if (queries && settings.subwords() != null && !settings.subwords().isEmpty()) { // whatever its value
      throw new IllegalArgumentException("[" + Options.SUBWORDS + "] is not a setting of the fenci_search analyzer,"
          + " which analyses queries: subwords belong to the index analyzer (fenci_index)");
    }
    boolean subwords = Options.flag(settings.subwords(), defaultSubwords, Options.SUBWORDS, what);
    boolean ignoreCase = Options.flag(settings.stopwordsCase(), false, Options.STOPWORDS_CASE, what);
    Options.notHere(Options.KEEP_PUNCTUATION, !settings.keepPunctuation().isEmpty(), what, "it belongs to the fenci"
        + " tokenizer; for punctuation tokens, define a custom analyzer with a fenci tokenizer that sets it");
    CharArraySet stopWords = Options.stopWords(settings.stopwords(), ignoreCase, what);
    List<String> entries = Options.entries(settings.dictionaryEntries(), settings.dictionaryEntriesAsText());
    var segmenter = Options.segmenter(settings.model(), entries, what);
    return queries ? FenciAnalyzer.forQueries(segmenter, stopWords) : new FenciAnalyzer(segmenter, stopWords, subwords);
  }
}
