package dev.fenci.elasticsearch;

import dev.fenci.lucene.FenciAnalyzer;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;

/**
 * What the analyzers {@code fenci} and {@code fenci_index} share: a {@link FenciAnalyzer} from
 * {@link AnalyzerSettings}, checked when the factory is made. With the default model and no
 * dictionary the analyzer is a {@link LazyAnalyzer}: Elasticsearch builds both analyzers for every
 * index, used or not, and a node that never analyses Chinese should never load the model.
 */
final class Analyzers {
  private Analyzers() {}

  static Analyzer of(AnalyzerSettings settings, boolean defaultSubwords) {
    String what = "analyzer";
    Options.noFiles(settings.dictionary(), settings.stopwordsPath(), what);
    boolean subwords = Options.flag(settings.subwords(), defaultSubwords, Options.SUBWORDS, what);
    boolean ignoreCase = Options.flag(settings.stopwordsCase(), false, Options.STOPWORDS_CASE, what);
    Options.notHere(Options.KEEP_PUNCTUATION, !settings.keepPunctuation().isEmpty(), what, "it belongs to the fenci"
        + " tokenizer; for punctuation tokens, define a custom analyzer with a fenci tokenizer that sets it");
    CharArraySet stopWords = Options.stopWords(settings.stopwords(), ignoreCase, what);
    String model = settings.model();
    List<String> entries = Options.entries(settings.dictionaryEntries(), settings.dictionaryEntriesAsText());
    if (Options.isDefault(model, entries)) {
      return new LazyAnalyzer(() -> new FenciAnalyzer(Options.segmenter(model, entries, what), stopWords, subwords));
    }
    return new FenciAnalyzer(Options.segmenter(model, entries, what), stopWords, subwords);
  }
}
