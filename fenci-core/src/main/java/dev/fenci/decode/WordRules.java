package dev.fenci.decode;

import dev.fenci.text.Chunk;
import dev.fenci.text.Chunker;
import dev.fenci.text.TextRules;
import java.util.Arrays;
import java.util.List;

/**
 * The word boundaries that the text rules set inside one text's TEXT chunks, on top of the
 * network's scores: where a word must start or end ({@link #wordEdges}: Latin words, a number's
 * unit, codes, symbols, currency signs, amounts in capital numerals, signed numbers, numbers after a
 * Chinese character, a range's hyphen) and where no
 * word may end ({@link #noBoundaryAfter}: inside a Latin run, an amount in capital numerals, a run
 * of dashes, a number with a thousands separator, before a combining mark). Under the seed's
 * rules ({@link TextRules#asciiRunsAreWords()}) a Latin run is a chunk of its own, and only the
 * combining marks, dashes and separators are asked about here. Indices are code points of the
 * text; a {@link Decoder} makes one for each text it decodes.
 */
final class WordRules {
  /**
   * Letters that make a Latin run a word of its own (a Latin word), never joined with the
   * Chinese characters next to it. In People's Daily 1998 runs of 4 letters or more join Chinese characters
   * in 10 of 141 words, and in 26 of 1,063 in NLPCC 2016 micro-blogs (there mostly user names);
   * the network, which saw few Latin letters, joined them far more often ({@code Twitter周二}).
   */
  static final int LATIN_WORD_LETTERS = 4;
  /**
   * Letters that make a Latin run between two Chinese characters a word of its own
   * ({@code 特斯拉 CEO 马斯克}): such a run of three letters or more is one in 258 of 290 cases in
   * People's Daily 1998 (joined mostly to the right, {@code ＶＣＤ机}) and 727 of 757 in the NLPCC
   * micro-blogs, and never inside a word with both of them.
   */
  static final int SANDWICH_LETTERS = 3;
  /**
   * Letters of a unit after a number ({@code 16GB}, {@code 120Hz}, {@code 5km}, {@code 5000mAh}) that make
   * the two a word of its own, never joined with a Chinese character next to it: People's Daily
   * 1998 and the NLPCC micro-blogs join such a run of two letters or more with a Chinese character
   * next to it 9 times in 94 ({@code 熊猫100HZ}; {@code 1win键} in a numbered list), about as rarely
   * as a Latin word with {@link #LATIN_WORD_LETTERS} letters, while a one-letter unit joins often
   * ({@code 5A级}, {@code 4S店}, {@code 8G型}) and is left to the network.
   */
  static final int UNIT_LETTERS = 2;
  /**
   * Letters and digits of a Latin run holding both (a code or a model number: {@code O2O}, {@code P2P},
   * {@code MP3}, {@code H1N1}, {@code A1234567}, {@code i7-13700K}, {@code v2.3.1}) that make it a word apart
   * from the Chinese characters next to it. People's Daily 1998 and the NLPCC micro-blogs write such a run
   * apart from a Chinese character before it 384 times and joined 5 (a licence plate's province before it
   * left out: {@code 粤Ａ．Ｈ７４７７}, {@code 鄂A8356W}; a plate's province before a run that is a plate,
   * {@link #isPlate}, leaves it to the network), and apart from one after it 403 times and joined 10
   * ({@link #CODE_SUFFIXES} after it left out); the network had joined {@code O2O和B2B}, {@code P2P网} and
   * {@code 订单号A1234567}. (pd1998 writes its codes in full-width forms, which this rule never reads; its
   * stock tables also join a share's class with a name, {@code 川长征Ａ}: no code.) Two letters or digits
   * are left to the network ({@code 5A级}, {@code 4S店}, {@code 维生素D2片}).
   */
  static final int CODE_CHARACTERS = 3;
  /**
   * Chinese characters that may join a code before them, as the network decides: a model's type, a train,
   * a series, a version, a grade ({@code ＰＧＦ９９５Ｕ型}, {@code K9449次}, {@code CTA7000系}, {@code Win10Mobile版}).
   */
  static final String CODE_SUFFIXES = "型次系版级";
  /** The abbreviations of provinces (and the other first characters) of licence plates, after which a code may join. */
  static final String PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳使领警学挂";
  /** The prefix of ordinals, which joins a number after it ({@code 第12}, as People's Daily writes {@code 第１２}). */
  static final int ORDINAL = '第';
  /** The dashes and hyphens whose run is one word ({@code — － -}: {@code ——}, {@code －－}, {@code --}). */
  static final String DASHES = "\u2014\uFF0D-";
  /**
   * The symbols (Unicode's Sm, Sk and So) that may join a Chinese character: {@code ○}, People's Daily's
   * zero in years ({@code 二○○八年}), the large circle written for it, and the dot
   * operator {@code ⋅}, which stands for the middle dot of names ({@code 奥巴马⋅侯赛因}, read as {@code ·}). Every other
   * symbol is never joined with a Chinese character next to it: the training texts write one apart
   * from it 179 times in 183 (pd1998: {@code ● ▲ △ × ★}; joined: {@code ×} 3 times, {@code ＋} once) and
   * 474 times in 480 (NLPCC: {@code ~ ↓ + → ★ ～ > =}), while the network, which saw few of them,
   * joined them at random ({@code 商标™}, {@code x≥}). So are the degree signs {@code ° ℃ ℉}: pd1998 and the
   * NLPCC micro-blogs never join one with a Chinese character (℃ alone 51 times, after digits 8),
   * and the network had written {@code 38.5 ℃可 服用}. Emoji are chunks of their own and not asked about.
   */
  static final String JOINS_CHINESE = "\u25CB\u25EF\u22C5";
  /**
   * Most capital letters of a country before a currency sign ({@code US$}, {@code HK$}, {@code NT$},
   * {@code A$}), which start the currency's word: kept apart from a Chinese character before them as the
   * sign alone is ({@code 价 US$ 999}).
   */
  static final int CURRENCY_COUNTRY_LETTERS = 3;

