package dev.fenci.elasticsearch;

import dev.fenci.Presets;
import dev.fenci.Segmenter;
import dev.fenci.dict.DictionaryFile;
import dev.fenci.dict.UserDictionary;
import java.io.IOException;
import java.util.List;

/**
 * The settings of fenci's tokenizer and analyzers, checked and turned into what they stand for:
 *
 * <ul>
 *   <li>{@code model}: a preset ({@code accurate}, the default; {@code fast}, {@code weibo}, ...);
 *   <li>{@code dictionary_entries}: user dictionary entries, one per item, each a line of fenci's
 *       dictionary format ({@code 二维码,10}, or a bare word);
 *   <li>{@code subwords}: whether each word is followed by its parts (for an index analyzer);
 *   <li>{@code keep_punctuation} (the tokenizer): whether punctuation becomes tokens;
 *   <li>{@code stopwords}, {@code stopwords_case} (the analyzers): a list of words to drop.
 * </ul>
 *
 * Elasticsearch's stable plugin API hands a component only the settings it declares, not the
 * node's configuration folder: model files, dictionary files ({@code dictionary}, as in fenci's
 * OpenSearch plugin) and stop word files ({@code stopwords_path}) cannot be read, and naming one is
 * refused with the way round it. Every mistake is an {@link IllegalArgumentException} that says
 * what was given and what is expected.
 */
final class Options {
  private Options() {}

  static final String MODEL = "model";
  static final String DICTIONARY_ENTRIES = "dictionary_entries";
  static final String DICTIONARY = "dictionary";
  static final String SUBWORDS = "subwords";
  static final String KEEP_PUNCTUATION = "keep_punctuation";
  static final String STOPWORDS = "stopwords";
  static final String STOPWORDS_CASE = "stopwords_case";
  static final String STOPWORDS_PATH = "stopwords_path";

  /** {@code value} as a flag: {@code true} or {@code false}, nothing else; {@code otherwise} when empty. */
  static boolean flag(String value, boolean otherwise, String key, String what) {
    if (value == null || value.isEmpty()) {
      return otherwise;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("[" + key + "] of a fenci " + what + " is true or false, not [" + value + "]");
    }
    return value.equals("true");
  }

  /** Refuses a file setting of fenci's OpenSearch plugin, saying what to write instead. */
  static void noFiles(List<String> dictionary, String stopwordsPath, String what) {
    if (!dictionary.isEmpty()) {
      throw new IllegalArgumentException("[" + DICTIONARY + "] of a fenci " + what + " names dictionary files " + dictionary
          + ", which this Elasticsearch plugin cannot read (Elasticsearch's stable plugin API gives it no"
          + " configuration folder): give the entries themselves in [" + DICTIONARY_ENTRIES + "], one line of the"
          + " file per item, e.g. \"dictionary_entries\": [\"二维码,10\", \"微信号\"]");
    }
    if (!stopwordsPath.isEmpty()) {
      throw new IllegalArgumentException("[" + STOPWORDS_PATH + "] of a fenci " + what + " names the file '" + stopwordsPath
          + "', which this Elasticsearch plugin cannot read (Elasticsearch's stable plugin API gives it no"
          + " configuration folder): list the words in [" + STOPWORDS + "], e.g. \"stopwords\": [\"的\", \"了\"]");
    }
  }

  /**
   * The stop words of {@code items}: the words themselves, or one of Elasticsearch's named lists
   * that this plugin knows, {@code _english_} (Lucene's English stop words) or {@code _none_}.
   */
  static org.apache.lucene.analysis.CharArraySet stopWords(List<String> items, boolean ignoreCase, String what) {
    if (items.size() == 1 && items.get(0).equals("_none_")) {
      return new org.apache.lucene.analysis.CharArraySet(0, ignoreCase);
    }
    if (items.size() == 1 && items.get(0).equals("_english_")) {
      return new org.apache.lucene.analysis.CharArraySet(
          org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, ignoreCase);
    }
    for (String w : items) {
      if (w.length() > 2 && w.startsWith("_") && w.endsWith("_")) {
        throw new IllegalArgumentException("[" + STOPWORDS + "] of a fenci " + what + " names the list " + w
            + ", which this plugin does not have: give the words themselves, or _english_ or _none_ alone");
      }
    }
    return new org.apache.lucene.analysis.CharArraySet(items, ignoreCase);
  }

  /**
   * Refuses a setting of the other kind of component, which Elasticsearch would otherwise pass over
   * in silence ({@code keep_punctuation} on an analyzer, stop words on the tokenizer).
   */
  static void notHere(String key, boolean given, String what, String instead) {
    if (given) {
      throw new IllegalArgumentException("[" + key + "] is not a setting of a fenci " + what + ": " + instead);
    }
  }

  /**
   * The dictionary entries: the list, or, when the setting was one string rather than a JSON list
   * ({@code text} not in brackets), that string as one entry: Elasticsearch splits a string at its
   * commas, which would make {@code "二维码,10"} the entries {@code 二维码} and {@code 10}.
   */
  static List<String> entries(List<String> list, String text) {
    if (!text.isEmpty() && !(text.startsWith("[") && text.endsWith("]"))) {
      return List.of(text);
    }
    return list;
  }

  /** Whether the settings name the default model and no dictionary: the segmenter may wait for first use. */
  static boolean isDefault(String model, List<String> entries) {
    return model.equals(Presets.DEFAULT) && entries.isEmpty();
  }

  /** The segmenter of {@code model} (a preset, shared with every other user of it in the JVM) and {@code entries}. */
  static Segmenter segmenter(String model, List<String> entries, String what) {
    if (!Presets.exists(model)) {
      String spaced = model.strip().equals(model) ? "" : " (the name has a space around it)";
      throw new IllegalArgumentException("[" + MODEL + "] of a fenci " + what + " is '" + model + "'" + spaced
          + ", not a preset: give one of " + presets() + " (this Elasticsearch plugin reads no model files:"
          + " Elasticsearch's stable plugin API gives it no configuration folder)");
    }
    Segmenter s;
    try {
      s = Segmenter.load(model);
    } catch (IOException e) {
      throw new IllegalStateException("fenci's preset '" + model + "' cannot be read from its jar (a damaged plugin:"
          + " reinstall it): " + e.getMessage(), e);
    }
    if (entries.isEmpty()) {
      return s;
    }
    UserDictionary dict = UserDictionary.empty();
    java.io.ByteArrayOutputStream warned = new java.io.ByteArrayOutputStream();
    try {
      dict.addAll(DictionaryFile.parse(entries, "[" + DICTIONARY_ENTRIES + "] of a fenci " + what + ", entry", false,
          new java.io.PrintStream(warned, true, java.nio.charset.StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage() + " (an entry is a word, or a word, a comma and a multiplier:"
          + " \"二维码,10\")", e);
    }
    // an entry that reads two ways ("iPhone 15"): a warning on a command line, which no one here would see
    String warning = warned.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
    if (!warning.isEmpty()) {
      throw new IllegalArgumentException(warning.replace("fenci: warning: ", "").lines().findFirst().orElse(warning)
          + " (refused here: write it the one way you mean)");
    }
    return s.withDictionary(dict);
  }

  private static String presets() {
    return String.join(", ", Presets.list().stream().map(Presets.Preset::name).toList());
  }
}
