package dev.fenci.spark;

import dev.fenci.Presets;
import dev.fenci.Token;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 *   <li>{@code fenci_subwords(word)}: the parts of a word ({@code 共和国} inside {@code
 *       中华人民共和国}, {@code mp3} inside {@code 索尼mp3}; {@link dev.fenci.Segmenter#subwords}), an {@code ARRAY<STRING>}, for search indexes
 *       that should find a word by its parts.</li>
 * </ul>
 * A null text gives null.
 *
 * <pre>{@code
 * FenciFunctions.register(spark);                       // the default model
 * spark.sql("SELECT word, count(*) FROM posts LATERAL VIEW explode(fenci_segment(body)) AS word GROUP BY word");
 * }</pre>
 *
 * <p>For Spark ML pipelines, {@link FenciTokenizer} is the same segmentation as a pipeline stage.
 *
 * <p>The functions belong to the session they are registered in ({@code spark.newSession()} does
 * not see them). Each executor JVM loads a model once and shares it between its tasks and the
 * registrations and {@link FenciTokenizer} stages with the same model and dictionaries (the latest
 * few are kept): a preset from
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

  private FenciFunctions() {}

  /** Registers {@value #SEGMENT}, {@value #TOKENIZE} and {@value #SUBWORDS} with fenci's default model. */
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
    SegmenterSource source = SegmenterSource.create(spark, model, List.of(dictionaries));
    spark.udf().register(SEGMENT, (UDF1<Object, List<String>>) text -> WordLists.words(source.segmenter(),
        string(SEGMENT, text), false, true), DataTypes.createArrayType(DataTypes.StringType, false));
    spark.udf().register(TOKENIZE, (UDF1<Object, List<Row>>) text -> tokenize(source, string(TOKENIZE, text)),
        DataTypes.createArrayType(TOKEN, false));
    spark.udf().register(SUBWORDS, (UDF1<Object, List<String>>) word -> subwords(source, string(SUBWORDS, word)),
        DataTypes.createArrayType(DataTypes.StringType, false));
  }

  /**
   * The function's argument as a string: a Java UDF is given the column's values as they are (Spark
   * casts nothing for it), and a number had failed the task with a ClassCastException.
   */
  static String string(String function, Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    String type = value instanceof byte[] ? "binary" : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    throw new IllegalArgumentException(function + " takes a string, not a value of type " + type + ": write " + function
        + "(CAST(column AS STRING))");
  }

  private static List<String> subwords(SegmenterSource source, String word) {
    if (word == null) {
      return null;
    }
    return source.segmenter().subwords(word).stream().map(Token::word).toList();
  }

  private static List<Row> tokenize(SegmenterSource source, String text) {
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
}
