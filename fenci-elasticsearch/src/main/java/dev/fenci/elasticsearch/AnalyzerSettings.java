package dev.fenci.elasticsearch;

import java.util.List;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * The settings of the analyzers {@code fenci} and {@code fenci_index}, as Elasticsearch hands them
 * to {@link FenciAnalyzerFactory} and {@link FenciIndexAnalyzerFactory}. Flags are read as text
 * (see {@link TokenizerSettings}); an empty {@code subwords} means the analyzer's own default.
 */
@AnalysisSettings
public interface AnalyzerSettings {
  @StringSetting(path = Options.MODEL, defaultValue = dev.fenci.Presets.DEFAULT)
  String model();

  @ListSetting(path = Options.DICTIONARY_ENTRIES)
  List<String> dictionaryEntries();

  /**
   * The same setting as text: a JSON list reads as {@code [a, b]}, a single string as itself,
   * which Elasticsearch would otherwise split at its commas ({@link Options#entries}).
   */
  @StringSetting(path = Options.DICTIONARY_ENTRIES, defaultValue = "")
  String dictionaryEntriesAsText();

  @ListSetting(path = Options.DICTIONARY)
  List<String> dictionary();

  @StringSetting(path = Options.SUBWORDS, defaultValue = "")
  String subwords();

  /** Words dropped after width folding and lower case; or {@code _english_}, {@code _none_}. */
  @ListSetting(path = Options.STOPWORDS)
  List<String> stopwords();

  @StringSetting(path = Options.STOPWORDS_CASE, defaultValue = "false")
  String stopwordsCase();

  /** The tokenizer's setting: refused here, with the way to it ({@link Options#notHere}). */
  @StringSetting(path = Options.KEEP_PUNCTUATION, defaultValue = "")
  String keepPunctuation();

  /** OpenSearch's stop word file: refused here ({@link Options#noFiles}). */
  @StringSetting(path = Options.STOPWORDS_PATH, defaultValue = "")
  String stopwordsPath();
}
