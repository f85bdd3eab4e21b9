package dev.fenci.elasticsearch;

import dev.fenci.lucene.FenciAnalyzer;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;

/**
 * What the analyzers {@code fenci} and {@code fenci_index} share: a {@link FenciAnalyzer} from
 * {@link FenciSettings}. Elasticsearch builds both analyzers for every index and analyses an
 * empty text with each as it does (its {@code AnalysisRegistry.checkVersions}), so the model is
 * loaded when a node first creates or opens an index; a preset is loaded once per node and shared.
 */
final class Analyzers {
  private Analyzers() {}

  static Analyzer of(FenciSettings settings, boolean defaultSubwords) {
    String what = "analyzer";
    Options.noFiles(settings.dictionary(), settings.stopwordsPath(), what);
    boolean subwords = Options.flag(settings.subwords(), defaultSubwords, Options.SUBWORDS, what);
    boolean ignoreCase = Options.flag(settings.stopwordsCase(), false, Options.STOPWORDS_CASE, what);
    Options.notHere(Options.KEEP_PUNCTUATION, !settings.keepPunctuation().isEmpty(), what, "it belongs to the fenci"
        + " tokenizer; for punctuation tokens, define a custom analyzer with a fenci tokenizer that sets it");
    CharArraySet stopWords = Options.stopWords(settings.stopwords(), ignoreCase, what);
    List<String> entries = Options.entries(settings.dictionaryEntries(), settings.dictionaryEntriesAsText());
    return new FenciAnalyzer(Options.segmenter(settings.model(), entries, what), stopWords, subwords);
  }
}
