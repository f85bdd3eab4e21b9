package dev.fenci.lucene;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import dev.fenci.Segmenter;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.index.RandomIndexWriter;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.apache.lucene.util.QueryBuilder;

/** Indexing and searching with the analyzer: what a user of a search engine sees. */
@ThreadLeakFilters(defaultFilters = true, filters = {FenciThreads.class})
public class FenciSearchTest extends LuceneTestCase {
  private static final String[] DOCS = {
    "扫描二维码，关注微信号。",
    "中共中央总书记江泽民发表新年讲话",
    "苹果的新款手机：ｉＰｈｏｎｅ。",
    "他在北京大学读书",
  };

  private static int hits(IndexSearcher s, Query q) throws IOException {
    return s.count(q);
  }

  /** An index of {@code docs} (field {@code body}, stored) made with {@code a}: the tests of this package share it. */
  static Directory index(Analyzer a, String... docs) throws IOException {
    Directory dir = newDirectory();
    try (RandomIndexWriter w = new RandomIndexWriter(random(), dir, newIndexWriterConfig(a))) {
      for (String text : docs) {
        Document d = new Document();
        d.add(new TextField("body", text, Field.Store.YES));
        w.addDocument(d);
      }
    }
    return dir;
  }

  /** An index with subwords finds a word by its parts; queries parsed without them stay precise. */
  public void testSubwordsFindAWordByItsParts() throws IOException {
    Segmenter seg = Segmenter.load();
    String[] docs = {"中华人民共和国成立了", "社会主义现代化建设", "他们是华人"};
    try (Analyzer plain = new FenciAnalyzer(seg);
        Analyzer indexing = new FenciAnalyzer(seg, CharArraySet.EMPTY_SET, true);
        Directory words = index(plain, docs);
        Directory withParts = index(indexing, docs);
        IndexReader r1 = DirectoryReader.open(words);
        IndexReader r2 = DirectoryReader.open(withParts)) {
      IndexSearcher s1 = newSearcher(r1);
      IndexSearcher s2 = newSearcher(r2);
      QueryBuilder queries = new QueryBuilder(plain); // queries analysed without parts
      for (String q : new String[] {"共和国", "社会", "现代"}) {
        assertEquals(q, 0, hits(s1, queries.createPhraseQuery("body", q)));
        assertEquals(q, 1, hits(s2, queries.createPhraseQuery("body", q)));
      }
      // the whole word and phrases of whole words are found as before
      assertEquals(1, hits(s2, queries.createPhraseQuery("body", "中华人民共和国")));
      assertEquals(1, hits(s2, queries.createPhraseQuery("body", "社会主义现代化建设")));
      // a part ending a word, then the next word: consecutive positions, so the phrase matches
      assertEquals(1, hits(s2, new PhraseQuery("body", "共和国", "成立")));
      // every part is at its word's position, so any part followed by the next word matches too
      assertEquals(1, hits(s2, new PhraseQuery("body", "华人", "成立")));
      // the price: 华人 inside 中华人民 matches too
      assertEquals(2, hits(s2, queries.createPhraseQuery("body", "华人")));
      // two parts of one word share its position: no exact phrase of them, but with a slop of 1 (one move,
      // for the shared position) they match, in either order
      assertEquals(0, hits(s2, new PhraseQuery("body", "人民", "共和国")));
      assertEquals(1, hits(s2, new PhraseQuery(1, "body", "人民", "共和国")));
      assertEquals(1, hits(s2, new PhraseQuery(1, "body", "共和国", "人民")));
    }
  }

  /**
   * Product codes, mixed words, paths and addresses are found by their pieces with subwords, and
   * full-width text by an ASCII query (width is folded before segmenting): the cases of the
   * thirty-third session's search audit.
   */
  public void testPiecesOfMixedWordsPathsAndAddressesAreFound() throws IOException {
    Segmenter seg = Segmenter.load();
    String[] docs = {
      "索尼MP3播放器 运动型 防水 16GB",
      "编译时请指定架构x86_64，否则会失败。",
      "修改C:\\Windows\\System32\\drivers\\etc\\hosts文件后重启",
      "详情请访问https://www.example.com/help。",
      "马克·吐温的小说",
      "ＩＰＨＯＮＥ１５手机壳",
      "支持Type-C快充，客服电话138-0013-8000，到手价¥2,388",
      "要求熟悉C++/Java/Python，了解ASP.NET/C#或Node.js/Vue.js",
    };
    try (Analyzer plain = new FenciAnalyzer(seg);
        Analyzer indexing = new FenciAnalyzer(seg, CharArraySet.EMPTY_SET, true);
        Directory dir = index(indexing, docs);
        IndexReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = newSearcher(r);
      QueryBuilder queries = new QueryBuilder(plain);
      String[][] expected = {
        {"MP3", "0"}, {"mp3", "0"}, {"１６ＧＢ", "0"}, {"x86", "1"}, {"x86_64", "1"}, {"hosts", "2"}, {"Windows", "2"},
        {"example.com", "3"}, {"吐温", "4"}, {"马克·吐温", "4"}, {"iPhone", "5"}, {"iphone15", "5"},
        {"typec", "6"}, {"Type-C", "6"}, {"13800138000", "6"}, {"2388", "6"},
        {"C++", "7"}, {"Python", "7"}, {"c#", "7"}, {"ASP.NET", "7"}, {"Vue.js", "7"},
      };
      for (String[] q : expected) {
        Query query = queries.createPhraseQuery("body", q[0]);
        assertNotNull(q[0], query);
        assertEquals(q[0], 1, hits(s, query)); // (TotalHits.value is a method in Lucene 10: count, as Lucene10IT runs this)
        org.apache.lucene.search.ScoreDoc[] top = s.search(query, 10).scoreDocs;
        assertEquals(q[0], docs[Integer.parseInt(q[1])], s.storedFields().document(top[0].doc).get("body"));
      }
      // the name without its dot, as users type it: the index holds 马克吐温 as a part of 马克·吐温, but
      // the default model segments the query alone 马克 吐温, two parts of one position, which a phrase
      // does not match and the AND of the words (the "all" recipe of docs/lucene.md) does
      assertEquals(java.util.List.of("马克", "吐温"), seg.segment("马克吐温"));
      assertEquals(0, hits(s, queries.createPhraseQuery("body", "马克吐温")));
      assertEquals(1, hits(s, queries.createBooleanQuery("body", "马克吐温", org.apache.lucene.search.BooleanClause.Occur.MUST)));
      assertEquals(1, hits(s, new TermQuery(new Term("body", "马克吐温"))));
      // a piece and the word after it are consecutive, as a known part is: hosts 文件
      assertEquals(1, hits(s, new PhraseQuery("body", "hosts", "文件")));
    }
  }

