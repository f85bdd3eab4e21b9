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
import java.util.concurrent.ConcurrentHashMap;
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
 *       ({@code ARRAY<STRUCT<word: STRING, start: INT, end: INT>>}, UTF-16 code units as in Java).</li>
 * </ul>
 * A null text gives null.
 *
 * <pre>{@code
 * FenciFunctions.register(spark);                       // the default model
 * spark.sql("SELECT word, count(*) FROM posts LATERAL VIEW explode(fenci_segment(body)) AS word GROUP BY word");
 * }</pre>
 *
 * <p>Each executor JVM loads the model once and shares it between its tasks: a preset from
 * fenci-core's jar (which must be on the executors' class path, as this module's), or a model file
 * and dictionaries read on the driver and broadcast to the executors, so they need no file of
 * their own.
 */
public final class FenciFunctions {
  /** The name of the function that gives the words. */
  public static final String SEGMENT = "fenci_segment";
  /** The name of the function that gives the words with their offsets. */
  public static final String TOKENIZE = "fenci_tokenize";

  private static final StructType TOKEN = new StructType()
      .add("word", DataTypes.StringType, false)
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false);

  /** Segmenters of this JVM (an executor's), by what they were built from. */
  private static final ConcurrentHashMap<Source, Segmenter> LOADED = new ConcurrentHashMap<>();

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
      Segmenter.load(model); // checks it here, with the message a user can act on
      file = sc.broadcast(Files.readAllBytes(Path.of(model)));
    }
    List<Entry> entries = new ArrayList<>();
    for (Path d : dictionaries) {
      entries.addAll(DictionaryFile.read(d, false, null));
    }
    Words words = null;
    if (!entries.isEmpty()) {
      words = new Words(entries.stream().map(Entry::word).toArray(String[]::new),
          entries.stream().mapToDouble(Entry::multiplier).toArray());
    }
    Source source = new Source(model, file, words == null ? null : sc.broadcast(words));
    source.segmenter(); // the driver's copy, and a check that it loads
    spark.udf().register(SEGMENT, (UDF1<String, List<String>>) text -> segment(source, text),
        DataTypes.createArrayType(DataTypes.StringType, false));
    spark.udf().register(TOKENIZE, (UDF1<String, List<Row>>) text -> tokenize(source, text),
        DataTypes.createArrayType(TOKEN, false));
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
    for (Token t : source.segmenter().tokenize(text)) {
      if (!t.isSpace()) {
        rows.add(RowFactory.create(t.word(), t.start(), t.end()));
      }
    }
    return rows;
  }

  /** Dictionary entries in a form Spark can send: words and their multipliers. */
  private record Words(String[] words, double[] multipliers) implements Serializable {
    UserDictionary dictionary() {
      UserDictionary dict = UserDictionary.empty();
      List<Entry> entries = new ArrayList<>(words.length);
      for (int i = 0; i < words.length; i++) {
        entries.add(new Entry(words[i], multipliers[i]));
      }
      dict.addAll(entries);
      return dict;
    }
  }

  /**
   * What a segmenter is built from, sent to the executors with the functions: a preset's name or a
   * broadcast model file, and broadcast dictionary entries (or null).
   */
  private record Source(String model, Broadcast<byte[]> file, Broadcast<Words> entries) implements Serializable {
    Segmenter segmenter() {
      return LOADED.computeIfAbsent(this, s -> {
        try {
          Segmenter seg = s.file == null ? Segmenter.load(s.model)
              : Segmenter.of(Model.load(s.file.value(), s.model));
          if (s.entries != null) {
            seg = seg.withDictionary(s.entries.value().dictionary());
          }
          return seg;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Source s && model.equals(s.model) && id(file) == id(s.file) && id(entries) == id(s.entries);
    }

    @Override
    public int hashCode() {
      return Objects.hash(model, id(file), id(entries));
    }

    private static long id(Broadcast<?> b) {
      return b == null ? -1 : b.id();
    }
  }
}
