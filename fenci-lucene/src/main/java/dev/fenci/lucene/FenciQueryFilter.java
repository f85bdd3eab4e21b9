package dev.fenci.lucene;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * For queries: the other ways a document may have written the query's words, as alternatives in
 * the token graph. A short query is segmented without the context its words have in a document:
 * {@code 充电桩} alone is {@code 充电 桩}, yet one word in {@code 新装了一批充电桩和路灯}; {@code iPhone 15}
 * is two words, {@code iPhone15} one. Lucene's {@code QueryBuilder} (and the query parsers built on
 * it) asks for any path of the graph:
 *
 * <ul>
 *   <li>A <b>join</b> (type {@value #JOIN}) of two adjacent words: of Chinese characters, one of
 *       them a single character and {@value #LONGEST} characters or fewer together ({@code 充电 桩}
 *       or {@code 充电桩}); or a word of letters and a word of digits, in either order ({@code
 *       iphone 15} or {@code iphone15}, {@code 16 gb} or {@code 16gb}). It follows its first word
 *       at the same position, with a position length of 2 and the offsets of both words. Joins do
 *       not overlap (of {@code 新 冠 苗} only {@code 新冠} is joined).
 *   <li>A <b>split</b> (type {@value #PIECE}) of a word written in two runs of letters, digits or
 *       Chinese characters ({@code iphone15} or {@code iphone 15}, {@code t恤} or {@code t 恤}): its
 *       two pieces at the word's position and the next, the word itself spanning both. The pieces
 *       have the word's offsets. A split word joins nothing.
 * </ul>
 *
 * So a query of n words has at most n alternatives, each of two positions, and its graph stays a
 * chain of small choices; and at most {@value #MOST}, the first ones: a phrase query asks for each
 * path of the graph ({@code QueryBuilder.createPhraseQuery}, a quoted query), 2 to the power of the
 * alternatives, which past 10 exceeds the 1024 clauses that Lucene allows by default. Use it in the
 * query analyzer only (an index does not keep position lengths), after the filters that fold
 * terms, so that joins and pieces are folded terms. Words with a position increment other than 1
 * between them (a stop word removed, the parts of a subwords index) are not joined, and a word at
 * the position of the one before (a part) is not split, nor one followed by tokens at its position
 * (its parts, or synonyms: the second piece would move them). Tokens of an earlier filter that
 * span several positions (a multi-word synonym) are left as they are: a word they span past is
 * not split (the synonym would end at its second piece), and a word that spans several positions
 * itself is neither split nor joined, so the graph stays well formed.
 */
public final class FenciQueryFilter extends TokenFilter {
  /** Longest join of Chinese words, in characters. */
  public static final int LONGEST = 4;
  /**
   * Most alternatives (joins and splits) in a query: a phrase query asks for each path of the graph,
   * 2 to the power of its alternatives, and Lucene allows 1024 clauses by default.
   */
  public static final int MOST = 8;
  /** The type of a join. */
  public static final String JOIN = "<JOIN>";
  /** The type of a piece of a split word. */
  public static final String PIECE = "<PIECE>";

  private static final int HAN = 1, LETTER = 2, DIGIT = 3, OTHER = 4;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

  private final Deque<AttributeSource.State> ready = new ArrayDeque<>(); // tokens to emit, in order
  private AttributeSource.State held; // a word read ahead, not emitted yet
  private String heldTerm;
  private boolean heldMayJoin; // whether the held word may start a join (it ended none and is no part)
  private int heldSplit = -1; // where the held word is split if no token follows at its position, or -1
  private boolean exhausted; // the input returned false: it is not asked again
  private int alternatives; // joins and splits so far, at most MOST
  private int position = -1; // the position of the word read last
  private int reach; // the furthest end (position + position length) of the words read before it

  public FenciQueryFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (ready.isEmpty()) {
      if (exhausted || !input.incrementToken()) {
        exhausted = true;
        release();
        if (ready.isEmpty()) {
          return false;
        }
        break;
      }
      String word = term.toString();
      int step = increment.getPositionIncrement();
      int span = length.getPositionLength();
      position += step;
      // a word of one position that no earlier token spans past: a split (one more position after
      // its first piece) moves no token's end; a join needs only words of one position each
      boolean splittable = span == 1 && reach <= position;
      reach = Math.max(reach, position + span);
      AttributeSource.State current = captureState();
      if (step == 0 && heldSplit > 0) {
        heldSplit = -1; // a part or a synonym at the held word's position: its pieces would move it
        alternatives--;
      }
      boolean more = alternatives < MOST;
      int at = step > 0 && splittable && more ? splitAt(word) : -1;
      if (at > 0) {
        release();
        hold(current, word, false);
        heldSplit = at;
        alternatives++;
      } else if (held != null && heldMayJoin && span == 1 && more && joins(heldTerm, word, step)) {
        alternatives++;
        AttributeSource.State first = held;
        ready.add(first);
        int end = offset.endOffset();
        restoreState(first);
        term.setEmpty().append(heldTerm).append(word);
        offset.setOffset(offset.startOffset(), end);
        increment.setPositionIncrement(0);
        length.setPositionLength(2);
        type.setType(JOIN);
        ready.add(captureState());
        hold(current, word, false);
      } else {
        release();
        hold(current, word, step > 0 && span == 1);
      }
    }
    restoreState(ready.poll());
    return true;
  }

  /** Emits the held word, if any, split if it is to be. */
  private void release() {
    if (held != null && heldSplit > 0) {
      split(held, heldTerm, heldSplit);
    } else if (held != null) {
      ready.add(held);
    }
    held = null;
    heldSplit = -1;
  }

  private void hold(AttributeSource.State state, String word, boolean mayJoin) {
    held = state;
    heldTerm = word;
    heldMayJoin = mayJoin;
    heldSplit = -1;
  }

  /** The word of {@code state}, split before {@code at}: first piece, the word spanning two positions, second piece. */
  private void split(AttributeSource.State state, String word, int at) {
    restoreState(state);
    term.setEmpty().append(word, 0, at);
    type.setType(PIECE);
    ready.add(captureState());
    restoreState(state);
    increment.setPositionIncrement(0);
    length.setPositionLength(2);
    ready.add(captureState());
    restoreState(state);
    term.setEmpty().append(word, at, word.length());
    increment.setPositionIncrement(1);
    type.setType(PIECE);
    ready.add(captureState());
  }

  /**
   * Where {@code word} is split: the UTF-16 index of its second run when it is written in exactly
   * two runs of letters, digits or Chinese characters of different kinds ({@code iphone|15},
   * {@code t|恤}), else -1.
   */
  static int splitAt(String word) {
    int first = 0;
    int at = -1;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      int kind = kind(cp);
      if (kind == OTHER) {
        return -1;
      }
      if (i == 0) {
        first = kind;
      } else if (kind != first && at < 0) {
        at = i;
        first = kind;
      } else if (kind != first) {
        return -1; // a third run
      }
      i += Character.charCount(cp);
    }
    return at;
  }

  /** Whether {@code a} and then {@code b}, {@code increment} positions after it, are joined. */
  static boolean joins(String a, String b, int increment) {
    if (increment != 1) {
      return false;
    }
    int ka = uniform(a);
    int kb = uniform(b);
    if (ka == HAN && kb == HAN) {
      int na = a.codePointCount(0, a.length());
      int nb = b.codePointCount(0, b.length());
      return (na == 1 || nb == 1) && na + nb <= LONGEST;
    }
    return ka == LETTER && kb == DIGIT || ka == DIGIT && kb == LETTER;
  }

  /** The kind of all characters of {@code word}, or {@link #OTHER} if they differ or it is empty. */
  private static int uniform(String word) {
    int kind = OTHER;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      int k = kind(cp);
      if (k == OTHER || i > 0 && k != kind) {
        return OTHER;
      }
      kind = k;
      i += Character.charCount(cp);
    }
    return kind;
  }

  private static int kind(int cp) {
    if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
      return Character.isLetter(cp) ? HAN : OTHER;
    }
    return Character.isDigit(cp) ? DIGIT : Character.isLetter(cp) ? LETTER : OTHER;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    ready.clear();
    held = null;
    heldSplit = -1;
    exhausted = false;
    alternatives = 0;
    position = -1;
    reach = 0;
  }
}
