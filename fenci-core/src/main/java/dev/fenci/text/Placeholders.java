package dev.fenci.text;

/**
 * Finds a placeholder as templates and configuration write it, which the chunker makes one word: {@code ${name}}
 * (a shell's variable, Maven's and Spring's properties, JavaScript's template strings: {@code ${JAVA_HOME}},
 * {@code ${project.version}}) and {@code #{name}} (MyBatis' parameters, Spring's expressions: {@code #{id}}). No
 * training text holds one, and the network had cut them at their braces ({@code $ { JAVA_HOME }}).
 */
final class Placeholders {
  /** The most characters of a placeholder's name. */
  static final int LONGEST = 64;
  /** Marks a name holds besides ASCII letters and digits ({@code project.version}, {@code user-id}, {@code a:b}). */
  private static final String NAME_MARKS = "_.-:";

  private Placeholders() {}

  /**
   * The end of the placeholder that starts at {@code i}, or -1 if none does: {@code $} or {@code #}, an opening
   * brace, a name of ASCII letters, digits and {@code _ . - :} that starts with a letter or an underscore, and a
   * closing brace; not after another {@code $}, nor before {@code $ ^ _}, where it is a group of a TeX formula
   * ({@code $${x}^{2}$$}, {@code 设${a_n}$是}).
   */
  static int end(CharSequence text, int i) {
    int n = text.length();
    char c = text.charAt(i);
    if (c != '$' && c != '#' || i + 3 >= n || text.charAt(i + 1) != '{') {
      return -1;
    }
    char first = text.charAt(i + 2);
    if (!Chunker.isAsciiLetter(first) && first != '_') {
      return -1;
    }
    int k = i + 3;
    while (k < n && k - i - 2 < LONGEST && (Chunker.isAsciiAlnum(text.charAt(k)) || NAME_MARKS.indexOf(text.charAt(k)) >= 0)) {
      k++;
    }
    if (k >= n || text.charAt(k) != '}' || i > 0 && text.charAt(i - 1) == '$') {
      return -1;
    }
    // not a group in a TeX formula, which a dollar sign closes or a power or an index follows (${a_n}$, ${x}^2)
    return k + 1 < n && "$^_".indexOf(text.charAt(k + 1)) >= 0 ? -1 : k + 1;
  }
}
