package dev.fenci.text;

/**
 * Finds HTML and XML tags, which text scraped from web pages keeps ({@code <p>今天</p><br/>},
 * {@code <a href="http://a.cn">点击</a>}) and which the chunker makes words of their own. The network,
 * which never saw one, had joined the tags in a row ({@code </p><br/>}) and cut those with attributes
 * at their quotes and spaces ({@code <a href= " http://a.cn " >}).
 *
 * <p>A tag is {@code <}, perhaps {@code /}, a name (an ASCII letter, then up to 31 ASCII letters,
 * digits, hyphens, underscores, dots or colons: {@code h1}, {@code my-widget}, {@code w:p}), attributes
 * after whitespace ({@code name}, {@code name=value}, {@code name="value"} or {@code name='value'}; a
 * quoted value may hold any character but its quote and a line break, Chinese ones too), perhaps
 * {@code /}, and {@code >}, on one line and at most 512 characters long. Text that only looks like a
 * tag stays as it was: after an ASCII letter, digit or underscore only the tags of the elements of text and
 * lines are tags ({@code Hello<br>}, {@code 2024</p>}; {@link #AFTER_A_WORD}), not {@code List<String>} nor
 * {@code vector<int>}, and a bracket whose inside is no name with attributes is none ({@code <<三国演义>>},
 * {@code <5>}, {@code a <b 且 c> d}, {@code Map<String, Integer>}).
 */
final class HtmlTags {
  private HtmlTags() {}

  private static final int LONGEST_NAME = 32;
  private static final int LONGEST = 512;

  /**
   * The elements whose tags are tags right after an ASCII letter, digit or underscore too
   * ({@code Hello<br>}, {@code 2024</p>}), where any other name is a type's parameter ({@code List<String>},
   * {@code vector<int>}): the tags of text and lines that pages write most.
   */
  private static final java.util.Set<String> AFTER_A_WORD = java.util.Set.of("a", "b", "i", "u", "s", "p", "br", "hr",
      "div", "span", "img", "li", "ul", "ol", "td", "tr", "th", "table", "em", "strong", "font", "h1", "h2", "h3", "h4",
      "h5", "h6", "sup", "sub", "small", "big", "center", "blockquote", "dd", "dt", "dl", "tbody", "thead", "section",
      "article", "header", "footer", "nav", "label", "wbr");

  /** The end of the tag that starts at {@code i}, or -1 if none does. */
  static int end(CharSequence text, int i) {
    int n = Math.min(text.length(), i + LONGEST);
    if (i + 2 >= n || text.charAt(i) != '<') {
      return -1;
    }
    int j = i + 1;
    if (text.charAt(j) == '/') {
      j++;
    }
    int name = j;
    if (j >= n || !isAsciiLetter(text.charAt(j))) {
      return -1;
    }
    while (j < n && j - name < LONGEST_NAME && isNameChar(text.charAt(j))) {
      j++;
    }
    if (i > 0 && isWordChar(text.charAt(i - 1))
        && !AFTER_A_WORD.contains(text.subSequence(name, j).toString().toLowerCase(java.util.Locale.ROOT))) {
      return -1;
    }
    while (j < n) {
      char c = text.charAt(j);
      if (c == '>') {
        return j + 1;
      }
      if (c == '/') {
        return j + 1 < n && text.charAt(j + 1) == '>' ? j + 2 : -1;
      }
      if (c != ' ' && c != '\t') {
        return -1;
      }
      while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
        j++;
      }
      if (j < n && isAsciiLetter(text.charAt(j)) || j < n && (text.charAt(j) == '_' || text.charAt(j) == '@' || text.charAt(j) == ':')) {
        j = attributeEnd(text, j, n);
        if (j < 0) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** The end of the attribute that starts at {@code j} (its name, and perhaps {@code =} and a value), or -1. */
  private static int attributeEnd(CharSequence text, int j, int n) {
    while (j < n && isNameChar(text.charAt(j)) || j < n && text.charAt(j) == '@') {
      j++;
    }
    if (j >= n || text.charAt(j) != '=') {
      return j;
    }
    j++;
    if (j >= n) {
      return -1;
    }
    char quote = text.charAt(j);
    if (quote == '"' || quote == '\'') {
      for (j++; j < n; j++) {
        char c = text.charAt(j);
        if (c == quote) {
          return j + 1;
        }
        if (c == '\n' || c == '\r') {
          return -1;
        }
      }
      return -1;
    }
    int value = j;
    while (j < n && isUnquotedValueChar(text.charAt(j))) {
      j++;
    }
    return j > value ? j : -1;
  }

  /** A character of an unquoted attribute value: printable ASCII but whitespace, quotes, {@code = < > `}. */
  private static boolean isUnquotedValueChar(char c) {
    return c > ' ' && c < 0x7F && "\"'=<>`".indexOf(c) < 0;
  }

  private static boolean isNameChar(char c) {
    return Chunker.isAsciiAlnum(c) || c == '-' || c == '_' || c == '.' || c == ':';
  }

  private static boolean isWordChar(char c) {
    return Chunker.isAsciiAlnum(c) || c == '_';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
