package dev.fenci.text;

/**
 * Finds emoticons, faces written with characters, which the chunker makes words of their own, as
 * the NLPCC 2016 micro-blog corpus writes them ({@code ^-^}, {@code *^__^*}, {@code (*´ω`*)},
 * {@code o(=•ω•=)m}, {@code (｢･ω･)｢}: whole every time). The network, trained on text with almost
 * none, had cut them into their marks ({@code ^ - ^}) and joined their letters to the words beside
 * them ({@code 哭T_T}, {@code O哈哈}). Three shapes:
 *
 * <ul>
 *   <li>a face on one line, an eye, one to three of one mouth character and an eye
 *       ({@code ^_^ ^__^ ^o^ >_< T_T -_- =.= o_O ≧▽≦ ・ω・ ╥﹏╥}; of ASCII mouths only {@code _} in a
 *       row), or {@code ^^}, not inside a row of its marks ({@code --.--}, {@code =-=-=}); the eyes are the
 *       same or a mirrored pair ({@code > <}, {@code ≧ ≦}, {@code o O}); a combining mark may follow
 *       an eye ({@code •̀}); the face may have a {@code *} cheek on both sides ({@code *^_^*}) and a
 *       sweat mark after it ({@code -_-||});</li>
 *   <li>a face in brackets with its arms ({@code (╯‵□′)╯︵┻━┻}, {@code \(≧▽≦)/}, {@code O(∩_∩)O},
 *       {@code _(・ω・｣∠)_}): up to sixteen characters in ASCII or full-width brackets, without
 *       spaces, Chinese characters, commas or two ASCII letters or digits in a row, holding a face
 *       on one line, or three characters or more one of which only faces use
 *       ({@code ▽ ﹏ ╯ ￣ ⊙ ≧ ◕ ಠ ﾟ}) and no ASCII letter or digit but {@code o} (a formula:
 *       {@code (a⊙b)}, {@code (0≦x≦1)});</li>
 *   <li>a Western face: a colon, semicolon or equals sign, perhaps a nose, and a mouth
 *       ({@code :) :-( ;) :D =)}).</li>
 * </ul>
 *
 * <p>Text that only looks like a face stays text: a face never starts after an ASCII letter or
 * digit or an underscore, nor ends before one when its last character is a letter ({@code a>_<b},
 * {@code x_x_1}); a face whose eyes are letters or digits needs a mouth that is not an ASCII
 * letter, digit or dot ({@code 0.0}, {@code ToT} and {@code X.X} are not faces, {@code o.O} is);
 * quotation marks and the marks of code, formulas and globs are eyes only around a face's mouth
 * ({@code ‘∩’}, {@code `-`}, {@code $0$}, {@code *.*} are not faces, {@code ’ω’}, {@code $_$} are);
 * brackets around a formula or a word are no face ({@code (A∩B)}, {@code (ω)}, {@code (Дом)});
 * {@code :(} before a letter, digit, Chinese character or quote is a list's colon or code's ({@code 如下:(1)}),
 * a Western face just inside a bracket is a mark named there ({@code 冒号(:)}), and a
 * letter mouth without a nose after a Chinese character is an answer ({@code 答案:D}).
 */
final class Emoticons {
  private Emoticons() {}

