package dev.fenci.lucene;

import dev.fenci.Presets;
import dev.fenci.Segmenter;
import dev.fenci.dict.DictionaryFile;
import dev.fenci.dict.Entry;
import dev.fenci.dict.UserDictionary;
import dev.fenci.model.Model;
import dev.fenci.text.Utf8Reader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

/**
 * The factory of {@link FenciTokenizer}, by the name {@value #NAME} (Lucene's {@code
 * CustomAnalyzer}, Solr schemas). Parameters, all optional:
 *
 * <ul>
 *   <li>{@code model}: a fenci preset ({@code accurate}, {@code fast}, {@code weibo}, ...; the
 *       default preset when absent), or a model file written by {@code fenci train}, opened
 *       through the resource loader (relative to Solr's configuration, say);
 *   <li>{@code dictionary}: user dictionaries, comma-separated names of UTF-8 files of {@code
 *       word,multiplier} lines (fenci's dictionary format), opened through the resource loader;
 *   <li>{@code keepPunctuation}: {@code true} to emit words made only of punctuation, {@code
 *       false} (the default) not to;
 *   <li>{@code subwords}: {@code true} to follow each word with its parts (known words inside it
 *       and the pieces of a mixed word, at its position: for an index analyzer, not a query one), {@code false} (the default)
 *       not to.
 * </ul>
 *
 * <pre>{@code
 * Analyzer a = CustomAnalyzer.builder()
 *     .withTokenizer("fenci", "model", "fast", "dictionary", "my.dict")
 *     .addTokenFilter("cjkwidth").addTokenFilter("lowercase")
 *     .build();
 * }</pre>
 */
public final class FenciTokenizerFactory extends TokenizerFactory implements ResourceLoaderAware {
  /** The factory's SPI name. */
  public static final String NAME = "fenci";

  private final String model;
  private final List<String> dictionaries;
  private final boolean keepPunctuation;
  private final boolean subwords;
  private volatile Segmenter segmenter;

  /** A factory with the parameters above; unknown ones are refused. */
  public FenciTokenizerFactory(Map<String, String> args) {
    super(args);
    model = get(args, "model", Presets.DEFAULT);
    if (model.isBlank()) {
      throw new IllegalArgumentException("the fenci tokenizer's model is empty: give a preset (" + presets()
          + ") or a model file");
    }
    String dict = get(args, "dictionary");
    dictionaries = new ArrayList<>();
    if (dict != null) {
      for (String name : splitFileNames(dict)) {
        if (!name.isBlank()) {
          dictionaries.add(name.strip());
        }
      }
      if (dictionaries.isEmpty()) {
        throw new IllegalArgumentException("the fenci tokenizer's dictionary is empty: give dictionary files, "
            + "comma-separated, or leave the parameter out");
      }
    }
    keepPunctuation = flag(args, "keepPunctuation");
    subwords = flag(args, "subwords");
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("unknown parameters of the fenci tokenizer: " + args.keySet()
          + " (it takes model, dictionary, keepPunctuation and subwords)");
    }
  }

  /** A true/false parameter, false when absent; anything else is refused by name. */
  private boolean flag(Map<String, String> args, String name) {
    String value = get(args, name, "false");
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(name + " of the fenci tokenizer is true or false, not '" + value + "'");
    }
    return value.equals("true");
  }

  /** Default constructor for the service loader only. */
  public FenciTokenizerFactory() {
    throw defaultCtorException();
  }

  @Override
  public void inform(ResourceLoader loader) throws IOException {
    Segmenter s;
    if (Presets.exists(model)) {
      s = Segmenter.load(model);
    } else {
      InputStream in;
      try {
        in = loader.openResource(model);
      } catch (IOException e) {
        String spaced = model.strip().equals(model) ? "" : " (the name has a space around it)";
        throw new IOException("the fenci tokenizer's model '" + model + "' is neither a preset (" + presets()
            + ") nor a model file the resource loader finds" + spaced + ": " + e.getMessage(), e);
      }
      try (in) {
        s = Segmenter.of(sharedModel(in.readAllBytes(), model));
      }
    }
    if (!dictionaries.isEmpty()) {
      List<Entry> entries = new ArrayList<>();
      for (String name : dictionaries) {
        List<String> lines;
        try {
          lines = lines(loader, name);
        } catch (IOException e) {
          throw new IOException("the fenci tokenizer's dictionary '" + name + "' cannot be read: " + e.getMessage(), e);
        }
        entries.addAll(DictionaryFile.parse(lines, name, false, null));
      }
      UserDictionary dictionary = UserDictionary.empty();
      dictionary.addAll(entries);
      s = s.withDictionary(dictionary);
    }
    segmenter = s;
  }

  /**
   * Models read from files, by the SHA-256 of their bytes, while some factory's segmenter holds
   * them: the fields of a schema that name the same model file (and a core reloaded while its
   * old analyzers live) share one copy, as factories naming a preset share the preset's.
   */
  private static final Map<String, WeakReference<Model>> MODELS = new HashMap<>();

  /**
   * The model in {@code bytes}: the copy another factory loaded from the same bytes, or a new one.
   * Loads happen one at a time (under the map's lock), so that factories informed at once, as
   * Solr's parallel core loading does, load one copy rather than one each.
   */
  static Model sharedModel(byte[] bytes, String name) throws IOException {
    String key = sha256(bytes);
    synchronized (MODELS) {
      WeakReference<Model> held = MODELS.get(key);
      Model m = held == null ? null : held.get();
      if (m == null) {
        m = Model.load(bytes, name);
        MODELS.values().removeIf(ref -> ref.get() == null);
        MODELS.put(key, new WeakReference<>(m));
      }
      return m;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /** The segmenter, for tests. */
  Segmenter segmenter() {
    return segmenter;
  }

  /** The presets' names, for messages. */
  private static String presets() {
    return String.join(", ", Presets.list().stream().map(Presets.Preset::name).toList());
  }

  /** The lines of a UTF-8 resource; invalid UTF-8 is an error that names the resource, line and byte. */
  private static List<String> lines(ResourceLoader loader, String name) throws IOException {
    try (java.io.BufferedReader r = new java.io.BufferedReader(new Utf8Reader(loader.openResource(name), name, false))) {
      return r.lines().toList();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause(); // lines() wraps the reader's InvalidUtf8Exception
    }
  }

  @Override
  public Tokenizer create(AttributeFactory factory) {
    Segmenter s = segmenter;
    if (s == null) {
      throw new IllegalStateException("the fenci tokenizer factory has no model yet: call inform(ResourceLoader) first");
    }
    return new FenciTokenizer(factory, s, keepPunctuation, subwords);
  }
}
