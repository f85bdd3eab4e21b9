package dev.fenci.lucene;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamFactoryTestCase;
import org.apache.lucene.util.ClasspathResourceLoader;

/** The factory by its SPI name, its parameters and its errors. */
@ThreadLeakFilters(defaultFilters = true, filters = {FenciThreads.class})
public class FenciTokenizerFactoryTest extends BaseTokenStreamFactoryTestCase {
  public void testItIsFoundByName() {
    assertTrue(TokenizerFactory.availableTokenizers().contains("fenci"));
    assertEquals(FenciTokenizerFactory.class, TokenizerFactory.lookupClass("fenci"));
  }

  public void testADictionaryAndAPresetFromTheParameters() throws Exception {
    Tokenizer t = tokenizerFactory("fenci", "model", "fast", "dictionary", "user.dict").create();
    t.setReader(new StringReader("扫描二维码，关注微信号。"));
    assertTokenStreamContents(t, new String[] {"扫描", "二维码", "关注", "微信号"},
        new int[] {0, 2, 6, 8}, new int[] {2, 5, 8, 11});
  }

  public void testPunctuationWhenAskedFor() throws Exception {
    Tokenizer t = tokenizerFactory("fenci", "keepPunctuation", "true", "dictionary", "user.dict").create();
    t.setReader(new StringReader("扫描二维码。"));
    assertTokenStreamContents(t, new String[] {"扫描", "二维码", "。"},
        null, null, new String[] {FenciTokenizer.WORD, FenciTokenizer.WORD, FenciTokenizer.PUNCTUATION}, null);
  }

  public void testACustomAnalyzerByName() throws Exception {
    try (Analyzer a = CustomAnalyzer.builder(new ClasspathResourceLoader(getClass()))
        .withTokenizer("fenci", "dictionary", "user.dict")
        .addTokenFilter("cjkwidth").addTokenFilter("lowercase").build()) {
      assertAnalyzesTo(a, "扫描二维码ＡＢＣ", new String[] {"扫描", "二维码", "abc"});
    }
    try (Analyzer a = CustomAnalyzer.builder(new ClasspathResourceLoader(getClass()))
        .addCharFilter("cjkwidth").withTokenizer("fenci")
        .addTokenFilter("cjkwidth").addTokenFilter("lowercase").addTokenFilter("fenciFold").build()) {
      assertAnalyzesTo(a, "臺灣的大學", new String[] {"台湾", "的", "大学"});
      // docs/lucene.md's recipe is FenciAnalyzer by name: width folded before segmenting (１６ＧＢ as 16GB)
      assertAnalyzesTo(a, "１６ＧＢ内存", new String[] {"16gb", "内存"});
      try (Analyzer same = new FenciAnalyzer()) {
        String text = "ＩＰＨＯＮＥ１５手机壳，臺灣的馬克‧吐溫";
        assertAnalyzesTo(a, text, terms(same, text));
      }
      assertEquals("马克·吐温", a.normalize("f", "馬克‧吐溫").utf8ToString());
    }
    expectThrows(IllegalArgumentException.class, () -> tokenFilterFactory("fenciFold", "x", "1"));
    // a query analyzer by name: FenciAnalyzer.forQueries
    try (Analyzer q = CustomAnalyzer.builder(new ClasspathResourceLoader(getClass()))
        .addCharFilter("cjkwidth").withTokenizer("fenci")
        .addTokenFilter("cjkwidth").addTokenFilter("lowercase").addTokenFilter("fenciFold").addTokenFilter("fenciQuery").build();
        Analyzer same = FenciAnalyzer.forQueries(dev.fenci.Segmenter.load())) {
      assertAnalyzesTo(q, "充电桩", new String[] {"充电", "充电桩", "桩"}, null, null, null, new int[] {1, 0, 1}, new int[] {1, 2, 1});
      assertAnalyzesTo(q, "小区里的充電樁", terms(same, "小区里的充電樁"));
    }
    expectThrows(IllegalArgumentException.class, () -> tokenFilterFactory("fenciQuery", "x", "1"));
  }

  /** A model that is not a preset is a file opened through the resource loader (here the seed preset's file). */
  public void testAModelFileThroughTheResourceLoader() throws Exception {
    String text = "扫描二维码，关注微信号。中共中央总书记江泽民发表新年讲话";
    Tokenizer t = tokenizerFactory("fenci", org.apache.lucene.util.Version.LATEST,
        new ClasspathResourceLoader(FenciTokenizer.class.getClassLoader()),
        "model", "dev/fenci/models/seed.safetensors").create();
    t.setReader(new StringReader(text));
    java.util.List<String> expected = dev.fenci.Segmenter.load("seed").segment(text).stream()
        .filter(w -> !dev.fenci.text.Chunker.isPunctuationWord(w)).toList();
    assertTokenStreamContents(t, expected.toArray(new String[0]));
  }

