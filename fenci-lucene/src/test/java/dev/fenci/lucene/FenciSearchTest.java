package dev.fenci.lucene;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import dev.fenci.Segmenter;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
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
        assertEquals(1, hits(s, new TermQuery(new Term("body", "微信号"))));
        assertEquals(1, hits(s, new TermQuery(new Term("body", "新年"))));
        // a query's words are the analyzer's terms: full-width and upper case fold like the index
        assertEquals(1, hits(s, new TermQuery(new Term("body", a.normalize("body", "IPHONE").utf8ToString()))));
        // 京大 is inside 北京 大学, not a word: a character n-gram index would find it, a word index does not
        assertEquals(0, hits(s, new TermQuery(new Term("body", "京大"))));
        assertEquals(0, hits(s, new TermQuery(new Term("body", "，"))));
        PhraseQuery phrase = new PhraseQuery("body", "发表", "新年", "讲话");
        assertEquals(1, hits(s, phrase));
      }
    }
  }
}
