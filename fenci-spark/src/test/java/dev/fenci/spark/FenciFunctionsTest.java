package dev.fenci.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.Segmenter;
import dev.fenci.Token;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

/** The functions in a local Spark session with two executor threads (tasks serialize the functions as on a cluster). */
class FenciFunctionsTest {
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("fenci-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final List<String> TEXTS = List.of("😀😀扫描二维码，关注微信号。", "扫描二维码，关注微信号。", "在2001年新年钟声即将敲响， iPhone 15 Pro降价55.6亿元。",
      "中共中央总书记江泽民发表新年讲话\n第二行", "", "   ");

  private static Dataset<Row> texts() {
    List<String> withNull = new ArrayList<>(TEXTS);
    withNull.add(null);
    return spark.createDataset(withNull, Encoders.STRING()).toDF("text").repartition(2);
  }

  private static List<String> words(Segmenter seg, String text) {
    return seg.segment(text).stream().filter(w -> !w.isBlank()).toList();
  }

  @Test
  void segmentGivesTheWordsWithoutWhitespaceAndNullForNull() throws Exception {
    FenciFunctions.register(spark);
    Segmenter seg = Segmenter.load();
    List<Row> rows = texts().selectExpr("text", "fenci_segment(text) AS words").collectAsList();
    assertThat(rows).hasSize(TEXTS.size() + 1);
    for (Row r : rows) {
      String text = r.getString(0);
      if (text == null) {
        assertThat(r.isNullAt(1)).isTrue();
      } else {
        assertThat(r.<String>getList(1)).as(text).isEqualTo(words(seg, text));
      }
    }
    // from SQL, with explode
    List<Row> counted = spark.sql("SELECT word, count(*) AS n FROM (SELECT explode(fenci_segment('新年新年讲话')) AS word)"
        + " GROUP BY word ORDER BY word").collectAsList();
    assertThat(counted.toString()).isEqualTo(spark.createDataset(words(seg, "新年新年讲话"), Encoders.STRING())
        .toDF("word").groupBy("word").count().orderBy("word").collectAsList().toString());
  }

  @Test
  void tokenizeGivesOffsets() throws Exception {
    FenciFunctions.register(spark, "fast");
    Segmenter seg = Segmenter.load("fast");
    for (Row r : texts().selectExpr("text", "fenci_tokenize(text) AS tokens").collectAsList()) {
      String text = r.getString(0);
      if (text == null) {
        assertThat(r.isNullAt(1)).isTrue();
        continue;
      }
      List<String> got = r.<Row>getList(1).stream()
          .map(t -> t.getString(0) + "@" + t.getInt(1) + "-" + t.getInt(2)).toList();
      List<String> expected = seg.tokenize(text).stream().filter(t -> !t.isSpace())
          .map(t -> t.word() + "@" + text.codePointCount(0, t.start()) + "-" + text.codePointCount(0, t.end())).toList();
      assertThat(got).as(text).isEqualTo(expected);
    }
  }

  /** A model file and a dictionary, read on the driver and broadcast: the executors need neither file. */
  @Test
  void aModelFileAndADictionaryReachTheExecutors() throws Exception {
    Path model = LocalSpark.seedModelFile(dir);
    Path dict = dir.resolve("my.dict");
    Files.writeString(dict, "扫描二维,inf\n", StandardCharsets.UTF_8);
    FenciFunctions.register(spark, model.toString(), dict);
    SegmenterSource.forgetAll(); // the tasks, in this JVM, must build the segmenter from the broadcasts
    LocalSpark.dropBroadcastValues(); // and deserialize them
    Files.delete(model);
    Files.delete(dict);
    List<Row> rows = spark.createDataset(List.of("扫描二维码", "中共中央总书记"), Encoders.STRING()).toDF("text")
        .repartition(2).selectExpr("text", "fenci_segment(text)").collectAsList();
    Segmenter seed = Segmenter.load("seed");
    for (Row r : rows) {
      List<String> expected = r.getString(0).equals("扫描二维码") ? List.of("扫描二维", "码") : words(seed, r.getString(0));
      assertThat(r.<String>getList(1)).isEqualTo(expected);
    }
  }