  private final TextRules rules;
  private final String text;
  /** UTF-16 offset of each code point, plus the end. */
  private final int[] offsets;
  /** Chunk index of each code point. */
  private final int[] chunkOf;
  private final List<Chunk> chunks;
  private final int n;
  /** Code points inside an amount in capital numerals ({@link CapitalAmounts#find}), null if none. */
  private final boolean[] inCapitalNumber;
  /** Code points inside a command-line option ({@link #optionEnd}), null if none. */
  private final boolean[] inOption;
  /** The dollar signs of inline formulas ({@link #mathDelimiters}), null if none. */
  private final boolean[] formulaMarks;

  WordRules(TextRules rules, String text, int[] offsets, int[] chunkOf, List<Chunk> chunks) {
    this.rules = rules;
    this.text = text;
    this.offsets = offsets;
    this.chunkOf = chunkOf;
    this.chunks = chunks;
    this.n = chunkOf.length;
    this.inCapitalNumber = rules.asciiRunsAreWords() ? null : CapitalAmounts.find(text, offsets, chunkOf, chunks);
    this.inOption = rules.asciiRunsAreWords() || text.indexOf('-') < 0 ? null : options();
    this.formulaMarks = rules.asciiRunsAreWords() || text.indexOf('$') < 0 ? null : mathDelimiters();
  }

