package dev.fenci.elasticsearch;

import java.util.List;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * The settings of the tokenizer {@code fenci}, as Elasticsearch hands them to {@link
 * FenciTokenizerFactory} (it implements this interface from the tokenizer's settings in the index).
 * The flags are read as text, not with {@code @BooleanSetting}, whose {@code Boolean.valueOf} would
 * take {@code yes} for {@code false} without a word; {@link Options#flag} refuses it.
 */
@AnalysisSettings
public interface TokenizerSettings {
  /** A preset: {@code default} (accurate), {@code fast}, {@code weibo}, ... */
  @StringSetting(path = Options.MODEL, defaultValue = dev.fenci.Presets.DEFAULT)
  String model();

  /** User dictionary entries, one per item, in the format of fenci's dictionary files ({@code 二维码,10}). */
  @ListSetting(path = Options.DICTIONARY_ENTRIES)
  List<String> dictionaryEntries();

  /**
   * The same setting as text: a JSON list reads as {@code [a, b]}, a single string as itself,
   * which Elasticsearch would otherwise split at its commas ({@link Options#entries}).
   */
  @StringSetting(path = Options.DICTIONARY_ENTRIES, defaultValue = "")
  String dictionaryEntriesAsText();

  /** OpenSearch's dictionary files: refused here, with the way round it ({@link Options#noFiles}). */
  @ListSetting(path = Options.DICTIONARY)
  List<String> dictionary();

  /** The analyzers' stop words: refused here, with the way to them ({@link Options#notHere}). */
  @ListSetting(path = Options.STOPWORDS)
  List<String> stopwords();

  @StringSetting(path = Options.STOPWORDS_CASE, defaultValue = "")
  String stopwordsCase();

  @StringSetting(path = Options.STOPWORDS_PATH, defaultValue = "")
  String stopwordsPath();

  @StringSetting(path = Options.KEEP_PUNCTUATION, defaultValue = "false")
  String keepPunctuation();

  @StringSetting(path = Options.SUBWORDS, defaultValue = "false")
  String subwords();
}
