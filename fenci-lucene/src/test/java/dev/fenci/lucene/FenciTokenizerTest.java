package dev.fenci.lucene;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import dev.fenci.Segmenter;
import dev.fenci.Token;
import dev.fenci.dict.UserDictionary;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.util.BytesRef;

/** The tokenizer and the analyzer under Lucene's own checks for analysis components. */
@ThreadLeakFilters(defaultFilters = true, filters = {FenciThreads.class})
public class FenciTokenizerTest extends BaseTokenStreamTestCase {
  private static final Segmenter SEG = Segmenter.load();
  private static final Segmenter FAST = loadFast();

  private static Segmenter loadFast() {
    try {
      return Segmenter.load("fast");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Analyzer tokenizerOnly(Segmenter seg, boolean keepPunctuation) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        return new TokenStreamComponents(new FenciTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, seg, keepPunctuation));
      }
    };
  }

  /** The tokens the segmenter's words should give: no whitespace, punctuation only when kept. */
  private static void assertTokensAreTheWords(Analyzer a, Segmenter seg, String text, boolean keepPunctuation)
      throws IOException {
    List<String> words = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (Token t : seg.tokenize(text)) {
      boolean punctuation = t.isPunctuation();
      if (t.isSpace() || FenciTokenizer.isInvisible(t.word()) || (punctuation && !keepPunctuation)) {
        continue;
      }
      words.add(FenciTokenizer.searchable(t.word()));
      starts.add(t.start());
      ends.add(t.end());
      types.add(punctuation ? FenciTokenizer.PUNCTUATION : FenciTokenizer.WORD);
    }
    assertAnalyzesTo(a, text, words.toArray(new String[0]),
        starts.stream().mapToInt(i -> i).toArray(), ends.stream().mapToInt(i -> i).toArray(),
        types.toArray(new String[0]), null);
  }

  /** The terms {@code a} gives for {@code text}, in order. */
  private static List<String> terms(Analyzer a, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    }
    return terms;
  }

  private static final String[] TEXTS = {
    "扫描二维码，关注微信号。",
    "在2001年新年钟声即将敲响，iPhone 15 Pro降价55.6亿元。",
    "#双十一# ChatGPT和DeepSeek都用上了，COVID-19以后👍🏻\r\n第二行　“引号”（括号）……",
    "", "   ", "，。", "\n\n中文\n",
  };

  public void testTokensAreTheSegmentersWordsAtTheirOffsets() throws IOException {
    for (boolean keep : new boolean[] {false, true}) {
      try (Analyzer a = tokenizerOnly(SEG, keep)) {
        for (String text : TEXTS) {
          assertTokensAreTheWords(a, SEG, text, keep);
        }
      }
    }
  }

  public void testADictionaryReachesTheTokens() throws IOException {
    UserDictionary dict = UserDictionary.empty();
    for (String w : new String[] {"扫描", "二维码", "关注", "微信号"}) {
      dict.add(w, 10);
    }
    try (Analyzer a = tokenizerOnly(SEG.withDictionary(dict), false)) {
      assertAnalyzesTo(a, "扫描二维码，关注微信号。", new String[] {"扫描", "二维码", "关注", "微信号"},
          new int[] {0, 2, 6, 8}, new int[] {2, 5, 8, 11});
    }
  }

  /** Control and format characters, unpaired surrogates and U+FFFD are never terms. */
  public void testInvisibleWordsAreNotTokens() throws IOException {
    try (Analyzer keep = tokenizerOnly(SEG, true)) {
      for (String junk : new String[] {"\u0000", "\u0007\u0008", "\u00AD", "\u200D", "\uFFFD", "\uD800", "\uDC00"}) {
        String text = "你好" + junk + "世界";
        List<String> words = new ArrayList<>(SEG.segment(text));
        words.removeIf(FenciTokenizer::isInvisible);
        words.replaceAll(FenciTokenizer::searchable);
        assertFalse(junk, String.join("", words).contains(junk));
        assertAnalyzesTo(keep, text, words.toArray(new String[0]));
      }
    }
    assertFalse(FenciTokenizer.isInvisible("a\u200D"));
    assertFalse(FenciTokenizer.isInvisible("👍🏻"));
  }

  /**
   * Invisible characters inside or beside a word are not part of its term (a soft hyphen, a
   * zero-width joiner, NUL, U+FFFD), so a query for the word finds it; the offsets span the word
   * as written, and an emoji sequence keeps its joiners.
   */
  public void testInvisibleCharactersAreNotPartOfATerm() throws IOException {
    assertEquals("二维码", FenciTokenizer.searchable("二维码\u00AD"));
    assertEquals("微信号", FenciTokenizer.searchable("微\u200D信号"));
    assertEquals("微信", FenciTokenizer.searchable("\u0000微信\uFFFD"));
    assertEquals("中文", FenciTokenizer.searchable("中\uD800文"));
    assertEquals("\uD840\uDC00好", FenciTokenizer.searchable("\uD840\uDC00\u00AD好")); // a pair before it stays whole
    String family = "👨\u200D👩\u200D👧";
    assertEquals(family, FenciTokenizer.searchable(family));
    String england = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";
    assertEquals(england, FenciTokenizer.searchable(england));
    String word = "扫描二维码";
    assertSame(word, FenciTokenizer.searchable(word));
    try (Analyzer drop = tokenizerOnly(SEG, false)) {
      for (String text : new String[] {"扫描二维码\u00AD，关注微信号。", "扫描二维码，关注微\u200D信号。", family + "好"}) {
        assertTokensAreTheWords(drop, SEG, text, false);
        for (String t : terms(drop, text)) {
          assertFalse(t, t.contains("\u00AD") || (t.contains("\u200D") && !t.equals(family)));
        }
      }
    }
  }

  /**
   * Code points Java 17's Unicode 13 leaves unassigned (an Extension H ideograph, U+31350; the
   * emoji 🫠, U+1FAE0) are ordinary characters: kept alone and next to Han, so the terms do not
   * depend on the JVM's Unicode version.
   */
  public void testCodePointsUnassignedOnThisJvmAreTerms() throws IOException {
    String extH = new String(Character.toChars(0x31350));
    String melting = new String(Character.toChars(0x1FAE0));
    for (String newer : new String[] {extH, melting, extH + extH, extH + melting}) {
      assertFalse(newer, FenciTokenizer.isInvisible(newer));
    }
    try (Analyzer drop = tokenizerOnly(SEG, false); Analyzer keep = tokenizerOnly(SEG, true)) {
      for (String newer : new String[] {extH, melting}) {
        assertAnalyzesTo(drop, newer, new String[] {newer}, new int[] {0}, new int[] {2});
        for (String text : new String[] {"你好" + newer + "世界", newer + "中国", "中国" + newer, "我" + newer + "了"}) {
          for (Analyzer a : new Analyzer[] {drop, keep}) {
            assertTokensAreTheWords(a, SEG, text, a == keep);
          }
          assertEquals(text, text, String.join("", terms(drop, text))); // nothing dropped
        }
      }
    }
  }

  public void testPunctuationIsKeptOnlyWhenAskedFor() throws IOException {
    try (Analyzer drop = tokenizerOnly(SEG, false); Analyzer keep = tokenizerOnly(SEG, true)) {
      assertAnalyzesTo(drop, "，。“”……", new String[0]);
      assertAnalyzesTo(keep, "你好。", new String[] {"你好", "。"}, new int[] {0, 2}, new int[] {2, 3},
          new String[] {FenciTokenizer.WORD, FenciTokenizer.PUNCTUATION}, null);
      // an emoticon of punctuation marks alone is a word, kept as ^_^ is
      assertAnalyzesTo(drop, "晕-_-，好:)", new String[] {"晕", "-_-", "好", ":)"}, new int[] {0, 1, 5, 6},
          new int[] {1, 4, 6, 8}, new String[] {FenciTokenizer.WORD, FenciTokenizer.WORD, FenciTokenizer.WORD,
              FenciTokenizer.WORD}, null);
      // an HTML character reference for whitespace or punctuation is punctuation, one for a symbol a word
      assertAnalyzesTo(drop, "你好&nbsp;&quot;世界&lt;", new String[] {"你好", "世界", "&lt;"}, new int[] {0, 14, 16},
          new int[] {2, 16, 20}, new String[] {FenciTokenizer.WORD, FenciTokenizer.WORD, FenciTokenizer.WORD}, null);
      assertAnalyzesTo(keep, "好&nbsp;", new String[] {"好", "&nbsp;"}, new int[] {0, 1}, new int[] {1, 7},
          new String[] {FenciTokenizer.WORD, FenciTokenizer.PUNCTUATION}, null);
    }
  }

  /** A line far longer than the tokenizer's block (about 16,000 characters) keeps the words of the whole line. */
  public void testALongLineGivesTheWordsOfTheWholeLine() throws IOException {
    StringBuilder b = new StringBuilder();
    String[] pieces = {"中共中央总书记江泽民发表新年讲话", "iPhone 15 Pro", "２００１年", "扫描二维码关注微信号"};
    while (b.length() < 50_000) {
      b.append(pieces[random().nextInt(pieces.length)]);
    }
    try (Analyzer a = tokenizerOnly(FAST, false)) {
      assertTokensAreTheWords(a, FAST, b.toString(), false);
    }
  }

  public void testTheAnalyzerFoldsWidthAndCaseInTermsAndQueries() throws IOException {
    try (Analyzer a = new FenciAnalyzer(SEG)) {
      assertAnalyzesTo(a, "ｉＰｈｏｎｅ", new String[] {"iphone"}, new int[] {0}, new int[] {6});
      assertEquals(new BytesRef("iphone手机"), a.normalize("body", "ｉＰｈｏｎｅ手机"));
    }
  }

  /**
   * Width is folded before segmenting: full-width letters and digits are segmented as their ASCII
   * twins are (１６ＧＢ as 16GB, not as 16 G B), with the offsets of the text as written.
   */
  public void testFullWidthTextIsSegmentedAsItsAsciiTwin() throws IOException {
    try (Analyzer a = new FenciAnalyzer(SEG)) {
      for (String ascii : new String[] {"16GB内存", "IPHONE15手机壳", "USB3.0接口", "x86_64架构"}) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
        List<String> terms = terms(a, ascii);
        assertEquals(wide.toString(), terms, terms(a, wide.toString()));
      }
      assertAnalyzesTo(a, "１６ＧＢ内存", new String[] {"16gb", "内存"}, new int[] {0, 4}, new int[] {4, 6});
    }
  }

  /** The forms users type without a word's separators, which subwords add as parts. */
  public void testJoinedFormsOfWordsWithSeparators() {
    String[][] cases = {
      {"马克·吐温", "马克吐温"}, {"马克‧吐溫", "马克吐溫"}, {"type-c", "typec"}, {"CET-4", "CET4"}, {"COVID-19", "COVID19"},
      {"138-0013-8000", "13800138000"}, {"2,388", "2388"}, {"1,000,000", "1000000"}, {"¥2,388", "¥2388"},
      {"type\u2010c", "typec"}, {"Wi\u2011Fi", "WiFi"}, {"138\u20110013\u20118000", "13800138000"},
    };
    for (String[] c : cases) {
      assertEquals(c[0], c[1], FenciTokenizer.joined(c[0]));
    }
    for (String none : new String[] {"3.14", "10:30", "x86_64", "1,23", "12,3456", "U·S", "a-", "-a", "中-国", "iPhone", "a-b".substring(0, 1)}) {
      assertNull(none, FenciTokenizer.joined(none));
    }
    // a range of numbers is no number: 1-2周 is not 12周, 第1-3名 not 第13名; a phone number has 7 digits or more
    assertEquals("01012345678", FenciTokenizer.joined("010-12345678"));
    for (String range : new String[] {"1-2", "3-5", "10-20", "第1-3", "100-200", "1-2-3", "1\u20102"}) {
      assertNull(range, FenciTokenizer.joined(range));
    }
  }

  public void testStopWordsAreDropped() throws IOException {
    String text = "我的书和你的笔";
    List<String> words = new ArrayList<>(SEG.segment(text));
    assertTrue("the test needs 的 as a word: " + words, words.contains("的"));
    words.removeIf("的"::equals);
    try (Analyzer a = new FenciAnalyzer(SEG, new CharArraySet(List.of("的"), false))) {
      assertAnalyzesTo(a, text, words.toArray(new String[0]));
    }
  }

  /** A stop word written in traditional characters is dropped too: the stop filter sees folded terms. */
  public void testTraditionalStopWordsAreDroppedAfterFolding() throws IOException {
    try (Analyzer a = new FenciAnalyzer(SEG, new CharArraySet(List.of("我們", "這"), false))) {
      assertAnalyzesTo(a, "這是我們的書", new String[] {"是", "的", "书"});
    }
  }

  /** Offsets point into the text before a char filter changed it. */
  public void testOffsetsAreThoseOfTheOriginalText() throws IOException {
    String html = "<p>扫描<b>二维码</b>，关注微信号。</p>";
    try (Analyzer a = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        return new TokenStreamComponents(new FenciTokenizer(SEG));
      }

      @Override
      protected Reader initReader(String field, Reader reader) {
        return new HTMLStripCharFilter(reader);
      }
    }; TokenStream ts = a.tokenStream("body", html)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int n = 0;
      while (ts.incrementToken()) {
        String original = html.substring(offset.startOffset(), offset.endOffset()).replaceAll("<[^>]*>", "");
        assertEquals(term.toString(), original);
        n++;
      }
      ts.end();
      assertEquals(html.length(), offset.endOffset());
      assertTrue(n >= 3);
    }
  }

  public void testRandomText() throws IOException {
    try (Analyzer a = new FenciAnalyzer(FAST); Analyzer k = tokenizerOnly(FAST, true)) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
      checkRandomData(random(), k, 200 * RANDOM_MULTIPLIER);
    }
  }

  public void testRandomLongText() throws IOException {
    try (Analyzer a = new FenciAnalyzer(SEG)) {
      checkRandomData(random(), a, 5 * RANDOM_MULTIPLIER, 8192);
    }
  }

  private static Analyzer withSubwords(Segmenter seg) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        return new TokenStreamComponents(new FenciTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, seg, false, true));
      }
    };
  }

  /** Each word, then its parts at its position, as the segmenter's tokenizeForSearch gives them. */
  public void testSubwordsFollowTheirWordAtItsPosition() throws IOException {
    try (Analyzer a = withSubwords(SEG)) {
      for (String text : new String[] {"中华人民共和国成立了。", "北京大学生物系的研究生，社会主义现代化", TEXTS[1], TEXTS[2], ""}) {
        List<String> words = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Integer> increments = new ArrayList<>();
        for (Token word : SEG.tokenize(text)) {
          if (word.isSpace() || FenciTokenizer.isInvisible(word.word()) || word.isPunctuation()) {
            continue;
          }
          List<Token> parts = new ArrayList<>();
          parts.add(word);
          if (word.word().length() >= 3) { // the parts of tokenizeForSearch, then the forms without separators
            parts.addAll(FenciTokenizer.joinedForms(word.word(), SEG.subwords(word.word())));
          }
          for (int k = 0; k < parts.size(); k++) {
            words.add(FenciTokenizer.searchable(parts.get(k).word()));
            starts.add(word.start()); // a part has its word's offsets
            ends.add(word.end());
            types.add(k > 0 ? FenciTokenizer.SUBWORD : FenciTokenizer.WORD);
            increments.add(k > 0 ? 0 : 1);
          }
        }
        assertAnalyzesTo(a, text, words.toArray(new String[0]), starts.stream().mapToInt(i -> i).toArray(),
            ends.stream().mapToInt(i -> i).toArray(), types.toArray(new String[0]),
            increments.stream().mapToInt(i -> i).toArray());
      }
      assertAnalyzesTo(a, "中华人民共和国", new String[] {"中华人民共和国", "中华", "华人", "人民", "共和", "共和国"},
          new int[] {0, 0, 0, 0, 0, 0}, new int[] {7, 7, 7, 7, 7, 7}, new int[] {1, 0, 0, 0, 0, 0});
    }
  }

  public void testRandomTextWithSubwords() throws IOException {
    try (Analyzer a = new FenciAnalyzer(FAST, CharArraySet.EMPTY_SET, true)) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
      checkRandomData(random(), a, 3 * RANDOM_MULTIPLIER, 8192);
    }
  }

  public void testATokenizerWithoutAReaderSaysSo() throws IOException {
    Tokenizer t = new FenciTokenizer(SEG);
    expectThrows(IllegalStateException.class, t::incrementToken);
    t.reset();
    expectThrows(IllegalStateException.class, t::incrementToken);
  }
}
