package dev.fenci.lucene;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import dev.fenci.Segmenter;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;

/**
 * Lucene's classic {@code QueryParser} with fenci's analyzer, as docs/lucene.md recommends it: a
 * Chinese query has no spaces, so by default its words are OR'd; the recipes that make them all
 * required, or a phrase.
 */
@ThreadLeakFilters(defaultFilters = true, filters = {FenciThreads.class})
public class QueryParserTest extends LuceneTestCase {
  private static final Segmenter SEG = Segmenter.load();
  private static final String[] DOCS = {"中华人民共和国成立了", "公司成立了", "成立了中华人民共和国"};

  private static Directory index(Analyzer a) throws IOException {
    return FenciSearchTest.index(a, DOCS);
  }


  public void testAnUnspacedQueryIsAnOrOfItsWordsByDefault() throws ParseException {
    try (Analyzer querying = new FenciAnalyzer(SEG)) {
      QueryParser parser = new QueryParser("body", querying);
      assertFalse(parser.getSplitOnWhitespace());
      assertEquals("body:中华人民共和国 body:成立", parser.parse("中华人民共和国成立").toString());
      // a phrase needs the text split on whitespace first
      expectThrows(IllegalArgumentException.class, () -> parser.setAutoGeneratePhraseQueries(true));
    }
  }

  public void testTheRecipes() throws ParseException {
    try (Analyzer querying = new FenciAnalyzer(SEG)) {
      QueryParser all = new QueryParser("body", querying);
      all.setDefaultOperator(QueryParser.Operator.AND);
      assertEquals("+body:中华人民共和国 +body:成立", all.parse("中华人民共和国成立").toString());

      QueryParser phrases = new QueryParser("body", querying);
      phrases.setSplitOnWhitespace(true);
      phrases.setAutoGeneratePhraseQueries(true);
      assertEquals("body:\"中华人民共和国 成立\"", phrases.parse("中华人民共和国成立").toString());
      // each space-separated piece is a clause of its own, joined by the default operator
      assertEquals("body:\"中华人民共和国 成立\" body:公司", phrases.parse("中华人民共和国成立 公司").toString());
      phrases.setDefaultOperator(QueryParser.Operator.AND);
      assertEquals("+body:\"中华人民共和国 成立\" +body:公司", phrases.parse("中华人民共和国成立 公司").toString());
    }
  }

  /** What each parser finds in an index with subwords: OR finds any word, AND all, a phrase them in order. */
  public void testWhatTheyFindInASubwordsIndex() throws IOException, ParseException {
    try (Analyzer indexing = new FenciAnalyzer(SEG, CharArraySet.EMPTY_SET, true);
        Analyzer querying = new FenciAnalyzer(SEG);
        Directory dir = index(indexing);
        IndexReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = newSearcher(r);
      QueryParser or = new QueryParser("body", querying);
      QueryParser and = new QueryParser("body", querying);
      and.setDefaultOperator(QueryParser.Operator.AND);
      QueryParser phrase = new QueryParser("body", querying);
      phrase.setSplitOnWhitespace(true);
      phrase.setAutoGeneratePhraseQueries(true);
      String q = "中华人民共和国成立";
      assertEquals(3, s.count(or.parse(q)));
      assertEquals(2, s.count(and.parse(q)));
      assertEquals(1, s.count(phrase.parse(q)));
      // a part of a word followed by the next word: a phrase, as docs/lucene.md says
      Query part = phrase.parse("共和国成立");
      assertEquals(part.toString(), 1, s.count(part));
    }
  }

  /** docs/lucene.md's "all" recipe with {@link FenciAnalyzer#forQueries}: every word required, the two words of a split or a join in order. */
  private static QueryParser allRecipe(Analyzer querying) {
    QueryParser all = new QueryParser("body", querying);
    all.setDefaultOperator(QueryParser.Operator.AND);
    all.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    return all;
  }