  /**
   * Whether code points {@code [a, b)} are what a licence plate writes after its province: a capital ASCII letter,
   * then five or six capital letters and digits ({@code 粤A12345}, {@code 鄂A8356W}, {@code 粤BD12345}), or four before
   * a plate's suffix ({@link #PLATE_SUFFIXES}: {@code 京A1234警}); not a version or a product's name
   * after a word that ends in a province's character ({@code 鸿蒙 OS4.0}, {@code 更新 KB3154879}, {@code 新 MP3}).
   * (A plate with a middle dot, {@code 豫A·8769D}, is two runs, neither of them a code after a Chinese character.)
   */
  private boolean isPlate(int a, int b) {
    char first = text.charAt(offsets[a]);
    boolean suffix = b < n && PLATE_SUFFIXES.indexOf(text.codePointAt(offsets[b])) >= 0;
    if (first < 'A' || first > 'Z' || b - a < (suffix ? 5 : 6) || b - a > 7) {
      return false;
    }
    for (int k = a + 1; k < b; k++) {
      char c = text.charAt(offsets[k]);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The characters after the number of a police, learner's, trailer or embassy plate ({@code 京A1234警}); not Hong Kong's
   * and Macau's, which a product's model before {@code 港版} would be taken for ({@code 99新A2890港版}).
   */
  static final String PLATE_SUFFIXES = "警学挂领使";

  /** What follows a dollar sign in a Makefile's automatic variables ({@code $@ $< $^ $? $*}), and {@code $} itself. */
  private static final String MAKE_VARIABLES = "$@<^?*";

  /** The most characters of an inline formula between its dollar signs ({@link #mathDelimiters}). */
  static final int FORMULA_LENGTH = 200;

  /**
   * The dollar signs that open and close a formula as TeX writes it in text ({@code 已知$x^2+y^2=1$，求},
   * {@code 设$f(x)=\sin x$}, and {@code $$x^2$$} for a display), or null if there are none: an ASCII {@code $} after no ASCII letter or digit and before
   * no space nor another {@code $}, and the next {@code $} of the line, at most {@link #FORMULA_LENGTH} characters on,
   * after no space and before no ASCII letter or digit nor a Makefile's variable ({@code $B，$@}), with an ASCII letter,
   * digit or backslash and no Chinese character or line separator between them, and not after a
   * mark that joins two amounts ({@code $5-$10}, {@code $5/$10}). Prices are not formulas: {@code $5 和 $10} has
   * Chinese between, {@code US$5 or US$10} a letter before, {@code $5 and $10} a digit after the second sign.
   */
  private boolean[] mathDelimiters() {
    boolean[] at = null;
    for (int k = 0; k < n; k++) {
      int width = k + 1 < n && text.charAt(offsets[k + 1]) == '$' ? 2 : 1; // $...$, or $$...$$ for a display
      int first = k + width;
      if (text.charAt(offsets[k]) != '$' || chunks.get(chunkOf[k]).kind() != Chunk.Kind.TEXT
          || first >= n || k > 0 && (isAsciiAlnum(text.charAt(offsets[k - 1]))
          || text.charAt(offsets[k - 1]) == '$') || Chunker.isSpace(text.codePointAt(offsets[first]))
          || text.charAt(offsets[first]) == '$') {
        continue;
      }
      int close = -1;
      for (int j = first; j < n && j - k <= FORMULA_LENGTH; j++) {
        if (text.charAt(offsets[j]) == '$') {
          close = j;
          break;
        }
        int cp = text.codePointAt(offsets[j]);
        if (isHan(j) || Chunker.endsLine(text, offsets[j]) || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
          break;
        }
      }
      int end = close + width;
      if (close < 0 || end > n || chunks.get(chunkOf[close]).kind() != Chunk.Kind.TEXT || width == 2 && text.charAt(offsets[close + 1]) != '$'
          || Chunker.isSpace(text.codePointAt(offsets[close - 1])) || "-,~/\u2013".indexOf(text.charAt(offsets[close - 1])) >= 0
          || end < n && (isAsciiAlnum(text.charAt(offsets[end])) || MAKE_VARIABLES.indexOf(text.charAt(offsets[end])) >= 0)) {
        continue;
      }
      boolean formula = false; // a letter, a digit or a TeX command inside ($@:$< in a Makefile has none)
      for (int j = first; j < close && !formula; j++) {
        char c = text.charAt(offsets[j]);
        formula = isAsciiAlnum(c) || c == '\\';
      }
      if (!formula) {
        continue;
      }
      at = at == null ? new boolean[n] : at;
      Arrays.fill(at, k, first, true);
      Arrays.fill(at, close, end, true);
      k = end - 1;
    }
    return at;
  }

  /** The code points of the command-line options of the text ({@link #optionEnd}), or null if it has none. */
  private boolean[] options() {
    boolean[] in = null;
    for (int a = 0; a < n; a++) {
      int end = optionEnd(a);
      if (end > 0) {
        in = in == null ? new boolean[n] : in;
        Arrays.fill(in, a, end, true);
        a = end - 1;
      }
    }
    return in;
  }

  /** The most letters, digits and marks of an option's name after its dashes ({@link #optionEnd}). */
  static final int OPTION_LENGTH = 64;

  /**
   * The end of the command-line option that starts at code point {@code a} of a TEXT chunk, or -1 if none
   * does: one or two ASCII hyphens, an ASCII letter (in lower case after two), then ASCII letters, digits and
   * {@code - _ .} before one of them ({@code -la}, {@code -Xmx4g}, {@code --dry-run}, {@code --add-modules},
   * {@code -Dfenci.data}), up to the chunk's end or an equals sign, or with two hyphens a Chinese character
   * ({@code --force选项}, {@code --epochs=10}, {@code -n=5}). It starts its chunk after a space, a bracket, a quote or
   * other punctuation inside a line, or at the line's start before an equals sign (not a signature, {@code --Tom},
   * {@code --sent from my iPhone}), or, before an equals sign, follows a Chinese character ({@code 设置--epochs=10}; not a dash,
   * {@code 北京--beijing}, {@code 好的--ok}). It is one word ({@link #noBoundaryAfter}), apart from what follows
   * it, and an equals sign after it is a word of its own ({@code --epochs = 10}, {@code -n = 5},
   * {@code --color = auto}): the network, which never saw one, had cut {@code -- force} and {@code - n = 5}. A
   * hyphen and a letter before a Chinese character are the network's ({@code 加上 -f 参数}; the NLPCC micro-blogs'
   * {@code @-A路人-}).
   */
  private int optionEnd(int a) {
    if (text.charAt(offsets[a]) != '-' || chunks.get(chunkOf[a]).kind() != Chunk.Kind.TEXT) {
      return -1;
    }
    boolean twoHyphens = a + 1 < n && chunkOf[a + 1] == chunkOf[a] && text.charAt(offsets[a + 1]) == '-';
    int first = twoHyphens ? a + 2 : a + 1;
    if (first >= n || chunkOf[first] != chunkOf[a] || !isAsciiLetter(text.charAt(offsets[first]))
        || twoHyphens && !Character.isLowerCase(text.charAt(offsets[first]))) {
      return -1;
    }
    boolean inChunk = a > 0 && chunkOf[a - 1] == chunkOf[a]; // after a character of the chunk: Chinese, or no option
    if (inChunk && !(twoHyphens && isHan(a - 1))) {
      return -1;
    }
    int end = first + 1;
    while (end < n && end - first < OPTION_LENGTH && chunkOf[end] == chunkOf[a]) {
      char c = text.charAt(offsets[end]);
      boolean mark = c == '-' || c == '_' || c == '.';
      if (!isAsciiAlnum(c) && !(mark && end + 1 < n && chunkOf[end + 1] == chunkOf[a]
          && isAsciiAlnum(text.charAt(offsets[end + 1])))) {
        break;
      }
      end++;
    }
    if (end < n && chunkOf[end] == chunkOf[a] && text.charAt(offsets[end]) == '=') {
      return end;
    }
    boolean chunkEnds = end == n || chunkOf[end] != chunkOf[a];
    return !inChunk && !atLineStart(a) && (chunkEnds || twoHyphens && isHan(end)) ? end : -1;
  }

  /** Whether only whitespace comes between the line's start (or the text's) and code point {@code k}. */
  private boolean atLineStart(int k) {
    for (int j = k - 1; j >= 0; j--) {
      int cp = text.codePointAt(offsets[j]);
      if (Chunker.endsLine(text, offsets[j])) {
        return true;
      }
      if (!Chunker.isSpace(cp)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  /** Whether the three ASCII letters at code point {@code a} are a capital and two small ones ({@code Pro}). */
  private boolean capitalised(int a) {
    int o = offsets[a];
    return text.charAt(o) >= 'A' && text.charAt(o) <= 'Z' && text.charAt(o + 1) >= 'a' && text.charAt(o + 1) <= 'z'
        && text.charAt(o + 2) >= 'a' && text.charAt(o + 2) <= 'z';
  }

  private static boolean isAsciiAlnum(char c) {
    return isAsciiLetter(c) || c >= '0' && c <= '9';
  }

  /**
   * The word boundaries that the rules for Latin words, amounts in capital numerals and currency signs ask for
   * ({@code edges[k]}: one before code point {@code k}), or null if there are none: an amount in capital numerals
   * ({@link CapitalAmounts#find}) is never joined with a Chinese character next to it; a Latin run ({@link Chunker#inLatinRun}) with at least
   * {@link #LATIN_WORD_LETTERS} letters ({@code Twitter}, {@code iPhone6Plus}, {@code Straße}), or a number and
   * a unit of {@link #UNIT_LETTERS} letters or more ({@code 16GB}), is never joined
   * with a Chinese character next to it, nor is one of {@link #SANDWICH_LETTERS} between two
   * ({@code 特斯拉 CEO 马斯克}), nor a capitalised word of three letters with two Chinese characters or more on that side
   * ({@code 小米14 Pro 搭载}, {@code 专属 App}; not before one of {@link #CODE_SUFFIXES}, {@code Pro版}); other runs
   * may be ({@code A股}, {@code POS机}, {@code 款SUV}) as the network decides, and so may any run with the other characters the network sees
   * ({@code Lily_Wang}). A symbol other than {@link #JOINS_CHINESE}'s is never joined with a Chinese character
   * next to it ({@code 商标 ™}), nor is a run that ends with a plus before one ({@code 10+ 年}, {@code C++ 语言}). A currency sign ({@code $ ￥ €}) is never joined
   * with a Chinese character before it (nor are the capitals of a country before it, {@code 价 US$}), nor
   * with a digit after it. A number in ASCII digits is never joined with a Chinese character before it but for
   * {@link #ORDINAL} ({@code 收报 3,245.67}, {@code 第12}), and a range's hyphen is a word of its own
   * ({@link #isRangeHyphen}: {@code 20% - 30%}).
   */
  boolean[] wordEdges() {
    boolean[] edges = null;
    for (int k = 1; inCapitalNumber != null && k < n; k++) {
      // an amount in capital numerals is a word apart from the Chinese characters around it (伍拾万 元),
      // but for the units of dates and times, which the PKU standard joins with their number (１２月,
      // １５日, １０时: pd1998 joins 月 5,911 times in 5,917, 日 5,954 in 6,017): the network's choice there
      boolean dateOrTime = inCapitalNumber[k - 1] && CapitalAmounts.isDateOrTimeUnit(text.codePointAt(offsets[k]));
      if (inCapitalNumber[k] != inCapitalNumber[k - 1] && chunkOf[k] == chunkOf[k - 1] && isHan(k - 1) && isHan(k)
          && !dateOrTime) {
        edges = edges == null ? new boolean[n + 1] : edges;
        edges[k] = true;
      }
    }
    for (int a = 0; a < n; ) {
      int cp = text.codePointAt(offsets[a]);
      int type = Character.getType(cp);
      // a Kangxi radical or a CJK radical supplement (U+2F00-U+2FD5, U+2E80-U+2EF3) is a symbol of
      // script Han: a Chinese character as PDF text extraction writes it (⼤学⽣ for 大学生), not a symbol
      if ((type == Character.MATH_SYMBOL || type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL)
          && JOINS_CHINESE.indexOf(cp) < 0 && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
        // a symbol is a word apart from a Chinese character next to it (商标 ™, ★ 好评, 中 + 英), but for the
        // "or more" of a number in 万 or the like (10万+)
        if (a > 0 && chunkOf[a - 1] == chunkOf[a] && isHan(a - 1) && !isMoreThanNumeral(a)) {
          edges = edges == null ? new boolean[n + 1] : edges;
          edges[a] = true;
        }
        if (a + 1 < n && chunkOf[a + 1] == chunkOf[a] && isHan(a + 1)) {
          edges = edges == null ? new boolean[n + 1] : edges;
          edges[a + 1] = true;
        }
      }
      if (type == Character.CURRENCY_SYMBOL) {
        // a currency sign is a word of its own between a Chinese character and a number (门票 $ 100,
        // not 门票$ 100 or ¥100 here and ¥ 100 there): none of the training texts writes one, so the
        // network's guess for it is anyone's, and a search index finds the amount alone; the capitals of a
        // country before it start its word (价 US$ 999, 合 NT$ 5000: the network had joined 价US$)
        int s = a;
        while (s > 0 && a - s < CURRENCY_COUNTRY_LETTERS && chunkOf[s - 1] == chunkOf[a]
            && text.charAt(offsets[s - 1]) >= 'A' && text.charAt(offsets[s - 1]) <= 'Z') {
          s--;
        }
        if (s > 0 && chunkOf[s - 1] == chunkOf[a] && isHan(s - 1)) {
          edges = edges == null ? new boolean[n + 1] : edges;
          edges[s] = true;
        }
        if (a + 1 < n && chunkOf[a + 1] == chunkOf[a] && Character.isDigit(text.codePointAt(offsets[a + 1]))) {
          edges = edges == null ? new boolean[n + 1] : edges;
          edges[a + 1] = true;
        }
      }
      if (formulaMarks != null && formulaMarks[a]) {
        // the dollar sign that opens or closes a formula is a word of its own ($ x^2+y^2 = 1 $, $$ x^2 $$), not a
        // currency's
        edges = edges == null ? new boolean[n + 1] : edges;
        edges[a] |= a > 0 && chunkOf[a - 1] == chunkOf[a] && !formulaMarks[a - 1];
        edges[a + 1] |= a + 1 < n && chunkOf[a + 1] == chunkOf[a] && !formulaMarks[a + 1];
      }
      if (isSlashBeforeNumber(a)) {
        // a slash that no number or Latin word comes before is a word apart from the number after it (4 ℃ ／ 10 ℃,
        // 价格 / 10元): the training texts never start a word with a slash and a digit (pd1998 writes the slash alone
        // 72 times, NLPCC 63), and a chunk that starts with it, after ℃, had joined them (／10)
        edges = edges == null ? new boolean[n + 1] : edges;
        edges[a] = true;
        edges[a + 1] = true;
      }
      if (isEquals(a) && chunks.get(chunkOf[a]).kind() == Chunk.Kind.TEXT) {
        // an equals sign next to a digit is a word of its own (3×3 = 9, x = 1, 乳液 = 2 颗), as the NLPCC micro-blogs
        // write it (pd1998 has one, alone), and so is an operator it is part of, which is one word (a == 1, x >= 5,
        // x += 1, numpy == 1.26.0; noBoundaryAfter): the network, which reads numbers around it, had joined 3×3=9
        // and x= 1; between letters it is the network's (E=MC2, i=i+1)
        int[] op = equalsOperator(a);
        boolean before = op[0] > 0 && chunkOf[op[0] - 1] == chunkOf[a];
        boolean after = op[1] < n && chunkOf[op[1]] == chunkOf[a];
        if (before && isDigit(op[0] - 1) || after && (isDigit(op[1])
            || op[1] + 1 < n && chunkOf[op[1] + 1] == chunkOf[a] && "-+\u2212\uFF0D\uFF0B".indexOf(text.charAt(offsets[op[1]])) >= 0
                && isDigit(op[1] + 1))) {
          edges = edges == null ? new boolean[n + 1] : edges;
          edges[op[0]] |= before;
          edges[op[1]] |= after;
        }
      }
      if (inOption != null && inOption[a] && (a == 0 || !inOption[a - 1])) {
        // a command-line option is a word of its own, and so is an equals sign after it (--epochs = 10)
        int end = a + 1;
        while (end < n && inOption[end]) {
          end++;
        }
        edges = edges == null ? new boolean[n + 1] : edges;
        edges[a] |= a > 0 && chunkOf[a - 1] == chunkOf[a];
        boolean sameChunk = end < n && chunkOf[end] == chunkOf[a];
        edges[end] |= sameChunk;
        if (sameChunk && text.charAt(offsets[end]) == '=' && end + 1 < n && chunkOf[end + 1] == chunkOf[a]) {
          edges[end + 1] = true;
        }
      }
      if (isEquals(a) && a > 0 && a + 1 < n && chunkOf[a - 1] == chunkOf[a] && chunkOf[a + 1] != chunkOf[a]
          && chunks.get(chunkOf[a]).kind() == Chunk.Kind.TEXT && chunks.get(chunkOf[a + 1]).kind() == Chunk.Kind.LINK) {
        // an equals sign before an address is a word of its own (url = jdbc:mysql://db/app, 地址 = http://a.cn), as it is
        // before a number: the network had joined it with the name before it (url=)
        edges = edges == null ? new boolean[n + 1] : edges;
        edges[a] = true;
      }
      if (isRangeHyphen(a)) {
        // a hyphen between a number with its unit and a number is a word of its own (20% - 30%, 10月4日 - 7日,
        // 20℃ - 25℃), as the NLPCC micro-blogs write it 9 times in 10 (once the range whole; pd1998 writes such ranges with a dash,
        // ３ ℃ — ７ ℃); the network, which reads a hyphen before digits as a sign, had written 20% -30%
        edges = edges == null ? new boolean[n + 1] : edges;
        edges[a] = true;
        edges[a + 1] = true;
      }
      if (a > 0 && chunkOf[a - 1] == chunkOf[a] && Chunker.joinsSign(text, offsets[a])
          && !Chunker.inLatinRun(text, offsets[a - 1])) {
        // a signed number starts a word (温度 -5, 晴 －9 ℃, ／ －5): People's Daily 1998 writes the sign at a
        // word's start 54 times in 54, and the network, seeing a run that may join, had joined 晴－9 (not in -5~-1)
        edges = edges == null ? new boolean[n + 1] : edges;
        edges[a] = true;
      }
      if (!Chunker.inLatinRun(text, offsets[a])
          || chunks.get(chunkOf[a]).kind() != Chunk.Kind.TEXT) {
        a++;
        continue;
      }
      int b = a;
      int letters = 0;
      int digits = 0;
      boolean power = false; // a caret inside (x^2)
      // a number and its unit: ASCII digits (with the marks inside numbers), then letters only
      boolean unit = text.charAt(offsets[a]) >= '0' && text.charAt(offsets[a]) <= '9'
          || Chunker.joinsSign(text, offsets[a]); // a signed number too (+16GB): joinsSign is before a digit
      while (b < n && chunkOf[b] == chunkOf[a] && Chunker.inLatinRun(text, offsets[b])) {
        char c = text.charAt(offsets[b]);
        boolean letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || Chunker.isLatinLetter(c);
        unit &= letter || letters == 0;
        letters += letter ? 1 : 0;
        digits += c >= '0' && c <= '9' ? 1 : 0;
        power |= c == '^';
        b++;
      }
      // a code or model number, letters and digits, is a word apart from a Chinese character next to it (订单号
      // A1234567, 工号 B12345, 酷睿 i7-13700K, O2O 和 B2B, P2P 网贷), but for a licence plate's province
      // before it (粤A12345) and the suffixes of models and trains after it (XR2000型, K9449次)
      if (letters > 0 && digits > 0 && letters + digits >= CODE_CHARACTERS) {
        if (a > 0 && chunkOf[a - 1] == chunkOf[a] && isHan(a - 1)
            && !(PLATE_PROVINCES.indexOf(text.codePointAt(offsets[a - 1])) >= 0 && isPlate(a, b))) {
          edges = edges == null ? new boolean[n + 1] : edges;
          edges[a] = true;
        }
        if (b < n && chunkOf[b] == chunkOf[a] && isHan(b) && CODE_SUFFIXES.indexOf(text.codePointAt(offsets[b])) < 0) {
          edges = edges == null ? new boolean[n + 1] : edges;
          edges[b] = true;
        }
      }
      // a number in ASCII digits starts a word after a Chinese character (收报 3,245.67, 马刺 47-42) but for the
      // ordinal 第 (第12): People's Daily 1998 writes a number apart from the character before it 33,603 times
      // and joined 209, 115 of them after 第 (NLPCC: 7,705 and 132, 99 after 第); the network, which saw no ASCII,
      // had joined a few (收报3,245.67)
      char first = text.charAt(offsets[a]);
      if (first >= '0' && first <= '9' && a > 0 && chunkOf[a - 1] == chunkOf[a] && isHan(a - 1)
          && text.codePointAt(offsets[a - 1]) != ORDINAL) {
        edges = edges == null ? new boolean[n + 1] : edges;
        edges[a] = true;
      }
      // a run that ends with a plus, "or more" (10+) or a name's (C++), ends its word before a Chinese character
      // (10+ 年, 500+ 客户, C++ 语言), as a symbol does
      if (text.charAt(offsets[b - 1]) == '+' && b < n && chunkOf[b] == chunkOf[a] && isHan(b)) {
        edges = edges == null ? new boolean[n + 1] : edges;
        edges[b] = true;
      }
      if (letters >= LATIN_WORD_LETTERS && !unit) {
        // a slash between a Latin word and a Chinese character is a word of its own (Apple / 苹果, 中文 / English):
        // the network had joined it to either side (Apple/ 苹果, 苹果 /Apple), as no training text writes a Latin
        // word there (pd1998 has only ＨＩＶ／艾滋病, three letters, which stays the network's)
        // not in a path, where a slash comes before the Latin word or before the Chinese characters (/usr/local/目录,
        // C:/Users/张三/Desktop)
        if (isSlash(b) && b + 1 < n && chunkOf[b + 1] == chunkOf[a] && chunkOf[b] == chunkOf[a] && isHan(b + 1)
            && !(a > 0 && isPathMark(a - 1))) {
          edges = edges == null ? new boolean[n + 1] : edges;
          edges[b] = true;
          edges[b + 1] = true;
        }
        if (a >= 2 && isSlash(a - 1) && chunkOf[a - 1] == chunkOf[a] && chunkOf[a - 2] == chunkOf[a] && isHan(a - 2)
            && !(b < n && isPathMark(b)) && !afterPathMark(a - 2)) {
          edges = edges == null ? new boolean[n + 1] : edges;
          edges[a - 1] = true;
          edges[a] = true;
        }
      }
      if (power) {
        // a power (x^2, 10^9) is a word apart from the Chinese characters next to it, as a code is (若 x^2 > 1 则,
        // 求 x^2 的 值): the network, which saw none, had joined the short ones (若x^2>1则)
        edges = edges == null ? new boolean[n + 1] : edges;
        edges[a] |= a > 0 && chunkOf[a - 1] == chunkOf[a] && isHan(a - 1);
        edges[b] |= b < n && chunkOf[b] == chunkOf[a] && isHan(b);
      }
      if (letters >= SANDWICH_LETTERS || unit && letters >= UNIT_LETTERS) {
        boolean before = a > 0 && chunkOf[a - 1] == chunkOf[a] && isHan(a - 1);
        boolean after = b < n && chunkOf[b] == chunkOf[a] && isHan(b);
        // a capitalised word of three letters (Pro, Mac, App) is a word apart from two Chinese characters or more
        // next to it (小米14 Pro 搭载, 专属 App; the network had written Pro搭载), but for a model's or a version's suffix
        // after it (Pro版, CODE_SUFFIXES); People's Daily writes no small letter, and the NLPCC micro-blogs join
        // small words with one character (win键, gif图), left to the network
        if (letters == SANDWICH_LETTERS && b - a == letters && capitalised(a) && !unit) {
          boolean twoBefore = before && a > 1 && chunkOf[a - 2] == chunkOf[a] && isHan(a - 2);
          boolean twoAfter = after && b + 1 < n && chunkOf[b + 1] == chunkOf[a] && isHan(b + 1)
              && CODE_SUFFIXES.indexOf(text.codePointAt(offsets[b])) < 0;
          if (twoBefore || twoAfter) {
            edges = edges == null ? new boolean[n + 1] : edges;
            edges[a] |= twoBefore;
            edges[b] |= twoAfter;
          }
        }
        if (letters >= LATIN_WORD_LETTERS || unit ? before || after : before && after) {
          edges = edges == null ? new boolean[n + 1] : edges;
          edges[a] |= before;
          edges[b] |= after;
        }
      }
      a = b;
    }
    if (edges != null) {
      // a combining mark belongs to the character before it, whatever rule asked for an edge there (a formula's $)
      for (int k = 1; k < n; k++) {
        edges[k] &= !Chunker.isCombiningMark(text.codePointAt(offsets[k]));
      }
    }
    return edges;
  }

  /**
   * Whether code point {@code k} is the plus of "or more" after a number that ends in a Chinese unit of
   * magnitude ({@code 10万+}, {@code 100万+}, {@code ３亿＋}, {@code 1千万+}): after ASCII or full-width digits and
   * one or more of {@code 百千万亿}, in one chunk, and before no letter, digit, plus or equals sign (not a sum, {@code 1万+2万}).
   * It ends the number's word, as the NLPCC micro-blogs write {@code 10万+} (2 times in 2), and as the
   * "or more" of ASCII digits ({@code 500+}, {@link Chunker#joinsPlus}) does.
   */
  private boolean isMoreThanNumeral(int k) {
    char c = text.charAt(offsets[k]);
    if (c != '+' && c != '\uFF0B') {
      return false;
    }
    int j = k - 1; // before the units of magnitude, one or more (10万+, 1千万+, 3百亿+)
    while (j >= 0 && chunkOf[j] == chunkOf[k] && "百千万亿".indexOf(text.charAt(offsets[j])) >= 0) {
      j--;
    }
    if (j == k - 1 || j < 0 || chunkOf[j] != chunkOf[k] || !isDigit(j)) {
      return false;
    }
    if (k + 1 >= n || chunkOf[k + 1] != chunkOf[k]) {
      return true;
    }
    int next = text.codePointAt(offsets[k + 1]);
    return Character.UnicodeScript.of(next) == Character.UnicodeScript.HAN
        || !Character.isLetterOrDigit(next) && "+=\uFF0B\uFF1D".indexOf(next) < 0;
  }

  /**
   * Whether code point {@code k} is a hyphen ({@code -} or {@code －}) of a range: after a unit that
   * follows a digit ({@link #RANGE_UNITS}: {@code 20%}, {@code 4日}, {@code 20℃})
   * and before a digit, all in one chunk. Not after a digit ({@code 1-2}) or a letter ({@code COVID-19}),
   * which other rules and the network decide.
   */
  private boolean isRangeHyphen(int k) {
    char c = text.charAt(offsets[k]);
    if (c != '-' && c != '\uFF0D' || k < 2 || k + 1 >= n || chunkOf[k + 1] != chunkOf[k]
        || chunks.get(chunkOf[k]).kind() != Chunk.Kind.TEXT) {
      return false; // an address keeps its hyphens (https://x.com/a?q=20%-30%)
    }
    if (chunks.get(chunkOf[k - 1]).kind() == Chunk.Kind.UNIT) {
      // a temperature unit is a chunk of its own (20℃ - 25℃, 20°C - 25°C): the number ends before it
      int d = k - 1;
      while (d > 0 && chunkOf[d - 1] == chunkOf[k - 1]) {
        d--;
      }
      return d > 0 && isDigit(d - 1) && isDigit(k + 1);
    }
    int unit = text.codePointAt(offsets[k - 1]);
    return chunkOf[k - 2] == chunkOf[k] && RANGE_UNITS.indexOf(unit) >= 0 && isDigit(k - 2) && isDigit(k + 1);
  }

  /**
   * Whether code point {@code k} is a slash ({@code / ／}) before a digit of its chunk, at the chunk's
   * start or after a character that is no digit nor Latin letter, in text the network reads: not a fraction's or a date's
   * ({@code 1/2}, {@code ２０１６/３/１５}), nor a unit's after a Latin word ({@code km/10}).
   */
  private boolean isSlashBeforeNumber(int k) {
    char c = text.charAt(offsets[k]);
    if (c != '/' && c != '\uFF0F' || k + 1 >= n || chunkOf[k + 1] != chunkOf[k] || !isDigit(k + 1)
        || chunks.get(chunkOf[k]).kind() != Chunk.Kind.TEXT) {
      return false; // an address keeps its slashes (https://x.cn//1)
    }
    if (k == 0 || chunkOf[k - 1] != chunkOf[k]) {
      return true;
    }
    int before = text.codePointAt(offsets[k - 1]);
    return !isDigit(k - 1) && !Chunker.isLatinAlnum(before);
  }

  /**
   * The units that end a number before a {@link #isRangeHyphen range's hyphen}: percent signs and the degree sign (a temperature unit, {@code ℃}, is a chunk of its own),
   * and the Chinese characters of dates, times, ages, money, counts and measures. Not any Chinese character:
   * {@code １０的－９次方} is ten to the minus ninth.
   */
  private static final String RANGE_UNITS = "%\uFF05\u2030\u00B0"
      + "年月日号时点分秒岁度元角万亿千百个次天周期届倍米克吨升层楼页章节版名位人家台辆件条张份";

  /** Whether code point {@code k} is an equals sign, ASCII or full-width. */
  private boolean isEquals(int k) {
    return text.charAt(offsets[k]) == '=' || text.charAt(offsets[k]) == '\uFF1D';
  }

  /** Whether code point {@code k} is a slash (ASCII or full-width) or a backslash, which separate a path's parts. */
  private boolean isPathMark(int k) {
    return isSlash(k) || text.charAt(offsets[k]) == '\\';
  }

  /** Whether the Chinese characters that end at code point {@code k} (up to 16 of them) come after a path's mark. */
  private boolean afterPathMark(int k) {
    int j = k;
    while (j > 0 && k - j < 16 && chunkOf[j - 1] == chunkOf[k] && isHan(j - 1)) {
      j--;
    }
    return j > 0 && chunkOf[j - 1] == chunkOf[k] && isPathMark(j - 1);
  }

  /** Whether code point {@code k} is a slash, ASCII or full-width. */
  private boolean isSlash(int k) {
    return k < n && (text.charAt(offsets[k]) == '/' || text.charAt(offsets[k]) == '\uFF0F');
  }

  /** Whether code point {@code k} is an ASCII or a full-width digit. */
  private boolean isDigit(int k) {
    char c = text.charAt(offsets[k]);
    return c >= '0' && c <= '9' || c >= '\uFF10' && c <= '\uFF19';
  }

  private boolean isHan(int k) {
    return Character.UnicodeScript.of(text.codePointAt(offsets[k])) == Character.UnicodeScript.HAN;
  }

  /**
   * Whether the rules allow no word boundary after code point {@code k} of a TEXT chunk: inside
   * a Latin run ({@link Chunker#inLatinRun}), inside an amount in capital numerals ({@link
   * CapitalAmounts#find}), inside a run of dashes ({@link #isDash}), before the plus of {@code 10万+}
   * ({@link #isMoreThanNumeral}), beside the thousands separator of
   * full-width digits ({@link Chunker#isCommaInWideNumber}: {@code ４,００７}), beside a multiplication sign
   * between digits ({@link #isTimesBetweenDigits}: {@code 30×20}), inside an operator with an equals sign
   * ({@link #equalsOperator}: {@code == >= += >>= =>}), inside a command-line option ({@link #optionEnd}:
   * {@code --dry-run}), inside a formula's {@code $$} ({@link #mathDelimiters}) or before a combining mark.
   */
  boolean noBoundaryAfter(int k) {
    return Chunker.isCombiningMark(text.codePointAt(offsets[k + 1]))
        || !rules.asciiRunsAreWords() && Chunker.inLatinRun(text, offsets[k]) && Chunker.inLatinRun(text, offsets[k + 1])
        || inCapitalNumber != null && inCapitalNumber[k] && inCapitalNumber[k + 1]
        || isDash(k) && isDash(k + 1)
        || isMoreThanNumeral(k + 1)
        || Chunker.isCommaInWideNumber(text, offsets[k]) || Chunker.isCommaInWideNumber(text, offsets[k + 1])
        || isTimesBetweenDigits(k) || isTimesBetweenDigits(k + 1)
        || insideEqualsOperator(k)
        || inOption != null && inOption[k] && inOption[k + 1]
        || formulaMarks != null && formulaMarks[k] && formulaMarks[k + 1];
  }

  /** Characters that may come before the equals signs of an operator ({@code += -= *= /= %= != <= >= >>= &= |= ^=}). */
  private static final String BEFORE_EQUALS = "+-*/%!<>&|^\uFF1C\uFF1E";

  /**
   * The code points {@code [start, end)} of the operator that holds the equals sign at {@code k}: its run of equals
   * signs, up to three of {@link #BEFORE_EQUALS} before it and a {@code >} after it ({@code ==}, {@code >=},
   * {@code +=}, {@code >>=}, {@code !==}, {@code =>}, {@code <=>}), all in one chunk. A sign after it is the
   * number's ({@code x = -3}).
   */
  private int[] equalsOperator(int k) {
    int first = k;
    while (first > 0 && chunkOf[first - 1] == chunkOf[k] && isEquals(first - 1)) {
      first--;
    }
    int end = k + 1;
    while (end < n && chunkOf[end] == chunkOf[k] && isEquals(end)) {
      end++;
    }
    int start = first;
    while (start > 0 && first - start < 3 && chunkOf[start - 1] == chunkOf[k]
        && BEFORE_EQUALS.indexOf(text.charAt(offsets[start - 1])) >= 0) {
      start--;
    }
    if (end < n && chunkOf[end] == chunkOf[k] && (text.charAt(offsets[end]) == '>' || text.charAt(offsets[end]) == '\uFF1E')) {
      end++;
    }
    return new int[] {start, end};
  }

  /** Whether code points {@code k} and {@code k + 1} are both inside one {@link #equalsOperator}. */
  private boolean insideEqualsOperator(int k) {
    if (chunkOf[k] != chunkOf[k + 1]
        || !isEquals(k) && !isEquals(k + 1) && BEFORE_EQUALS.indexOf(text.charAt(offsets[k + 1])) < 0) {
      return false; // the common case, fast: no equals sign, and the second no character an operator has before one
    }
    for (int j = Math.max(0, k - 1); j <= Math.min(n - 1, k + 4); j++) {
      if (isEquals(j) && chunkOf[j] == chunkOf[k]) {
        int[] op = equalsOperator(j);
        if (op[0] <= k && k + 1 < op[1]) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether code point {@code k} is a multiplication sign {@code ×} between two digits of its chunk, ASCII or
   * full-width ({@code 30×20×10cm}, {@code ４×１００}, {@code 3×3}): no word boundary on either side, as People's
   * Daily 1998 writes it between numbers 13 times in 13 and the NLPCC micro-blogs 3 times in 3 ({@code 1.2×1.2});
   * the network had cut some and joined others ({@code 30 × 20×10cm}, {@code １０ × ２０}).
   */
  private boolean isTimesBetweenDigits(int k) {
    return k > 0 && k + 1 < n && text.charAt(offsets[k]) == '\u00D7' && chunkOf[k - 1] == chunkOf[k]
        && chunkOf[k + 1] == chunkOf[k] && isDigit(k - 1) && isDigit(k + 1);
  }

  /**
   * Whether code point {@code k} is a dash or hyphen ({@link #DASHES}): a run of them, mixed or not, is
   * one word ({@code ——————————}, {@code ----------}, {@code ——－}), as People's Daily 1998 (1,226 runs)
   * and the NLPCC micro-blogs (144) write it, never cutting one; the network, which reads them as
   * context and is left them so, had cut a long run, a separator line most often, at random ({@code
   * ————— —————}; {@code fast}: {@code -- --}).
   */
  private boolean isDash(int k) {
    return DASHES.indexOf(text.charAt(offsets[k])) >= 0;
  }

  /** Whether the rules allow no word boundary inside code points {@code [s, e)}. */
  boolean keptWhole(int s, int e) {
    for (int k = s; k < e - 1; k++) {
      if (!noBoundaryAfter(k)) {
        return false;
      }
    }
    return true;
  }
}
