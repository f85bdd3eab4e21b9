package dev.fenci.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.Segmenter;
import dev.fenci.Token;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline stage in a local Spark session with two executor threads (tasks serialize it as on a cluster). */
class FenciTokenizerTest {
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("fenci-ml-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final List<String> TEXTS = List.of("😀😀扫描二维码，关注微信号。", "中华人民共和国成立了！",
      "在2001年新年钟声即将敲响， iPhone 15 Pro降价55.6亿元。", "“你好”——他说……\n第二行", "", "   ");

  private static Dataset<Row> texts() {
    List<String> withNull = new ArrayList<>(TEXTS);
    withNull.add(null);
    return spark.createDataset(withNull, Encoders.STRING()).toDF("text").repartition(2);
  }

  /** What the library gives for the same settings. */
  private static List<String> expected(Segmenter seg, String text, boolean subwords, boolean punctuation) {
    List<Token> tokens = subwords ? seg.tokenizeForSearch(text) : seg.tokenize(text);
    return tokens.stream().filter(t -> !t.isSpace() && (punctuation || !t.isPunctuation())).map(Token::word).toList();
  }

  private static void assertWords(List<Row> rows, Segmenter seg, boolean subwords, boolean punctuation) {
    assertThat(rows).hasSize(TEXTS.size() + 1);
    for (Row r : rows) {
      String text = r.getString(0);
      if (text == null) {
        assertThat(r.<String>getList(1)).isEmpty();
      } else {
        assertThat(r.<String>getList(1)).as(text).isEqualTo(expected(seg, text, subwords, punctuation));
      }
    }
  }

  @Test
  void theWordsAreTheLibrarysAndANullTextHasNone() {
    FenciTokenizer tokenizer = new FenciTokenizer().setInputCol("text").setOutputCol("words");
    Dataset<Row> out = tokenizer.transform(texts());
    assertThat(out.schema().apply("words").dataType().simpleString()).isEqualTo("array<string>");
    assertWords(out.select("text", "words").collectAsList(), Segmenter.load(), false, true);
    assertThat(out.schema().apply("words")).isEqualTo(tokenizer.transformSchema(texts().schema()).apply("words"));
    // punctuation is kept by default, as fenci_segment keeps it
    assertThat(out.where("text = '" + TEXTS.get(0) + "'").select("words").collectAsList().get(0).<String>getList(0))
        .contains("，", "。");
  }

  @Test
  void punctuationGoesAndSubwordsComeWhenAsked() throws Exception {
    Segmenter fast = Segmenter.load("fast");
    FenciTokenizer tokenizer = new FenciTokenizer().setInputCol("text").setOutputCol("words").setModel("fast");
    assertWords(tokenizer.setKeepPunctuation(false).transform(texts()).select("text", "words").collectAsList(),
        fast, false, false);
    List<Row> rows = tokenizer.setSubwords(true).transform(texts()).select("text", "words").collectAsList();
    assertWords(rows, fast, true, false);
    List<String> republic = rows.stream().filter(r -> "中华人民共和国成立了！".equals(r.getString(0)))
        .findFirst().orElseThrow().getList(1);
    assertThat(republic).startsWith("中华人民共和国").contains("人民", "共和国").doesNotContain("！");
  }

  @Test
  void wordsAreLowerCasedWhenAsked() throws Exception {
    FenciTokenizer tokenizer = new FenciTokenizer().setInputCol("text").setOutputCol("words").setModel("fast");
    assertThat(tokenizer.getToLowercase()).isFalse();
    List<Row> rows = tokenizer.setToLowercase(true).transform(texts()).select("text", "words").collectAsList();
    Segmenter fast = Segmenter.load("fast");
    for (Row r : rows) {
      String text = r.getString(0);
      List<String> expected = text == null ? List.of()
          : expected(fast, text, false, true).stream().map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList();
      assertThat(r.<String>getList(1)).as(String.valueOf(text)).isEqualTo(expected);
    }
    assertThat(rows.stream().filter(r -> r.getString(0) != null && r.getString(0).contains("iPhone"))
        .findFirst().orElseThrow().<String>getList(1)).contains("iphone", "pro").doesNotContain("iPhone");
  }

