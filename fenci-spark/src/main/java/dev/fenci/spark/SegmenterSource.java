package dev.fenci.spark;

import dev.fenci.Presets;
import dev.fenci.Segmenter;
import dev.fenci.dict.DictionaryFile;
import dev.fenci.dict.Entry;
import dev.fenci.dict.UserDictionary;
import dev.fenci.model.Model;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * What a segmenter is built from, read on the driver and sent to the executors with the functions
 * and the pipeline stage: a preset's name or a broadcast model file, and broadcast dictionary
 * entries (or nulls). Each JVM (an executor's, or the driver's) builds a segmenter once per content
 * (the key: the preset's name, or a SHA-256 of the model file and the entries) and keeps the latest
 * few.
 */
final class SegmenterSource implements Serializable {
  private static final long serialVersionUID = 2L;

  /**
   * Segmenters of this JVM by key, the most recently used last: a few are kept (a model file's takes
   * about 50 MB), so that registering again and again in a long-lived session does not pile them up.
   */
  private static final int KEPT = 4;
  private static final Map<String, Segmenter> LOADED = latest();

  /** The sources made on this driver, by key, the most recently used last; a few are kept, as segmenters are. */
  private static final Map<String, SegmenterSource> SOURCES = latest();

  /** A map that keeps the {@link #KEPT} most recently used entries (unsynchronized: callers lock it). */
  private static <V> Map<String, V> latest() {
    return new LinkedHashMap<>(8, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > KEPT;
      }
    };
  }

  private final String key;
  private final String model;
  private final Broadcast<byte[]> file;
  private final Broadcast<String[]> words;
  private final Broadcast<double[]> multipliers;
  /**
   * The context the broadcasts belong to (on the driver; null in a deserialized copy), weakly: a
   * stopped context is not kept alive by the sources made in it.
   */
  private final transient WeakReference<SparkContext> context;
  /** This copy's segmenter, found once: a task's rows then skip the shared cache and its lock. */
  private transient volatile Segmenter seg;

  private SegmenterSource(String key, String model, Broadcast<byte[]> file, Broadcast<String[]> words,
      Broadcast<double[]> multipliers, SparkContext context) {
    this.key = key;
    this.model = model;
    this.file = file;
    this.words = words;
    this.multipliers = multipliers;
    this.context = new WeakReference<>(context);
  }

  /**
   * Reads a preset or a model file and dictionaries on the driver, checks that they load, and
   * broadcasts what the executors need; or gives back the source made earlier from the same content
   * in the same Spark context (so a stage transforming batch after batch, its copies, and a
   * registration made again broadcast the model once).
   *
   * @throws IOException if the model or a dictionary cannot be read or is not what it should be
   *     (the message names the file and line)
   */
  static SegmenterSource create(SparkSession spark, String model, List<Path> dictionaries) throws IOException {
    Objects.requireNonNull(model, "model is null: give a preset or a model file");
    byte[] bytes = null;
    if (!Presets.exists(model)) {
      if (!Files.isRegularFile(Path.of(model))) {
        try {
          Segmenter.load(model); // throws the message a user can act on (no such preset or file)
        } catch (NoSuchFileException e) {
          if (notLocal(model).isEmpty()) {
            throw e;
          }
          throw new NoSuchFileException(model, null, e.getReason() + notLocal(model));
        }
      }
      bytes = Files.readAllBytes(Path.of(model));
    }
    List<Entry> entries = new ArrayList<>();
    for (Path d : dictionaries) {
      try {
        entries.addAll(DictionaryFile.read(d, false, System.err));
      } catch (NoSuchFileException e) {
        throw new NoSuchFileException(d.toString(), null, "no such dictionary file" + notLocal(d.toString()));
      }
    }
    // plain arrays, which Spark's Java and Kryo serializers both send
    String[] w = entries.stream().map(Entry::word).toArray(String[]::new);
    double[] m = entries.stream().mapToDouble(Entry::multiplier).toArray();
    String key = bytes == null && entries.isEmpty() ? "preset:" + model : digest(model, bytes, w, m);
    SparkContext sc = spark.sparkContext();
    synchronized (SOURCES) {
      SOURCES.values().removeIf(source -> {
        SparkContext c = source.context.get();
        return c == null || c.isStopped();
      });
      SegmenterSource made = SOURCES.get(key);
      if (made != null && made.context.get() == sc) {
        return made;
      }
    }
    synchronized (LOADED) {
      if (LOADED.get(key) == null) { // get, not containsKey: a use, which keeps it among the latest
        LOADED.put(key, build(model, bytes, entries.isEmpty() ? null : w, m)); // checked here, on the driver
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
    SegmenterSource made = new SegmenterSource(key, model, bytes == null ? null : jsc.broadcast(bytes),
        entries.isEmpty() ? null : jsc.broadcast(w), entries.isEmpty() ? null : jsc.broadcast(m), sc);
    synchronized (SOURCES) {
      SOURCES.put(key, made);
    }
    return made;
  }

  /**
   * For a missing file named with a URI's scheme ({@code hdfs://}, {@code s3a://}), that fenci reads
   * the driver's local files only; "" for another name.
   */
  static String notLocal(String name) {
    return name.matches("[A-Za-z][A-Za-z0-9+.-]+:/.*")
        ? " (give a path on the driver's local file system, not a URI: copy a file from HDFS or S3 to the driver first)"
        : "";
  }

  /** Forgets this JVM's segmenters and sources, so that a test's tasks must build theirs from the broadcasts. */
  static void forgetAll() {
    synchronized (SOURCES) {
      SOURCES.clear();
    }
    synchronized (LOADED) {
      LOADED.clear();
    }
  }

  /** The segmenter, built in this JVM on first use. */
  Segmenter segmenter() {
    Segmenter s = seg;
    if (s == null) {
      synchronized (LOADED) {
        s = LOADED.get(key);
        if (s == null) {
          try {
            s = build(model, file == null ? null : file.value(), words == null ? null : words.value(),
                multipliers == null ? null : multipliers.value());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          LOADED.put(key, s);
        }
      }
      seg = s;
    }
    return s;
  }

  private static Segmenter build(String model, byte[] file, String[] words, double[] multipliers) throws IOException {
    Segmenter seg = file == null ? Segmenter.load(model) : Segmenter.of(Model.load(file, model));
    if (words != null) {
      List<Entry> entries = new ArrayList<>(words.length);
      for (int i = 0; i < words.length; i++) {
        entries.add(new Entry(words[i], multipliers[i]));
      }
      UserDictionary dict = UserDictionary.empty();
      dict.addAll(entries);
      seg = seg.withDictionary(dict);
    }
    return seg;
  }

  /** A name for the content: the model (a preset's name or the file's bytes) and the entries. */
  private static String digest(String model, byte[] file, String[] words, double[] multipliers) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (file == null) {
        sha.update(("preset:" + model).getBytes(StandardCharsets.UTF_8));
      } else {
        sha.update(file);
      }
      for (int i = 0; i < words.length; i++) {
        sha.update(("\n" + words[i].length() + ":" + words[i] + "," + Double.toString(multipliers[i])).getBytes(StandardCharsets.UTF_8));
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
