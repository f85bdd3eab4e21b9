package dev.fenci.lucene;

import dev.fenci.Segmenter;
import dev.fenci.Token;
import dev.fenci.WordCursor;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.util.AttributeFactory;

/**
 * Splits Chinese text into the words of a fenci {@link Segmenter}: each word becomes a token with
 * its offsets in the original text; runs of whitespace and words of control or format characters
 * never do, and words made only of punctuation ({@code ，。、“”（）……}) do only when asked for; nor does a word
 * longer than Lucene's longest term ({@link IndexWriter#MAX_TERM_LENGTH} bytes of UTF-8: a run of more
 * than 10,922 characters of Thai, kana, Hangul or Chinese kept as one word), which would make
 * IndexWriter refuse the whole document. The text is read in bounded
 * blocks (a field of any size, lines of any length), with the words the segmenter gives the whole
 * text.
 *
 * <p>For a search index the tokenizer can also emit each word's {@link Segmenter#subwords parts}
 * ({@code 共和国} and the others the model knows inside {@code 中华人民共和国}; {@code mp3} inside
 * {@code 索尼mp3}) after the word, at its
 * position (position increment 0), so that a query for a part finds the whole; tokenize queries
 * without them. As with Lucene's compound word filters, a part has its word's offsets: the token
 * graph stays consistent (the tokens at a position share their offsets), and a highlighter marks
 * the whole word.
 *
 * <p>Token types: {@link #WORD}, {@link #SUBWORD} (when asked for), {@link #PUNCTUATION} (when
 * kept). Terms are the text as written;
 * {@link FenciAnalyzer} adds width folding and lower case. The segmenter (and its user
 * dictionary) is shared by all tokenizers made with it; a tokenizer itself, like every Lucene
 * tokenizer, belongs to one thread at a time.
 */
public final class FenciTokenizer extends Tokenizer {
  /** The type of a word. */
  public static final String WORD = "<WORD>";
  /** The type of a word made only of punctuation, emitted when the tokenizer keeps punctuation. */
  public static final String PUNCTUATION = "<PUNCTUATION>";
  /** The type of a part of the word before it, emitted when the tokenizer adds parts. */
  public static final String SUBWORD = "<SUBWORD>";

  private final boolean keepPunctuation;
  private final boolean subwords;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final WordCursor cursor;
  private long end; // end of the last word read (emitted or not): the text's length at the end
  private List<Token> parts = List.of(); // the parts of the last word emitted, still to come
  private int nextPart;
  private int partStart, partEnd; // that word's offsets, which its parts take

  /** A tokenizer that drops punctuation. */
  public FenciTokenizer(Segmenter segmenter) {
    this(DEFAULT_TOKEN_ATTRIBUTE_FACTORY, segmenter, false);
  }

  /**
   * @param keepPunctuation whether words made only of punctuation become tokens (of type {@link
   *     #PUNCTUATION})
   */
  public FenciTokenizer(AttributeFactory factory, Segmenter segmenter, boolean keepPunctuation) {
    this(factory, segmenter, keepPunctuation, false);
  }

