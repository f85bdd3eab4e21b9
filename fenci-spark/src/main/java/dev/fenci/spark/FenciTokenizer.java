package dev.fenci.spark;

import dev.fenci.Presets;
import dev.fenci.Segmenter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * fenci's segmenter as a Spark ML pipeline stage: a column of texts in, a column of their words
 * ({@code ARRAY<STRING>}) out, as Spark's own {@code Tokenizer} does for spaces, ready for {@code
 * StopWordsRemover}, {@code CountVectorizer}, {@code HashingTF} or {@code Word2Vec}.
 *
 * <pre>{@code
 * FenciTokenizer tokenizer = new FenciTokenizer().setInputCol("text").setOutputCol("words");
 * Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
 *     tokenizer, new HashingTF().setInputCol("words").setOutputCol("features"), new LogisticRegression()});
 * PipelineModel fitted = pipeline.fit(training);
 * fitted.write().overwrite().save("/models/classifier");     // the stage's settings are saved with it
 * }</pre>
 *
 * <p>Parameters:
 * <ul>
 *   <li>{@code inputCol} (required): a column of strings. A null text gives an empty list (the
 *       feature stages after a tokenizer, such as {@code CountVectorizer}, fail on a null list).</li>
 *   <li>{@code outputCol}: the new column (by default the stage's uid plus {@code __output}).</li>
 *   <li>{@code model}: a preset ({@code default}, which is {@code accurate}, {@code fast}, {@code weibo}, ...)
 *       or a model file written by {@code fenci train}.</li>
 *   <li>{@code dictionaries}: user dictionary files ({@code word,multiplier} lines).</li>
 *   <li>{@code subwords}: each word followed by its parts, the known words inside it ({@code 中华人民共和国},
 *       then {@code 中华}, {@code 华人}, {@code 人民}, {@code 共和}, {@code 共和国}; {@link
 *       Segmenter#subwords}), for features that should match a word by its parts; false by
 *       default.</li>
 *   <li>{@code keepPunctuation}: whether words made only of punctuation (Unicode's P categories:
 *       {@code ，。“”}, and ASCII's {@code . , ! ? % # @ & * / -} too) are kept; true by default, so
 *       that the words are {@code fenci_segment}'s ({@link FenciFunctions}).</li>
 *   <li>{@code toLowercase}: whether each word is lower-cased (by {@link String#toLowerCase(java.util.Locale)}
 *       with {@link java.util.Locale#ROOT}) after segmentation, as Spark's {@code RegexTokenizer} does
 *       by default; false by default, so that the words are the text's as written.</li>
 * </ul>
 * The runs of whitespace between words are never in the list.
 *
 * <p>A model file and the dictionaries are read on the driver each time the stage transforms a
 * dataset, from the driver's local file system, and broadcast to the executors, which need no file
 * of their own: once for as long as their content and the Spark context stay the same, whichever
 * stage, copy or registration reads them. A missing file or a malformed dictionary line fails on
 * the driver, with the file and line. Column names resolve as Spark SQL's do (case-insensitively
 * unless {@code spark.sql.caseSensitive}). A saved stage
 * stores the model's name or path and the dictionaries' paths, not their content: the files must
 * be where they were when the saved pipeline is loaded and used.
 */
public final class FenciTokenizer extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private static final DataType WORDS = DataTypes.createArrayType(DataTypes.StringType, false);

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final Param<String> model;
  private final StringArrayParam dictionaries;
  private final BooleanParam subwords;
  private final BooleanParam keepPunctuation;
  private final BooleanParam toLowercase;

  /** A stage with a new uid and the default settings. */
  public FenciTokenizer() {
    this(Identifiable$.MODULE$.randomUID("fenciTokenizer"));
  }

  /** A stage with the given uid (as Spark's persistence and {@link #copy} create it) and the default settings. */
  public FenciTokenizer(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "the column of texts to segment (strings)");
    outputCol = new Param<>(this, "outputCol", "the column of words to add (array<string>)");
    model = new Param<>(this, "model",
        "a preset (default, accurate, fast, weibo, ...) or a model file written by fenci train, on the driver's file system");
    dictionaries = new StringArrayParam(this, "dictionaries",
        "user dictionary files (word,multiplier lines), on the driver's file system");
    subwords = new BooleanParam(this, "subwords", "whether each word is followed by the known words inside it");
    keepPunctuation = new BooleanParam(this, "keepPunctuation", "whether words made only of punctuation are kept");
    toLowercase = new BooleanParam(this, "toLowercase", "whether the words are lower-cased (as Spark's tokenizers do)");
    setDefault(outputCol, uid + "__output");
    setDefault(model, Presets.DEFAULT);
    setDefault(dictionaries, new String[0]);
    setDefault(subwords, false);
    setDefault(keepPunctuation, true);
    setDefault(toLowercase, false);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The column of texts to segment. */
  public Param<String> inputCol() {
    return inputCol;
  }

  /** The column of words to add. */
  public Param<String> outputCol() {
    return outputCol;
  }

  /** A preset or a model file. */
  public Param<String> model() {
    return model;
  }

  /** User dictionary files. */
  public StringArrayParam dictionaries() {
    return dictionaries;
  }

  /** Whether each word is followed by its subwords. */
  public BooleanParam subwords() {
    return subwords;
  }

  /** Whether words made only of punctuation are kept. */
  public BooleanParam keepPunctuation() {
    return keepPunctuation;
  }

  public FenciTokenizer setInputCol(String value) {
    return (FenciTokenizer) set(inputCol, value);
  }

  public FenciTokenizer setOutputCol(String value) {
    return (FenciTokenizer) set(outputCol, value);
  }

  public FenciTokenizer setModel(String value) {
    return (FenciTokenizer) set(model, value);
  }

  public FenciTokenizer setDictionaries(String... value) {
    return (FenciTokenizer) set(dictionaries, value == null ? null : value.clone());
  }

  public FenciTokenizer setSubwords(boolean value) {
    return (FenciTokenizer) set(subwords, value);
  }

  public BooleanParam toLowercase() {
    return toLowercase;
  }

  public FenciTokenizer setToLowercase(boolean value) {
    return (FenciTokenizer) set(toLowercase, value);
  }

  public boolean getToLowercase() {
    return (Boolean) $(toLowercase);
  }

  public FenciTokenizer setKeepPunctuation(boolean value) {
    return (FenciTokenizer) set(keepPunctuation, value);
  }

  public String getInputCol() {
    return $(inputCol);
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public String getModel() {
    return $(model);
  }

  public String[] getDictionaries() {
    String[] d = $(dictionaries);
    return d == null ? null : d.clone();
  }

  public boolean getSubwords() {
    return (Boolean) $(subwords);
  }

  public boolean getKeepPunctuation() {
    return (Boolean) $(keepPunctuation);
  }

  /**
   * The schema with the output column: checks that the input column exists and holds strings, that
   * the output column does not exist yet, and that the model and dictionaries name a preset or
   * files on the driver.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  @Override
  public StructType transformSchema(StructType schema) {
    if (!isDefined(inputCol)) {
      throw new IllegalArgumentException("FenciTokenizer " + uid + ": no input column; call setInputCol with the column of texts");
    }
    String in = getInputCol();
    String out = getOutputCol();
    if (out == null) {
      throw new IllegalArgumentException("FenciTokenizer " + uid + ": the output column is null; call setOutputCol with a new column's name");
    }
    StructField input = field(schema, in);
    if (input == null) {
      throw new IllegalArgumentException("FenciTokenizer " + uid + ": no column " + in + " among "
          + Arrays.toString(schema.fieldNames()));
    }
    DataType type = input.dataType();
    if (!type.equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("FenciTokenizer " + uid + ": column " + in + " is " + type.simpleString()
          + ", not string; cast it to string first");
    }
    StructField existing = field(schema, out);
    if (existing != null) {
      throw new IllegalArgumentException("FenciTokenizer " + uid + ": output column " + out
          + (existing.name().equals(out) ? "" : " (as " + existing.name() + ", names being case-insensitive here)")
          + " already exists; choose another with setOutputCol");
    }
    String m = getModel();
    if (m == null || m.isBlank()) {
      throw new IllegalArgumentException("FenciTokenizer " + uid + ": the model is " + (m == null ? "null" : "empty")
          + "; call setModel with a preset or a model file");
    }
    if (!Presets.exists(m) && !Files.isRegularFile(path(m, "model"))) {
      try {
        Segmenter.load(m); // the library's message: no such preset or file, and the presets there are
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("FenciTokenizer " + uid + ": " + e.getMessage() + SegmenterSource.notLocal(m), e);
      }
    }
    String[] dicts = $(dictionaries);
    if (dicts == null) {
      throw new IllegalArgumentException("FenciTokenizer " + uid + ": the dictionaries are null; call setDictionaries()"
          + " with no files for none");
    }
    for (String d : dicts) {
      if (d == null || d.isBlank()) {
        throw new IllegalArgumentException("FenciTokenizer " + uid + ": a dictionary's name is " + (d == null ? "null" : "empty")
            + " in " + Arrays.toString(dicts));
      }
      Path file = path(d, "dictionary");
      if (Files.isDirectory(file)) {
        throw new IllegalArgumentException("FenciTokenizer " + uid + ": dictionary " + d + " is a directory, not a dictionary file");
      }
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("FenciTokenizer " + uid + ": no such dictionary file " + d + SegmenterSource.notLocal(d));
      }
    }
    return schema.add(new StructField(out, WORDS, true, org.apache.spark.sql.types.Metadata.empty()));
  }

  private Path path(String name, String what) {
    try {
      return Path.of(name);
    } catch (java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException("FenciTokenizer " + uid + ": the " + what + " '" + name + "' is not a path: "
          + e.getMessage(), e);
    }
  }

  /** The field named {@code name} as Spark resolves names (case-insensitively unless spark.sql.caseSensitive), or null. */
  private static StructField field(StructType schema, String name) {
    boolean caseSensitive = SQLConf.get().caseSensitiveAnalysis();
    for (StructField f : schema.fields()) {
      if (caseSensitive ? f.name().equals(name) : f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  /**
   * The dataset with the words of each text in the output column.
   *
   * @throws IllegalArgumentException as {@link #transformSchema} does
   * @throws UncheckedIOException if the model or a dictionary cannot be read or is malformed (the
   *     message names the file and line)
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    SegmenterSource s;
    try {
      s = SegmenterSource.create(dataset.sparkSession(), getModel(), Arrays.stream($(dictionaries)).map(Path::of).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    boolean parts = getSubwords();
    boolean punctuation = getKeepPunctuation();
    boolean lower = getToLowercase();
    UserDefinedFunction words = functions.udf((UDF1<String, List<String>>) text -> {
      if (text == null) {
        return List.of();
      }
      List<String> w = WordLists.words(s.segmenter(), text, parts, punctuation);
      // segmented as written (a model reads case), then lower-cased: iPhone, IPHONE and iphone are one feature
      return lower ? w.stream().map(x -> x.toLowerCase(java.util.Locale.ROOT)).toList() : w;
    }, WORDS);
    // quoted: the name as transformSchema found it, a dot in it part of the name (not a struct's field)
    return dataset.withColumn(getOutputCol(), words.apply(dataset.col("`" + getInputCol().replace("`", "``") + "`")));
  }

  @Override
  public FenciTokenizer copy(ParamMap extra) {
    return (FenciTokenizer) defaultCopy(extra);
  }

  /** The reader of saved stages (Spark's persistence calls it when a saved pipeline is loaded). */
  public static MLReader<FenciTokenizer> read() {
    return new DefaultParamsReader<>();
  }

  /** A stage saved with {@code write().save(path)}. */
  public static FenciTokenizer load(String path) {
    return read().load(path);
  }
}
