package dev.fenci.opensearch;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.opensearch.Version;
import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.analysis.AnalysisMode;
import org.opensearch.index.analysis.AnalysisTestsHelper;
import org.opensearch.test.OpenSearchTestCase;
import org.opensearch.test.OpenSearchTokenStreamTestCase;

/** The plugin's analysis components as an index's settings configure them. */
@ThreadLeakFilters(defaultFilters = true, filters = {FenciThreads.class})
public class FenciAnalysisTest extends OpenSearchTokenStreamTestCase {
  private Path home;

  private OpenSearchTestCase.TestAnalysis analysis(Settings.Builder analysisSettings) throws IOException {
    Settings settings = Settings.builder()
        .put(Environment.PATH_HOME_SETTING.getKey(), home)
        .put(IndexMetadata.SETTING_VERSION_CREATED, Version.CURRENT)
        .put(analysisSettings.build())
        .build();
    return AnalysisTestsHelper.createTestAnalysisFromSettings(settings, new FenciPlugin());
  }

  @Override
  public void setUp() throws Exception {
    super.setUp();
    home = createTempDir();
    Files.createDirectories(home.resolve("config"));
  }

  public void testTheAnalyzersByName() throws IOException {
    OpenSearchTestCase.TestAnalysis a = analysis(Settings.builder()
        .put("index.analysis.analyzer.words.type", "fenci")
        .put("index.analysis.analyzer.parts.type", "fenci_index"));
    Analyzer words = a.indexAnalyzers.get("words");
    Analyzer parts = a.indexAnalyzers.get("parts");
    assertAnalyzesTo(words, "中华人民共和国成立了。ＩＰＨＯＮＥ", new String[] {"中华人民共和国", "成立", "了", "iphone"});
    assertAnalyzesTo(parts, "社会主义", new String[] {"社会主义", "社会", "主义"}, new int[] {0, 0, 0},
        new int[] {4, 4, 4}, new int[] {1, 0, 0});
  }

