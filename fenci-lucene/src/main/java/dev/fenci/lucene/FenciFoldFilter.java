package dev.fenci.lucene;

import dev.fenci.text.SimplifiedForms;
import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the forms of a term that fenci's model reads alike, so that a query in one finds a document
 * in the other: a traditional character becomes its simplified form ({@code 臺灣} and {@code 台湾} are
 * one term, as the model reads them; {@link SimplifiedForms#forMatching}, which keeps the few that
 * simplified text writes too, such as {@code 乾}), and the middle dots of foreign names become
 * {@code ·} ({@code 馬克‧吐溫}, {@code 马克・吐温} and {@code 马克·吐温}: Big5 text's hyphenation point,
 * the katakana middle dot, its half-width form and the dot operator), and Unicode's hyphen and
 * non-breaking hyphen become ASCII's ({@code Wi‑Fi} and {@code Wi-Fi}). Offsets are left as they are:
 * a highlighter shows the text as written. {@link FenciAnalyzer} applies it after width and case
 * folding, to the terms of documents and queries alike.
 */
public final class FenciFoldFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final StringBuilder folded = new StringBuilder();

  public FenciFoldFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    int i = 0;
    while (i < length && fold(Character.codePointAt(buffer, i, length)) == Character.codePointAt(buffer, i, length)) {
      i += Character.charCount(Character.codePointAt(buffer, i, length));
    }
    if (i == length) {
      return true; // the common case: nothing to fold, nothing copied
    }
    folded.setLength(0);
    folded.append(buffer, 0, i);
    while (i < length) {
      int cp = Character.codePointAt(buffer, i, length);
      folded.appendCodePoint(fold(cp));
      i += Character.charCount(cp);
    }
    term.setEmpty().append(folded);
    return true;
  }

  /** The folded form of {@code s}, code point by code point. */
  static String fold(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      b.appendCodePoint(fold(cp));
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  /** The folded form of one code point. */
  static int fold(int cp) {
    if (cp < 0x2000) {
      return cp; // Latin, Greek, Cyrillic and the like: nothing to fold (· itself is U+00B7)
    }
    if (cp < 0x10000 && dev.fenci.text.Chunker.isHyphen((char) cp)) {
      return '-'; // Unicode's hyphen and non-breaking hyphen, read as ASCII's
    }
    return dev.fenci.text.Chunker.isNameDot(cp) ? 0x00B7 : SimplifiedForms.forMatching(cp);
  }
}
