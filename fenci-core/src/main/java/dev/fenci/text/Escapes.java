package dev.fenci.text;

import java.util.Set;

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
   * follow another, then the ASCII letters after it, all of them, as TeX reads a command ({@code \frac},
   * {@code 用 \t 缩进}, {@code \alpha}), or {@code x} and two hexadecimal digits ({@code \x41}) or {@code u} and
   * four. After an ASCII letter or digit only a command of {@link #TEX_COMMANDS} is one ({@code n \to \infty},
   * {@code x \in A}): there a backslash is more often a path's ({@code src\main\java}, {@code Files\Java}),
   * and is left a mark of its own, as it was ({@code hello \ nworld} too), and so is one after a folder written in
   * Chinese ({@link #inPath}).
   */
  static int end(CharSequence text, int i) {
    int n = text.length();
    if (text.charAt(i) != '\\' || i + 1 >= n || !Chunker.isAsciiLetter(text.charAt(i + 1)) || i > 0 && text.charAt(i - 1) == '\\') {
      return -1;
    }
    int end = i + 2;
    while (end < n && end - i <= LONGEST && Chunker.isAsciiLetter(text.charAt(end))) {
      end++;
    }
    if (i > 0 && Chunker.isAsciiAlnum(text.charAt(i - 1))) {
      return TEX_COMMANDS.contains(text.subSequence(i + 1, end).toString()) || closesString(text, i, end) ? end : -1;
    }
    if (inPath(text, i)) {
      return -1;
    }
    char c = text.charAt(i + 1);
    int hex = c == 'x' ? 2 : c == 'u' ? 4 : 0;
    if (end == i + 2 && hex > 0 && hexDigits(text, i + 2, hex)) {
      return i + 2 + hex;
    }
    return end;
  }

  /**
   * Whether the backslash at {@code i} follows a folder written in Chinese, which ends a path's address ({@link Links}):
   * up to 16 Chinese characters right before it, after another backslash ({@code C:\用户\Admin},
   * {@code D:\资料\backup}). Its letters are the next folder's, not an escape.
   */
  private static boolean inPath(CharSequence text, int i) {
    int k = i;
    while (k > 0 && i - k < 16 && Character.isIdeographic(text.charAt(k - 1))) {
      k--;
    }
    return k < i && k > 0 && text.charAt(k - 1) == '\\';
  }

  /**
   * Whether the backslash at {@code i} and the letters to {@code end} are a line break's or a tab's escape, as a format
   * string writes it after a letter or digit ({@code "%d\n"}, {@code "a\r\n"}, {@code [a-z\t]}): {@code n},
   * {@code r} or {@code t} alone, before no ASCII letter or digit, as no path's folder is written.
   */
  private static boolean closesString(CharSequence text, int i, int end) {
    return end == i + 2 && "nrt".indexOf(text.charAt(i + 1)) >= 0 && (end == text.length() || !Chunker.isAsciiAlnum(text.charAt(end)));
  }

  /** Whether {@code count} hexadecimal digits start at {@code from}. */
  private static boolean hexDigits(CharSequence text, int from, int count) {
    if (from + count > text.length()) {
      return false;
    }
    for (int k = from; k < from + count; k++) {
      if (!Links.isHexDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * TeX's commands that mathematics written in Chinese text uses most, which follow a letter or digit without a
   * space ({@code n\to\infty}, {@code x\in A}, {@code 2\times3}, {@code a\cdot b}).
   */
  static final Set<String> TEX_COMMANDS = Set.of("to", "infty", "in", "notin", "ni", "cdot", "cdots", "ldots", "dots",
      "times", "div", "pm", "mp", "frac", "dfrac", "tfrac", "sqrt", "sum", "prod", "int", "iint", "oint", "lim", "log",
      "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
      "max", "min", "sup", "inf", "det", "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta",
      "theta", "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi",
      "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega",
      "leq", "le", "geq", "ge", "neq", "ne", "approx", "equiv", "sim", "simeq", "cong", "propto", "subset", "subseteq",
      "supset", "supseteq", "cup", "cap", "emptyset", "varnothing", "forall", "exists", "partial", "nabla", "angle",
      "triangle", "perp", "parallel", "rightarrow", "leftarrow", "Rightarrow", "Leftarrow", "leftrightarrow",
      "Leftrightarrow", "iff", "implies", "mathbb", "mathrm", "mathbf", "vec", "overline", "overrightarrow", "hat",
      "bar", "left", "right", "begin", "end", "text", "quad", "qquad", "binom", "circ", "mod", "bmod", "pmod", "gcd",
      "because", "therefore", "prime", "ast", "star", "lfloor", "rfloor", "lceil", "rceil", "langle", "rangle");
}
