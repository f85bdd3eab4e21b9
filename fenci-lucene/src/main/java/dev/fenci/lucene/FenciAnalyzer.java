package dev.fenci.lucene;

import dev.fenci.Segmenter;
import java.io.Reader;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;

/**
 * An analyzer for Chinese text: {@link CJKWidthCharFilter} before segmenting (full-width forms of
 * ASCII as ASCII, half-width katakana as full-width, so that {@code １６ＧＢ} is segmented as {@code
 * 16GB} is), {@link FenciTokenizer} (words, without whitespace and punctuation), then {@link
 * CJKWidthFilter} (the same folding for terms that reach the filters some other way, as query terms
 * in {@link #normalize}), {@link LowerCaseFilter} and {@link FenciFoldFilter} (traditional
 * characters as simplified, the middle dots of names as {@code ·}), then optionally a stop word
 * filter. Queries are normalised the same way, so {@code ｉＰｈｏｎｅ} finds {@code iPhone} and {@code
 * 台湾} finds {@code 臺灣}; offsets stay those of the text as written.
 *
 * <pre>{@code
 * Analyzer analyzer = new FenciAnalyzer();   // the default model, shipped in fenci-core's jar
 * IndexWriterConfig config = new IndexWriterConfig(analyzer);
 * }</pre>
 *
 * <p>For a search index, {@link #FenciAnalyzer(Segmenter, CharArraySet, boolean) one with
 * subwords} also indexes the parts of each word ({@code 共和国} inside {@code 中华人民共和国}); analyse
 * queries with one without them:
 *
 * <pre>{@code
 * Segmenter seg = Segmenter.load();
 * IndexWriterConfig config = new IndexWriterConfig(new FenciAnalyzer(seg, CharArraySet.EMPTY_SET, true));
 * QueryParser parser = new QueryParser("body", FenciAnalyzer.forQueries(seg));
 * }</pre>
 *
 * <p>{@link #forQueries} adds, for queries, the joins and splits of words that a document's
 * sentence may have segmented otherwise ({@link FenciQueryFilter}).
 *
 * <p>Thread-safe, as Lucene analyzers are; the segmenter is shared by all its token streams.
 */
public final class FenciAnalyzer extends Analyzer {
  private final Segmenter segmenter;
  private final CharArraySet stopWords;
  private final boolean subwords;
  private final boolean joins;

  /** With fenci's default model and no stop words. */
  public FenciAnalyzer() {
    this(Segmenter.load());
  }

  /** With {@code segmenter} (a preset, a model file, a user dictionary) and no stop words. */
  public FenciAnalyzer(Segmenter segmenter) {
    this(segmenter, CharArraySet.EMPTY_SET);
  }

  /**
   * With {@code segmenter} and stop words (terms as the filters before leave them: lower case,
   * ASCII for full-width letters and digits; in either script, traditional or simplified), which are dropped.
   */
  public FenciAnalyzer(Segmenter segmenter, CharArraySet stopWords) {
    this(segmenter, stopWords, false);
  }

  /**
   * With {@code segmenter}, stop words, and, if {@code subwords}, the {@link
   * dev.fenci.Segmenter#subwords parts} of each word as tokens at its position (for indexing; see
   * {@link FenciTokenizer}).
   */
  public FenciAnalyzer(Segmenter segmenter, CharArraySet stopWords, boolean subwords) {
    this(segmenter, stopWords, subwords, false);
  }

  private FenciAnalyzer(Segmenter segmenter, CharArraySet stopWords, boolean subwords, boolean joins) {
    this.subwords = subwords;
    this.joins = joins;
    this.segmenter = Objects.requireNonNull(segmenter, "segmenter is null");
    this.stopWords = CharArraySet.unmodifiableSet(folded(Objects.requireNonNull(stopWords, "stop words are null")));
  }

  /**
   * The analyzer for queries: the words of {@code segmenter}, as {@link #FenciAnalyzer(Segmenter)}
   * gives them, and, as alternatives, the other ways a document may write them ({@link
   * FenciQueryFilter}): joins of adjacent words ({@code 充电 桩} or {@code 充电桩}, {@code iphone 15}
   * or {@code iphone15}) and splits of a word of two runs ({@code iphone15} or {@code iphone 15}),
   * so that a query segmented without context still finds the words a document's sentence has. A
   * token graph: analyse queries with it ({@code QueryBuilder}, the query parsers), never documents;
   * with {@code setAutoGenerateMultiTermSynonymsPhraseQuery(true)} unless the query is a phrase, so
   * that a split's pieces are asked for in order ({@code iphone15} is not {@code +iphone +15}).
   */
  public static FenciAnalyzer forQueries(Segmenter segmenter) {
    return forQueries(segmenter, CharArraySet.EMPTY_SET);
  }

  /** {@link #forQueries(Segmenter)} with stop words, dropped before words are joined or split. */
  public static FenciAnalyzer forQueries(Segmenter segmenter, CharArraySet stopWords) {
    return new FenciAnalyzer(segmenter, stopWords, false, true);
  }

  /**
   * A copy of {@code stopWords} that holds the {@link FenciFoldFilter folded} form of each too: the
   * stop filter sees terms after folding, so a traditional stop word ({@code 這}) must be there as
   * the simplified term it becomes ({@code 这}).
   */
  private static CharArraySet folded(CharArraySet stopWords) {
    CharArraySet copy = CharArraySet.copy(stopWords);
    for (Object word : stopWords) {
      String s = word instanceof char[] chars ? new String(chars) : word.toString();
      copy.add(FenciFoldFilter.fold(s));
    }
    return copy;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    FenciTokenizer tokenizer = new FenciTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, segmenter, false, subwords);
    TokenStream stream = normalize(fieldName, tokenizer);
    if (!stopWords.isEmpty()) {
      stream = new StopFilter(stream, stopWords);
    }
    if (joins) {
      stream = new FenciQueryFilter(stream);
    }
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new CJKWidthCharFilter(reader);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new FenciFoldFilter(new LowerCaseFilter(new CJKWidthFilter(in)));
  }
}
