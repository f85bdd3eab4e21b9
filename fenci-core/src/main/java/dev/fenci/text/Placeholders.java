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
   * letter or an underscore, and the closing bracket; not after another {@code $}, nor before {@code $ ^ _} (a
   * parenthesis: {@code ^ _}), where it is a group of a TeX formula ({@code $${x}^{2}$$}, {@code 设${a_n}$是}); nor a
   * {@code $(name)} of one letter, a formula's more often ({@code $(x) > 0$}). Or {@code $} and one of
   * {@code @ < ? * # !} before no letter, digit, brace or one of {@code _ $ ( @ # ! * ? <}: Make's {@code $@} and
   * {@code $<} after no letter, digit or {@code _ $} or backslash, the others where a shell's word starts
   * ({@link #startsWord}): {@code $(CC) -o $@ $<}, {@code 其中$@表示目标}, {@code echo $?}, but not {@code 多少$?} or
   * {@code $#@!}.
   */
  static int end(CharSequence text, int i) {
    int n = text.length();
    char c = text.charAt(i);
    if (c == '$' && i + 1 < n && AUTOMATIC.indexOf(text.charAt(i + 1)) >= 0) {
      boolean startsWord = "@<".indexOf(text.charAt(i + 1)) >= 0 ? !afterName(text, i) : startsWord(text, i);
      return startsWord && (i + 2 == n || !continuesWord(text.charAt(i + 2))) ? i + 2 : -1;
    }
    boolean paren = c == '$' && i + 1 < n && text.charAt(i + 1) == '(';
    if (c != '$' && c != '#' || i + 3 >= n || text.charAt(i + 1) != '{' && !paren) {
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
    if (k >= n || text.charAt(k) != (paren ? ')' : '}') || i > 0 && text.charAt(i - 1) == '$' || paren && k == i + 3) {
      return -1; // $(x) of one letter is a formula's more often than a variable ($(x) > 0$)
    }
    // not a group in a TeX formula, which a dollar sign closes or a power or an index follows (${a_n}$, ${x}^2)
    return k + 1 < n && (paren ? "^_" : "$^_").indexOf(text.charAt(k + 1)) >= 0 ? -1 : k + 1;
  }

  /** The automatic variables' second characters: Make's {@code $@ $< $? $*} and the shell's {@code $? $# $! $@ $*}. */
  private static final String AUTOMATIC = "@<?*#!";
  /** What may come right before the shell's {@code $? $# $! $*} besides a line's start and whitespace. */
  private static final String WORD_STARTS = "(\"'=\uFF0C\uFF1A\uFF08\u3001\uFF1B";

  /** Whether {@code c} after an automatic variable makes it part of a longer run ({@code $@a}, {@code $#@!}). */
  private static boolean continuesWord(char c) {
    return Chunker.isAsciiAlnum(c) || "_$({@#!*?<".indexOf(c) >= 0;
  }

  /** Whether an ASCII letter, digit, {@code _}, {@code $} or backslash comes right before {@code i}. */
  private static boolean afterName(CharSequence text, int i) {
    return i > 0 && (Chunker.isAsciiAlnum(text.charAt(i - 1)) || "_$\\".indexOf(text.charAt(i - 1)) >= 0);
  }

  /**
   * Whether the shell's variable at {@code i} starts a word as code writes it: at a line's start, after {@code ( " ' =}
   * or a full-width comma, colon, parenthesis or semicolon, or after spaces that follow ASCII text or a line's start
   * ({@code echo $?}, {@code 在脚本中，$?保存}; not {@code 价格 $?}, a price's question).
   */
  private static boolean startsWord(CharSequence text, int i) {
    if (i == 0 || WORD_STARTS.indexOf(text.charAt(i - 1)) >= 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r') {
      return true;
    }
    int a = i;
    while (a > 0 && (text.charAt(a - 1) == ' ' || text.charAt(a - 1) == '\t')) {
      a--;
    }
    return a < i && (a == 0 || text.charAt(a - 1) < 0x80);
  }
}
