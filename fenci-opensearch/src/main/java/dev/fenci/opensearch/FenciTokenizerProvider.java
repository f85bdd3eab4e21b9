package dev.fenci.opensearch;

import dev.fenci.Segmenter;
import dev.fenci.lucene.FenciTokenizer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenizerFactory;

/**
 * The tokenizer {@code fenci}: settings {@code model}, {@code dictionary}, {@code keep_punctuation},
 * {@code subwords}. With the default model and no dictionary the model is loaded when the first
 * tokenizer is made; one named in the settings is read at once (a mistake fails the index's
 * creation).
 */
final class FenciTokenizerProvider extends AbstractTokenizerFactory {
  private final Once<Segmenter> segmenter;
  private final boolean keepPunctuation;
  private final boolean subwords;

  FenciTokenizerProvider(IndexSettings index, Environment env, String name, Settings settings) {
    super(index, settings, name);
    FenciSettings.check(settings, "fenci tokenizer", name, FenciSettings.TOKENIZER_KEYS);
    keepPunctuation = FenciSettings.flag(settings, FenciSettings.KEEP_PUNCTUATION, false, name);
    subwords = FenciSettings.flag(settings, FenciSettings.SUBWORDS, false, name);
    segmenter = new Once<>(() -> FenciSettings.segmenter(env, settings, name));
    if (!FenciSettings.isDefault(settings)) {
      segmenter.get();
    }
  }

  @Override
  public Tokenizer create() {
    return new FenciTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, segmenter.get(), keepPunctuation, subwords);
  }
}