  /** The settings survive a pipeline's save and load, and the loaded pipeline gives the same rows. */
  @Test
  void aPipelineWithTheStageIsSavedAndLoaded() throws Exception {
    Path dict = dir.resolve("my.dict");
    Files.writeString(dict, "扫描二维,inf\n", StandardCharsets.UTF_8);
    FenciTokenizer tokenizer = new FenciTokenizer().setInputCol("text").setOutputCol("words").setModel("fast")
        .setDictionaries(dict.toString()).setSubwords(true).setKeepPunctuation(false).setToLowercase(true);
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
        tokenizer, new CountVectorizer().setInputCol("words").setOutputCol("features")});
    PipelineModel fitted = pipeline.fit(texts());
    List<String> vocabulary = List.of(((CountVectorizerModel) fitted.stages()[1]).vocabulary());
    assertThat(vocabulary).contains("扫描二维", "扫描", "人民", "共和国").doesNotContain("，", "。", "！");
    List<Row> before = fitted.transform(texts()).select("text", "words", "features").orderBy("text").collectAsList();

    String saved = dir.resolve("pipeline").toString();
    fitted.write().overwrite().save(saved);
    PipelineModel loaded = PipelineModel.load(saved);
    FenciTokenizer stage = (FenciTokenizer) loaded.stages()[0];
    assertThat(stage.uid()).isEqualTo(tokenizer.uid());
    assertThat(stage.getModel()).isEqualTo("fast");
    assertThat(stage.getDictionaries()).containsExactly(dict.toString());
    assertThat(stage.getSubwords()).isTrue();
    assertThat(stage.getKeepPunctuation()).isFalse();
    assertThat(stage.getToLowercase()).isTrue();
    assertThat(stage.getOutputCol()).isEqualTo("words");
    assertThat(loaded.transform(texts()).select("text", "words", "features").orderBy("text").collectAsList())
        .isEqualTo(before);

    // the stage alone, and the pipeline before fitting
    String alone = dir.resolve("stage").toString();
    tokenizer.save(alone);
    assertThat(settings(FenciTokenizer.load(alone))).isEqualTo(settings(tokenizer));
    String unfitted = dir.resolve("unfitted").toString();
    pipeline.save(unfitted);
    assertThat(Pipeline.load(unfitted).getStages()[0]).isInstanceOf(FenciTokenizer.class);
  }

  /** docs/spark.md's pipeline as written, but for the paths. */
  @Test
  void theDocsPipelineRuns() throws Exception {
    Path domain = dir.resolve("domain.dict");
    Files.writeString(domain, "扫描二维,inf\n", StandardCharsets.UTF_8);
    Dataset<Row> training = spark.createDataFrame(List.of(RowFactory.create("扫描二维码，关注微信号。", 1.0),
        RowFactory.create("中华人民共和国成立了！", 0.0), RowFactory.create("关注微信号，扫描二维码", 1.0),
        RowFactory.create("新年钟声即将敲响", 0.0)), new StructType().add("body", DataTypes.StringType).add("label", DataTypes.DoubleType));

    FenciTokenizer tokenizer = new FenciTokenizer().setInputCol("body").setOutputCol("words")
        .setModel("fast").setDictionaries(domain.toString()).setKeepPunctuation(false);
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
        tokenizer,
        new CountVectorizer().setInputCol("words").setOutputCol("features"),
        new LogisticRegression()});
    PipelineModel fitted = pipeline.fit(training);
    fitted.write().overwrite().save(dir.resolve("classifier").toString());
    PipelineModel again = PipelineModel.load(dir.resolve("classifier").toString());   // the stage comes back with its settings

    assertThat(settings((FenciTokenizer) again.stages()[0])).isEqualTo(settings(tokenizer));
    assertThat(List.of(((CountVectorizerModel) fitted.stages()[1]).vocabulary())).contains("扫描二维").doesNotContain("，");
    List<Row> before = fitted.transform(training).select("body", "words", "prediction").orderBy("body").collectAsList();
    assertThat(again.transform(training).select("body", "words", "prediction").orderBy("body").collectAsList()).isEqualTo(before);
    assertThat(fitted.transform(training).where("prediction <> label").count()).isZero();
  }

  private static String settings(FenciTokenizer t) {
    return String.join("|", t.uid(), t.getInputCol(), t.getOutputCol(), t.getModel(), String.join(",", t.getDictionaries()),
        String.valueOf(t.getSubwords()), String.valueOf(t.getKeepPunctuation()), String.valueOf(t.getToLowercase()));
  }

  /** A model file and a dictionary are read on the driver and broadcast: the executors need neither file. */
  @Test
  void aModelFileAndADictionaryReachTheExecutors() throws Exception {
    Path model = LocalSpark.seedModelFile(dir);
    Path dict = dir.resolve("my.dict");
    Files.writeString(dict, "扫描二维,inf\n", StandardCharsets.UTF_8);
    FenciTokenizer tokenizer = new FenciTokenizer().setInputCol("text").setModel(model.toString())
        .setDictionaries(dict.toString());
    Dataset<Row> out = tokenizer.transform(spark.createDataset(List.of("扫描二维码", "中共中央总书记"), Encoders.STRING())
        .toDF("text").repartition(2));
    SegmenterSource.forgetAll(); // the tasks, in this JVM, must build the segmenter from the broadcasts
    LocalSpark.dropBroadcastValues(); // and deserialize them
    Files.delete(model);
    Files.delete(dict);
    List<Row> rows = out.collectAsList();
    Segmenter seed = Segmenter.load("seed");
    for (Row r : rows) {
      List<String> expected = r.getString(0).equals("扫描二维码") ? List.of("扫描二维", "码") : seed.segment(r.getString(0));
      assertThat(r.<String>getList(1)).isEqualTo(expected);
    }
  }

  /** Transforming again with the same files broadcasts nothing new, from any copy of the stage; a changed dictionary is read again. */
  @Test
  void theSourceIsReusedWhileItsContentStaysTheSame() throws Exception {
    Path dict = dir.resolve("changing.dict");
    Files.writeString(dict, "扫描二维,inf\n", StandardCharsets.UTF_8);
    List<Path> dicts = List.of(dict);
    SegmenterSource first = SegmenterSource.create(spark, "fast", dicts);
    assertThat(SegmenterSource.create(spark, "fast", dicts)).isSameAs(first);
    Path same = dir.resolve("same.dict");
    Files.writeString(same, "扫描二维,inf\n", StandardCharsets.UTF_8);
    assertThat(SegmenterSource.create(spark, "fast", List.of(same))).as("another file, the same entries").isSameAs(first);
    assertThat(SegmenterSource.create(spark, "seed", dicts)).isNotSameAs(first);
    Files.writeString(dict, "描二,inf\n", StandardCharsets.UTF_8);
    SegmenterSource changed = SegmenterSource.create(spark, "fast", dicts);
    assertThat(changed).isNotSameAs(first);
    assertThat(changed.segmenter().segment("扫描二维码")).contains("描二");
    assertThat(first.segmenter().segment("扫描二维码")).startsWith("扫描二维");

    FenciTokenizer tokenizer = new FenciTokenizer().setInputCol("text").setModel("fast").setDictionaries(dict.toString());
    Dataset<Row> text = spark.createDataset(List.of("扫描二维码"), Encoders.STRING()).toDF("text");
    assertThat(tokenizer.transform(text).collectAsList().get(0).<String>getList(1)).contains("描二");
    Files.writeString(dict, "扫描二维,inf\n", StandardCharsets.UTF_8);
    assertThat(tokenizer.copy(new ParamMap()).transform(text).collectAsList().get(0).<String>getList(1))
        .containsExactly("扫描二维", "码");
    assertThat(SegmenterSource.create(spark, "fast", dicts)).isSameAs(first);
  }

  @Test
  void copyKeepsTheSettingsAndTakesTheExtraOnes() {
    FenciTokenizer tokenizer = new FenciTokenizer().setInputCol("text").setModel("fast").setSubwords(true);
    FenciTokenizer copy = tokenizer.copy(new ParamMap().put(tokenizer.model(), "seed"));
    assertThat(copy).isNotSameAs(tokenizer);
    assertThat(copy.uid()).isEqualTo(tokenizer.uid());
    assertThat(copy.getInputCol()).isEqualTo("text");
    assertThat(copy.getSubwords()).isTrue();
    assertThat(copy.getModel()).isEqualTo("seed");
    assertThat(tokenizer.getModel()).isEqualTo("fast");
  }

  /** A column whose name holds a dot (a CSV header such as user.comment) is that column, as the schema check found it. */
  @Test
  void aColumnNamedWithADotIsRead() {
    Dataset<Row> text = spark.sql("SELECT '扫描二维码' AS `user.comment`");
    assertThat(new FenciTokenizer().setInputCol("user.comment").setOutputCol("words").transform(text)
        .select("words").collectAsList().get(0).<String>getList(0)).isEqualTo(Segmenter.load().segment("扫描二维码"));
  }

  /** Spark Connect's ML finds the transformers it may run through this ServiceLoader file. */
  @Test
  void theStageIsListedForSparkConnect() {
    assertThat(java.util.ServiceLoader.load(org.apache.spark.ml.Transformer.class).stream()
        .map(java.util.ServiceLoader.Provider::type)).contains(FenciTokenizer.class);
  }

  @Test
  void mistakesAreNamed() throws Exception {
    Dataset<Row> text = spark.createDataset(List.of("你好"), Encoders.STRING()).toDF("text");
    assertThatThrownBy(() -> new FenciTokenizer().transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("setInputCol");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("body").transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column body").hasMessageContaining("text");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("n").transform(text.selectExpr("1 AS n")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column n is int");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setOutputCol("text").transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output column text already exists");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setOutputCol(null).transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the output column is null");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setModel(dir.resolve("none.safetensors").toString())
        .transform(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none.safetensors");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setDictionaries(dir.resolve("none.dict").toString())
        .transform(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such dictionary file")
        .hasMessageContaining("none.dict");
    // a cluster's file system is not read: the message says so
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setDictionaries("s3a://bucket/domain.dict").transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s3a://bucket/domain.dict")
        .hasMessageContaining("not a URI");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setModel("hdfs://nn/models/mine.safetensors").transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hdfs://nn/models/mine.safetensors")
        .hasMessageContaining("not a URI");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setDictionaries(dir.toString()).transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a directory");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setModel(null).transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the model is null");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setDictionaries((String) null).transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name is null");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setDictionaries("a\0b").transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a path");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setModel("a\0b").transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a path");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setDictionaries((String[]) null).transform(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the dictionaries are null");
    // names are case-insensitive by default in Spark SQL: Words would replace words
    Dataset<Row> withWords = text.selectExpr("text", "array('x') AS words");
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setOutputCol("Words").transform(withWords))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output column Words (as words");
    assertThat(new FenciTokenizer().setInputCol("TEXT").setOutputCol("w").transform(text).collectAsList().get(0)
        .<String>getList(1)).containsExactly("你好");
    Path bad = dir.resolve("bad.dict");
    Files.writeString(bad, "你好,10\n微信号,abc\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new FenciTokenizer().setInputCol("text").setDictionaries(bad.toString()).transform(text))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("bad.dict:2");
    // the checks run when a pipeline is fitted, before any data is read
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {new FenciTokenizer().setInputCol("body")});
    assertThatThrownBy(() -> pipeline.fit(text)).hasMessageContaining("no column body");
  }
}
