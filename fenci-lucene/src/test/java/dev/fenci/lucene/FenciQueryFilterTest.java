package dev.fenci.lucene;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import dev.fenci.Segmenter;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.CannedTokenStream;
import org.apache.lucene.tests.analysis.MockTokenizer;
import org.apache.lucene.tests.analysis.Token;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.QueryBuilder;

/** {@link FenciQueryFilter} and {@link FenciAnalyzer#forQueries}: joins and splits of words as query alternatives. */
@ThreadLeakFilters(defaultFilters = true, filters = {FenciThreads.class})
public class FenciQueryFilterTest extends BaseTokenStreamTestCase {
  private static final Segmenter SEG = Segmenter.load();

  /** Words with their offsets, one position apart unless an increment says otherwise. */
  private static TokenStream words(Object... wordsAndIncrements) {
    List<Token> tokens = new java.util.ArrayList<>();
    int at = 0;
    for (int i = 0; i < wordsAndIncrements.length; i++) {
      int increment = 1;
      if (wordsAndIncrements[i] instanceof Integer inc) {
        increment = inc;
        i++;
      }
      String w = (String) wordsAndIncrements[i];
      Token t = new Token(w, at, at + w.length());
      t.setPositionIncrement(increment);
      tokens.add(t);
      at += w.length();
    }
    return new CannedTokenStream(0, at, tokens.toArray(new Token[0]));
  }

  public void testAWordAndASingleCharacterAreJoinedAsAnAlternative() throws IOException {
    assertTokenStreamContents(new FenciQueryFilter(words("健康", "码")), new String[] {"健康", "健康码", "码"},
        new int[] {0, 0, 2}, new int[] {2, 3, 3}, new String[] {"word", FenciQueryFilter.JOIN, "word"},
        new int[] {1, 0, 1}, new int[] {1, 2, 1}, 3);
    assertTokenStreamContents(new FenciQueryFilter(words("新", "冠")), new String[] {"新", "新冠", "冠"});
  }

  public void testJoinsDoNotOverlapAndStayShort() throws IOException {
    // 冠 ended a join: 冠苗 is not another, so the graph stays a chain of small alternatives
    assertTokenStreamContents(new FenciQueryFilter(words("新", "冠", "苗")), new String[] {"新", "新冠", "冠", "苗"});
    assertTokenStreamContents(new FenciQueryFilter(words("新", "冠", "疫", "苗")),
        new String[] {"新", "新冠", "冠", "疫", "疫苗", "苗"});
    // neither a single character (two words of two), nor four characters or fewer together
    assertTokenStreamContents(new FenciQueryFilter(words("健康", "码农")), new String[] {"健康", "码农"});
    assertTokenStreamContents(new FenciQueryFilter(words("中华人民共和国", "成立", "了")),
        new String[] {"中华人民共和国", "成立", "成立了", "了"});
    assertTokenStreamContents(new FenciQueryFilter(words("社会主义", "好")), new String[] {"社会主义", "好"});
  }

  public void testLettersAndDigitsAreJoinedAndSplit() throws IOException {
    assertTokenStreamContents(new FenciQueryFilter(words("iphone", "15", "pro")), new String[] {"iphone", "iphone15", "15", "pro"},
        null, null, new String[] {"word", FenciQueryFilter.JOIN, "word", "word"}, new int[] {1, 0, 1, 1}, new int[] {1, 2, 1, 1});
    assertTokenStreamContents(new FenciQueryFilter(words("16", "gb", "内存")), new String[] {"16", "16gb", "gb", "内存"});
    // a word of two runs: its pieces, the word spanning both (with its own offsets for all three)
    assertTokenStreamContents(new FenciQueryFilter(words("苹果", "iphone15", "壳")),
        new String[] {"苹果", "iphone", "iphone15", "15", "壳"}, new int[] {0, 2, 2, 2, 10}, new int[] {2, 10, 10, 10, 11},
        new String[] {"word", FenciQueryFilter.PIECE, "word", FenciQueryFilter.PIECE, "word"},
        new int[] {1, 1, 0, 1, 1}, new int[] {1, 1, 2, 1, 1}, 11);
    assertTokenStreamContents(new FenciQueryFilter(words("t恤")), new String[] {"t", "t恤", "恤"});
    assertTokenStreamContents(new FenciQueryFilter(words("索尼mp3")), new String[] {"索尼mp3"}); // three runs
    assertTokenStreamContents(new FenciQueryFilter(words("x86_64")), new String[] {"x86_64"}); // a mark
    assertTokenStreamContents(new FenciQueryFilter(words("mp3", "播放器")), new String[] {"mp", "mp3", "3", "播放器"});
  }

