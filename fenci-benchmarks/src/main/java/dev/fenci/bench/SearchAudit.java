package dev.fenci.bench;

import dev.fenci.Segmenter;
import dev.fenci.lucene.FenciAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The search audit of the thirty-third session as a benchmark: 70 short documents of everyday
 * text (news, traditional Chinese, shop titles with product codes, technical notes with paths and
 * addresses, forum posts) and 170 queries, each with the documents a user would expect, all written
 * for the audit ({@code search-audit.tsv} beside this class). For each preset it indexes the
 * documents with {@link FenciAnalyzer} (words only, and with subwords), runs every query as a phrase
 * and as an AND of its words (analysed without subwords, with and without {@link
 * FenciAnalyzer#forQueries joins and splits}), and counts the queries that miss an expected document and those
 * that find an unwanted one; {@code -v} lists them.
 *
 * <pre>java -cp benchmarks.jar dev.fenci.bench.SearchAudit [-v] [--file AUDIT.tsv] [PRESET ...]</pre>
 *
 * {@code --file} reads another audit in the same format ({@code d, id, text} and {@code q, query,
 * ids} lines, tab-separated, documents before the queries that name them): a file, or, if no file
 * has that name, {@code search-audit-2.tsv}, the held-out audit in the jar (84 documents and 255 queries written after the
 * features were built on the first).
 *
 * The default presets are {@code accurate} and {@code weibo}.
 */
public final class SearchAudit {
  private SearchAudit() {}

  /** A query and the ids of the documents it should find. */
  record Expected(String query, Set<String> ids) {}

  /** The documents (id to text, in the file's order) and the queries of the audit. */
  record Audit(Map<String, String> documents, List<Expected> queries) {}

  public static void main(String[] args) throws IOException {
    boolean verbose = false;
    String file = null;
    List<String> presets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("-v")) {
        verbose = true;
      } else if (args[i].equals("--file") && i + 1 < args.length) {
        file = args[++i];
      } else {
        presets.add(args[i]);
      }
    }
    if (presets.isEmpty()) {
      presets = List.of("accurate", "weibo");
    }
    Audit audit;
    if (file == null) {
      try (InputStream in = SearchAudit.class.getResourceAsStream("search-audit.tsv")) {
        if (in == null) {
          throw new IllegalStateException("search-audit.tsv is missing from the benchmarks jar");
        }
        audit = read(in, "search-audit.tsv");
      }
    } else if (!java.nio.file.Files.exists(java.nio.file.Path.of(file)) && !file.contains("/")
        && SearchAudit.class.getResource(file) != null) {
      try (InputStream in = SearchAudit.class.getResourceAsStream(file)) { // search-audit-2.tsv, in the jar
        audit = read(in, file);
      }
    } else {
      try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(file))) {
        audit = read(in, file);
      }
    }
    System.out.printf("%d documents, %d queries%n%n", audit.documents().size(), audit.queries().size());
    System.out.println("| preset | index | query | queries missing a document | queries finding an unwanted one |");
    System.out.println("|---|---|---|---|---|");
    for (String preset : presets) {
      Segmenter seg = Segmenter.load(preset);
      try (Analyzer plain = new FenciAnalyzer(seg);
          Analyzer joins = FenciAnalyzer.forQueries(seg);
          Analyzer parts = new FenciAnalyzer(seg, CharArraySet.EMPTY_SET, true)) {
        report(audit, preset, "words", plain, "words", plain, false, verbose);
        report(audit, preset, "subwords", parts, "words", plain, false, verbose);
        report(audit, preset, "subwords", parts, "words", plain, true, verbose);
        report(audit, preset, "subwords", parts, "words, joins and splits", joins, false, verbose);
        report(audit, preset, "subwords", parts, "words, joins and splits", joins, true, verbose);
      }
    }
  }

  /** Reads an audit: {@code d, id, text} and {@code q, query, ids} lines, tab-separated; {@code #} comments. */
  static Audit read(InputStream in, String name) throws IOException {
    Map<String, String> docs = new LinkedHashMap<>();
    List<Expected> queries = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int n = 0;
    for (String line; (line = r.readLine()) != null; ) {
      n++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 3 || !(f[0].equals("d") || f[0].equals("q"))) {
        throw new IllegalArgumentException(name + ", line " + n + ": expected d or q and two fields, tab-separated");
      }
      if (f[0].equals("d")) {
        docs.put(f[1], f[2]);
      } else {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : f[2].split(" ")) {
          if (!id.isEmpty()) {
            if (!docs.containsKey(id)) {
              throw new IllegalArgumentException(name + ", line " + n + ": no document " + id + " before it");
            }
            ids.add(id);
          }
        }
        queries.add(new Expected(f[1], ids));
      }
    }
    return new Audit(docs, queries);
  }

  private static void report(Audit audit, String preset, String index, Analyzer indexing, String queryName,
      Analyzer querying, boolean and, boolean verbose) throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(indexing))) {
        for (Map.Entry<String, String> e : audit.documents().entrySet()) {
          Document d = new Document();
          d.add(new StringField("id", e.getKey(), Field.Store.YES));
          d.add(new TextField("body", e.getValue(), Field.Store.NO));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        QueryBuilder builder = new QueryBuilder(querying);
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true); // a split's pieces in order, as lucene.md's AND recipe
        int missing = 0, unwanted = 0;
        List<String> lines = new ArrayList<>();
        for (Expected q : audit.queries()) {
          Query query = and ? builder.createBooleanQuery("body", q.query(), BooleanClause.Occur.MUST)
              : builder.createPhraseQuery("body", q.query());
          Set<String> found = new LinkedHashSet<>();
          if (query != null) {
            for (ScoreDoc sd : searcher.search(query, 1000).scoreDocs) {
              found.add(searcher.storedFields().document(sd.doc).get("id"));
            }
          }
          StringBuilder diff = new StringBuilder();
          for (String id : q.ids()) {
            if (!found.contains(id)) {
              diff.append(" -").append(id);
            }
          }
          boolean miss = diff.length() > 0;
          for (String id : found) {
            if (!q.ids().contains(id)) {
              diff.append(" +").append(id);
            }
          }
          missing += miss ? 1 : 0;
          unwanted += diff.indexOf("+") >= 0 ? 1 : 0;
          if (diff.length() > 0) {
            lines.add("    " + q.query() + "\t" + diff.toString().trim());
          }
        }
        System.out.printf("| %s | %s | %s, %s | %d | %d |%n", preset, index, queryName, and ? "AND" : "phrase", missing, unwanted);
        if (verbose) {
          lines.forEach(System.out::println);
        }
      }
    }
  }
}
