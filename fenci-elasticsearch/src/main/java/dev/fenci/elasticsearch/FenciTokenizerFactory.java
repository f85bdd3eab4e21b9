package dev.fenci.elasticsearch;

import dev.fenci.Segmenter;
import dev.fenci.lucene.FenciTokenizer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * The tokenizer {@code fenci} ({@link FenciTokenizer}): settings {@code model}, {@code
 * dictionary_entries}, {@code keep_punctuation}, {@code subwords} ({@link FenciSettings}).
 * Elasticsearch makes one for every index, configured or not: with the default model and no
 * dictionary the model is loaded when the first tokenizer is made; settings that name another
 * model or a dictionary are read at once, so that a mistake fails the index's creation.
 */
@NamedComponent("fenci")
public final class FenciTokenizerFactory implements TokenizerFactory {
  private final Once<Segmenter> segmenter;
  private final boolean keepPunctuation;
  private final boolean subwords;

  @Inject
  public FenciTokenizerFactory(FenciSettings settings) {
    String what = "tokenizer";
    Options.noFiles(settings.dictionary(), "", what);
    String stop = "stop words belong to fenci's analyzers; after a fenci tokenizer in a custom analyzer, add a stop"
        + " filter (\"filter\": [{\"type\": \"stop\", \"stopwords\": [\"的\"]}])";
    Options.notHere(Options.STOPWORDS, !settings.stopwords().isEmpty(), what, stop);
    Options.notHere(Options.STOPWORDS_CASE, !settings.stopwordsCase().isEmpty(), what, stop);
    Options.notHere(Options.STOPWORDS_PATH, !settings.stopwordsPath().isEmpty(), what, stop);
    keepPunctuation = Options.flag(settings.keepPunctuation(), false, Options.KEEP_PUNCTUATION, what);
    subwords = Options.flag(settings.subwords(), false, Options.SUBWORDS, what);
    String model = settings.model();
    var entries = Options.entries(settings.dictionaryEntries(), settings.dictionaryEntriesAsText());
    segmenter = new Once<>(() -> Options.segmenter(model, entries, what));
    if (!Options.isDefault(model, entries)) {
      segmenter.get();
    }
  }

  @Override
  public Tokenizer create() {
    return new FenciTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, segmenter.get(), keepPunctuation, subwords);
  }
}
