package dev.fenci.opensearch;

import dev.fenci.Presets;
import dev.fenci.Segmenter;
import dev.fenci.dict.UserDictionary;
import dev.fenci.model.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.analysis.Analysis;

/**
 * The settings of fenci's tokenizer and analyzers:
 *
 * <ul>
 *   <li>{@code model}: a preset ({@code accurate}, the default; {@code fast}, {@code weibo}, ...)
 *       or a model file written by {@code fenci train}, relative to OpenSearch's configuration
 *       folder;
 *   <li>{@code dictionary}: a user dictionary file, or a list of them, relative to the
 *       configuration folder ({@code word,multiplier} lines, fenci's format);
 *   <li>{@code subwords}: whether each word is followed by its parts (for an index analyzer);
 *   <li>{@code keep_punctuation} (the tokenizer): whether punctuation becomes tokens;
 *   <li>{@code stopwords}, {@code stopwords_path} (the analyzers): as in OpenSearch's own analyzers.
 * </ul>
 *
 * Unknown settings are refused by name, so that a misspelt one does not pass unnoticed.
 */
final class FenciSettings {
  private FenciSettings() {}

  static final String MODEL = "model";
  static final String DICTIONARY = "dictionary";
  static final String SUBWORDS = "subwords";
  static final String KEEP_PUNCTUATION = "keep_punctuation";
  static final Set<String> TOKENIZER_KEYS = Set.of("type", MODEL, DICTIONARY, SUBWORDS, KEEP_PUNCTUATION);
  static final Set<String> ANALYZER_KEYS = Set.of("type", MODEL, DICTIONARY, SUBWORDS, "stopwords", "stopwords_path");

  /** Model files already read, by path: indexes that name one file share one model. */
  private static final Map<Path, Loaded> MODELS = new ConcurrentHashMap<>();

  private record Loaded(FileTime modified, long size, Model model) {}

  static void check(Settings settings, String what, Set<String> known) {
    Set<String> unknown = new TreeSet<>();
    for (String key : settings.keySet()) {
      if (key.startsWith("index.") || key.equals("version")) {
        continue; // OpenSearch's own (index.version.created)
      }
      String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      if (!known.contains(top)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown settings of the fenci " + what + ": " + unknown + " (it takes "
          + new TreeSet<>(known).toString().replace("type, ", "") + ")");
    }
  }

  static boolean flag(Settings settings, String key, boolean otherwise, String name) {
    String value = settings.get(key);
    if (value == null) {
      return otherwise;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("[" + key + "] of [" + name + "] is true or false, not [" + value + "]");
    }
    return value.equals("true");
  }

  static Segmenter segmenter(Environment env, Settings settings, String name) {
    String model = settings.get(MODEL, Presets.DEFAULT);
    if (model.isBlank()) {
      throw new IllegalArgumentException("[model] of [" + name + "] is empty: give a preset (" + presets()
          + ") or a model file in the configuration folder");
    }
    try {
      Segmenter s;
      if (Presets.exists(model)) {
        s = Segmenter.load(model);
      } else {
        Path file = Analysis.resolveAnalyzerPath(env, model);
        if (!Files.isRegularFile(file)) {
          throw new IllegalArgumentException("[model] of [" + name + "]: '" + model + "' is neither a preset ("
              + presets() + ") nor a model file (looked for " + file + ")");
        }
        s = Segmenter.of(model(file));
      }
      List<String> names = settings.getAsList(DICTIONARY, List.of());
      if (!names.isEmpty()) {
        List<Path> files = new ArrayList<>();
        for (String d : names) {
          Path file = Analysis.resolveAnalyzerPath(env, d);
          if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("[dictionary] of [" + name + "]: no file " + file);
          }
          files.add(file);
        }
        s = s.withDictionary(UserDictionary.load(files.toArray(new Path[0])));
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("fenci [" + name + "]: " + e.getMessage(), e);
    }
  }

  private static String presets() {
    return String.join(", ", Presets.list().stream().map(Presets.Preset::name).toList());
  }

  /** The model in {@code file}, read once while the file stays the same. */
  private static Model model(Path file) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    FileTime modified = Files.getLastModifiedTime(key);
    long size = Files.size(key);
    Loaded cached = MODELS.get(key);
    if (cached != null && cached.modified().equals(modified) && cached.size() == size) {
      return cached.model();
    }
    Model m = Model.load(key);
    MODELS.put(key, new Loaded(modified, size, m));
    return m;
  }
}