  /** The parts of each word, for an index: the dictionary's words count, and a null word gives null. */
  @Test
  void subwordsGiveThePartsOfAWord() throws Exception {
    Path dict = dir.resolve("parts.dict");
    Files.writeString(dict, "人民共和国,1\n华人,0.5\n", StandardCharsets.UTF_8);
    FenciFunctions.register(spark, "accurate", dict);
    List<Row> rows = spark.sql("SELECT w, fenci_subwords(w) FROM (SELECT explode(fenci_segment('中华人民共和国成立了')) AS w)"
        + " UNION ALL SELECT NULL, fenci_subwords(NULL)").collectAsList();
    assertThat(rows.get(0).getString(0)).isEqualTo("中华人民共和国");
    assertThat(rows.get(0).<String>getList(1)).contains("中华", "人民", "共和国", "人民共和国").doesNotContain("华人");
    assertThat(rows.get(1).<String>getList(1)).isEmpty(); // 成立: two characters, no parts
    assertThat(rows.get(rows.size() - 1).isNullAt(1)).isTrue();
    FenciFunctions.register(spark); // the default registration again, for the other tests
  }

  /** Offsets count as Spark's substring does: each word is substring(text, start + 1, end - start). */
  @Test
  void offsetsAreSparksCharacters() throws Exception {
    FenciFunctions.register(spark);
    List<Row> rows = spark.sql("SELECT t.word, substring(s, t.start + 1, t.end - t.start) FROM"
        + " (SELECT '😀😀扫描二维码，关注微信号。𠀀中文' AS s) LATERAL VIEW explode(fenci_tokenize(s)) x AS t").collectAsList();
    assertThat(rows).isNotEmpty();
    for (Row r : rows) {
      assertThat(r.getString(1)).isEqualTo(r.getString(0));
    }
    // bytes that are not UTF-8 (a truncated 中 before A): Spark counts E4 B8 41 as one character, Java's
    // decoding gives U+FFFD and A; make_valid_utf8 gives Spark the text the function sees
    List<Row> repaired = spark.sql("SELECT t.word, substring(s, t.start + 1, t.end - t.start) FROM"
        + " (SELECT make_valid_utf8(CAST(X'E4B841E4B8ADE69687' AS STRING)) AS s) LATERAL VIEW explode(fenci_tokenize(s)) x AS t")
        .collectAsList();
    assertThat(repaired.stream().map(r -> r.getString(0)).toList()).contains("中文");
    for (Row r : repaired) {
      assertThat(r.getString(1)).isEqualTo(r.getString(0));
    }
  }

  /** docs/spark.md's examples as written, but for the files' paths. */
  @Test
  void theDocsExamplesRun() throws Exception {
    Path model = LocalSpark.seedModelFile(dir);
    Path dict = dir.resolve("my.dict");
    Files.writeString(dict, "关注微信号,inf\n", StandardCharsets.UTF_8);
    Dataset<Row> posts = spark.createDataFrame(List.of(RowFactory.create(1, "扫描二维码，关注微信号。"),
        RowFactory.create(2, "关注微信号，扫描二维码。")), new StructType().add("id", DataTypes.IntegerType).add("body", DataTypes.StringType));
    posts.createOrReplaceTempView("posts");

    FenciFunctions.register(spark);                                   // the default model (accurate)
    FenciFunctions.register(spark, "fast");                           // a preset
    assertThat(spark.sql("SELECT fenci_segment('扫描二维码，关注微信号。') AS words").collectAsList().get(0).<String>getList(0))
        .isEqualTo(words(Segmenter.load("fast"), "扫描二维码，关注微信号。"));
    FenciFunctions.register(spark, model.toString(), dict);   // a model file, dictionaries

    Dataset<Row> words = posts.selectExpr("id", "explode(fenci_segment(body)) AS word");
    List<String> first = words.where("id = 1").collectAsList().stream().map(r -> r.getString(1)).toList();
    assertThat(String.join("", first)).isEqualTo("扫描二维码，关注微信号。");
    assertThat(first).contains("关注微信号"); // the dictionary's word
    List<Row> top = spark.sql("SELECT word, count(*) AS n FROM posts LATERAL VIEW explode(fenci_segment(body)) t AS word "
        + "GROUP BY word ORDER BY n DESC LIMIT 100").collectAsList();
    assertThat(top.get(0).getLong(1)).isEqualTo(2);
    assertThat(top.stream().map(r -> r.getString(0))).contains("关注微信号");
    FenciFunctions.register(spark); // the default registration again, for the other tests
  }

