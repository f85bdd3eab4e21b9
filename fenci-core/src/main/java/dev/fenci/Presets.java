package dev.fenci;

import dev.fenci.model.Model;
import dev.fenci.model.SafeTensors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models that ship inside the jar, by name (see {@code models/presets.properties}). The name
 * {@value #DEFAULT} stands for the preset the index marks as the default.
 */
public final class Presets {
  /** The name of the preset used when none is named. */
  public static final String DEFAULT = "default";
  private static final String DIR = "/dev/fenci/models/";
  /**
   * Loaded presets, held softly: loading one again is free while it is in memory (a segmenter
   * loaded per request costs nothing after the first), and one that no segmenter uses any more
   * is released when the heap needs the room, instead of staying pinned for the JVM's life.
   */
  private static final ConcurrentHashMap<String, java.lang.ref.SoftReference<Model>> CACHE = new ConcurrentHashMap<>();
  private static final Properties INDEX = index();
  private static final List<Preset> LIST = readIndex();
  private static final String DEFAULT_TARGET = INDEX.getProperty("default", "").trim();

  private Presets() {}

  /**
   * A shipped preset's name, one-line description and base: the preset it adds a word list to
   * ({@code accurate} for {@code accurate+jieba}), or null for a model of its own.
   */
  public record Preset(String name, String description, String base) {}

  public static List<Preset> list() {
    return LIST;
  }

  private static List<Preset> readIndex() {
    Properties p = INDEX;
    List<Preset> out = new ArrayList<>();
    for (String name : p.getProperty("presets", "").split(",")) {
      name = name.trim();
      if (!name.isEmpty()) {
        String base = p.getProperty(name + ".base");
        out.add(new Preset(name, p.getProperty(name + ".description", ""), base == null ? null : base.trim()));
      }
    }
    return List.copyOf(out);
  }

  /** The presets' names, for messages: {@code accurate, fast, ...}. */
  static String names() {
    return String.join(", ", list().stream().map(Preset::name).toList());
  }

  /** The preset that {@value #DEFAULT} stands for. */
  public static String defaultName() {
    return DEFAULT_TARGET;
  }

  public static boolean exists(String name) {
    return name.equals(DEFAULT) || list().stream().anyMatch(p -> p.name().equals(name));
  }

  /**
   * Loads the named preset, or returns the copy already loaded (presets are cached while memory
   * allows; see {@link #CACHE}).
   */
  public static Model load(String name) throws IOException {
    return load(name, new java.util.ArrayList<>());
  }

  private static Model load(String name, List<String> derivedFrom) throws IOException {
    if (name.equals(DEFAULT)) {
      name = DEFAULT_TARGET;
    }
    if (!exists(name)) {
      throw new IOException("no preset named '" + name + "'"
          + (derivedFrom.isEmpty() ? "" : " (the base of preset '" + derivedFrom.get(derivedFrom.size() - 1) + "')")
          + " (presets: " + names() + ")");
    }
    java.lang.ref.SoftReference<Model> held = CACHE.get(name);
    Model already = held == null ? null : held.get();
    if (already != null) {
      return already;
    }
    // a preset made of another one and a word list (name.base, name.words): the other one first,
    // outside the cache's lock (a computation must not load into the map it runs in)
    String base = INDEX.getProperty(name + ".base");
    if (base == null && INDEX.getProperty(name + ".words") != null) {
      throw new IOException("preset '" + name + "' has a word list but no base preset (" + name + ".base)");
    }
    if (derivedFrom.contains(name)) {
      throw new IOException("presets " + String.join(" -> ", derivedFrom) + " -> " + name + " are each other's base");
    }
    derivedFrom.add(name);
    // the word list is read and parsed while the base loads (a cold JVM spends about as long on each), on a
    // thread of its own (not a shared pool, whose threads may be the ones loading presets), and waited for
    // before the cache is locked
    Model baseModel;
    WordList wordList;
    if (base == null) {
      baseModel = null;
      wordList = null;
    } else {
      String wordFile = INDEX.getProperty(name + ".words", "").trim();
      String preset = name;
      java.util.concurrent.FutureTask<WordList> words = new java.util.concurrent.FutureTask<>(() -> readWords(wordFile, preset));
      if (!dev.fenci.nn.Background.start(words, "fenci-preset-words", false)) {
        words.run(); // a sandbox that refuses threads: read here, before the base
      }
      baseModel = load(base.trim(), derivedFrom);
      wordList = await(words);
    }
    Model[] loaded = new Model[1];
    try {
      CACHE.compute(name, (n, ref) -> {
        Model cached = ref == null ? null : ref.get();
        if (cached != null) {
          loaded[0] = cached;
          return ref;
        }
        if (baseModel != null) {
          try {
            loaded[0] = withWords(baseModel, wordList, n);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          // the base stays in memory while this preset does (the model holds it: they share the
          // weights, and a base loaded again would hold a second copy of them); a side map from
          // preset to base had kept bases after their presets were gone, up to an OutOfMemoryError
          return new java.lang.ref.SoftReference<>(loaded[0]);
        }
        String res = DIR + n + ".safetensors";
        java.net.URL url = Presets.class.getResource(res);
        if (url == null) {
          throw new UncheckedIOException(new IOException("preset '" + n + "' is listed but " + res + " is missing from the jar"));
        }
        try {
          loaded[0] = read(url, "preset " + n);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return new java.lang.ref.SoftReference<>(loaded[0]);
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return loaded[0];
  }

  /**
   * The model in a resource of the jar. When its length is known its bytes are read into one
   * buffer of that size, off the heap when they fit there (the models are stored uncompressed in
   * the jar; {@code readAllBytes} copies 8 KB chunks and took 60-80 ms for a 14 MB model in a
   * fresh JVM, where reading into one buffer took 20-30 ms).
   */
  private static Model read(java.net.URL url, String source) throws IOException {
    java.net.URLConnection c = url.openConnection();
    long n = c.getContentLengthLong();
    try (InputStream in = c.getInputStream()) {
      SafeTensors st = n < 0 ? SafeTensors.read(in.readAllBytes(), source) : SafeTensors.read(in, n, source);
      return Model.fromSafeTensors(st, source);
    }
  }

  /** The result of {@code task}, with its exception as it was thrown. */
  private static WordList await(java.util.concurrent.FutureTask<WordList> task) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true; // the list is read in well under a second: finish loading, keep the interrupt
        }
      }
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The words of a preset's list, and what its first comment line says of them. */
  private record WordList(String file, List<String> words, String about) {}

  /**
   * The words of the resource {@code file}. The list is a user dictionary (read by {@link
   * dev.fenci.dict.DictionaryFile}) whose entries all have multiplier 1, the one that only says a
   * string is a word; its first comment line goes into the provenance.
   */
  private static WordList readWords(String file, String preset) throws IOException {
    String res = DIR + file;
    List<String> lines;
    try (InputStream in = file.isEmpty() ? null : Presets.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IOException("preset '" + preset + "' is listed but its word list " + res + " is missing from the jar");
      }
      lines = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))
          .lines().toList();
    }
    List<String> words = new ArrayList<>();
    for (dev.fenci.dict.Entry e : dev.fenci.dict.DictionaryFile.parse(lines, res, false, null)) {
      if (e.multiplier() != 1) {
        throw new IOException(res + ": '" + e.word() + "' has multiplier " + e.multiplier() + "; a preset's word list"
            + " gives every word multiplier 1");
      }
      words.add(e.word());
    }
    String about = lines.stream().filter(l -> l.startsWith("#")).findFirst().map(l -> ": " + l.substring(1).trim())
        .orElse("");
    return new WordList(file, words, about);
  }

  /** {@code base} with the words of {@code list} added to its lexicon. */
  private static Model withWords(Model base, WordList list, String preset) throws IOException {
    if (!base.hasLexicon()) {
      throw new IOException("preset '" + preset + "' adds a word list to a base preset whose model reads no lexicon"
          + " features (architecture " + base.arch() + ")");
    }
    return base.withLexiconWords(list.words(), list.file() + list.about());
  }

  private static Properties index() {
    Properties p = new Properties();
    try (InputStream in = Presets.class.getResourceAsStream(DIR + "presets.properties")) {
      if (in != null) {
        p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