  /** Characters that are an eye of a face on one line. */
  private static final String EYES = "^＾>＞<＜=＝-－TQoO0@*$+xX≧≦￣⊙•・･´`°╯╰╥ಥಠ◕●○◎≥≤’‘′‵｀ˇ~～∩≖→←";
  /** Eye pairs that differ, left then right; not {@code ‘ ’}, a quotation ({@code 符号‘∩’}, {@code ‘口’字旁}). */
  private static final String[] MIRRORED = {"><", "＞＜", "≧≦", "≦≧", "╯╰", "oO", "Oo", "´`", "´｀", "‵′", "≥≤"};
  /** Characters that are a mouth between two eyes. */
  private static final String MOUTHS = "_＿-.oOω▽◇﹏ε3∀‿ㅂдДロ口∇△vw□∩﹃︿0ー";
  /** Characters that only faces use: one of them in brackets makes a face. */
  private static final String FACE_ONLY = "▽﹏‿╯╰￣⊙≧≦◕◡ㅂಠಥᴗ︶╥≖๑ﾟ╬ᐛヮ꒳";
  /**
   * Eyes that are also quotation marks or Markdown's code marks: only with a mouth outside ASCII
   * ({@code ’ω’}, not {@code ‘-’} nor the inline code {@code `-`}, {@code `_`}).
   */
  private static final String QUOTE_EYES = "’‘`";
  /**
   * Eyes that also delimit a LaTeX formula, a glob or emphasis: of ASCII mouths only with
   * {@code _} ({@code $_$}, {@code *_*}, not {@code $0$}, {@code $v$}, {@code *.*}, {@code *3*}).
   */
  private static final String MARKUP_EYES = "$*";
  /** Arms and the like before a face's opening bracket. */
  private static final String LEFT_ARMS = "↖ヽ╮╰٩ლ┐┌oO\\＼⊂୧ᕕʕ┗╭ヾ_＿⁄┻━┳︵ノ";
  /** Arms and the like after a face's closing bracket. */
  private static final String RIGHT_ARMS = "↗ノﾉ╭╯┌┘┐۶ლو✧oOm/／⊃୨ᕗʔ┛ゞ_＿⁄｢｣つ︵┻━┳彡";
  /** The most characters a bracketed face holds between its brackets. */
  private static final int MOST_INSIDE = 16;
  /** The most arm characters on either side of a bracketed face. */
  private static final int MOST_ARMS = 6;