  /**
   * @param keepPunctuation whether words made only of punctuation become tokens (of type {@link
   *     #PUNCTUATION})
   * @param subwords        whether each word is followed by its {@link Segmenter#subwords parts}
   *     (of type {@link #SUBWORD}, at the word's position), for a search index
   */
  public FenciTokenizer(AttributeFactory factory, Segmenter segmenter, boolean keepPunctuation, boolean subwords) {
    super(factory);
    this.keepPunctuation = keepPunctuation;
    this.subwords = subwords;
    this.cursor = Objects.requireNonNull(segmenter, "segmenter is null").words(input); // Lucene's reader that refuses reads before reset()
  }

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    if (nextPart < parts.size()) {
      Token part = parts.get(nextPart++);
      term.setEmpty().append(searchable(part.word()));
      offset.setOffset(partStart, partEnd);
      position.setPositionIncrement(0);
      type.setType(SUBWORD);
      return true;
    }
    while (cursor.next()) {
      end = cursor.end();
      if (cursor.isSpace()) {
        continue;
      }
      String word = cursor.word();
      if (isInvisible(word)) {
        continue;
      }
      boolean punctuation = dev.fenci.text.Chunker.isPunctuationWord(word);
      if (punctuation && !keepPunctuation) {
        continue;
      }
      String text = searchable(word);
      if (text.length() > IndexWriter.MAX_TERM_LENGTH / 3 && utf8Length(text) > IndexWriter.MAX_TERM_LENGTH) {
        continue; // longer than Lucene's longest term: IndexWriter would refuse the whole document
      }
      term.setEmpty().append(text);
      offset.setOffset(correctOffset(offset(cursor.start())), correctOffset(offset(end)));
      type.setType(punctuation ? PUNCTUATION : WORD);
      if (subwords && word.length() >= 3) {
        parts = joinedForms(word, cursor.subwords()); // with the dictionary the word was segmented with
        nextPart = 0;
        partStart = offset.startOffset();
        partEnd = offset.endOffset();
      }
      return true;
    }
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    cursor.reset(input);
    end = 0;
    parts = List.of();
    nextPart = 0;
  }

  @Override
  public void close() throws IOException {
    super.close();
    cursor.reset(input); // again the reader that refuses reads: the next document starts with reset()
  }

  @Override
  public void end() throws IOException {
    super.end();
    int last = correctOffset(offset(end));
    offset.setOffset(last, last);
  }

  /**
   * {@code parts}, and the forms users type without a word's separators, as parts too: a name
   * without its middle dots ({@code 马克·吐温}: {@code 马克吐温}, or a look-alike of {@code ·}); a
   * word or part of letters and digits without the hyphens between them ({@code type-c}: {@code
   * typec}, {@code 138-0013-8000}: {@code 13800138000}; not a range: {@code 1-2}); a number
   * without its thousands separators ({@code 2,388}: {@code 2388}). Such a part is not a substring
   * of its word, which a part need not be here: its term is emitted with its word's offsets.
   */
  static List<Token> joinedForms(String word, List<Token> parts) {
    List<Token> out = null;
    java.util.Set<String> seen = null;
    for (int k = -1; k < parts.size(); k++) {
      String text = k < 0 ? word : parts.get(k).word();
      String joined = joined(text);
      if (joined == null) {
        continue;
      }
      if (out == null) {
        out = new java.util.ArrayList<>(parts);
        seen = new java.util.HashSet<>();
        for (Token t : parts) {
          seen.add(t.word());
        }
        seen.add(word);
      }
      if (seen.add(joined)) {
        out.add(new Token(joined, 0, joined.length())); // (its offsets unused: a part takes its word's)
      }
    }
    return out == null ? parts : out;
  }

  /** {@code text} without its name dots, its hyphens between letters or digits, its thousands separators; null if none or too short. */
  static String joined(String text) {
    if (!hasSeparator(text)) {
      return null; // most words and parts: a scan of chars, no script lookups
    }
    StringBuilder out = null;
    boolean han = false;
    boolean dots = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      han |= Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
      boolean dot = cp == '·' || dev.fenci.text.Chunker.isNameDot(cp);
      boolean drop = dot
          || isHyphen(cp) && i > 0 && next < text.length() && isAlnum(text.codePointBefore(i)) && isAlnum(text.codePointAt(next))
              && !range(text, i)
          || cp == ',' && thousands(text, i);
      dots |= dot;
      if (drop && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (!drop && out != null) {
        out.appendCodePoint(cp);
      }
      i = next;
    }
    if (out == null || out.codePointCount(0, out.length()) < 2 || dots && !han) {
      return null; // (a dot between Latin letters is no name's: U·S)
    }
    return out.toString();
  }

  /**
   * Whether the hyphen at {@code i} is between two numbers of fewer than 7 digits together with the
   * others hyphenated to them: a range ({@code 1-2}, {@code 10-20}: 12 and 1020 would find 1-2周 for
   * 12周), not a phone number ({@code 138-0013-8000}, {@code 010-12345678}).
   */
  private static boolean range(String text, int i) {
    if (!Character.isDigit(text.charAt(i - 1)) || !Character.isDigit(text.charAt(i + 1))) {
      return false;
    }
    int digits = 0; // counted up to 7 only: linear in a long word of them
    for (int k = i - 1; k >= 0 && digits < 7 && (Character.isDigit(text.charAt(k)) || isHyphen(text.charAt(k))); k--) {
      digits += isHyphen(text.charAt(k)) ? 0 : 1;
    }
    for (int k = i + 1; k < text.length() && digits < 7 && (Character.isDigit(text.charAt(k)) || isHyphen(text.charAt(k))); k++) {
      digits += isHyphen(text.charAt(k)) ? 0 : 1;
    }
    return digits < 7;
  }

  /** Whether {@code text} holds a character {@link #joined} may drop: a hyphen, a comma or a name dot. */
  private static boolean hasSeparator(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isHyphen(c) || c == ',' || c == '·' || dev.fenci.text.Chunker.isNameDot(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the comma at {@code i} separates thousands: a digit before it, exactly three digits after it. */
  private static boolean thousands(String text, int i) {
    if (i == 0 || !Character.isDigit(text.charAt(i - 1))) {
      return false;
    }
    for (int k = 1; k <= 3; k++) {
      if (i + k >= text.length() || !Character.isDigit(text.charAt(i + k))) {
        return false;
      }
    }
    return i + 4 >= text.length() || !Character.isDigit(text.charAt(i + 4));
  }

  /** ASCII's hyphen or Unicode's ({@link dev.fenci.text.Chunker#isHyphen}). */
  private static boolean isHyphen(int cp) {
    return cp < 0x10000 && dev.fenci.text.Chunker.isHyphen((char) cp);
  }

  private static boolean isAlnum(int cp) {
    return Character.isLetterOrDigit(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN;
  }

  /** The length of {@code text} in UTF-8, as Lucene's terms are stored. */
  private static long utf8Length(String text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3; // a pair: 4 bytes
    }
    return n;
  }

  private static int offset(long at) {
    if (at > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the text is longer than Lucene's offsets reach (2^31 - 1 characters)");
    }
    return (int) at;
  }

  /**
   * The term of {@code word}: the word without the invisible code points that text carries inside
   * or beside words (a soft hyphen, a zero-width joiner or space, {@code \u0000}, U+FFFD, an
   * unpaired surrogate; see {@link #isInvisible}), so that {@code 二维码\u00AD} and {@code 微\u200D信号}
   * are found by {@code 二维码} and {@code 微信号}; the offsets still span the word as written. A word
   * holding a symbol keeps its format characters: the joiners and tags of an emoji sequence
   * ({@code 👨‍👩‍👧}, a flag of England) are part of what it shows.
   */
  static String searchable(String word) {
    int first = -1;
    for (int i = 0; i < word.length() && first < 0; ) {
      char c = word.charAt(i);
      if (c >= 0x2E80 && c < 0xD800) {
        i++; // Chinese text: no lookup
        continue;
      }
      int cp = word.codePointAt(i);
      if (dropped(cp, true)) {
        first = i;
      }
      i += Character.charCount(cp);
    }
    if (first < 0) {
      return word; // the common case: one pass, no copy
    }
    boolean symbol = word.codePoints().anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL);
    StringBuilder out = new StringBuilder(word.length()).append(word, 0, first);
    for (int i = first; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (!dropped(cp, !symbol)) {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out.length() == word.length() ? word : out.toString();
  }

  /** Whether {@link #searchable} leaves {@code cp} out of a term (a format character only if {@code format}). */
  private static boolean dropped(int cp, boolean format) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.SURROGATE || cp == 0xFFFD
        || (format && type == Character.FORMAT);
  }

  /**
   * Whether {@code word} holds nothing to search for: only control and format characters
   * ({@code \u0000}, a soft hyphen, a zero-width joiner), unpaired surrogates or U+FFFD, the mark
   * of a character that could not be decoded. Code points the running JVM's Unicode version has not
   * assigned are ordinary characters: Java 17 knows Unicode 13 only, and dropping them would drop
   * ideographs of CJK Extension H and later emoji (U+1FAE0) on one JVM and not on the next, so that
   * an index built on one would disagree with queries analysed on another.
   */
  static boolean isInvisible(String word) {
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      switch (Character.getType(cp)) {
        case Character.CONTROL, Character.FORMAT, Character.SURROGATE -> i += Character.charCount(cp);
        default -> {
          if (cp != 0xFFFD) {
            return false;
          }
          i++;
        }
      }
    }
    return true;
  }
}
