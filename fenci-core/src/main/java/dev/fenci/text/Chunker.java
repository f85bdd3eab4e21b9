package dev.fenci.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into {@link Chunk}s: whitespace runs (each ending at the latest with a line break)
 * and punctuation are words of their own, the rest goes to the network. A combining mark or
 * variation selector after a word made by rule stays with it. The chunks cover the input
 * exactly, never split a surrogate pair, and are the same at training and at segmentation time.
 *
 * <p>Punctuation here means Unicode punctuation (categories P*) except the marks that occur inside
 * words of the PKU standard ({@code . ． · ・ ∶ / ／ - － — _ % ％ ‰ &}, and the other middle dots of
 * names, {@code ‧ ･}, which the network reads as {@code ·}): those are left to the network. {@code @ # ＠ ＃} are cuts outside addresses: People's Daily 1998 has none, and the
 * micro-blog corpus writes them as words of their own 480 times in 482 ({@code @ 京东},
 * {@code # 双十一 #}); the {@code #} of {@code C#} is not ({@link #joinsSharp}). Each punctuation mark is a word of its own ({@code ！！} is two words, as the PKU
 * standard and the micro-blog corpora write it), except a run of an ellipsis mark
 * ({@code ……}, {@code ‥‥}) or of the horizontal bar ({@code ――}), which is one word. A web or e-mail address ({@link Links}) is one
 * word too, so is an emoji with its modifiers ({@link Emoji}: {@code 👍🏻}, {@code 👨‍👩‍👧},
 * {@code 🇨🇳}), an emoticon ({@link Emoticons}: {@code ^_^}, {@code (*´ω`*)}, {@code :)}) and a run of Hangul, of hiragana or of katakana ({@link #syllabic}) or of two letters or
 * more of another alphabet that Chinese text does not write ({@link #alphabet}: {@code Москва}). A comma or
 * colon inside a number written in ASCII digits ({@code 1,299}, {@code 19:30}, {@code 19：30}, see
 * {@link #joinsDigits}) is no cut, nor is a full-width colon between full-width digits ({@code ３：１},
 * {@link #isColonInWideNumber}) or an ASCII comma that separates their thousands ({@code ４,００７},
 * {@link #isCommaInWideNumber}). An apostrophe between Latin letters ({@code don’t}), one or two
 * underscores next to Latin letters or digits ({@code x86_64}, {@code __init__}; {@link #joinsUnderscore}), the
 * {@code ::} of a scope ({@code std::vector}; {@link #joinsDoubleColon}), the caret of a power ({@code x^2};
 * {@link #joinsCaret})
 * and the last full stop of an abbreviation ({@code U.S.}) belong to the run too. A hyphen (ASCII's or Unicode's) or an ASCII full stop between ASCII letters or digits
 * ({@link #joinsHyphen}, {@link #joinsDot}) belongs to their run, which is never split and takes the
 * Latin letters beyond ASCII too ({@link #inLatinRun}: {@code Straße}), and so do
 * the pluses of {@code C++} and the "or more" of a number ({@code 10+}; {@link #joinsPlus}); any other ASCII full stop is a cut, and a run of
 * them one word ({@code Java .}, {@code 嗯 ...}; {@link #isLoneDot}); so is a run of two ASCII slashes
 * or more outside an address ({@code //@李四}; {@link #isSlashRun}) and a run of a middle dot of names
 * ({@code ···}; {@link #isMiddleDotRun}) or of underscores, a blank ({@code ____}; {@link #blankEnd}), and a temperature unit: {@code ℃} and
 * {@code ℉}, and the degree sign with a letter ({@code °C}; {@link #isDegreeUnit}). An HTML character
 * reference ({@code &nbsp;}, {@code &#165;}; {@link HtmlEntities}) and an HTML or XML tag ({@code <br/>},
 * {@code <a href="http://a.cn">}; {@link HtmlTags}) are one word too, and so is a backslash and the letters after it,
 * an escape sequence or a TeX command ({@code \n}, {@code \frac}; {@link Escapes}), and a placeholder of a template
 * ({@code ${JAVA_HOME}}, {@code #{id}}; {@link Placeholders}).
 */
public final class Chunker {
  private static final String WORD_INTERNAL = ".．·・‧･∶/／-－—_%％‰&";

  /**
   * Marks whose run is one word: the ellipsis is written as two of them ({@code ……}), and so is the
   * dash as the horizontal bar U+2015 ({@code ――}, what GB 2312 decoders such as Python's give for
   * the {@code ——} of GB text), which People's Daily writes as one word (a run of {@code —}, 1,136
   * times, never cut); the em dash {@code —} itself is the network's ({@code 道—琼斯}), which joins its run.
   * A run of ASCII asterisks is one word too: Markdown's bold ({@code ** 重要 **}), a masked name or
   * password ({@code 王 **}, {@code 密码 ******}; the micro-blogs write {@code **} whole 2 times in 2, and
   * never a run of them apart), or a line of them; one that masks digits belongs to them
   * ({@link #joinsStars}). The full-width {@code ＊} is not: the MSR test's gold writes a line of five
   * apart, as People's Daily writes {@code ＊} alone.
   */
  private static final String RUN_IS_ONE_WORD = "…‥―*";

  private final TextRules rules;

  /** A chunker that applies {@code rules} (the model's: {@code fold}, or the seed method's exact {@code seed}). */
  public Chunker(TextRules rules) {
    this.rules = rules;
  }

  /**
   * Whitespace: what {@link Character#isWhitespace} or {@link Character#isSpaceChar} says, the next
   * line control (U+0085, Unicode's White_Space, which Java's two methods leave out and Python's
   * {@code str.split()} splits at), and the zero-width space (U+200B), which web text uses as an
   * invisible word separator, and U+FEFF, a byte order mark left inside a line where files were
   * joined (a reader drops the one that starts a file).
   */
  public static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B || cp == 0xFEFF || cp == 0x85;
  }

  /**
   * A mark that belongs to the character before it (a combining accent, a variation selector such
   * as U+FE0F): never the start of a word.
   */
  public static boolean isCombiningMark(int cp) {
    if (cp <= 0xFFFF) {
      return (BMP_MARKS[cp >>> 6] & (1L << cp)) != 0; // asked per character and per dictionary match: one load
    }
    return isMarkType(cp);
  }

  private static boolean isMarkType(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** {@link #isCombiningMark} of every BMP code point, a bit each (8 KB). */
  private static final long[] BMP_MARKS = new long[0x10000 / 64];

  static {
    for (int cp = 0; cp <= 0xFFFF; cp++) {
      if (isMarkType(cp)) {
        BMP_MARKS[cp >>> 6] |= 1L << cp;
      }
    }
  }

  /** The end of the run of combining marks that starts at {@code i} ({@code i} itself if none does). */
  public static int marksEnd(CharSequence text, int i) {
    while (i < text.length() && isCombiningMark(Character.codePointAt(text, i))) {
      i += Character.charCount(Character.codePointAt(text, i));
    }
    return i;
  }

  /** Whether the character at {@code i} ends a line: LF, or CR not followed by LF (CRLF ends at its LF). */
  public static boolean endsLine(CharSequence text, int i) {
    char c = text.charAt(i);
    return c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
  }

  /**
   * True for a word made only of punctuation (Unicode's P categories: {@code ，。、“”（）……}, and
   * ASCII's {@code . , ! ? % # @ & * / - _} too); false for an empty word, for symbols such as
   * {@code ℃ + $ ~}, which are words, and for an emoticon written with punctuation alone
   * ({@code -_-}, {@code :)}, {@code *_*}; {@link Emoticons}), a word as {@code ^_^} is: a search
   * index or a model's features that drop punctuation keep the faces. True also for an HTML
   * character reference that stands for whitespace or punctuation ({@code &nbsp;}, {@code &quot;},
   * {@code &#12290;}; {@link HtmlEntities}), which a search index drops as it drops what it stands for.
   */
  public static boolean isPunctuationWord(CharSequence word) {
    return isPunctuationOnly(word) && Emoticons.end(word, 0) != word.length()
        || HtmlEntities.standsForPunctuationOrSpace(word);
  }

  private static boolean isPunctuationOnly(CharSequence word) {
    for (int i = 0; i < word.length(); ) {
      int cp = Character.codePointAt(word, i);
      switch (Character.getType(cp)) {
        case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
            Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
            Character.OTHER_PUNCTUATION -> i += Character.charCount(cp);
        default -> {
          return false;
        }
      }
    }
    return word.length() > 0;
  }

  /** True for a word made only of whitespace (as segmentation emits for runs of spaces). */
  public static boolean isSpaceWord(CharSequence word) {
    return isSpaceWord(word, 0, word.length());
  }

  /** {@link #isSpaceWord(CharSequence)} for {@code text[start, end)}, without a copy. */
  public static boolean isSpaceWord(CharSequence text, int start, int end) {
    for (int i = start; i < end; ) {
      int cp = Character.codePointAt(text, i);
      if (!isSpace(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /**
   * The syllabic script of {@code cp} (Hangul, hiragana, katakana) or null. The network, trained on
   * Chinese, would cut such text every two characters ({@code 텍스|트입}); a run of one of them is
   * one word instead (Korean writes spaces between its words; Japanese is segmented by script here,
   * {@code の テキスト です}, which is no Japanese segmenter but keeps every word of one script whole).
   */
  static Character.UnicodeScript syllabic(int cp) {
    boolean maybe = (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3041 && cp <= 0x30FF)
        || (cp >= 0x3131 && cp <= 0x318F) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xA960 && cp <= 0xA97F)
        || (cp >= 0xAC00 && cp <= 0xD7FF) || (cp >= 0xFF66 && cp <= 0xFFDC) || (cp >= 0x1AFF0 && cp <= 0x1B16F);
    if (!maybe) {
      return null; // the common case, fast: Chinese characters, punctuation, full-width forms, ASCII
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HANGUL || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA ? s : null;
  }

  /**
   * Whether the code point at {@code i} continues a kana run of {@code script}: a letter of it, or
   * a mark that kana share (ー ｰ, the voicing marks ゙ ゚ ゛ ゜ ﾞ ﾟ), or a middle dot ・ ･ between two
   * of its letters ({@code ジョン・スミス}).
   */
  private static boolean continuesKana(CharSequence text, int i, Character.UnicodeScript script) {
    char c = text.charAt(i);
    if (c == '\u30FC' || c == '\uFF70' || (c >= '\u3099' && c <= '\u309C') || c == '\uFF9E' || c == '\uFF9F') {
      return true;
    }
    if ((c == '\u30FB' || c == '\uFF65') && i + 1 < text.length()) {
      return syllabic(Character.codePointAt(text, i + 1)) == script;
    }
    return false;
  }

  /**
   * The script of {@code cp} if it is a letter of an alphabet that Chinese text does not write
   * (Cyrillic, Greek, Arabic, Hebrew, Thai, Devanagari, Mongolian, Tibetan, ...: every script but
   * Han, Latin, the syllabic ones and the common and inherited characters), or null. The network,
   * trained on Chinese, would cut such a word every two letters ({@code Пр|ив|ет}); a run of two
   * letters or more of one of them is one word instead ({@link #alphabetEnd}). A single letter is
   * left to the network: People's Daily and the PKU test write {@code β—兴奋剂}, {@code α粒子}.
   */
  static Character.UnicodeScript alphabet(int cp) {
    boolean maybe = (cp >= 0x370 && cp < 0x2000) || (cp >= 0x2C00 && cp < 0x2E00) || (cp >= 0xA4D0 && cp < 0xAC00)
        || (cp >= 0xFB1D && cp < 0xFE00) || (cp >= 0xFE70 && cp < 0xFF00) || (cp >= 0x10000 && cp < 0x1F000);
    if (!maybe || !Character.isLetter(cp)) {
      return null; // the common case, fast: Chinese characters, punctuation, full-width forms, ASCII
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    switch (s) {
      case HAN, LATIN, COMMON, INHERITED, UNKNOWN, HANGUL, HIRAGANA, KATAKANA, BOPOMOFO:
        return null;
      default:
        return s;
    }
  }

  /**
   * The end of the run of {@code script}'s letters that starts at {@code i} (with its marks, and a
   * zero-width joiner or non-joiner or a hyphen ({@link #isHyphen}) between two of its letters: {@code Нью-Йорк}),
   * or -1 when the run holds fewer than two letters.
   */
  static int alphabetEnd(CharSequence text, int i, Character.UnicodeScript script) {
    int n = text.length();
    int end = i;
    int letters = 0;
    while (end < n) {
      int cp = Character.codePointAt(text, end);
      if (cp == 0x200C || cp == 0x200D || cp < 0x10000 && isHyphen((char) cp)) {
        if (letters == 0 || end + 1 >= n || alphabet(Character.codePointAt(text, end + 1)) != script) {
          break;
        }
      } else if (Character.UnicodeScript.of(cp) == script && (Character.isLetter(cp) || isCombiningMark(cp))) {
        letters += Character.isLetter(cp) ? 1 : 0;
      } else if (!(letters > 0 && isCombiningMark(cp))) {
        break;
      }
      end += Character.charCount(cp);
    }
    return letters >= 2 ? end : -1;
  }

  /**
   * Whether {@code cp} is a Latin letter beyond ASCII ({@code é ß ø ā ǎ ŋ ə ạ}): such a letter
   * belongs to a Latin word's run ({@link #inLatinRun}) as ASCII letters do ({@code Straße},
   * {@code Zürich}, pinyin with its tones, {@code cū}). Full-width letters ({@code Ｘ}) are not: People's
   * Daily writes them, and the network reads them.
   */
  public static boolean isLatinLetter(int cp) {
    return ((cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7) || (cp >= 0x250 && cp < 0x2B0)
        || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2C60 && cp < 0x2C80) || (cp >= 0xA720 && cp < 0xA800)
        || (cp >= 0xAB30 && cp < 0xAB70)) && Character.isLetter(cp);
  }

  /** An ASCII letter or digit, or a {@link #isLatinLetter Latin letter} beyond ASCII. */
  public static boolean isLatinAlnum(int cp) {
    return isAsciiAlnum(cp) || isLatinLetter(cp);
  }

  /** Whether {@code cp} is a regional indicator letter, two of which make a flag ({@link Emoji}). */
  public static boolean isRegionalIndicator(int cp) {
    return Emoji.isRegionalIndicator(cp);
  }

  /** The ASCII form of a full-width character (U+FF01-U+FF5E, as an input method types them); any other as it is. */
  public static int asciiForm(int cp) {
    return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFF01 + 0x21 : cp;
  }

  static boolean isAsciiAlnum(int cp) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }

  private static boolean isAsciiDigit(CharSequence text, int i) {
    return i >= 0 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
  }

  /**
   * Whether the mark at {@code i} is inside a number written in ASCII digits: a thousands
   * separator ({@code 1,299}: a comma between digits before exactly three of them) or the colon
   * of a time or score ({@code 19:30}, {@code 3:1}, also the full-width colon that Chinese input
   * methods type, {@code 10：30}), which the micro-blog corpus writes as one word (59 of 60 times;
   * People's Daily has no ASCII digits), or the tilde of a range ({@code 3~5}, as a hyphen between
   * digits: 8 times in 9 there; also before a signed number, {@code -5~-1}). Such a mark is not a cut.
   */
  static boolean joinsDigits(CharSequence text, int i) {
    char c = text.charAt(i);
    if ((c != ',' && c != ':' && c != FULL_WIDTH_COLON && c != '~') || !isAsciiDigit(text, i - 1)) {
      return false;
    }
    if (!isAsciiDigit(text, i + 1)) {
      return c == '~' && i + 1 < text.length() && joinsSign(text, i + 1);
    }
    return c != ',' || (isAsciiDigit(text, i + 2) && isAsciiDigit(text, i + 3) && !isAsciiDigit(text, i + 4));
  }

  /** The colon of Chinese input methods, which type it between digits too ({@code 10：30}, {@code 3：1}). */
  private static final char FULL_WIDTH_COLON = '\uFF1A';

  /**
   * Whether the character at {@code i} is a full-width colon between two full-width digits
   * ({@code １０：３０}, {@code ３：１}), or an ASCII one there ({@code １２:３０}, as input methods mix the
   * widths; it had been cut, {@code １２ : ３０}): no cut, but left to the network, which reads it as the
   * ratio colon {@code ∶} that People's Daily 1998 writes there ({@code ３∶１}, inside the word 313 times
   * in 313; {@link dev.fenci.model.Vocabulary#read}). Between ASCII digits it belongs to their run
   * ({@link #joinsDigits}).
   */
  static boolean isColonInWideNumber(CharSequence text, int i) {
    return (text.charAt(i) == FULL_WIDTH_COLON || text.charAt(i) == ':') && isWideDigit(text, i - 1)
        && isWideDigit(text, i + 1);
  }

  /**
   * Whether the character at {@code i} is an ASCII comma that separates thousands in a number of
   * full-width digits ({@code ４,００７}: a digit before it, exactly three after it), as Taiwan's text
   * writes it (the AS test text, five numbers, each one word there): no cut, and no word boundary on
   * either side of it (the decoder's rule), as in a number of ASCII digits ({@code 1,299},
   * {@link #joinsDigits}); it had been a word of its own ({@code ４ , ００７}).
   */
  public static boolean isCommaInWideNumber(CharSequence text, int i) {
    return text.charAt(i) == ',' && isWideDigit(text, i - 1) && isWideDigit(text, i + 1) && isWideDigit(text, i + 2)
        && isWideDigit(text, i + 3) && !isWideDigit(text, i + 4);
  }

  private static boolean isWideDigit(CharSequence text, int i) {
    return i >= 0 && i < text.length() && text.charAt(i) >= '\uFF10' && text.charAt(i) <= '\uFF19';
  }

  /**
   * Whether the character at {@code i} is an apostrophe, ASCII or typographic ({@code ' ’}), between
   * two Latin letters ({@code don't}, {@code John’s}): part of their run, as the micro-blog corpus
   * writes it (4 times in 4). Either is otherwise a quote, a cut ({@code 他说 ' 好的 '}, as the full-width
   * {@code ＇} always was: no training text writes the ASCII one inside a word, and the network, which
   * never saw it, had joined it with the characters around it, {@code '然}). A decade's {@code 's}
   * after digits ({@code 80's}, {@code 1990’s}) is part of the run too.
   */
  static boolean joinsApostrophe(CharSequence text, int i) {
    char c = text.charAt(i);
    if ((c != '\'' && c != '\u2019') || i == 0 || i + 1 >= text.length()) {
      return false;
    }
    char before = text.charAt(i - 1);
    char after = text.charAt(i + 1);
    return isLatinLetterChar(before) && isLatinLetterChar(after)
        || before >= '0' && before <= '9' && (after == 's' || after == 'S')
            && (i + 2 == text.length() || !isLatinLetterChar(text.charAt(i + 2)) && !isAsciiDigit(text, i + 2));
  }

  private static boolean isLatinLetterChar(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || isLatinLetter(c);
  }

  /**
   * Whether the character at {@code i} is an underscore of a name: in a run of one or two
   * underscores next to a Latin letter or ASCII digit on either side ({@code x86_64}, {@code zhang_san},
   * {@code __init__}, {@code _private}, {@code a__b}): part of their run, as the micro-blog corpus writes
   * one between them (6 times in 6, user names mostly) and one before them ({@code @ _Lyq煜}); the
   * network, which saw none, had cut {@code ' __main __ '}. A longer run is a blank ({@link #blankEnd})
   * or the network's.
   */
  static boolean joinsUnderscore(CharSequence text, int i) {
    if (text.charAt(i) != '_') {
      return false;
    }
    int a = i;
    while (a > 0 && text.charAt(a - 1) == '_' && i - a < 2) {
      a--;
    }
    int b = i + 1;
    while (b < text.length() && text.charAt(b) == '_' && b - a < 3) {
      b++;
    }
    return b - a <= 2 && (a > 0 && isLatinAlnum(text.charAt(a - 1)) || b < text.length() && isLatinAlnum(text.charAt(b)));
  }

  /**
   * Whether the character at {@code i} is an ASCII caret between ASCII letters or digits, a power as plain text writes
   * it ({@code x^2}, {@code 10^9}, {@code 2^n}, {@code e^x}): part of their run, one word. No training text writes one
   * (the micro-blogs' carets are faces', {@code ^_^}, which start after no letter or digit); the network had
   * written {@code x^ 2}.
   */
  static boolean joinsCaret(CharSequence text, int i) {
    return text.charAt(i) == '^' && i > 0 && i + 1 < text.length() && isAsciiAlnum(text.charAt(i - 1))
        && isAsciiAlnum(text.charAt(i + 1));
  }

  /**
   * Whether the character at {@code i} is a colon of a scope operator {@code ::} between ASCII letters or digits
   * ({@code std::vector}, {@code Foo::bar}): part of their run, one word. The network, which saw
   * no ASCII colon, had written {@code std : : vector}. Not three colons or more, nor one alone ({@code 19:30} is
   * {@link #joinsDigits}).
   */
  static boolean joinsDoubleColon(CharSequence text, int i) {
    if (text.charAt(i) != ':') {
      return false;
    }
    int n = text.length();
    return i > 0 && i + 2 < n && text.charAt(i + 1) == ':' && isAsciiAlnum(text.charAt(i - 1)) && isAsciiAlnum(text.charAt(i + 2))
        || i > 1 && i + 1 < n && text.charAt(i - 1) == ':' && isAsciiAlnum(text.charAt(i - 2)) && isAsciiAlnum(text.charAt(i + 1));
  }

  /**
   * Whether the character at {@code i} is an asterisk that masks digits: in a run of 3 to 32 ASCII
   * asterisks with an ASCII digit right before or after it ({@code 138****8888},
   * {@code 3301**********1234}, {@code 尾号****1234}, {@code 6222****}), as text that hides a telephone,
   * card or identity number writes them: part of the digits' run, one word. The network, which saw
   * no masked number, had cut them into their asterisks and joined the last digits with the
   * Chinese character after them ({@code 138 * * * * 8888中 奖}). Any other run of asterisks is a
   * word of its own ({@code **}, {@code ******}; {@link #RUN_IS_ONE_WORD}), and one asterisk between
   * digits is the network's ({@code 2*3}).
   */
  static boolean joinsStars(CharSequence text, int i) {
    if (text.charAt(i) != '*') {
      return false;
    }
    int a = i;
    while (a > 0 && text.charAt(a - 1) == '*' && i - a <= MASK_STARS) {
      a--;
    }
    int b = i + 1;
    while (b < text.length() && text.charAt(b) == '*' && b - a <= MASK_STARS) {
      b++;
    }
    return b - a >= 3 && b - a <= MASK_STARS && (isAsciiDigit(text, a - 1) || isAsciiDigit(text, b));
  }

  /**
   * Whether the {@code #} at {@code i} starts the mark of a Markdown heading: two to six of them at a
   * line's start (after nothing but spaces), then a space or a tab ({@code ## 第一章}). The run is one
   * word, where each {@code #} of a hashtag is one ({@code # 双十一 #}; a hashtag has no space after its
   * mark, and the micro-blogs never write two in a row).
   */
  static boolean isHeadingMark(CharSequence text, int i) {
    int b = i;
    while (b < text.length() && text.charAt(b) == '#') {
      b++;
    }
    if (b - i < 2 || b - i > 6 || b == text.length() || text.charAt(b) != ' ' && text.charAt(b) != '\t') {
      return false;
    }
    for (int a = i - 1; a >= 0 && text.charAt(a) != '\n' && text.charAt(a) != '\r'; a--) {
      if (text.charAt(a) != ' ' && text.charAt(a) != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Whether a tag or a character reference starts inside {@code text[start, end)} and ends after it. */
  private static boolean endsInsideMarkup(CharSequence text, int start, int end) {
    for (int k = start + 1; k < end; k++) {
      char c = text.charAt(k);
      if (c == '<' && HtmlTags.end(text, k) > end || c == '&' && HtmlEntities.end(text, k) > end) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the {@code *} or {@code !} at {@code i} begins an operator with an equals sign ({@code *=},
   * {@code **=}, {@code !=}, {@code !==}): no cut, so that the decoder keeps the operator whole
   * ({@code x **= 2}, {@code a != 1}), where the mark had been a word of its own ({@code a ! = 1}).
   */
  static boolean beginsOperator(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c != '*' && c != '!') {
      return false;
    }
    int a = i;
    while (a > 0 && text.charAt(a - 1) == c && i - a < 2) {
      a--;
    }
    int j = i + 1;
    while (j < text.length() && text.charAt(j) == c && j - a < 3) {
      j++;
    }
    // a run of one or two of the mark, then an equals sign
    return j - a <= 2 && (a == 0 || text.charAt(a - 1) != c) && j < text.length() && text.charAt(j) == '=';
  }

  /** The longest run of asterisks that masks digits ({@link #joinsStars}). */
  private static final int MASK_STARS = 32;

  /**
   * Whether the character at {@code i} is the full stop that ends an abbreviation of one- or
   * two-letter parts, each followed by a full stop ({@code U.S.}, {@code e.g.}, {@code Ph.D.},
   * {@code a.m.}), before no letter or digit: part of its run, as the micro-blog corpus writes it
   * ({@code P.s.}); any other full stop after a letter ends a sentence ({@link #isLoneDot}).
   */
  static boolean endsAbbreviation(CharSequence text, int i) {
    if (text.charAt(i) != '.' || i + 1 < text.length() && (isLatinAlnum(text.charAt(i + 1)) || text.charAt(i + 1) == '.')) {
      return false;
    }
    int j = i - 1;
    int dots = 0;
    while (dots <= ABBREVIATION_PARTS) {
      int letters = 0;
      while (j >= 0 && letters <= 2 && (text.charAt(j) | 0x20) >= 'a' && (text.charAt(j) | 0x20) <= 'z') {
        letters++;
        j--;
      }
      if (letters < 1 || letters > 2) {
        return false;
      }
      if (j >= 0 && text.charAt(j) == '.' && !(j > 0 && text.charAt(j - 1) == '.')) {
        dots++;
        j--;
      } else {
        // (the last full stop of a run of them, an ellipsis and a cut, parts no abbreviation: 嗯...e.g.)
        return dots >= 1 && (j < 0 || !isLatinAlnum(text.charAt(j)));
      }
    }
    return false;
  }

  /** Most parts of an abbreviation ({@link #endsAbbreviation}): bounds the look back. */
  private static final int ABBREVIATION_PARTS = 8;

  /**
   * Whether the character at {@code i} is a mark that the rules above take out of the cuts, an
   * apostrophe between letters ({@link #joinsApostrophe}), a full-width colon between
   * digits ({@link #joinsDigits}, {@link #isColonInWideNumber}) or the last full stop of an
   * abbreviation ({@link #endsAbbreviation}), but whose letter or digit on one side belongs to an
   * address: the one before it ends at {@code linkEnd} (where the chunker's last address ended), or
   * one starts after it. It stays a cut there, as it was before those rules: the full stop of
   * {@code x@y.cn.} or {@code http://a.cn/ab.js.} ends a sentence (an address never takes it,
   * {@link Links}), and is not an abbreviation's made of the address's last letters.
   */
  static boolean joinedBesideLink(CharSequence text, int i, int linkEnd) {
    char c = text.charAt(i);
    return ((c == '\u2019' || c == '\'') && joinsApostrophe(text, i)
            || c == FULL_WIDTH_COLON && (joinsDigits(text, i) || isColonInWideNumber(text, i))
            || c == '.' && endsAbbreviation(text, i))
        && (i == linkEnd || i + 1 < text.length() && Links.end(text, i + 1) > 0);
  }

  /**
   * Whether the character at {@code i} is a hyphen ({@link #isHyphen}: ASCII's, or Unicode's) between
   * two Latin letters or ASCII digits ({@code COVID-19}, {@code Wi-Fi}, {@code 2026-12-02}), which the micro-blog corpus writes
   * inside one word 146 times in 154 (People's Daily has no ASCII; its full-width hyphen is
   * mostly a minus sign, {@code －０．４}, which is why the network alone wrote {@code COVID -19}).
   */
  static boolean joinsHyphen(CharSequence text, int i) {
    return isHyphen(text.charAt(i)) && i > 0 && i + 1 < text.length()
        && isLatinAlnum(text.charAt(i - 1)) && isLatinAlnum(text.charAt(i + 1));
  }

  /**
   * Whether {@code c} is a hyphen: ASCII's, or Unicode's hyphen (U+2010) or non-breaking hyphen
   * (U+2011), which typeset and word-processed text writes for it ({@code Wi‑Fi}); not a dash or a
   * minus sign.
   */
  public static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011';
  }

  /**
   * Whether the character at {@code i} is the {@code #} of a name like {@code C#} or {@code F#}:
   * after one ASCII letter (in either case: {@code c#}, as a search box is typed) that follows no
   * letter or digit, and before none.
   */
  static boolean joinsSharp(CharSequence text, int i) {
    return text.charAt(i) == '#' && i > 0 && (text.charAt(i - 1) | 0x20) >= 'a' && (text.charAt(i - 1) | 0x20) <= 'z'
        && (i < 2 || !isAsciiAlnum(text.charAt(i - 2)))
        && (i + 1 >= text.length() || !isAsciiAlnum(text.charAt(i + 1)));
  }

  /**
   * Whether the character at {@code i} is the sign of a number in ASCII digits: {@code -}, {@code +},
   * the minus sign {@code −} or their full-width forms before a digit ({@code 温度-5℃}, {@code 上涨+5.2%},
   * {@code 拨打+86}, {@code −5～−1℃}), as People's Daily 1998 joins a sign with its number (54 times in
   * 54, always at the word's start); not after a letter or digit ({@code 1-2}, {@code A-1}, {@code 1+1},
   * {@code COVID-19}), a full stop or an underscore, nor after a unit that follows a digit, where it
   * joins two numbers ({@code 2021年-2023年}, {@code 30℃-35℃}), unless after a range mark; after a
   * Chinese character, only before a decimal number or a whole one followed by a percent or degree sign,
   * {@code 度} or a space ({@code 温度-5℃}, {@code 增长-1.2个}; not the model names {@code 歼-20战机},
   * {@code 东风-41。}, {@code 欧米伽-3，}).
   */
  public static boolean joinsSign(CharSequence text, int i) {
    char c = text.charAt(i);
    if (SIGNS.indexOf(c) < 0 || !isAsciiDigit(text, i + 1)) {
      return false;
    }
    if (i == 0) {
      return true;
    }
    int p = Character.codePointBefore(text, i);
    boolean han = Character.isIdeographic(p) || Character.UnicodeScript.of(p) == Character.UnicodeScript.HAN;
    boolean range = RANGE_MARKS.indexOf(p) >= 0; // (the wave dash 〜 is Unicode's dash punctuation)
    if (!range && (Character.isDigit(p) || Character.isLetter(p) && !han || p == '.' || p == '\uFF0E' || p == '_'
        || p == '#' || SIGNS.indexOf(p) >= 0 || Character.getType(p) == Character.DASH_PUNCTUATION)) {
      return false; // nor the last of a run of dashes or signs (17时14分---20时35分), nor after C#
    }
    if (i >= 2 && Character.isDigit(text.charAt(i - 2)) && !range && LIST_SEPARATORS.indexOf(p) < 0) {
      return false; // a unit after a number (2021年-2023年), not a list's separator (3，-5，+2)
    }
    if (!han) {
      return true;
    }
    // after a Chinese character a hyphen also names a model (歼-20战机, 东风-41。, 欧米伽-3，): a sign there is
    // a decimal number's, or that of a whole number before a percent or degree sign, 度 or a space (温度-5℃, 跌幅-3%),
    // or a plus of a country code
    int j = i + 1;
    boolean point = false;
    while (j < text.length() && (isAsciiDigit(text, j) || (text.charAt(j) == '.' && isAsciiDigit(text, j + 1)))) {
      point |= text.charAt(j) == '.';
      j++;
    }
    // a plus and digits before a hyphen and a digit is a telephone number's country code (电话+86-138-0013-8000)
    return point || j < text.length() && (SIGNED_UNITS.indexOf(text.charAt(j)) >= 0 || isSpace(text.charAt(j))
        || (c == '+' || c == '\uFF0B') && text.charAt(j) == '-' && isAsciiDigit(text, j + 1));
  }

  /** What follows a whole number whose sign after a Chinese character is one ({@code 温度-5℃}, {@code 跌幅-3%}, {@code -10度}, {@code -5~-1}). */
  private static final String SIGNED_UNITS = "%\uFF05\u2030\u2103\u2109\u00B0度~\uFF5E";

  /** The signs of {@link #joinsSign}: hyphen-minus, plus, minus sign, full-width hyphen-minus and plus. */
  private static final String SIGNS = "-+\u2212\uFF0D\uFF0B";
  /** Marks between the two ends of a range, after which a sign is the second end's ({@code -5～-1}). */
  private static final String RANGE_MARKS = "~\uFF5E\u301C至到";
  /** Separators of a list of numbers, after which a sign is the next number's ({@code 3，-5、+2}). */
  private static final String LIST_SEPARATORS = ",\uFF0C\u3001;\uFF1B";

  /**
   * Whether the character at {@code i} is an ASCII full stop between two Latin letters or ASCII digits:
   * a decimal point, a version or an address ({@code 3.14}, {@code 1.2.3}, {@code 10.0.0.1},
   * {@code Node.js}), which the network, trained on text without ASCII, could cut
   * ({@code 10.0. 0.1}); or before the underscore of a name ({@code self._cache}, {@code obj.__dict__};
   * {@link #joinsUnderscore}).
   */
  static boolean joinsDot(CharSequence text, int i) {
    return text.charAt(i) == '.' && i > 0 && i + 1 < text.length()
        && isLatinAlnum(text.charAt(i - 1)) && (isLatinAlnum(text.charAt(i + 1))
            || text.charAt(i + 1) == '_' && joinsUnderscore(text, i + 1));
  }

  /**
   * Whether the {@code +} at {@code i} joins the keys of a chord: after a modifier key's name ({@link #MODIFIER_KEYS},
   * in any case, starting the run or after another {@code +}) and before an ASCII letter or digit
   * ({@code Ctrl+C}, {@code Alt+F4}, {@code Ctrl+Shift+Esc}, {@code Cmd+Space}): one word, as software's manuals write a
   * shortcut; the network had joined some to the Chinese character before them ({@code 按 下Alt+F4}).
   */
  static boolean isKeyChord(CharSequence text, int i) {
    if (i + 1 >= text.length() || !isAsciiAlnum(text.charAt(i + 1))) {
      return false;
    }
    int a = i;
    while (a > 0 && i - a < LONGEST_MODIFIER && isAsciiLetter(text.charAt(a - 1))) {
      a--;
    }
    if (a == i || a > 0 && (isAsciiAlnum(text.charAt(a - 1)) || isLatinLetter(text.charAt(a - 1)))) {
      return false;
    }
    return MODIFIER_KEYS.contains(text.subSequence(a, i).toString().toLowerCase(java.util.Locale.ROOT));
  }

  /** The names of modifier keys in a shortcut ({@link #isKeyChord}). */
  private static final java.util.Set<String> MODIFIER_KEYS = java.util.Set.of("ctrl", "control", "alt", "shift",
      "cmd", "command", "win", "fn", "option", "opt", "meta", "super");

  private static final int LONGEST_MODIFIER = 7;

  /** An ASCII letter, either case. */
  static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  /**
   * Whether the character at {@code i} is a {@code +} of a name like {@code C++} or {@code g++}:
   * one of the two after an ASCII letter that follows no letter or digit (so {@code C++11} is one
   * run, while {@code 1+1} and {@code a+b} are left to the network), the "or more" of a number
   * ({@code 10+}; {@link #isMoreThan}), or one of a shortcut's keys ({@code Alt+F4}; {@link #isKeyChord}).
   */
  static boolean joinsPlus(CharSequence text, int i) {
    if (text.charAt(i) != '+') {
      return false;
    }
    if (isMoreThan(text, i) || isKeyChord(text, i)) {
      return true;
    }
    int first = i > 0 && text.charAt(i - 1) == '+' ? i - 1 : i;
    int letter = first - 1;
    return first + 1 < text.length() && text.charAt(first + 1) == '+' && letter >= 0
        && isAsciiLetter(text.charAt(letter))
        && (letter == 0 || !isAsciiAlnum(text.charAt(letter - 1)));
  }

  /** Letters after a number that multiply it, before an "or more" plus: k (thousand) and w (万, ten thousand). */
  private static final String THOUSANDS_LETTERS = "kKwW";

  /**
   * Whether the {@code +} at {@code i} says "or more" after a number ({@code 10+年经验}, {@code 500+客户},
   * {@code 99+}, and with a letter of thousands, {@code 10k+}, {@code 10w+} for 十万+): after ASCII digits
   * (and one of {@link #THOUSANDS_LETTERS}) that follow no Latin letter, before no letter, digit, {@code +} or
   * {@code =} (so not a sum, {@code 1+1}, nor a name, {@code X20+}). Part of the number's run, as the
   * micro-blog corpus writes it ({@code 得分 20+ 追平}, 4 times in 5); People's Daily 1998 has none.
   */
  private static boolean isMoreThan(CharSequence text, int i) {
    int e = i; // where the digits end: before the plus, or before a letter of thousands (10k+, 10w+)
    if (e >= 2 && THOUSANDS_LETTERS.indexOf(text.charAt(e - 1)) >= 0 && isAsciiDigit(text, e - 2)) {
      e--;
    }
    int d = e;
    while (d > 0 && isAsciiDigit(text, d - 1)) {
      d--;
    }
    if (d == e || d > 0 && isLatinLetterChar(text.charAt(d - 1))) {
      return false;
    }
    if (i + 1 == text.length()) {
      return true;
    }
    char next = text.charAt(i + 1);
    return !isLatinAlnum(next) && !isWideDigit(text, i + 1) && next != '+' && next != '=' && next != '\uFF0B';
  }

  /**
   * Whether the character at {@code i} is an ASCII full stop that is neither a decimal point nor
   * the dot of a name, between ASCII letters or digits ({@link #joinsDot}) or before one
   * ({@code .5}, {@code .NET}, {@code *.txt}): a sentence's end ({@code 我用的是Java.}) or part of an
   * ellipsis ({@code 嗯...}). It is a cut, and a run of them one word, as the micro-blog corpus
   * writes them (836 of its 868 such full stops are in words made only of full stops; the network,
   * which saw none, joined them to the word before). People's Daily 1998 has no ASCII. Between a
   * digit and a full-width one ({@code ３.１４}, {@code 3.１}, as input methods mix the widths) it is
   * a decimal point too, the network's, which reads it as the {@code ．} of {@code ３．１４}.
   */
  static boolean isLoneDot(CharSequence text, int i) {
    return text.charAt(i) == '.' && !joinsDot(text, i) && !endsAbbreviation(text, i)
        && !(i + 1 < text.length() && isAsciiAlnum(text.charAt(i + 1)) && (i == 0 || text.charAt(i - 1) != '.'))
        && !(isWideDigit(text, i + 1) && (isAsciiDigit(text, i - 1) || isWideDigit(text, i - 1)));
  }

  /**
   * Whether {@code cp} is one of the look-alikes of {@code ·}, the middle dot of foreign names in
   * People's Daily ({@code 马克·吐温}): Big5 text's hyphenation point {@code ‧}, the katakana middle
   * dot {@code ・}, its half-width form {@code ･} and the dot operator {@code ⋅}. The network reads
   * them as {@code ·} where it lacks them, and dictionaries and search terms fold them to it.
   */
  public static boolean isNameDot(int cp) {
    return cp == 0x2027 || cp == 0x30FB || cp == 0xFF65 || cp == 0x22C5;
  }

  /**
   * Whether a temperature unit starts at {@code i}: the degree sign and an ASCII {@code C} or
   * {@code F} before no Latin letter or digit ({@code 30°C}, but not {@code °Ca}): one word of its own
   * ({@link Chunk.Kind#UNIT}), apart from the number before it, as People's Daily writes {@code ℃}.
   */
  static boolean isDegreeUnit(CharSequence text, int i) {
    return text.charAt(i) == '\u00B0' && i + 1 < text.length() && (text.charAt(i + 1) == 'C' || text.charAt(i + 1) == 'F')
        && (i + 2 >= text.length() || !isLatinAlnum(text.charAt(i + 2)));
  }

  /**
   * Whether the character at {@code i} is an ASCII slash next to another one, outside an address:
   * a run of them is a word of its own ({@code //@李四}, the forwarding mark of micro-blogs, which the
   * micro-blog corpus writes {@code // @ 李四} 36 times in 36). A slash alone stays the network's
   * ({@code 元/件}).
   */
  static boolean isSlashRun(CharSequence text, int i) {
    return text.charAt(i) == '/' && (i + 1 < text.length() && text.charAt(i + 1) == '/'
        || i > 0 && text.charAt(i - 1) == '/');
  }

  /**
   * Whether the character at {@code i} is a middle dot of names ({@code · ・ ‧ ･}) next to the same
   * one: a run of them is an ellipsis ({@code 他说···算了吧}), a word of its own, as the micro-blog
   * corpus writes it (3 times in 3), while no name writes two in a row (People's Daily 1998 has
   * none). The network, which reads a dot of a name as part of a word, had joined the run with
   * the word after it ({@code ···算了}). A dot alone stays the network's ({@code 马克·吐温}).
   */
  static boolean isMiddleDotRun(CharSequence text, int i) {
    char c = text.charAt(i);
    return MIDDLE_DOTS.indexOf(c) >= 0 && (i + 1 < text.length() && text.charAt(i + 1) == c
        || i > 0 && text.charAt(i - 1) == c);
  }

  /**
   * The end of the blank that starts at {@code i}, or -1: a run of two underscores or more, ASCII or
   * full-width ({@code ____}, {@code ＿＿}), as fill-in-the-blank questions and the micro-blogs write a gap
   * ({@code 中国的首都是____。}), between characters that are no letter, digit or symbol (a Chinese
   * character, punctuation, a space or the text's edge). It is one word, as the micro-blog corpus writes
   * it (6 times in 7, the other ending a user name, {@code @嫣然一笑百花迟__}; People's Daily 1998 has
   * none); the network had cut it every two underscores ({@code __ __}), and the full-width ones were a
   * word each. Not a blank: a run of them beside a
   * letter, digit or symbol ({@code __init__}, {@code ^__^}), which stays as it was. Only the run's
   * start can be one, so a long run is scanned once.
   */
  static int blankEnd(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c != '_' && c != '\uFF3F' || i > 0 && text.charAt(i - 1) == c) {
      return -1;
    }
    int end = i + 1;
    while (end < text.length() && text.charAt(end) == c) {
      end++;
    }
    return end - i >= 2 && besideBlank(i > 0 ? Character.codePointBefore(text, i) : -1)
        && besideBlank(end < text.length() ? Character.codePointAt(text, end) : -1) ? end : -1;
  }

  /** Whether {@code cp} (-1: the text's edge) may stand next to a {@link #blankEnd blank}. */
  private static boolean besideBlank(int cp) {
    if (cp < 0 || isSpace(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** The middle dots of names that {@link #isMiddleDotRun} asks about. */
  private static final String MIDDLE_DOTS = "·・‧･";

  /**
   * Whether the character at {@code i} belongs to a run of Latin letters and ASCII digits that is
   * never split: ASCII letters and digits, {@link #isLatinLetter Latin letters} beyond ASCII, the
   * marks that join them ({@link #joinsDigits}, {@link #joinsHyphen}, {@link #joinsDot},
   * {@link #joinsSharp}, {@link #joinsPlus}, {@link #joinsApostrophe}, {@link #joinsUnderscore},
   * {@link #joinsStars}, {@link #joinsDoubleColon}, {@link #joinsCaret}, {@link #endsAbbreviation}), and a combining
   * mark after one of them
   * ({@code cafe\u0301s}), among at most {@link #MARKS_IN_A_RUN} marks in a row.
   */
  public static boolean inLatinRun(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c >= 0x2E80 && c < 0xA720) {
      return false; // the common case, fast: Chinese characters, kana, CJK punctuation
    }
    if (!isCombiningMark(c)) {
      return isLatinAlnum(c) || joinsDigits(text, i) || joinsHyphen(text, i) || joinsSign(text, i) || joinsDot(text, i)
          || joinsSharp(text, i) || joinsPlus(text, i) || joinsApostrophe(text, i) || joinsUnderscore(text, i)
          || joinsStars(text, i) || joinsDoubleColon(text, i) || joinsCaret(text, i) || endsAbbreviation(text, i);
    }
    // a mark is in the run of the character it follows: looked for without recursion, and not
    // beyond MARKS_IN_A_RUN marks, as every character of a run is asked about
    for (int j = i - 1; j >= 0 && i - j <= MARKS_IN_A_RUN; j--) {
      if (!isCombiningMark(text.charAt(j)) || (text.charAt(j) >= 0x2E80 && text.charAt(j) < 0xA720)) {
        return inLatinRun(text, j);
      }
    }
    return false;
  }

  /**
   * Combining marks in a row that a {@link #inLatinRun Latin run} takes inside it (Unicode's
   * stream-safe text format allows 30 in a row): a mark further along a longer row ends the run
   * (the marks still belong to the character before them), so that asking about every character
   * of a row of marks costs its length, not its square, nor a stack frame per mark
   * ({@code a} and 100,000 marks had overflowed the stack).
   */
  static final int MARKS_IN_A_RUN = 32;

  /** Whether {@code cp} is a cut: a word of its own that the network never sees. */
  static boolean isCut(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
        return WORD_INTERNAL.indexOf(cp) < 0 || cp > 0xFFFF;
      default:
        return false;
    }
  }

  /**
   * The chunks of {@code text}, in order, covering it exactly: whitespace, punctuation, addresses,
   * numbers, Latin words and the other runs the rules make words, and the TEXT between them that
   * the network segments.
   */
  public List<Chunk> chunk(CharSequence text) {
    List<Chunk> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    int textStart = -1;
    int linkEnd = -1; // where the last address ended (see joinedBesideLink)
    while (i < n) {
      int cp = Character.codePointAt(text, i);
      int len = Character.charCount(cp);
      Chunk.Kind kind = null;
      Character.UnicodeScript script;
      int run;
      int end = i + len;
      int link = Links.end(text, i);
      int emoji = link > 0 ? -1 : Emoji.end(text, i);
      int emoticon = link > 0 || emoji > 0 ? -1 : Emoticons.end(text, i);
      if (emoticon > 0 && endsInsideMarkup(text, i, emoticon)) {
        emoticon = -1; // <3<br> is no face >_< but a tag after <3
      }
      int markup = link > 0 || emoji > 0 || emoticon > 0 ? -1
          : cp == '&' ? HtmlEntities.end(text, i) : cp == '<' ? HtmlTags.end(text, i) : cp == '\\' ? Escapes.end(text, i)
          : cp == '$' ? Placeholders.end(text, i) : cp == '#' ? Math.max(Placeholders.end(text, i), SourceCode.end(text, i))
          : cp == '@' ? SourceCode.end(text, i) : cp == '/' || cp == '*' ? SourceCode.commentMarkEnd(text, i) : -1;
      if (link > 0) {
        kind = Chunk.Kind.LINK;
        end = link;
      } else if (emoji > 0) {
        kind = Chunk.Kind.EMOJI;
        end = emoji;
      } else if (emoticon > 0) {
        kind = Chunk.Kind.EMOTICON;
        end = emoticon;
      } else if (markup > 0) {
        kind = Chunk.Kind.MARKUP;
        end = markup;
      } else if ((script = syllabic(cp)) != null) {
        kind = Chunk.Kind.SCRIPT;
        while (end < n && (syllabic(Character.codePointAt(text, end)) == script
            || (script != Character.UnicodeScript.HANGUL && continuesKana(text, end, script)))) {
          end += Character.charCount(Character.codePointAt(text, end));
        }
      } else if ((script = alphabet(cp)) != null && (run = alphabetEnd(text, i, script)) > 0) {
        kind = Chunk.Kind.SCRIPT;
        end = run;
      } else if ((run = blankEnd(text, i)) > 0) {
        kind = Chunk.Kind.PUNCT;
        end = run;
      } else if (isDegreeUnit(text, i)) {
        kind = Chunk.Kind.UNIT;
        end = i + 2;
      } else if (cp == '℃' || cp == '℉') {
        kind = Chunk.Kind.UNIT;
      } else if (isSpace(cp)) {
        kind = Chunk.Kind.SPACE;
        // a run ends with its line break: lines never share a word, whatever surrounds them
        while (!endsLine(text, end - 1) && end < n && isSpace(Character.codePointAt(text, end))) {
          end += Character.charCount(Character.codePointAt(text, end));
        }
      } else if (isCut(cp) && !joinsDigits(text, i) && !joinsSharp(text, i) && !joinsApostrophe(text, i) && !joinsHyphen(text, i)
          && !joinsStars(text, i) && !joinsDoubleColon(text, i) && !beginsOperator(text, i)
          && !isColonInWideNumber(text, i) && !isCommaInWideNumber(text, i) || isLoneDot(text, i) || isSlashRun(text, i) || isMiddleDotRun(text, i)
          || joinedBesideLink(text, i, linkEnd)) {
        kind = Chunk.Kind.PUNCT;
        if (RUN_IS_ONE_WORD.indexOf(cp) >= 0 || cp == '.' || cp == '/' || MIDDLE_DOTS.indexOf(cp) >= 0
            || cp == '#' && isHeadingMark(text, i)) {
          while (end < n && text.charAt(end) == cp) {
            end++;
          }
        }
      } else if (rules.asciiRunsAreWords() && isLatinAlnum(cp)) {
        kind = Chunk.Kind.ASCII;
        // up to an address that starts inside the run (19:30abc@x.com), as in text
        while (end < n && inLatinRun(text, end) && Links.end(text, end) < 0 && Emoji.end(text, end) < 0
            && !joinedBesideLink(text, end, -1)) {
          end++;
        }
      }
      if (kind != null && kind != Chunk.Kind.SPACE) {
        // a combining mark or variation selector belongs to the character before it, here the
        // last one of a word made by rule (https://cafe\u0301, 😀\uFE0F, 한국어\u302E)
        end = marksEnd(text, end);
      }
      if (kind == Chunk.Kind.LINK) {
        linkEnd = end;
      }
      if (kind == null) {
        if (textStart < 0) {
          textStart = i;
        }
      } else {
        if (textStart >= 0) {
          out.add(new Chunk(textStart, i, Chunk.Kind.TEXT));
          textStart = -1;
        }
        out.add(new Chunk(i, end, kind));
      }
      i = kind == null ? i + len : end;
    }
    if (textStart >= 0) {
      out.add(new Chunk(textStart, n, Chunk.Kind.TEXT));
    }
    return out;
  }
}
