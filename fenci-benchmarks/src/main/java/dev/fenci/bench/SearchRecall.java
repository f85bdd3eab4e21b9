package dev.fenci.bench;

import dev.fenci.Segmenter;
import dev.fenci.lucene.FenciAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

/**
 * What a search engine built on each analyzer finds: sentences of a segmented corpus as documents,
 * each distinct gold word of two or more Chinese characters as a query (analysed by the query
 * analyzer, as a phrase of its terms), and a sentence relevant to a query when the gold
 * segmentation has the word in it. Reports recall and precision over all (query, sentence) pairs,
 * the share of queries that find all their sentences, and the tokens the index holds per character.
 *
 * <p>Word analyzers miss a word that the index holds only inside a longer word ({@code 共和国}
 * inside {@code 中华人民共和国}); character n-gram analyzers find every string, including those that
 * straddle words ({@code 华人} inside {@code 中华人民}). fenci's subwords sit between the two.
 *
 * <pre>java -cp benchmarks.jar dev.fenci.bench.SearchRecall [GOLD relative to the data folder ...]</pre>
 *
 * The default gold files are {@code pd1998/dev.utf8}, {@code icwb2/gold/pku_test_gold.utf8} and
 * {@code icwb2/gold/msr_test_gold.utf8} (the MSR standard keeps longer words, such as names of
 * organisations, whole).
 */
public final class SearchRecall {
  private SearchRecall() {}

  /** An index analyzer and the query analyzer used with it. */
  record Setup(String name, Analyzer index, Analyzer query) {}

  public static void main(String[] args) throws IOException {
    List<String> golds = args.length > 0 ? List.of(args)
        : List.of("pd1998/dev.utf8", "icwb2/gold/pku_test_gold.utf8", "icwb2/gold/msr_test_gold.utf8");
    Segmenter accurate = Segmenter.load("accurate");
    Segmenter fast = Segmenter.load("fast");
    FenciAnalyzer accuratePlain = new FenciAnalyzer(accurate);
    FenciAnalyzer fastPlain = new FenciAnalyzer(fast);
    List<Setup> setups = List.of(
        new Setup("fenci accurate", accuratePlain, accuratePlain),
        new Setup("fenci accurate, subwords in the index", new FenciAnalyzer(accurate, CharArraySet.EMPTY_SET, true),
            accuratePlain),
        new Setup("fenci accurate, subwords in the index, joins in the query",
            new FenciAnalyzer(accurate, CharArraySet.EMPTY_SET, true), FenciAnalyzer.forQueries(accurate)),
        new Setup("fenci accurate, joins in the query", accuratePlain, FenciAnalyzer.forQueries(accurate)),
        new Setup("fenci fast", fastPlain, fastPlain),
        new Setup("fenci fast, subwords in the index", new FenciAnalyzer(fast, CharArraySet.EMPTY_SET, true), fastPlain),
        new Setup("fenci fast, subwords in the index, joins in the query",
            new FenciAnalyzer(fast, CharArraySet.EMPTY_SET, true), FenciAnalyzer.forQueries(fast)),
        new Setup("Lucene smartcn", new SmartChineseAnalyzer(), new SmartChineseAnalyzer()),
        new Setup("Lucene CJKAnalyzer (character bigrams)", new CJKAnalyzer(CharArraySet.EMPTY_SET),
            new CJKAnalyzer(CharArraySet.EMPTY_SET)),
        new Setup("Lucene StandardAnalyzer (single characters)", new StandardAnalyzer(CharArraySet.EMPTY_SET),
            new StandardAnalyzer(CharArraySet.EMPTY_SET)));
    for (String gold : golds) {
      Corpus c = Corpus.read(BenchData.lines(gold));
      System.out.printf(Locale.ROOT, "%n%s: %,d sentences, %,d characters, %,d queries (%,d relevant pairs)%n",
          gold, c.sentences.size(), c.chars, c.relevant.size(), c.pairs);
      System.out.println("| analyzer | recall | precision | F1 | queries finding all their sentences | tokens per character |");
      System.out.println("|---|---|---|---|---|---|");
      for (Setup s : setups) {
        Result r = run(s, c);
        System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.3f |%n", s.name(), r.recall(),
            r.precision(), 2 * r.recall() * r.precision() / (r.recall() + r.precision()), r.complete(), r.termsPerChar());
      }
    }
  }

  /** Sentences and, for each query word, the sentences whose gold segmentation holds it. */
  static final class Corpus {
    final List<String> sentences = new ArrayList<>();
    final Map<String, BitSet> relevant = new LinkedHashMap<>();
    long chars;
    long pairs;

    static Corpus read(List<String> goldLines) {
      Corpus c = new Corpus();
      for (String line : goldLines) {
        List<String> sentence = new ArrayList<>();
        for (String w : line.strip().split("\\s+")) {
          if (w.isEmpty()) {
            continue;
          }
          sentence.add(w);
          if (w.equals("。") || w.equals("！") || w.equals("？") || w.equals("；")) {
            c.add(sentence);
            sentence = new ArrayList<>();
          }
        }
        c.add(sentence);
      }
      for (BitSet b : c.relevant.values()) {
        c.pairs += b.cardinality();
      }
      return c;
    }

    private void add(List<String> words) {
      if (words.isEmpty()) {
        return;
      }
      int doc = sentences.size();
      StringBuilder text = new StringBuilder();
      for (String w : words) {
        text.append(w);
        if (w.codePointCount(0, w.length()) >= 2 && w.codePoints().allMatch(SearchRecall::isHan)) {
          relevant.computeIfAbsent(w, k -> new BitSet()).set(doc);
        }
      }
      sentences.add(text.toString());
      chars += text.length();
    }
  }

  static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  record Result(double recall, double precision, double complete, double termsPerChar) {}

  static Result run(Setup s, Corpus c) throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(s.index()))) {
        for (String text : c.sentences) {
          Document d = new Document();
          d.add(new TextField("body", text, Field.Store.NO));
          w.addDocument(d);
        }
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        long terms = r.getSumTotalTermFreq("body"); // the tokens the index holds, parts included
        IndexSearcher searcher = new IndexSearcher(r);
        QueryBuilder queries = new QueryBuilder(s.query());
        long found = 0;
        long retrieved = 0;
        int complete = 0;
        Map<String, BitSet> cache = new HashMap<>();
        for (Map.Entry<String, BitSet> e : c.relevant.entrySet()) {
          Query q = queries.createPhraseQuery("body", e.getKey());
          BitSet hits = q == null ? new BitSet() : cache.computeIfAbsent(q.toString(), k -> hits(searcher, q));
          BitSet both = (BitSet) hits.clone();
          both.and(e.getValue());
          found += both.cardinality();
          retrieved += hits.cardinality();
          if (both.cardinality() == e.getValue().cardinality()) {
            complete++;
          }
        }
        return new Result((double) found / c.pairs, (double) found / retrieved, (double) complete / c.relevant.size(),
            (double) terms / c.chars);
      }
    }
  }

  private static BitSet hits(IndexSearcher searcher, Query q) {
    BitSet out = new BitSet();
    try {
      searcher.search(q, new SimpleCollector() {
        private int base;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
          base = context.docBase;
        }

        @Override
        public void collect(int doc) {
          out.set(base + doc);
        }

        @Override
        public ScoreMode scoreMode() {
          return ScoreMode.COMPLETE_NO_SCORES;
        }
      });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