  /** The recipes with {@link FenciAnalyzer#forQueries}: a join is an alternative, AND and phrase alike. */
  public void testTheRecipesWithJoins() throws IOException, ParseException {
    String[] docs = {"小区新装了一批充电桩和路灯", "他给手机充电，木桩已拆除"};
    try (Analyzer indexing = new FenciAnalyzer(SEG, CharArraySet.EMPTY_SET, true);
        Analyzer querying = FenciAnalyzer.forQueries(SEG);
        Directory dir = FenciSearchTest.index(indexing, docs)) {
      try (IndexReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = newSearcher(r);
        QueryParser and = allRecipe(querying);
        QueryParser phrase = new QueryParser("body", querying);
        phrase.setSplitOnWhitespace(true);
        phrase.setAutoGeneratePhraseQueries(true);
        phrase.setDefaultOperator(QueryParser.Operator.AND);
        for (QueryParser p : new QueryParser[] {and, phrase}) {
          Query q = p.parse(QueryParser.escape("充电桩"));
          assertEquals(q.toString(), 1, s.count(q));
          Query two = p.parse(QueryParser.escape("充电桩 路灯"));
          assertEquals(two.toString(), 1, s.count(two));
        }
      }
    }
  }

  /**
   * A split's pieces are a path of two words: the AND recipe (every word required, in any order)
   * must still ask for them in order, else {@code iphone15} finds an iPhone 14 that mentions 15.
   */
  public void testTheAllRecipeWithSplitsAsksForThePiecesInOrder() throws IOException, ParseException {
    String[] docs = {"iPhone15 手机壳", "iphone 15 到货", "iPhone 14 支持15天无理由退货"};
    try (Analyzer indexing = new FenciAnalyzer(SEG, CharArraySet.EMPTY_SET, true);
        Analyzer querying = FenciAnalyzer.forQueries(SEG);
        Directory dir = FenciSearchTest.index(indexing, docs)) {
      try (IndexReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = newSearcher(r);
        QueryParser all = allRecipe(querying);
        for (String text : new String[] {"iphone15", "iphone 15"}) {
          Query q = all.parse(QueryParser.escape(text));
          assertEquals(q.toString(), 2, s.count(q));
        }
        // the phrase recipe asks for paths in order anyway
        QueryParser phrases = new QueryParser("body", querying);
        phrases.setSplitOnWhitespace(true);
        phrases.setAutoGeneratePhraseQueries(true);
        Query q = phrases.parse(QueryParser.escape("iphone15"));
        assertEquals(q.toString(), 2, s.count(q));
      }
    }
  }

  /**
   * The phrase recipe splits the query on whitespace before analysis, so words the user typed apart
   * are never joined there: {@code iphone 15} is {@code body:iphone body:15} and finds an iPhone 14
   * that mentions 15. The all recipe (which analyses the text whole) and a quoted query join them.
   */
  public void testTheQueryIsJoinedAcrossASpaceOnlyWhenAnalysedWhole() throws IOException, ParseException {
    String[] docs = {"iPhone15 手机壳", "iPhone 14 支持15天无理由退货"};
    try (Analyzer indexing = new FenciAnalyzer(SEG, CharArraySet.EMPTY_SET, true);
        Analyzer querying = FenciAnalyzer.forQueries(SEG);
        Directory dir = FenciSearchTest.index(indexing, docs);
        IndexReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = newSearcher(r);
      QueryParser phrases = new QueryParser("body", querying);
      phrases.setSplitOnWhitespace(true);
      phrases.setAutoGeneratePhraseQueries(true);
      Query apart = phrases.parse("iphone 15");
      assertEquals("body:iphone body:15", apart.toString());
      assertEquals(2, s.count(apart));
      for (Query q : new Query[] {phrases.parse("\"iphone 15\""), allRecipe(querying).parse("iphone 15")}) {
        assertEquals(q.toString(), 1, s.count(q));
      }
    }
  }
}
