package dev.fenci.text;

/**
 * Finds HTML and XML tags, which text scraped from web pages keeps ({@code <p>今天</p><br/>},
 * {@code <a href="http://a.cn">点击</a>}) and which the chunker makes words of their own. The network,
 * which never saw one, had joined the tags in a row ({@code </p><br/>}) and cut those with attributes
 * at their quotes and spaces ({@code <a href= " http://a.cn " >}).
 *
 * <p>A tag is {@code <}, perhaps {@code /}, a name (an ASCII letter, then up to 31 ASCII letters,
 * digits, hyphens, underscores or colons: {@code h1}, {@code my-widget}, {@code w:p}), attributes after
 * whitespace (a name of the same characters, alone or with {@code =value}, {@code ="value"} or
 * {@code ='value'}; a quoted value may hold any character but its quote and a line break, Chinese ones
 * too), perhaps {@code /}, and {@code >}, on one line and at most 512 characters long. Text that only
 * looks like a tag stays as it was:
 *
 * <ul>
 *   <li>after an ASCII letter, digit or underscore only a closing tag ({@code 2024</p>}), the tag of an
 *       element of text and lines ({@code Hello<br>}; {@link #AFTER_A_WORD}) or one with a quoted value
 *       ({@code Click<a href="x">}) is one, not a type's parameter ({@code List<String>}, {@code Box<A>}, {@code vector<int>}) nor a comparison
 *       ({@code a<b>c});</li>
 *   <li>nor after another {@code <} ({@code <<Harry Potter>>}, as {@code <<三国演义>>});</li>
 *   <li>nor with whitespace before its {@code >} when a letter or digit follows it (a shell's
 *       redirections, {@code sort <data >out});</li>
 *   <li>nor a bracket whose inside is no name with attributes ({@code <5>}, {@code a <b 且 c> d},
 *       {@code Map<String, Integer>}, {@code <Tom tom@a.cn>}, {@code <input.txt}).</li>
 * </ul>
 */
final class HtmlTags {
  private HtmlTags() {}

  private static final int LONGEST_NAME = 32;
  private static final int LONGEST = 512;

  /**
   * The elements whose opening tags are tags right after an ASCII letter, digit or underscore too
   * ({@code Hello<br>}, {@code 2024<td>}), written in lower or upper case: the elements of text and
   * lines that pages write most, and no name a type's parameter takes ({@code List<T>}, {@code Map<K, V>}).
   */
  private static final java.util.Set<String> AFTER_A_WORD = java.util.Set.of("br", "hr", "wbr", "img", "div",
      "span", "li", "td", "tr", "th", "ul", "ol", "em", "strong", "sup", "sub", "h1", "h2", "h3", "h4", "h5", "h6", "dd",
      "dt", "dl", "tbody", "thead", "blockquote");

  /** The end of the tag that starts at {@code i}, or -1 if none does. */
  static int end(CharSequence text, int i) {
    int n = Math.min(text.length(), i + LONGEST);
    if (i + 2 >= n || text.charAt(i) != '<' || i > 0 && text.charAt(i - 1) == '<') {
      return -1;
    }
    int j = i + 1;
    boolean closing = text.charAt(j) == '/';
    if (closing) {
      j++;
    }
    int name = j;
    if (j >= n || !Chunker.isAsciiLetter(text.charAt(j))) {
      return -1;
    }
    while (j < n && j - name < LONGEST_NAME && isNameChar(text.charAt(j))) {
      j++;
    }
    // after a letter or digit only a closing tag, one of a text element's, or one with a quoted value, which no
    // type's parameter has (Click<a href="x">)
    boolean afterWord = i > 0 && isWordChar(text.charAt(i - 1)) && !closing
        && !isTextElement(text.subSequence(name, j).toString());
    boolean quoted = false;
    while (j < n) {
      char c = text.charAt(j);
      if (c == '>') {
        boolean spaceBefore = text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\t';
        return spaceBefore && j + 1 < text.length() && Chunker.isAsciiAlnum(text.charAt(j + 1)) || afterWord && !quoted
            ? -1 : j + 1;
      }
      if (c == '/') {
        return j + 1 < n && text.charAt(j + 1) == '>' && (!afterWord || quoted) ? j + 2 : -1;
      }
      if (c != ' ' && c != '\t') {
        return -1;
      }
      while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
        j++;
      }
      if (j < n && Chunker.isAsciiLetter(text.charAt(j))) {
        int name0 = j;
        j = attributeEnd(text, j, n);
        quoted |= j > 0 && (text.charAt(j - 1) == '"' || text.charAt(j - 1) == '\'') && j - 1 > name0;
        if (j < 0) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** Whether the {@code >} at {@code gt} closes a tag ({@code <br>} before {@code :)}). */
  static boolean closesTag(CharSequence text, int gt) {
    for (int k = gt - 1; k >= 0 && gt - k < LONGEST; k--) {
      if (text.charAt(k) == '<' && end(text, k) == gt + 1) {
        return true;
      }
    }
    return false;
  }

  /** The end of the attribute that starts at {@code j} (its name, and perhaps {@code =} and a value), or -1. */
  private static int attributeEnd(CharSequence text, int j, int n) {
    while (j < n && isNameChar(text.charAt(j))) {
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
    return Chunker.isAsciiAlnum(c) || c == '-' || c == '_' || c == ':';
  }

  /** Whether {@code name} is one of {@link #AFTER_A_WORD}'s, in lower or upper case ({@code br}, {@code BR}). */
  private static boolean isTextElement(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return AFTER_A_WORD.contains(lower) && (name.equals(lower) || name.equals(name.toUpperCase(java.util.Locale.ROOT)));
  }

  private static boolean isWordChar(char c) {
    return Chunker.isAsciiAlnum(c) || c == '_';
  }
}