  /**
   * The end (UTF-16 index) of the emoticon that starts at {@code i}, or -1 if none starts there.
   * Constant time for a Chinese character; at most a few dozen characters looked at otherwise.
   */
  static int end(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c >= 0x3400 && c < 0xA000) {
      return -1; // Chinese characters: the common case
    }
    // after a word only a bracket starts a face (Hello(^_^)): an eye there is part of the word
    boolean afterWord = i > 0 && isWordChar(text.charAt(i - 1));
    int end = afterWord && Chunker.isAsciiAlnum(c) ? -1 : bracketed(text, i);
    if (end >= 0 || afterWord) {
      return end;
    }
    if (c == '*') {
      int f = face(text, i + 1);
      end = f > 0 && f < text.length() && text.charAt(f) == '*' ? f + 1 : -1;
    }
    if (end < 0) {
      end = face(text, i);
      if (end > 0) {
        end = sweat(text, end);
      }
    }
    if (end < 0) {
      end = western(text, i);
    }
    return end;
  }

  /** Whether a face may not start after {@code c}, nor end in a letter before it: an ASCII letter or digit, or an underscore. */
  private static boolean isWordChar(char c) {
    return Chunker.isAsciiAlnum(c) || c == '_';
  }

  /** Whether the face ending at {@code end} in a letter or digit runs on into a word there. */
  private static boolean runsOn(CharSequence text, int end) {
    return end < text.length() && Chunker.isAsciiAlnum(text.charAt(end - 1)) && isWordChar(text.charAt(end));
  }

  /** The end of a face on one line starting at {@code i} ({@code ^_^}), or -1. */
  static int face(CharSequence text, int i) {
    int n = text.length();
    if (i >= n) {
      return -1;
    }
    char left = text.charAt(i);
    if (EYES.indexOf(left) < 0) {
      return -1;
    }
    int at = marks(text, i + 1);
    char mouth = 0;
    int m = at;
    if (m < n && MOUTHS.indexOf(text.charAt(m)) >= 0 && text.charAt(m) != left) {
      mouth = text.charAt(m);
      // an ASCII mouth but _ is one character: +---+ is a table's border, -..- Morse code
      int most = mouth < 0x80 && mouth != '_' ? 1 : 3;
      while (m < n && text.charAt(m) == mouth && m - at < most) {
        m++;
      }
    }
    if (m >= n) {
      return -1;
    }
    char right = text.charAt(m);
    if (!pair(left, right) || right == mouth) {
      return -1;
    }
    if ((i > 0 && text.charAt(i - 1) == left) || (m + 1 < n && text.charAt(m + 1) == right)) {
      return -1; // inside a run of its eyes (--.--)
    }
    if (mouth != 0 && ((i > 0 && text.charAt(i - 1) == mouth) || (m + 1 < n && text.charAt(m + 1) == mouth))) {
      return -1; // inside a row of two marks in turn, a separator (=-=-=, -.-.-, +-+-+)
    }
    if (QUOTE_EYES.indexOf(left) >= 0 && mouth < 0x80) {
      return -1; // a quoted mark (‘-’)
    }
    if (MARKUP_EYES.indexOf(left) >= 0 && mouth < 0x80 && mouth != '_') {
      return -1; // a formula, a glob, emphasis ($0$, *.*, *3*)
    }
    if (mouth == 0) {
      if (left != '^' && left != '＾') {
        return -1; // ^^ alone: other eyes without a mouth are a run of one mark (==, --)
      }
    } else if (Chunker.isAsciiAlnum(left) || Chunker.isAsciiAlnum(right)) {
      boolean oDotO = mouth == '.' && left != right && (left == 'o' || left == 'O');
      if (!oDotO && (mouth < 0x80 && mouth != '_')) {
        return -1; // 0.0, ToT, X.X, T-T: a number, a word, a code
      }
    }
    int end = marks(text, m + 1);
    return runsOn(text, end) ? -1 : end;
  }

  /** Whether {@code left} and {@code right} are a face's two eyes. */
  private static boolean pair(char left, char right) {
    if (left == right) {
      return true;
    }
    for (String p : MIRRORED) {
      if (p.charAt(0) == left && p.charAt(1) == right) {
        return true;
      }
    }
    return false;
  }

  /** After the combining marks at {@code i} ({@code •̀}). */
  private static int marks(CharSequence text, int i) {
    while (i < text.length() && Chunker.isCombiningMark(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** After a sweat mark at {@code end}, one to three bars ({@code -_-||}), or {@code end}. */
  private static int sweat(CharSequence text, int end) {
    int at = end;
    while (at < text.length() && at - end < 3 && (text.charAt(at) == '|' || text.charAt(at) == '｜')) {
      at++;
    }
    return at;
  }

  /** The end of a face in brackets with its arms starting at {@code i} ({@code (╯‵□′)╯}), or -1. */
  private static int bracketed(CharSequence text, int i) {
    int n = text.length();
    int open = i;
    while (open < n && open - i < MOST_ARMS && LEFT_ARMS.indexOf(text.charAt(open)) >= 0) {
      open++;
    }
    if (open >= n || (text.charAt(open) != '(' && text.charAt(open) != '（')) {
      return -1;
    }
    int close = -1;
    int inside = 0;
    boolean faceOnly = false;
    boolean face = false;
    boolean operand = false;
    for (int at = open + 1; at < n && inside <= MOST_INSIDE; ) {
      int cp = Character.codePointAt(text, at);
      if (cp == ')' || cp == '）') {
        close = at;
        break;
      }
      if (!mayBeInside(cp) || (Chunker.isAsciiAlnum(cp) && at > open + 1 && Chunker.isAsciiAlnum(text.charAt(at - 1)))) {
        return -1;
      }
      // the semi-voiced mark of a half-width katakana word ((ﾎﾟｲﾝﾄ)) is no face's
      faceOnly |= FACE_ONLY.indexOf(cp) >= 0 && !(cp == 'ﾟ' && text.charAt(at - 1) >= 0xFF66 && text.charAt(at - 1) <= 0xFF9D);
      face = face || faceInside(text, at, open);
      operand |= Chunker.isAsciiAlnum(cp) && cp != 'o';
      inside++;
      at += Character.charCount(cp);
    }
    // a character only faces use needs two more beside it ((⊙O) is a circle in geometry), and no
    // ASCII letter or digit but a mouth's o: ⊙, ≦, ≧ and ▽ are math's too ((a⊙b), (0≦x≦1), (▽×E), (⊙O₁))
    if (close < 0 || inside > MOST_INSIDE || !(face && inside >= 2 || faceOnly && inside >= 3 && !operand)) {
      return -1;
    }
    int end = close + 1;
    while (end < n && end - close <= MOST_ARMS && RIGHT_ARMS.indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    // an arm that is a letter belongs to the word it runs on into ((^_^)oh): drop it, and any before it
    while (end > close + 1 && runsOn(text, end)) {
      end--;
    }
    return end;
  }

  /** Whether a face on one line starts at {@code at} and ends before the closing bracket. */
  private static boolean faceInside(CharSequence text, int at, int open) {
    int f = face(text, at);
    return f > 0 && f < text.length() && (text.charAt(f) == ')' || text.charAt(f) == '）' || !isWordChar(text.charAt(f)))
        && (at == open + 1 || !isWordChar(text.charAt(at - 1)));
  }

  /** Whether {@code cp} may be inside a face's brackets: not a space, a Chinese character, a bracket or a clause's mark. */
  private static boolean mayBeInside(int cp) {
    if (Chunker.isSpace(cp) || cp == '(' || cp == '（' || "，。、；：？！“”《》【】,;!?\"".indexOf(cp) >= 0) {
      return false;
    }
    return Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN;
  }

  /** The end of a Western face starting at {@code i} ({@code :)}, {@code :-D}, {@code ;)}), or -1. */
  private static int western(CharSequence text, int i) {
    int n = text.length();
    char eyes = text.charAt(i);
    if (eyes != ':' && eyes != ';' && eyes != '=') {
      return -1;
    }
    boolean afterTag = i > 0 && text.charAt(i - 1) == '>' && HtmlTags.closesTag(text, i - 1);
    if (i > 0 && ":;=/<>!".indexOf(text.charAt(i - 1)) >= 0 && !afterTag) {
      return -1; // but after a tag, a word of its own (谢谢<br>:))
    }
    if (i > 0 && (text.charAt(i - 1) == '(' || text.charAt(i - 1) == '（')) {
      return -1; // a mark named in brackets: 冒号(:), 分号(;), 等号(=)
    }
    int at = i + 1;
    boolean nose = at < n && text.charAt(at) == '-' && eyes != '=';
    if (nose) {
      at++;
    }
    if (at >= n) {
      return -1;
    }
    char mouth = text.charAt(at);
    String mouths = eyes == ':' ? ")(DPpOo" : eyes == ';' ? ")" : ")(D";
    if (mouths.indexOf(mouth) < 0) {
      return -1;
    }
    int end = at + 1;
    while (end < n && end - at < 3 && text.charAt(end) == mouth && (mouth == ')' || mouth == '(')) {
      end++;
    }
    char next = end < n ? text.charAt(end) : ' ';
    if (mouth == '(') {
      boolean listed = Chunker.isAsciiAlnum(next) || Character.UnicodeScript.of(next) == Character.UnicodeScript.HAN
          || next == ')' || next == '"' || next == '\''; // a list, or code: {"k":("a", "b")}
      return listed ? -1 : end;
    }
    if (Character.isLetter(mouth)) {
      if (isWordChar(next)) {
        return -1;
      }
      boolean afterChinese = i > 0 && Character.UnicodeScript.of(text.charAt(i - 1)) == Character.UnicodeScript.HAN;
      if (!nose && (afterChinese || afterTag)) { // after a tag, the label it closes (<b>答案</b>:D)
        return -1;
      }
    }
    return end;
  }
}
