package dev.fenci.text;

/**
 * Finds a backslash and the ASCII letters after it, which the chunker makes one word: an escape sequence as
 * programs write it ({@code \n}, {@code \t}; in a regular expression {@code \d}, {@code \s}) or a TeX command as
 * mathematics is written ({@code \frac}, {@code \alpha}). The training texts hold no backslash at all, and the
 * network had cut the backslash off and joined a letter with the Chinese character after it ({@code 用 \ t缩进},
 * {@code \ frac}). A Windows or network path ({@code C:\Windows}, {@code \\server\share}) is an address
 * ({@link Links}) and not asked about here.
 */
final class Escapes {
  /** The most letters of a command ({@code \begin}, {@code \mathbb}) that one word takes. */
  static final int LONGEST = 32;

  private Escapes() {}

  /**
   * The end of the escape or command that starts at {@code i}, or -1 if none does: an ASCII backslash that does not
   * follow another, then the ASCII letters after it, all of them ({@code \frac}, {@code 用 \t 缩进}) but for one
   * after an ASCII letter or digit, where the backslash escapes one letter inside a string ({@code hello \n world}).
   */
  static int end(CharSequence text, int i) {
    int n = text.length();
    if (text.charAt(i) != '\\' || i + 1 >= n || !isAsciiLetter(text.charAt(i + 1)) || i > 0 && text.charAt(i - 1) == '\\') {
      return -1;
    }
    if (i > 0 && Chunker.isAsciiAlnum(text.charAt(i - 1))) {
      return i + 2;
    }
    int end = i + 2;
    while (end < n && end - i <= LONGEST && isAsciiLetter(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }
}
