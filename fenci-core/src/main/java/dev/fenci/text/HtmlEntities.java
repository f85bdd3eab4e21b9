package dev.fenci.text;

import java.util.Map;

/**
 * Finds HTML character references, which text scraped from web pages keeps ({@code 今天&nbsp;我们},
 * {@code &lt;br&gt;}, {@code &#165;100}, {@code &#x4E2D;}) and which the chunker makes words of their
 * own. The network, which never saw one (neither People's Daily nor the micro-blog corpus writes
 * one), had cut them at their semicolon and inside ({@code &nbsp ;}, {@code & # 165 ;}).
 *
 * <p>A reference is {@code &}, then a name of 2 to 31 ASCII letters and digits starting with a
 * letter (HTML's names run from {@code lt} to {@code CounterClockwiseContourIntegral}), a decimal
 * number of 1 to 7 digits after {@code #} or a hexadecimal one of 1 to 6 digits after {@code #x},
 * and a semicolon. Without the semicolon, which HTML tolerates for a few old names, it is not one:
 * {@code AT&T}, {@code Q&A} and {@code &copy} in a link's query stay as they were. The names are not
 * checked against HTML's list of 2,231: in Chinese text an ampersand, a name and a semicolon are a
 * reference.
 */
final class HtmlEntities {
  private HtmlEntities() {}

  private static final int LONGEST_NAME = 31;

  /** The most characters a reference has before its semicolon ({@code &} and the longest name). */
  static final int LONGEST = LONGEST_NAME + 1;

  /**
   * The named references that stand for whitespace or punctuation, with the character they stand
   * for: such a reference is punctuation too ({@link #standsForPunctuationOrSpace}). {@code &lt;} and
   * {@code &gt;} are not here, as {@code <} and {@code >} are symbols, words as {@code +} is.
   */
  private static final Map<String, Integer> PUNCTUATION_NAMES = Map.ofEntries(
      Map.entry("nbsp", 0xA0), Map.entry("ensp", 0x2002), Map.entry("emsp", 0x2003),
      Map.entry("thinsp", 0x2009), Map.entry("amp", (int) '&'), Map.entry("quot", (int) '"'),
      Map.entry("apos", (int) '\''), Map.entry("hellip", 0x2026), Map.entry("mdash", 0x2014),
      Map.entry("ndash", 0x2013), Map.entry("lsquo", 0x2018), Map.entry("rsquo", 0x2019),
      Map.entry("sbquo", 0x201A), Map.entry("ldquo", 0x201C), Map.entry("rdquo", 0x201D),
      Map.entry("bdquo", 0x201E), Map.entry("laquo", 0xAB), Map.entry("raquo", 0xBB),
      Map.entry("lsaquo", 0x2039), Map.entry("rsaquo", 0x203A), Map.entry("middot", 0xB7),
      Map.entry("bull", 0x2022), Map.entry("iexcl", 0xA1), Map.entry("iquest", 0xBF),
      Map.entry("sect", 0xA7), Map.entry("para", 0xB6), Map.entry("dagger", 0x2020),
      Map.entry("Dagger", 0x2021), Map.entry("prime", 0x2032), Map.entry("Prime", 0x2033),
      Map.entry("permil", 0x2030));

  /** The end of the character reference that starts at {@code i}, or -1 if none does. */
  static int end(CharSequence text, int i) {
    int n = text.length();
    if (i + 3 >= n || text.charAt(i) != '&') {
      return -1;
    }
    int j = i + 1;
    int first;
    int most;
    if (text.charAt(j) == '#') {
      boolean hex = text.charAt(j + 1) == 'x' || text.charAt(j + 1) == 'X';
      j += hex ? 2 : 1;
      first = j;
      most = hex ? 6 : 7;
      while (j < n && j - first < most && (hex ? Character.digit(text.charAt(j), 16) >= 0 && text.charAt(j) < 0x80
          : text.charAt(j) >= '0' && text.charAt(j) <= '9')) {
        j++;
      }
      return j > first && j < n && text.charAt(j) == ';' ? j + 1 : -1;
    }
    first = j;
    if (!isAsciiLetter(text.charAt(j))) {
      return -1;
    }
    while (j < n && j - first < LONGEST_NAME && Chunker.isAsciiAlnum(text.charAt(j))) {
      j++;
    }
    return j - first >= 2 && j < n && text.charAt(j) == ';' ? j + 1 : -1;
  }

  /**
   * Whether {@code word} is one character reference that stands for whitespace or punctuation
   * ({@code &nbsp;}, {@code &quot;}, {@code &mdash;}, {@code &#12290;}, {@code &#x3001;}); not for a
   * symbol ({@code &lt;}, {@code &yen;}), a letter, a Chinese character or a name this class does
   * not list.
   */
  static boolean standsForPunctuationOrSpace(CharSequence word) {
    if (word.length() < 4 || end(word, 0) != word.length()) {
      return false;
    }
    int cp;
    if (word.charAt(1) == '#') {
      boolean hex = word.charAt(2) == 'x' || word.charAt(2) == 'X';
      String digits = word.subSequence(hex ? 3 : 2, word.length() - 1).toString();
      int value = Integer.parseInt(digits, hex ? 16 : 10);
      if (value > Character.MAX_CODE_POINT) {
        return false;
      }
      cp = value;
    } else {
      Integer named = PUNCTUATION_NAMES.get(word.subSequence(1, word.length() - 1).toString());
      if (named == null) {
        return false;
      }
      cp = named;
    }
    return Chunker.isSpace(cp) || Chunker.isPunctuationWord(new String(Character.toChars(cp)));
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