  /** fenci_search: the words of a query and, as alternatives, the joins of adjacent words. */
  public void testTheSearchAnalyzerJoinsAdjacentWords() throws IOException {
    OpenSearchTestCase.TestAnalysis a = analysis(Settings.builder()
        .put("index.analysis.analyzer.q.type", "fenci_search"));
    assertAnalyzesTo(a.indexAnalyzers.get("q"), "充电桩", new String[] {"充电", "充电桩", "桩"}, new int[] {0, 0, 2},
        new int[] {2, 3, 3}, null, new int[] {1, 0, 1}, new int[] {1, 2, 1});
    for (boolean subwords : new boolean[] {true, false}) { // not a setting of it, whatever its value
      Exception e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
          .put("index.analysis.analyzer.x.type", "fenci_search").put("index.analysis.analyzer.x.subwords", subwords)));
      assertTrue(e.getMessage(), e.getMessage().contains("[subwords] is not a setting of the fenci_search analyzer [x]"));
    }
  }

  /**
   * A custom analyzer built from the plugin's parts does what the fenci analyzers do: width folded
   * before segmenting (fenci_width), terms folded (fenci_fold), and for queries the joins and splits
   * (fenci_query, search time only).
   */
  public void testCustomAnalyzersFromThePluginsParts() throws IOException {
    OpenSearchTestCase.TestAnalysis a = analysis(Settings.builder()
        .put("index.analysis.analyzer.plain.type", "custom")
        .put("index.analysis.analyzer.plain.tokenizer", "fenci")
        .put("index.analysis.analyzer.folded.type", "custom")
        .putList("index.analysis.analyzer.folded.char_filter", "fenci_width")
        .put("index.analysis.analyzer.folded.tokenizer", "fenci")
        .putList("index.analysis.analyzer.folded.filter", "fenci_fold")
        .put("index.analysis.analyzer.query.type", "custom")
        .put("index.analysis.analyzer.query.tokenizer", "fenci")
        .putList("index.analysis.analyzer.query.filter", "fenci_query"));
    // without the char filter the text is segmented as written, full width (docs/opensearch.md's example)
    assertAnalyzesTo(a.indexAnalyzers.get("plain"), "ｘ８６＿６４架构", new String[] {"ｘ", "８６", "６４", "架构"});
    assertAnalyzesTo(a.indexAnalyzers.get("folded"), "ｘ８６＿６４架构", new String[] {"x86_64", "架构"});
    assertAnalyzesTo(a.indexAnalyzers.get("folded"), "１６ＧＢ内存", new String[] {"16GB", "内存"}, new int[] {0, 4},
        new int[] {4, 6});
    assertAnalyzesTo(a.indexAnalyzers.get("folded"), "臺灣的馬克‧吐溫", new String[] {"台湾", "的", "马克·吐温"});
    assertAnalyzesTo(a.indexAnalyzers.get("query"), "充电桩", new String[] {"充电", "充电桩", "桩"});
    a.indexAnalyzers.get("query").checkAllowedInMode(AnalysisMode.SEARCH_TIME);
    Exception e = expectThrows(RuntimeException.class, // a MapperException: a mapping naming it as its analyzer fails
        () -> a.indexAnalyzers.get("query").checkAllowedInMode(AnalysisMode.INDEX_TIME));
    assertTrue(e.getMessage(), e.getMessage().contains("fenci_query"));
    a.indexAnalyzers.get("folded").checkAllowedInMode(AnalysisMode.INDEX_TIME);
    e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
        .put("index.analysis.filter.f.type", "fenci_fold").put("index.analysis.filter.f.model", "fast")));
    assertTrue(e.getMessage(), e.getMessage().contains("unknown settings of the fenci_fold token filter [f]: [model] (it takes none)"));
  }

  public void testTheTokenizerWithADictionaryFromTheConfigurationFolder() throws IOException {
    Files.write(home.resolve("config").resolve("my.dict"), "二维码,10\n".getBytes(StandardCharsets.UTF_8));
    OpenSearchTestCase.TestAnalysis a = analysis(Settings.builder()
        .put("index.analysis.tokenizer.mine.type", "fenci")
        .put("index.analysis.tokenizer.mine.model", "fast")
        .put("index.analysis.tokenizer.mine.dictionary", "my.dict")
        .put("index.analysis.tokenizer.mine.keep_punctuation", true)
        .put("index.analysis.analyzer.custom_zh.tokenizer", "mine"));
    Tokenizer t = a.tokenizer.get("mine").create();
    t.setReader(new java.io.StringReader("扫描二维码。"));
    assertTokenStreamContents(t, new String[] {"扫描", "二维码", "。"});
    assertAnalyzesTo(a.indexAnalyzers.get("custom_zh"), "扫描二维码。", new String[] {"扫描", "二维码", "。"});
  }

  public void testStopWords() throws IOException {
    OpenSearchTestCase.TestAnalysis a = analysis(Settings.builder()
        .put("index.analysis.analyzer.s.type", "fenci")
        .putList("index.analysis.analyzer.s.stopwords", "的", "了"));
    assertAnalyzesTo(a.indexAnalyzers.get("s"), "我的书到了", new String[] {"我", "书", "到"});
  }

  public void testMistakesAreNamed() {
    Exception e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
        .put("index.analysis.analyzer.x.type", "fenci").put("index.analysis.analyzer.x.keepPunctuation", true)));
    assertTrue(e.getMessage(), e.getMessage().contains("unknown settings of the fenci analyzer [x]: [keepPunctuation]"));
    e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
        .put("index.analysis.tokenizer.t.type", "fenci").put("index.analysis.tokenizer.t.stopwords", "的")));
    assertTrue(e.getMessage(), e.getMessage().contains("unknown settings of the fenci tokenizer [t]: [stopwords]"));
    e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
        .put("index.analysis.char_filter.w.type", "fenci_width").put("index.analysis.char_filter.w.model", "fast")));
    assertTrue(e.getMessage(), e.getMessage().contains("unknown settings of the fenci_width char filter [w]: [model] (it takes none)"));
    e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
        .put("index.analysis.tokenizer.x.type", "fenci").put("index.analysis.tokenizer.x.subwords", "yes")));
    assertTrue(e.getMessage(), e.getMessage().contains("[subwords] of [x] is true or false, not [yes]"));
    e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
        .put("index.analysis.tokenizer.x.type", "fenci").put("index.analysis.tokenizer.x.model", "acurate")));
    assertTrue(e.getMessage(), e.getMessage().contains("'acurate' is neither a preset (") && e.getMessage().contains("accurate,"));
    e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
        .put("index.analysis.tokenizer.x.type", "fenci").put("index.analysis.tokenizer.x.dictionary", "none.dict")));
    assertTrue(e.getMessage(), e.getMessage().contains("[dictionary] of [x]: 'none.dict' is not a file"));
  }

  /** A mistake in a file the settings name is the user's: an IllegalArgumentException (a 400), naming the file. */
  public void testMistakesInFilesAreNamed() throws IOException {
    Path config = home.resolve("config");
    Files.write(config.resolve("bad.dict"), "好词,2\n坏词,abc\n".getBytes(StandardCharsets.UTF_8));
    Exception e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
        .put("index.analysis.tokenizer.x.type", "fenci").put("index.analysis.tokenizer.x.dictionary", "bad.dict")));
    assertTrue(e.getMessage(), e.getMessage().contains("[dictionary] of [x]") && e.getMessage().contains("bad.dict:2"));
    Files.write(config.resolve("not-a-model.bin"), "hello".getBytes(StandardCharsets.UTF_8));
    e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
        .put("index.analysis.tokenizer.x.type", "fenci").put("index.analysis.tokenizer.x.model", "not-a-model.bin")));
    assertTrue(e.getMessage(), e.getMessage().contains("[model] of [x]") && e.getMessage().contains("not-a-model.bin"));
    for (String outside : new String[] {"../outside.dict", home.getParent().resolve("x.dict").toString()}) {
      e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
          .put("index.analysis.tokenizer.x.type", "fenci").put("index.analysis.tokenizer.x.dictionary", outside)));
      assertTrue(e.getMessage(), e.getMessage().contains("outside the configuration folder"));
    }
  }

  /**
   * A dictionary line read otherwise than it was likely meant ('iPhone 15': the word iPhone at 15)
   * is read as the command line reads it, and said in the node's log: System.err, where fenci's
   * command line says it, is not the log, and a node started as a daemon closes it.
   */
  public void testDictionaryWarningsGoToTheLog() throws Exception {
    Files.write(home.resolve("config").resolve("w.dict"), "二维码,10\niPhone 15\n".getBytes(StandardCharsets.UTF_8));
    org.apache.logging.log4j.Logger log = org.apache.logging.log4j.LogManager.getLogger(FenciSettings.class);
    java.util.List<String> warned = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (org.opensearch.test.MockLogAppender appender = org.opensearch.test.MockLogAppender.createForLoggers(log)) {
      appender.addExpectation(new org.opensearch.test.MockLogAppender.LoggingExpectation() {
        @Override
        public void match(org.apache.logging.log4j.core.LogEvent event) {
          if (event.getLevel() == org.apache.logging.log4j.Level.WARN && event.getLoggerName().equals(log.getName())) {
            warned.add(event.getMessage().getFormattedMessage());
          }
        }

        @Override
        public void assertMatched() {}
      });
      OpenSearchTestCase.TestAnalysis a = analysis(Settings.builder()
          .put("index.analysis.analyzer.x.type", "fenci").put("index.analysis.analyzer.x.dictionary", "w.dict"));
      assertAnalyzesTo(a.indexAnalyzers.get("x"), "扫描二维码", new String[] {"扫描", "二维码"});
    }
    assertEquals(warned.toString(), 1, warned.size());
    assertTrue(warned.get(0), warned.get(0).startsWith("[dictionary] of [x]: ")
        && warned.get(0).contains("w.dict:2: 'iPhone 15' is read as the word 'iPhone' with multiplier 15; write 'iPhone 15,10'"));
  }

  public void testSettingsAreMatchedExactly() throws IOException {
    Files.write(home.resolve("config").resolve("my.dict"), "二维码,10\n".getBytes(StandardCharsets.UTF_8));
    // a nested key is not the setting it starts with
    Exception e = expectThrows(IllegalArgumentException.class, () -> analysis(Settings.builder()
        .put("index.analysis.tokenizer.x.type", "fenci").put("index.analysis.tokenizer.x.dictionary.path", "my.dict")));
    assertTrue(e.getMessage(), e.getMessage().contains("[dictionary.path]"));
    assertFalse(e.getMessage(), e.getMessage().contains("type"));
    // a file name with a comma is one name, not two
    Files.write(home.resolve("config").resolve("a,b.dict"), "二维码,10\n".getBytes(StandardCharsets.UTF_8));
    OpenSearchTestCase.TestAnalysis a = analysis(Settings.builder()
        .put("index.analysis.tokenizer.c.type", "fenci").put("index.analysis.tokenizer.c.dictionary", "a,b.dict")
        .put("index.analysis.tokenizer.l.type", "fenci").putList("index.analysis.tokenizer.l.dictionary", "my.dict", "a,b.dict")
        .put("index.analysis.analyzer.s.type", "fenci").putList("index.analysis.analyzer.s.stopwords", "二维码")
        .put("index.analysis.analyzer.s.stopwords_case", true));
    for (String name : new String[] {"c", "l"}) {
      Tokenizer t = a.tokenizer.get(name).create();
      t.setReader(new java.io.StringReader("扫描二维码"));
      assertTokenStreamContents(t, new String[] {"扫描", "二维码"});
    }
  }

  public void testAModelFileFromTheConfigurationFolder() throws Exception {
    Path file = home.resolve("config").resolve("fast.safetensors");
    dev.fenci.Segmenter fast = dev.fenci.Segmenter.load("fast");
    fast.model().save(file);
    OpenSearchTestCase.TestAnalysis a = analysis(Settings.builder()
        .put("index.analysis.tokenizer.one.type", "fenci").put("index.analysis.tokenizer.one.model", "fast.safetensors")
        .put("index.analysis.tokenizer.two.type", "fenci").put("index.analysis.tokenizer.two.model", "fast.safetensors"));
    Tokenizer t = a.tokenizer.get("one").create();
    t.setReader(new java.io.StringReader("在2001年新年钟声即将敲响，扫描二维码"));
    assertTokenStreamContents(t, fast.segment("在2001年新年钟声即将敲响扫描二维码").toArray(new String[0]));
  }
}