  /**
   * A word with tokens at its position after it (the parts of a subwords tokenizer, synonyms) is not
   * split: its pieces would have moved those tokens to the position of its second piece.
   */
  public void testAWordWithPartsIsNotSplit() throws IOException {
    assertTokenStreamContents(new FenciQueryFilter(words("iphone15", 0, "iphone", 0, "15", "壳")),
        new String[] {"iphone15", "iphone", "15", "壳"}, null, null, null, new int[] {1, 0, 0, 1}, new int[] {1, 1, 1, 1});
    assertTokenStreamContents(new FenciQueryFilter(words("iphone15", "壳")), new String[] {"iphone", "iphone15", "15", "壳"},
        null, null, null, new int[] {1, 0, 1, 1}, new int[] {1, 2, 1, 1});
    try (Analyzer a = CustomAnalyzer.builder().withTokenizer("fenci", "subwords", "true").addTokenFilter("lowercase")
        .addTokenFilter("fenciQuery").build()) {
      assertAnalyzesTo(a, "iphone15壳", new String[] {"iphone15", "iphone", "15", "壳"}, null, null, null,
          new int[] {1, 0, 0, 1}, new int[] {1, 1, 1, 1});
      checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER, 20, false, true);
    }
  }

  /**
   * A multi-word synonym of an earlier filter spans the words it replaces: a word inside it is not
   * split (one more position would end the synonym at the word's second piece), the words after it
   * are.
   */
  public void testAWordASynonymSpansIsNotSplit() throws IOException {
    SynonymMap.Builder rules = new SynonymMap.Builder(true);
    rules.add(SynonymMap.Builder.join(new String[] {"手机", "iphone15"}, new CharsRefBuilder()), new CharsRef("phone"), true);
    SynonymMap synonyms = rules.build();
    assertGraphStrings(new FenciQueryFilter(new SynonymGraphFilter(words("手机", "iphone15", "壳", "mp3"), synonyms, true)),
        "手机 iphone15 壳 mp3", "手机 iphone15 壳 mp 3", "phone 壳 mp3", "phone 壳 mp 3");
    // the synonym itself, over two positions, is not split either; a word inside it still joins the next
    rules = new SynonymMap.Builder(true);
    rules.add(SynonymMap.Builder.join(new String[] {"苹果", "手机"}, new CharsRefBuilder()), new CharsRef("iphone15"), true);
    synonyms = rules.build();
    assertGraphStrings(new FenciQueryFilter(new SynonymGraphFilter(words("苹果", "手机", "壳"), synonyms, true)),
        "苹果 手机 壳", "iphone15 壳", "苹果 手机壳");
  }

  public void testOnlyWordsOfKindsThatMeetAreJoined() throws IOException {
    assertTokenStreamContents(new FenciQueryFilter(words("iphone", "壳")), new String[] {"iphone", "壳"});
    assertTokenStreamContents(new FenciQueryFilter(words("16", "岁")), new String[] {"16", "岁"});
    assertTokenStreamContents(new FenciQueryFilter(words("windows", "server")), new String[] {"windows", "server"});
    // a stop word removed between them (a position left empty), or a part at the word's position
    assertTokenStreamContents(new FenciQueryFilter(words("我", 2, "书")), new String[] {"我", "书"});
    assertTokenStreamContents(new FenciQueryFilter(words("共和国", 0, "共和", "好")), new String[] {"共和国", "共和", "好"});
    assertTokenStreamContents(new FenciQueryFilter(words()), new String[0]);
    assertTokenStreamContents(new FenciQueryFilter(words("码")), new String[] {"码"});
  }

  public void testTheQueryAnalyzerJoinsFoldedTermsAfterDroppingStopWords() throws IOException {
    try (Analyzer a = FenciAnalyzer.forQueries(SEG)) {
      assertAnalyzesTo(a, "充电桩", new String[] {"充电", "充电桩", "桩"}, new int[] {0, 0, 2}, new int[] {2, 3, 3},
          null, new int[] {1, 0, 1}, new int[] {1, 2, 1});
      assertAnalyzesTo(a, "充電樁", new String[] {"充电", "充电桩", "桩"}); // folded, then joined
    }
    try (Analyzer a = FenciAnalyzer.forQueries(SEG, new CharArraySet(List.of("的"), false))) {
      assertAnalyzesTo(a, "我的书", new String[] {"我", "书"});
    }
  }

  public void testRandomQueries() throws IOException {
    try (Analyzer a = FenciAnalyzer.forQueries(SEG)) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER, 20);
      // queries of mixed words, numbers and Chinese, where joins and splits meet
      String[] bits = {"iPhone", "15", "t恤", "健康", "码", "充电", "桩", "16GB", "内存", "新", "冠", " ", "ｉＰｈｏｎｅ１５", "的"};
      for (int i = 0; i < 200 * RANDOM_MULTIPLIER; i++) {
        StringBuilder q = new StringBuilder();
        for (int k = random().nextInt(8); k >= 0; k--) {
          q.append(bits[random().nextInt(bits.length)]);
        }
        checkAnalysisConsistency(random(), a, random().nextBoolean(), q.toString(), true);
      }
    }
  }

  /**
   * The held word is emitted after its input has returned false: the input is not asked again
   * (MockTokenizer checks the TokenStream contract), whatever the text and its graph.
   */
  public void testTheInputIsNotReadAfterItsEnd() throws IOException {
    try (Analyzer a = new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            Tokenizer words = new MockTokenizer(MockTokenizer.WHITESPACE, false);
            return new TokenStreamComponents(words, new FenciQueryFilter(words));
          }
        }) {
      assertAnalyzesTo(a, "健康 码", new String[] {"健康", "健康码", "码"});
      assertAnalyzesTo(a, "iphone 15 t恤", new String[] {"iphone", "iphone15", "15", "t", "t恤", "恤"});
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER, 20, false, true);
    }
  }

  /**
   * A phrase query asks for every path of the graph, 2 to the power of its alternatives ({@code
   * QueryBuilder.analyzeGraphPhrase}, a quoted query, the phrase recipe): a pasted sentence of 38
   * words had 19 and threw TooManyClauses; a query has at most {@value FenciQueryFilter#MOST}.
   */
  public void testAPhraseOfALongQueryStaysWithinTheClauseLimit() throws IOException {
    String sentence = "我在这里等你回来吃饭好吗我们去看看那本书吧他说不要";
    try (Analyzer a = FenciAnalyzer.forQueries(SEG)) {
      Query one = new QueryBuilder(a).createPhraseQuery("body", sentence);
      assertEquals(1 << 8, ((BooleanQuery) one).clauses().size()); // its 9 alternatives, the first 8
      Query q = new QueryBuilder(a).createPhraseQuery("body", sentence + sentence);
      assertEquals(1 << FenciQueryFilter.MOST, ((BooleanQuery) q).clauses().size());
      StringBuilder chars = new StringBuilder();
      for (int i = 0; i < 500; i++) {
        chars.append(i % 2 == 0 ? "码 " : "健 ");
      }
      assertEquals(1 << FenciQueryFilter.MOST,
          ((BooleanQuery) new QueryBuilder(a).createPhraseQuery("body", chars.toString())).clauses().size());
    }
  }

  /**
   * The audit's case (it was 健康码, which the model before this one split alone): a document joins
   * 充电桩 in its sentence, the query alone is 充电 桩.
   */
  public void testAQuerySegmentedApartFindsTheWordItsDocumentJoined() throws IOException {
    String[] docs = {"小区新装了一批充电桩和路灯。", "他给手机充电，木桩已拆除。"};
    try (Analyzer plain = new FenciAnalyzer(SEG);
        Analyzer queries = FenciAnalyzer.forQueries(SEG);
        Analyzer indexing = new FenciAnalyzer(SEG, CharArraySet.EMPTY_SET, true);
        Directory dir = FenciSearchTest.index(indexing, docs)) {
      try (IndexReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = newSearcher(r);
        assertEquals("the case needs 充电桩 segmented apart alone", List.of("充电", "桩"), SEG.segment("充电桩"));
        assertEquals("and joined in the document", List.of("小区", "新", "装", "了", "一", "批", "充电桩", "和", "路灯", "。"),
            SEG.segment(docs[0]));
        Query without = new QueryBuilder(plain).createPhraseQuery("body", "充电桩");
        Query with = new QueryBuilder(queries).createPhraseQuery("body", "充电桩");
        assertEquals(0, s.count(without));
        assertEquals(1, s.count(with));
        assertEquals(docs[0], s.storedFields().document(s.search(with, 1).scoreDocs[0].doc).get("body"));
        // whole-word queries are unchanged
        assertEquals(1, s.count(new QueryBuilder(queries).createPhraseQuery("body", "路灯")));
      }
    }
  }
}
