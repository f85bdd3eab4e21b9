package dev.fenci.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * For queries: two adjacent words of Chinese characters, one of them a single character and
 * {@value #LONGEST} characters or fewer together, also as one word, an alternative spanning both
 * ({@code 健康 码} and {@code 健康码}). A short query is segmented without the context its words have
 * in a document: {@code 健康码} alone is {@code 健康 码}, yet one word in {@code 推行健康码和行程码}, so the
 * phrase of the query's words misses the document; with the alternative, Lucene's {@code
 * QueryBuilder} (and the query parsers built on it) asks for either. The joins do not overlap (of
 * {@code 新 冠 苗} only {@code 新冠} is joined), so a query of n words has at most n / 2 of them
 * and its graph stays a chain of small alternatives.
 *
 * <p>A token graph: the join follows its first word at the same position (position increment 0)
 * with a position length of 2, the type {@value #TYPE} and the offsets of both words. Use it in the
 * query analyzer only (an index does not keep position lengths), after the filters that fold terms,
 * so that the join is made of folded terms. Words with a position increment other than 1 between
 * them (a stop word removed, the parts of a subwords index) are not joined.
 */
public final class FenciJoinFilter extends TokenFilter {
  /** Longest join, in characters. */
  public static final int LONGEST = 4;
  /** The type of a join. */
  public static final String TYPE = "<JOIN>";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  private AttributeSource.State held; // a word read ahead, not emitted yet
  private String heldTerm;
  private boolean heldMayJoin; // whether the held word may start a join (it ended none and is no part)
  private AttributeSource.State join; // a join to emit after the word before it
  private boolean exhausted;

  public FenciJoinFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (join != null) {
      restoreState(join);
      join = null;
      return true;
    }
    while (!exhausted) {
      if (!input.incrementToken()) {
        exhausted = true;
        break;
      }
      String word = term.toString();
      int step = increment.getPositionIncrement();
      AttributeSource.State current = captureState();
      if (held == null) {
        hold(current, word, step > 0);
        continue;
      }
      AttributeSource.State first = held;
      boolean joined = heldMayJoin && joins(heldTerm, word, step);
      if (joined) {
        int end = offset.endOffset();
        restoreState(first);
        term.setEmpty().append(heldTerm).append(word);
        offset.setOffset(offset.startOffset(), end);
        increment.setPositionIncrement(0);
        length.setPositionLength(2);
        type.setType(TYPE);
        join = captureState();
      }
      hold(current, word, !joined && step > 0); // a part at its word's position starts no join
      restoreState(first);
      return true;
    }
    if (held != null) {
      restoreState(held);
      held = null;
      return true;
    }
    return false;
  }

  private void hold(AttributeSource.State state, String word, boolean mayJoin) {
    held = state;
    heldTerm = word;
    heldMayJoin = mayJoin;
  }

  /** Whether {@code a} and then {@code b}, {@code increment} positions after it, are joined. */
  static boolean joins(String a, String b, int increment) {
    if (increment != 1) {
      return false;
    }
    int na = chineseLength(a);
    int nb = chineseLength(b);
    return na > 0 && nb > 0 && (na == 1 || nb == 1) && na + nb <= LONGEST;
  }

  /** The number of characters of {@code word} if all are Chinese characters, else 0. */
  private static int chineseLength(String word) {
    int n = 0;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN || !Character.isLetter(cp)) {
        return 0;
      }
      n++;
      i += Character.charCount(cp);
    }
    return n;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    held = null;
    join = null;
    exhausted = false;
  }
}
