package dev.fenci.dict;

import dev.fenci.text.SimplifiedForms;

/**
 * How a dictionary compares its words with text: character by character after folding the forms
 * a reader takes for the same character. A full-width letter, digit or symbol is its ASCII form
 * ({@code ＡＢＣ公司} is {@code ABC公司}), every other space (the ideographic space U+3000, the no-break
 * space U+00A0 of web pages, the typographic spaces U+2000-U+200A) is a space, 〇 is ○, the middle
 * dots of names ({@code ‧ ･ ⋅ ・}) are {@code ·}, Unicode's hyphen and non-breaking hyphen (U+2010,
 * U+2011) are ASCII's, and a
 * traditional-only character is its simplified form ({@code 臺灣} is {@code 台灣} is {@code 台湾};
 * {@link SimplifiedForms}), except the few that simplified text writes too ({@link SimplifiedForms#forMatching}). So an
 * entry matches the ways of writing it that the network reads alike, and two entries that fold to
 * the same string are the same entry (the later wins). Case is kept: {@code iPhone} does not
 * match {@code IPHONE}.
 *
 * <p>Each UTF-16 unit folds to one unit, so an occurrence found in the folded text has the same
 * offsets in the text as written. So a character outside the BMP (two units) stays as it is, and
 * so does a traditional character whose simplified form is outside the BMP (勣, whose simplified
 * form is 𪟝), though the network reads those as simplified.
 */
final class Folding {
  private Folding() {}

  /** The folded form of each UTF-16 unit. */
  private static final char[] FOLD = table();

  private static char[] table() {
    char[] t = new char[0x10000];
    for (int c = 0; c < t.length; c++) {
      t[c] = (char) c;
    }
    for (int c = 0x3400; c < t.length; c++) {
      int s = Character.isSurrogate((char) c) ? c : SimplifiedForms.forMatching(c);
      if (s != c && s < 0x10000 && !Character.isSurrogate((char) s)) {
        t[c] = (char) s;
      }
    }
    for (int c = 0xFF01; c <= 0xFF5E; c++) {
      t[c] = (char) dev.fenci.text.Chunker.asciiForm(c);
    }
    for (int c = 0x80; c < t.length; c++) {
      if (Character.getType(c) == Character.SPACE_SEPARATOR) {
        t[c] = ' '; // U+3000, the no-break space U+00A0 (&nbsp; of web pages), U+2000-U+200A, U+202F, U+205F
      }
    }
    t[0x2010] = '-'; // Unicode's hyphen and non-breaking hyphen as ASCII's, as the network reads them (Wi‑Fi)
    t[0x2011] = '-';
    t[0x3007] = '\u25CB'; // 〇 as ○, as People's Daily 1998 writes zero in years (二○○八年)
    for (int c = 0x2000; c < t.length; c++) {
      if (dev.fenci.text.Chunker.isNameDot(c)) {
        t[c] = '\u00B7'; // the middle dots of names as ·, as the network reads them (馬克‧吐溫)
      }
    }
    return t;
  }

  /** Number of UTF-16 units that fold to another (for the documentation's figures). */
  static int folded() {
    int n = 0;
    for (int c = 0; c < FOLD.length; c++) {
      n += FOLD[c] != c ? 1 : 0;
    }
    return n;
  }

  static char fold(char c) {
    return FOLD[c];
  }

  /** The string an entry is known by: {@code word} folded. */
  static String key(String word) {
    char[] a = null;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      char f = FOLD[c];
      if (f != c) {
        if (a == null) {
          a = word.toCharArray();
        }
        a[i] = f;
      }
    }
    return a == null ? word : new String(a);
  }
}
