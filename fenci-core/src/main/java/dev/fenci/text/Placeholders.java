package dev.fenci.text;

/**
 * Finds a placeholder as templates and configuration write it, which the chunker makes one word: {@code ${name}}
 * (a shell's variable, Maven's and Spring's properties, JavaScript's template strings: {@code ${JAVA_HOME}},
 * {@code ${project.version}}), {@code #{name}} (MyBatis' parameters, Spring's expressions: {@code #{id}}) and
 * {@code $(name)} (Make's variables, a shell's command substitution: {@code $(CC)}, {@code $(pwd)}), and the automatic
 * variables of Make and the shell ({@code $@}, {@code $<}, {@code $?}). No training text holds one, and the network
 * had cut them at their brackets ({@code $ { JAVA_HOME }}, {@code $ ( CC )}, {@code $ @}).
 */
final class Placeholders {
  /** The most characters of a placeholder's name. */
  static final int LONGEST = 64;
  /** Marks a name holds besides ASCII letters and digits ({@code project.version}, {@code user-id}, {@code a:b}). */
  private static final String NAME_MARKS = "_.-:";

  private Placeholders() {}

  /**
   * The end of the placeholder that starts at {@code i}, or -1 if none does: {@code $} or {@code #}, an opening
   * brace (or, after {@code $}, a parenthesis), a name of ASCII letters, digits and {@code _ . - :} that starts with a
   * letter or an underscore, and the closing bracket; not after another {@code $}, nor before {@code $ ^ _}, where it
   * is a group of a TeX formula ({@code $${x}^{2}$$}, {@code 设${a_n}$是}). Or {@code $} and one of {@code @ < ? * # !}
   * at a word's start (after a line's start, a space or {@code ( " ' =}) and before no letter, digit or
   * {@code _ $ ( \{}: {@code $(CC) -o $@ $<}, {@code echo $?}, but not {@code 多少$?}.
   */
  static int end(CharSequence text, int i) {
    int n = text.length();
    char c = text.charAt(i);
    if (c == '$' && i + 1 < n && AUTOMATIC.indexOf(text.charAt(i + 1)) >= 0) {
      return startsWord(text, i) && (i + 2 == n || !continuesWord(text.charAt(i + 2))) ? i + 2 : -1;
    }
    char close = i + 1 < n && text.charAt(i + 1) == '{' ? '}' : c == '$' && i + 1 < n && text.charAt(i + 1) == '(' ? ')' : 0;
    if (c != '$' && c != '#' || i + 3 >= n || close == 0) {
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
    if (k >= n || text.charAt(k) != close || i > 0 && text.charAt(i - 1) == '$') {
      return -1;
    }
    // not a group in a TeX formula, which a dollar sign closes or a power or an index follows (${a_n}$, ${x}^2)
    return k + 1 < n && "$^_".indexOf(text.charAt(k + 1)) >= 0 ? -1 : k + 1;
  }

  /** The automatic variables' second characters: Make's {@code $@ $< $? $*} and the shell's {@code $? $# $! $@ $*}. */
  private static final String AUTOMATIC = "@<?*#!";
  /** What may come before an automatic variable besides a line's start and whitespace. */
  private static final String WORD_STARTS = "(\"'=";

  /** Whether {@code c} after an automatic variable would make it part of a longer word ({@code $@a}, {@code $?$}). */
  private static boolean continuesWord(char c) {
    return Chunker.isAsciiAlnum(c) || "_$({".indexOf(c) >= 0;
  }

  private static boolean startsWord(CharSequence text, int i) {
    if (i == 0) {
      return true;
    }
    char b = text.charAt(i - 1);
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || WORD_STARTS.indexOf(b) >= 0;
  }
}
