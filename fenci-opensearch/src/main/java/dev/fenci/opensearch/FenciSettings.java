package dev.fenci.opensearch;

import dev.fenci.Presets;
import dev.fenci.Segmenter;
import dev.fenci.dict.UserDictionary;
import dev.fenci.model.Model;
import java.io.IOException;
import java.lang.ref.WeakReference;
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

/**
 * The settings of fenci's tokenizer and analyzers:
 *
 * <ul>
 *   <li>{@code model}: a preset ({@code accurate}, the default; {@code fast}, {@code weibo}, ...)
 *       or a model file written by {@code fenci train}, in OpenSearch's configuration folder;
 *   <li>{@code dictionary}: a user dictionary file, or a list of them, in the configuration
 *       folder ({@code word,multiplier} lines, fenci's format);
 *   <li>{@code subwords}: whether each word is followed by its parts (for an index analyzer);
 *   <li>{@code keep_punctuation} (the tokenizer): whether punctuation becomes tokens;
 *   <li>{@code stopwords}, {@code stopwords_path}, {@code stopwords_case} (the analyzers): as in
 *       OpenSearch's own analyzers.
 * </ul>
 *
 * Unknown settings are refused by name, so that a misspelt one does not pass unnoticed; every
 * mistake, in a setting or in a file it names, is an {@link IllegalArgumentException} (a 400 for
 * the request that met it).
 */
final class FenciSettings {
  private FenciSettings() {}

  private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger(FenciSettings.class);

  static final String MODEL = "model";
  static final String DICTIONARY = "dictionary";
  static final String SUBWORDS = "subwords";
  static final String KEEP_PUNCTUATION = "keep_punctuation";
  static final Set<String> TOKENIZER_KEYS = Set.of(MODEL, DICTIONARY, SUBWORDS, KEEP_PUNCTUATION);
  static final Set<String> ANALYZER_KEYS = Set.of(MODEL, DICTIONARY, SUBWORDS, "stopwords", "stopwords_path",
      "stopwords_case");
  /** Settings that may hold a list (stored as {@code name} or, flattened, {@code name.0}, {@code name.1}, ...). */
  private static final Set<String> LISTS = Set.of(DICTIONARY, "stopwords");

  /**
   * Model files already read, by path, while some index holds them: indexes that name one
   * unchanged file share one model, and a model no index holds any more can be collected.
   */
  private static final Map<Path, Loaded> MODELS = new ConcurrentHashMap<>();

  private record Loaded(FileTime modified, long size, WeakReference<Model> model) {}

  /** Refuses a setting not in {@code known}, naming the component ({@code what}, e.g. {@code fenci analyzer}) and its {@code name}. */
  static void check(Settings settings, String what, String name, Set<String> known) {
    Set<String> unknown = new TreeSet<>();
    for (String key : settings.keySet()) {
      if (key.equals("type") || key.equals("version") || key.startsWith("index.")) {
        continue; // OpenSearch's own (index.version.created)
      }
      int dot = key.indexOf('.');
      boolean listItem = dot > 0 && LISTS.contains(key.substring(0, dot)) && key.substring(dot + 1).matches("[0-9]+");
      if (!known.contains(key) && !listItem) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown settings of the " + what + " [" + name + "]: " + unknown + " (it takes "
          + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))) + ")");
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

  /** Whether the settings name the default model and no dictionary: the segmenter every index shares. */
  static boolean isDefault(Settings settings) {
    return settings.get(MODEL) == null && settings.getAsList(DICTIONARY, List.of(), false).isEmpty();
  }

  static Segmenter segmenter(Environment env, Settings settings, String name) {
    String model = settings.get(MODEL, Presets.DEFAULT);
    if (model.isBlank()) {
      throw new IllegalArgumentException("[model] of [" + name + "] is empty: give a preset (" + presets()
          + ") or a model file in the configuration folder");
    }
    Segmenter s;
    if (Presets.exists(model)) {
      s = load(() -> Segmenter.load(model), "[model] of [" + name + "]: preset " + model);
    } else {
      Path file = inConfig(env, model, "model", name, "neither a preset (" + presets() + ") nor a model file");
      s = load(() -> Segmenter.of(model(file)), "[model] of [" + name + "]: " + file);
    }
    List<String> names = settings.getAsList(DICTIONARY, List.of(), false);
    if (!names.isEmpty()) {
      List<Path> files = new ArrayList<>();
      for (String d : names) {
        files.add(inConfig(env, d, "dictionary", name, "not a file"));
      }
      // a line read otherwise than it was likely meant ('iPhone 15': iPhone at 15) is said in the node's
      // log, not on System.err (not the log; closed when the node runs as a daemon)
      java.io.ByteArrayOutputStream warned = new java.io.ByteArrayOutputStream();
      java.io.PrintStream warnings = new java.io.PrintStream(warned, true, java.nio.charset.StandardCharsets.UTF_8);
      UserDictionary dict = load(() -> UserDictionary.load(files, false, warnings), "[dictionary] of [" + name + "]");
      warned.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
          .forEach(w -> LOG.warn("[dictionary] of [{}]: {}", name, w.replaceFirst("^fenci: warning: ", "")));
      s = s.withDictionary(dict);
    }
    return s;
  }

  private interface Loader<T> {
    T load() throws IOException;
  }

  /** A file's failure (not a model, a malformed dictionary line) as the user's mistake that it is. */
  private static <T> T load(Loader<T> loader, String what) {
    try {
      return loader.load();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }

  /**
   * The node's configuration folder: {@code Environment.configFile()} in OpenSearch 2, renamed
   * {@code configDir()} in 3 (the one call that differs between the two lines, so one source builds
   * both plugins).
   */
  static Path configDir(Environment env) {
    return folder(env, "config");
  }

  /** One of the node's folders ({@code config}, {@code plugins}, {@code modules}) by OpenSearch 3's name or 2's. */
  static Path folder(Environment env, String which) {
    for (String name : new String[] {which + "Dir", which + "File"}) {
      try {
        return (Path) Environment.class.getMethod(name).invoke(env);
      } catch (NoSuchMethodException e) {
        // the other line's name
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("OpenSearch's Environment." + name + "() failed", e);
      }
    }
    throw new IllegalStateException("this OpenSearch's Environment has neither " + which + "Dir() nor " + which + "File()");
  }

  /** {@code relative} resolved in the configuration folder, which it must not leave, and an existing file. */
  private static Path inConfig(Environment env, String relative, String key, String name, String otherwise) {
    Path config = configDir(env).toAbsolutePath().normalize();
    Path file = config.resolve(relative).toAbsolutePath().normalize();
    if (!file.startsWith(config)) {
      throw new IllegalArgumentException("[" + key + "] of [" + name + "]: '" + relative
          + "' is outside the configuration folder " + config + " (the only place OpenSearch lets a plugin read)");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("[" + key + "] of [" + name + "]: '" + relative + "' is " + otherwise
          + " (looked for " + file + "; every node needs the file)");
    }
    return file;
  }

  private static String presets() {
    return String.join(", ", Presets.list().stream().map(Presets.Preset::name).toList());
  }

  /** The model in {@code file}, read once while the file stays the same and some index holds it. */
  private static Model model(Path file) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    long size = Files.size(file);
    Loaded cached = MODELS.get(file);
    Model m = cached == null ? null : cached.model().get();
    if (m != null && cached.modified().equals(modified) && cached.size() == size) {
      return m;
    }
    m = Model.load(file);
    MODELS.put(file, new Loaded(modified, size, new WeakReference<>(m)));
    return m;
  }
}