  /** Spark's Kryo serializer broadcasts the model file and the dictionary too. */
  @Test
  void kryoSendsTheModelAndTheDictionary() throws Exception {
    spark.stop();
    try {
      spark = LocalSpark.startWithKryo("fenci-kryo");
      Path dict = dir.resolve("kryo.dict");
      Files.writeString(dict, "扫描二维,inf\n", StandardCharsets.UTF_8);
      FenciFunctions.register(spark, "fast", dict);
      SegmenterSource.forgetAll(); // the task must read the broadcast entries
      LocalSpark.dropBroadcastValues(); // with Kryo
      // repartitioned: a projection of the rows themselves would be evaluated on the driver, without a task
      assertThat(spark.createDataset(List.of("扫描二维码"), Encoders.STRING()).toDF("text").repartition(2)
          .selectExpr("fenci_segment(text)").collectAsList().get(0).<String>getList(0)).isEqualTo(List.of("扫描二维", "码"));
    } finally {
      spark.stop();
      start();
    }
  }

  /** A new session of the same JVM with another dictionary gets its own words (broadcast ids start again). */
  @Test
  void aNewContextGetsItsOwnDictionary() throws Exception {
    Path d1 = dir.resolve("one.dict");
    Files.writeString(d1, "扫描二维,inf\n", StandardCharsets.UTF_8);
    FenciFunctions.register(spark, "fast", d1);
    assertThat(spark.sql("SELECT fenci_segment('扫描二维码')").collectAsList().get(0).<String>getList(0))
        .isEqualTo(List.of("扫描二维", "码"));
    spark.stop();
    start();
    Path d2 = dir.resolve("two.dict");
    Files.writeString(d2, "描二,inf\n", StandardCharsets.UTF_8);
    FenciFunctions.register(spark, "fast", d2);
    assertThat(spark.sql("SELECT fenci_segment('扫描二维码')").collectAsList().get(0).<String>getList(0))
        .contains("描二");
  }

  @Test
  void aMissingModelOrABadDictionaryIsNamed() throws Exception {
    assertThatThrownBy(() -> FenciFunctions.register(spark, dir.resolve("none.safetensors").toString()))
        .hasMessageContaining("none.safetensors");
    Path bad = dir.resolve("bad.dict");
    Files.writeString(bad, "你好,10\n微信号,abc\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FenciFunctions.register(spark, "seed", bad)).hasMessageContaining("bad.dict:2");
    assertThatThrownBy(() -> FenciFunctions.register(spark, "seed", dir.resolve("none.dict")))
        .hasMessageContaining("none.dict").hasMessageContaining("no such dictionary file");
    assertThatThrownBy(() -> FenciFunctions.register(spark, "hdfs://nn/models/mine.safetensors"))
        .hasMessageContaining("hdfs://nn/models/mine.safetensors").hasMessageContaining("not a URI");
    assertThatThrownBy(() -> FenciFunctions.register(spark, "seed", Path.of("s3a://bucket/domain.dict")))
        .hasMessageContaining("domain.dict").hasMessageContaining("not a URI");
  }

  /** An argument of another type than string is named with the cast to write, not a ClassCastException from inside. */
  @Test
  void anArgumentThatIsNoStringSaysToCastIt() throws Exception {
    FenciFunctions.register(spark, "seed");
    assertThatThrownBy(() -> spark.sql("SELECT fenci_segment(42)").collectAsList())
        .satisfies(e -> assertThat(causes(e)).contains("fenci_segment takes a string, not a value of type integer: write "
            + "fenci_segment(CAST(column AS STRING))").doesNotContain("ClassCastException"));
    assertThatThrownBy(() -> spark.sql("SELECT fenci_tokenize(X'E4BDA0')").collectAsList())
        .satisfies(e -> assertThat(causes(e)).contains("fenci_tokenize takes a string, not a value of type binary"));
    assertThat(spark.sql("SELECT fenci_segment(CAST(42 AS STRING))").collectAsList().get(0).<String>getList(0))
        .containsExactly("42");
  }

  private static String causes(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append('\n');
    }
    return b.toString();
  }
}
