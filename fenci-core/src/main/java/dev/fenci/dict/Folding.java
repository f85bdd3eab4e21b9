package dev.fenci.dict;

import dev.fenci.text.SimplifiedForms;

/**
 * How a dictionary compares its words with text: character by character after folding the forms
 * a reader takes for the same character. A full-width letter, digit or symbol is its ASCII form
 * ({@code ＡＢＣ公司} is {@code ABC公司}), the ideographic space U+3000 is a space, and a
 * traditional-only character is its simplified form ({@code 臺灣} is {@code 台灣} is {@code 台湾};
 * {@link SimplifiedForms}). So an entry matches every way of writing it, as the network reads
 * them alike, and two entries that fold to the same string are the same entry (the later wins).
 * Case is kept: {@code iPhone} does not match {@code IPHONE}.
 *
 * <p>Each UTF-16 unit folds to one unit (surrogates stay as they are), so an occurrence found in
 * the folded text has the same offsets in the text as written.
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
      int s = Character.isSurrogate((char) c) ? c : SimplifiedForms.of(c);
      if (s != c && s < 0x10000 && !Character.isSurrogate((char) s)) {
        t[c] = (char) s;
      }
    }
    for (int c = 0xFF01; c <= 0xFF5E; c++) {
      t[c] = (char) (c - 0xFF01 + 0x21);
    }
    t[0x3000] = ' ';
    return t;
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
