package dev.fenci.spark;

import dev.fenci.Presets;
import dev.fenci.Segmenter;
import dev.fenci.Token;
import dev.fenci.dict.DictionaryFile;
import dev.fenci.dict.Entry;
import dev.fenci.dict.UserDictionary;
import dev.fenci.model.Model;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * fenci's segmenter as Spark SQL functions, for DataFrames and SQL alike:
 *
 * <ul>
 *   <li>{@code fenci_segment(text)}: the words of {@code text}, an {@code ARRAY<STRING>}, without
 *       the runs of whitespace between them;</li>
 *   <li>{@code fenci_tokenize(text)}: the same words with their offsets in {@code text}
 *       ({@code ARRAY<STRUCT<word: STRING, start: INT, end: INT>>}), in characters (code points)
 *       as Spark's {@code length} and {@code substring} count them: the word is {@code
 *       substring(text, start + 1, end - start)}.</li>
 *   <li>{@code fenci_subwords(word)}: the known words inside a word ({@code 共和国} inside {@code
 *       中华人民共和国}; {@link Segmenter#subwords}), an {@code ARRAY<STRING>}, for search indexes
 *       that should find a word by its parts.</li>
 * </ul>
 * A null text gives null.
 *
 * <pre>{@code
 * FenciFunctions.register(spark);                       // the default model
 * spark.sql("SELECT word, count(*) FROM posts LATERAL VIEW explode(fenci_segment(body)) AS word GROUP BY word");
 * }</pre>
 *
 * <p>The functions belong to the session they are registered in ({@code spark.newSession()} does
 * not see them). Each executor JVM loads the model once per registration and shares it between
 * its tasks (the latest few registrations are kept): a preset from
 * fenci-core's jar (which must be on the executors' class path, as this module's), or a model file
 * and dictionaries read on the driver and broadcast to the executors, so they need no file of
 * their own.
 */
public final class FenciFunctions {
  /** The name of the function that gives the words. */
  public static final String SEGMENT = "fenci_segment";
  /** The name of the function that gives the words with their offsets. */
  public static final String TOKENIZE = "fenci_tokenize";
  /** The name of the function that gives the parts of a word. */
  public static final String SUBWORDS = "fenci_subwords";

  private static final StructType TOKEN = new StructType()
      .add("word", DataTypes.StringType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false);

  /**
   * Segmenters of this JVM (an executor's, or the driver's) by registration, the most recently used
   * last: a few are kept (a model file's takes about 50 MB), so that registering again and again
   * in a long-lived session does not pile them up.
   */
  private static final int KEPT = 4;
  private static final java.util.LinkedHashMap<String, Segmenter> LOADED = new java.util.LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, Segmenter> eldest) {
      return size() > KEPT;
    }
  };

  private FenciFunctions() {}

  /** Registers {@value #SEGMENT} and {@value #TOKENIZE} with fenci's default model. */
  public static void register(SparkSession spark) throws IOException {
    register(spark, Presets.DEFAULT);
  }

  /** Registers the functions with a preset or a model file, without dictionaries (an overload PySpark's py4j calls directly). */
  public static void register(SparkSession spark, String model) throws IOException {
    register(spark, model, new Path[0]);
  }

  /**
   * Registers the functions with a preset ({@code accurate}, {@code fast}, {@code weibo}, ...) or a
   * model file written by {@code fenci train}, and user dictionaries (files of {@code
   * word,multiplier} lines, read now, on the driver).
   *
   * @throws IOException if the model file or a dictionary cannot be read, or is not what it
   *     should be (the message names the file and line)
   */
  public static void register(SparkSession spark, String model, Path... dictionaries) throws IOException {
    Objects.requireNonNull(spark, "spark session is null");
    Objects.requireNonNull(model, "model is null: give a preset or a model file");
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<byte[]> file = null;
    if (!Presets.exists(model)) {
      if (!Files.isRegularFile(Path.of(model))) {
        Segmenter.load(model); // throws the message a user can act on (no such preset or file)
      }
      byte[] bytes = Files.readAllBytes(Path.of(model));
      Model.load(bytes, model); // checked here, on the driver
      file = sc.broadcast(bytes);
    }
    List<Entry> entries = new ArrayList<>();
    for (Path d : dictionaries) {
      try {
        entries.addAll(DictionaryFile.read(d, false, System.err));
      } catch (java.nio.file.NoSuchFileException e) {
        throw new java.nio.file.NoSuchFileException(d.toString(), null, "no such dictionary file");
      }
    }
    // plain arrays, which Spark's Java and Kryo serializers both send
    Broadcast<String[]> words = null;
    Broadcast<double[]> multipliers = null;
    if (!entries.isEmpty()) {
      words = sc.broadcast(entries.stream().map(Entry::word).toArray(String[]::new));
      multipliers = sc.broadcast(entries.stream().mapToDouble(Entry::multiplier).toArray());
    }
    // one key per registration (a preset alone is shared): broadcast ids restart with each SparkContext
    String key = file == null && words == null ? "preset:" + model : java.util.UUID.randomUUID().toString();
    Source source = new Source(key, model, file, words, multipliers);
    source.segmenter(); // the driver's copy, and a check that it loads
    spark.udf().register(SEGMENT, (UDF1<String, List<String>>) text -> segment(source, text),
        DataTypes.createArrayType(DataTypes.StringType, false));
    spark.udf().register(TOKENIZE, (UDF1<String, List<Row>>) text -> tokenize(source, text),
        DataTypes.createArrayType(TOKEN, false));
    spark.udf().register(SUBWORDS, (UDF1<String, List<String>>) word -> subwords(source, word),
        DataTypes.createArrayType(DataTypes.StringType, false));
  }

  private static List<String> subwords(Source source, String word) {
    if (word == null) {
      return null;
    }
    return source.segmenter().subwords(word).stream().map(Token::word).toList();
  }

  private static List<String> segment(Source source, String text) {
    if (text == null) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (String w : source.segmenter().segment(text)) {
      if (!dev.fenci.text.Chunker.isSpaceWord(w)) {
        words.add(w);
      }
    }
    return words;
  }

  private static List<Row> tokenize(Source source, String text) {
    if (text == null) {
      return null;
    }
    List<Row> rows = new ArrayList<>();
    int at = 0; // in code points, as Spark's length and substring count
    for (Token t : source.segmenter().tokenize(text)) {
      int n = t.word().codePointCount(0, t.word().length());
      if (!t.isSpace()) {
        rows.add(RowFactory.create(t.word(), at, at + n));
      }
      at += n;
    }
    return rows;
  }

  /**
   * What a segmenter is built from, sent to the executors with the functions: a key naming the
   * registration, a preset's name or a broadcast model file, and broadcast dictionary entries (or
   * nulls).
   */
  private static final class Source implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String model;
    private final Broadcast<byte[]> file;
    private final Broadcast<String[]> words;
    private final Broadcast<double[]> multipliers;
    /** This copy's segmenter, found once: a task's rows then skip the shared cache and its lock. */
    private transient volatile Segmenter seg;

    Source(String key, String model, Broadcast<byte[]> file, Broadcast<String[]> words, Broadcast<double[]> multipliers) {
      this.key = key;
      this.model = model;
      this.file = file;
      this.words = words;
      this.multipliers = multipliers;
    }

    Segmenter segmenter() {
      Segmenter s = seg;
      if (s == null) {
        synchronized (LOADED) {
          s = LOADED.get(key);
          if (s == null) {
            s = load();
            LOADED.put(key, s);
          }
        }
        seg = s;
      }
      return s;
    }

    private Segmenter load() {
      try {
        Segmenter seg = file == null ? Segmenter.load(model) : Segmenter.of(Model.load(file.value(), model));
        if (words != null) {
          String[] w = words.value();
          double[] m = multipliers.value();
          List<Entry> entries = new ArrayList<>(w.length);
          for (int i = 0; i < w.length; i++) {
            entries.add(new Entry(w[i], m[i]));
          }
          UserDictionary dict = UserDictionary.empty();
          dict.addAll(entries);
          seg = seg.withDictionary(dict);
        }
        return seg;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