  /** Traditional and simplified terms meet, and so do the middle dots of names; offsets stay the text's. */
  public void testTraditionalAndSimplifiedFormsAndMiddleDotsAreOneTerm() throws IOException {
    String[] docs = {"臺灣的二維碼支付", "馬克‧吐溫是作家", "乾隆年间"};
    try (Analyzer a = new FenciAnalyzer(Segmenter.load());
        Directory dir = index(a, docs);
        IndexReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = newSearcher(r);
      QueryBuilder queries = new QueryBuilder(a);
      for (String q : new String[] {"台湾", "臺灣", "马克·吐温", "马克・吐温", "馬克‧吐溫", "乾隆"}) {
        assertEquals(q, 1, hits(s, queries.createPhraseQuery("body", q)));
      }
      // 乾 is a character simplified text writes too: 干隆 is another string
      assertEquals(0, hits(s, queries.createPhraseQuery("body", "干隆")));
      org.apache.lucene.tests.analysis.BaseTokenStreamTestCase.assertTokenStreamContents(a.tokenStream("body", "臺灣的"), new String[] {"台湾", "的"}, new int[] {0, 2},
          new int[] {2, 3});
    }
  }

  /**
   * Unicode's hyphen and non-breaking hyphen, which the model reads as ASCII's, make one term with
   * it: a query typed with ASCII's finds a typeset text, and the other way round.
   */
  public void testUnicodeHyphensAndTheAsciiHyphenAreOneTerm() throws IOException {
    String[] docs = {"支持type\u2010c接口", "连上Wi\u2011Fi了", "COVID-19疫情"};
    try (Analyzer a = new FenciAnalyzer(Segmenter.load());
        Directory dir = index(a, docs);
        IndexReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = newSearcher(r);
      QueryBuilder queries = new QueryBuilder(a);
      for (String q : new String[] {"type-c", "type\u2010c", "Wi-Fi", "wi\u2011fi", "COVID\u201019"}) {
        assertEquals(q, 1, hits(s, queries.createPhraseQuery("body", q)));
      }
      assertEquals("type-c", a.normalize("body", "Type\u2011C").utf8ToString());
    }
  }

  public void testWordsAreFoundAndCharactersInsideThemAreNot() throws IOException {
    try (Analyzer a = new FenciAnalyzer(Segmenter.load());
        Directory dir = newDirectory()) {
      try (RandomIndexWriter w = new RandomIndexWriter(random(), dir, newIndexWriterConfig(a))) {
        for (String text : DOCS) {
          Document d = new Document();
          d.add(new TextField("body", text, Field.Store.YES));
          w.addDocument(d);
        }
      }
      try (IndexReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = newSearcher(r);
        assertEquals(1, hits(s, new TermQuery(new Term("body", "扫描"))));
        assertEquals(1, hits(s, new TermQuery(new Term("body", "新年"))));
        // a query's words are the analyzer's terms: full-width and upper case fold like the index
        assertEquals(1, hits(s, new TermQuery(new Term("body", a.normalize("body", "IPHONE").utf8ToString()))));
        // 京大 is inside 北京大学, not a word: a character n-gram index would find it, a word index does not
        assertEquals(0, hits(s, new TermQuery(new Term("body", "京大"))));
        assertEquals(0, hits(s, new TermQuery(new Term("body", "，"))));
        PhraseQuery phrase = new PhraseQuery("body", "发表", "新年", "讲话");
        assertEquals(1, hits(s, phrase));
      }
    }
  }

  /**
   * A word longer than Lucene's longest term (32,766 bytes of UTF-8: more than 10,922 characters of
   * Thai, kana, Hangul or Chinese, which the segmenter may keep as one word) is left out: IndexWriter
   * refuses a whole document that holds such a term, and nobody searches for it.
   */
  public void testAWordLongerThanLucenesLongestTermDoesNotFailTheDocument() throws IOException {
    String[] docs = {"泰文：" + "ก".repeat(12_000) + "。后面还有内容", "日文" + "ア".repeat(12_000) + "，内容"};
    for (boolean subwords : new boolean[] {false, true}) {
      try (Analyzer a = new FenciAnalyzer(Segmenter.load(), CharArraySet.EMPTY_SET, subwords);
          Directory dir = index(a, docs);
          IndexReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = newSearcher(r);
        assertEquals(2, hits(s, new TermQuery(new Term("body", "内容"))));
        assertEquals(1, hits(s, new TermQuery(new Term("body", "后面"))));
      }
    }
  }
}