  /** Factories naming the same model file share one copy of it, with or without a dictionary. */
  public void testFactoriesOfOneModelFileShareIt() throws Exception {
    ClasspathResourceLoader loader = new ClasspathResourceLoader(FenciTokenizer.class.getClassLoader());
    FenciTokenizerFactory a = (FenciTokenizerFactory) tokenizerFactory("fenci", org.apache.lucene.util.Version.LATEST,
        loader, "model", "dev/fenci/models/seed.safetensors");
    FenciTokenizerFactory b = (FenciTokenizerFactory) tokenizerFactory("fenci", org.apache.lucene.util.Version.LATEST,
        loader, "model", "dev/fenci/models/seed.safetensors", "subwords", "true");
    FenciTokenizerFactory c = (FenciTokenizerFactory) tokenizerFactory("fenci", org.apache.lucene.util.Version.LATEST,
        new ClasspathResourceLoader(getClass()), "model", "/dev/fenci/models/seed.safetensors", "dictionary", "user.dict");
    assertSame(a.segmenter().model(), b.segmenter().model());
    assertSame(a.segmenter().model(), c.segmenter().model());
    FenciTokenizerFactory fast = (FenciTokenizerFactory) tokenizerFactory("fenci", org.apache.lucene.util.Version.LATEST,
        loader, "model", "dev/fenci/models/fast.safetensors");
    assertNotSame(a.segmenter().model(), fast.segmenter().model());
  }

  public void testUnknownParametersAreRefusedByName() {
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
        () -> tokenizerFactory("fenci", "modle", "fast"));
    assertTrue(e.getMessage(), e.getMessage().contains("modle"));
  }

  public void testAMissingModelOrDictionaryIsNamed() {
    Exception e = expectThrows(Exception.class, () -> tokenizerFactory("fenci", "model", "acurate"));
    assertTrue(e.getMessage(), e.getMessage().contains("'acurate' is neither a preset (") && e.getMessage().contains("accurate,"));
    e = expectThrows(Exception.class, () -> tokenizerFactory("fenci", "model", "fast "));
    assertTrue(e.getMessage(), e.getMessage().contains("space around it"));
    e = expectThrows(Exception.class, () -> tokenizerFactory("fenci", "dictionary", "no-such.dict"));
    assertTrue(e.getMessage(), e.getMessage().contains("dictionary 'no-such.dict' cannot be read"));
  }

  public void testADictionaryNotInUtf8IsNamedWithItsByte() {
    Exception e = expectThrows(Exception.class, () -> tokenizerFactory("fenci", "dictionary", "latin1.dict"));
    assertTrue(e.getMessage(), e.getMessage().contains("latin1.dict") && e.getMessage().contains("invalid UTF-8"));
  }

  public void testEmptyOrMalformedParametersAreRefused() {
    for (String[] kv : new String[][] {{"model", ""}, {"model", " "}, {"dictionary", ""}, {"dictionary", " , "},
        {"keepPunctuation", "yes"}, {"subwords", "1"}}) {
      IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> tokenizerFactory("fenci", kv));
      assertTrue(e.getMessage(), e.getMessage().contains(kv[0]));
    }
  }

  public void testSubwordsAreAddedWhenAskedFor() throws Exception {
    Tokenizer t = tokenizerFactory("fenci", "subwords", "true").create();
    t.setReader(new StringReader("社会主义"));
    assertTokenStreamContents(t, new String[] {"社会主义", "社会", "主义"}, new int[] {0, 0, 0}, new int[] {4, 4, 4},
        new String[] {FenciTokenizer.WORD, FenciTokenizer.SUBWORD, FenciTokenizer.SUBWORD}, new int[] {1, 0, 0});
    t = tokenizerFactory("fenci", "subwords", "false").create();
    t.setReader(new StringReader("社会主义"));
    assertTokenStreamContents(t, new String[] {"社会主义"});
  }

  /** Dictionary names are separated by commas, with or without spaces. */
  public void testDictionaryNamesAroundCommas() throws Exception {
    Tokenizer t = tokenizerFactory("fenci", "dictionary", "user.dict , user.dict").create();
    t.setReader(new StringReader("扫描二维码"));
    assertTokenStreamContents(t, new String[] {"扫描", "二维码"});
  }

  public void testAMalformedDictionaryNamesItsLine() {
    Exception e = expectThrows(Exception.class, () -> tokenizerFactory("fenci", "dictionary", "bad.dict"));
    assertTrue(e.getMessage(), e.getMessage().contains("bad.dict:2"));
  }

  public void testCreateBeforeInformSaysWhatIsMissing() {
    Map<String, String> args = new HashMap<>();
    FenciTokenizerFactory f = new FenciTokenizerFactory(args);
    IllegalStateException e = expectThrows(IllegalStateException.class, f::create);
    assertTrue(e.getMessage(), e.getMessage().contains("inform"));
  }

  private static String[] terms(Analyzer a, String text) throws java.io.IOException {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (org.apache.lucene.analysis.TokenStream ts = a.tokenStream("f", text)) {
      org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out.toArray(new String[0]);
  }
}
