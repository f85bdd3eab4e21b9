package dev.fenci.elasticsearch;

import java.util.List;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * The settings of the tokenizer {@code fenci} and of the analyzers {@code fenci} and {@code
 * fenci_index}, as Elasticsearch hands them to their factories (it implements this interface from
 * the component's settings in the index). Both kinds declare every setting, so that one given to
 * the wrong kind is refused, not passed over ({@link Options#notHere}), and each applies its own
 * defaults: an empty flag means the component's default. The flags are read as text, not with
 * {@code @BooleanSetting}, whose {@code Boolean.valueOf} would take {@code yes} for {@code false}
 * without a word; {@link Options#flag} refuses it.
 */
@AnalysisSettings
public interface FenciSettings {
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

  /** Whether each word is followed by its parts (empty: the component's default). */
  @StringSetting(path = Options.SUBWORDS, defaultValue = "")
  String subwords();

  /** The tokenizer's: whether punctuation becomes tokens (empty: false). */
  @StringSetting(path = Options.KEEP_PUNCTUATION, defaultValue = "")
  String keepPunctuation();

  /** The analyzers': words dropped after width folding and lower case; or {@code _english_}, {@code _none_}. */
  @ListSetting(path = Options.STOPWORDS)
  List<String> stopwords();

  /** The analyzers': whether stop words match whatever their case (empty: false). */
  @StringSetting(path = Options.STOPWORDS_CASE, defaultValue = "")
  String stopwordsCase();

  /** OpenSearch's stop word file: refused here ({@link Options#noFiles}). */
  @StringSetting(path = Options.STOPWORDS_PATH, defaultValue = "")
  String stopwordsPath();
}
