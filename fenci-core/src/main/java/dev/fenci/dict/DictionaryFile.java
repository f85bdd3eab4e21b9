package dev.fenci.dict;

import dev.fenci.corpus.CorpusFormatException;
import dev.fenci.corpus.Utf8Lines;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads user dictionaries: UTF-8 (a BOM is fine), one entry a line, in any of these forms:
 * <pre>
 * 微信号,10          word, comma, multiplier
 * 微信号	10          word, TAB, multiplier
 * 微信号 10           word, space, multiplier (only for words without spaces)
 * 微信号，10          word, full-width comma, ideographic comma (、) or any space (U+3000, U+00A0), multiplier
 * 微信号              a bare word: multiplier {@value Entry#DEFAULT_MULTIPLIER}
 * iPhone 15 Pro,inf  inf (or force) keeps the word whole wherever it occurs
 * # a comment; blank lines are skipped (a comment has a line of its own: 微信号 5 # x is an error)
 * 二维码 3 n          an error: jieba's layout (word frequency tag), which would be a word with spaces
 * \#双十一#,inf       a word that starts with # (a backslash before it at the start of the line)
 * </pre>
 * The multiplier is taken after the last TAB, else after the last comma (unless what follows it
 * holds non-ASCII characters, as in {@code 17,092億}: then the whole line is a bare word), else
 * after the last space (any of Unicode's: the ideographic space, the no-break space of web pages), full-width
 * comma or ideographic comma ({@code 、}) when what follows it is a number
 * written in ASCII (or inf). A multiplier written in full-width digits after a comma, ASCII or full-width
 * ({@code 微信号,０.０１}, {@code 扫码，３}), counts as in ASCII, except after a word that ends in a digit
 * ({@code 第１,２} and {@code １，０００} are one word; write
 * {@code iPhone 15,10} in ASCII); a line that is a number with thousands separators ({@code 4,200}, {@code 10,560,770}) is
 * a bare word, not 4 times 200. A word may contain spaces and
 * punctuation; a word like {@code 1,000} with a multiplier needs the TAB form ({@code 1,000<TAB>5}). A malformed line (no word, or a
 * multiplier that is not a positive finite number or inf, a line in jieba's layout) fails with the
 * file, line number and the line, or, when lenient, is skipped with a warning. Lines read by these
 * rules but likely meant otherwise are read so with a warning: {@code iPhone 15} (iPhone at 15),
 * jieba's {@code word tag} ({@code 凱特琳 nz}, a word with a space), {@code 二维码;10} (a bare word)
 * and {@code 二维码,10,20} (the word {@code 二维码,10} at 20).
 */
public final class DictionaryFile {
  /** A decimal number (what a multiplier may be besides inf): not Java's 10d or 0x1p4. Compiled once: checked per line. */
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  /** A bare word with {@code #} after whitespace: a comment written after an entry. */
  private static final Pattern COMMENT_AFTER_WORD = Pattern.compile(".*\\s#.*");
  /** A number with thousands separators, alone on its line: a bare word ({@code 4,200}), not 4 times 200. */
  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  /** A part-of-speech tag as jieba's dictionaries write them ({@code n}, {@code nz}, {@code eng}, {@code nr1}). */
  private static final Pattern JIEBA_TAG = Pattern.compile("[a-z]{1,4}[0-9]?");
  /** A word that ends in a semicolon, colon, bar or equals sign and a number: a separator fenci does not read. */
  private static final Pattern OTHER_SEPARATOR = Pattern.compile("(.*[^\\d\\s])\\s*[;\uFF1B:\uFF1A|=]\\s*([0-9]+(\\.[0-9]+)?|inf)");

  private DictionaryFile() {}

  /**
   * The entries of a dictionary file (UTF-8 lines {@code word,multiplier}, docs/dictionaries.md).
   *
   * @param lenient  skip a malformed line with a warning, and read invalid UTF-8 as U+FFFD, instead of failing
   * @param warnings where warnings go (a line read in a form fenci guessed, a skipped line)
   * @throws DictionaryFormatException for a malformed line, unless lenient: file, line and what is wrong
   * @throws IOException if the file cannot be read
   */
  public static List<Entry> read(Path file, boolean lenient, PrintStream warnings) throws IOException {
    List<String> lines;
    try {
      lines = Utf8Lines.read(file, lenient, warnings);
    } catch (CorpusFormatException e) {
      throw new IOException(e.getMessage().replaceFirst("^", "dictionary "), e);
    }
    return parse(lines, file.toString(), lenient, warnings);
  }

  /**
   * The entries of a dictionary's lines, as {@link #read} reads a file's.
   *
   * @param source the name messages give for the lines (a file name)
   */
  public static List<Entry> parse(List<String> lines, String source, boolean lenient, PrintStream warnings)
      throws DictionaryFormatException {
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      // a byte order mark: the file's, or, on a later line, that of a file joined to it (cat a.dict b.dict)
      String line = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
      String t = stripTrailingSpaces(line);
      if (t.isBlank() || t.strip().startsWith("#")) {
        continue;
      }
      if (t.strip().startsWith("\\#")) {
        t = t.strip().substring(1);
      }
      try {
        Entry e = parseLine(t);
        out.add(e);
        String number = warnings == null ? null : numberAfterLatinWord(t, e.word());
        String nearMiss = warnings == null ? null : nearMiss(t, e);
        if (nearMiss != null) {
          warnings.println("fenci: warning: " + source + ":" + (i + 1) + ": " + nearMiss);
        } else if (number != null) {
          // "iPhone 15": meant as a word more often than as iPhone with multiplier 15
          String written = stripTrailingSpaces(line).strip();
          String word = written.substring(0, lastNarrowSpace(written)).strip();
          warnings.println("fenci: warning: " + source + ":" + (i + 1) + ": '" + written + "' is read as the word '"
              + e.word() + "' with multiplier " + number + "; write '" + written + "," + (int) Entry.DEFAULT_MULTIPLIER
              + "' for the word '" + e.word() + " " + number + "', or '" + word + "," + number + "' for this reading");
        }
      } catch (IllegalArgumentException e) {
        if (!lenient) {
          throw new DictionaryFormatException(source, i + 1, raw, e.getMessage());
        }
        if (warnings != null) {
          warnings.println("fenci: warning: " + source + ":" + (i + 1) + ": skipped (" + e.getMessage() + "): " + DictionaryFormatException.quote(raw));
        }
      }
    }
    return out;
  }

  /**
   * The number of line {@code t} when it was read as {@code word}, ending in an ASCII letter or
   * digit, then a space (ASCII's, or the no-break space of a web page; not U+3000) and a plain number
   * ({@code iPhone 15}, {@code Windows 10}: a form users write for a word), else null.
   */
  private static String numberAfterLatinWord(String t, String word) {
    String s = t.strip();
    int space = lastNarrowSpace(s);
    char last = word.charAt(word.length() - 1);
    boolean latin = t.indexOf('\t') < 0 && t.indexOf(',') < 0 && t.indexOf('\uFF0C') < 0 && t.indexOf('\u3000') < 0
        && space > 0 && s.substring(0, space).strip().equals(word) && s.substring(space + 1).matches("[0-9]+(\\.[0-9]+)?")
        && last < 128 && Character.isLetterOrDigit(last);
    return latin ? s.substring(space + 1) : null;
  }

  /**
   * What a line read as {@code e} was most likely meant otherwise, said as a warning (the reading
   * stands), else null: jieba's {@code word tag} ({@code 凱特琳 nz}, read as a word with a space),
   * a multiplier after a semicolon, colon, bar or equals sign ({@code 二维码;10}, a bare word), or
   * two multipliers ({@code 二维码,10,20}: the word {@code 二维码,10} at 20).
   */
  private static String nearMiss(String t, Entry e) {
    String line = t.strip();
    String word = e.word();
    if (t.indexOf('\t') < 0 && hanlpLine(line) && FIELD_SPACES.split(line)[1].length() <= 3) {
      // 二维码 n 1024, read as the word "二维码 n" at 1024 (HanLP's and ansj's tags are short, n, nr, nt, vn;
      // a product and its number, 华为 mate 60, reads the same and gets the iPhone 15 warning below)
      return "'" + line + "' is read as the word '" + word + "' with multiplier " + line.substring(word.length()).strip()
          + ", but it " + hanlpAdvice(line);
    }
    if (word.length() > 2 && QUOTES.indexOf(word.charAt(0)) >= 0 && QUOTES.indexOf(word.charAt(word.length() - 1)) >= 0
        && word.chars().filter(c -> QUOTES.indexOf(c) >= 0).count() == 2) {
      // "二维码",10 (a spreadsheet's CSV): the quotes are read as the word's, and text seldom writes them around it
      return "'" + line + "' is read as the word " + word + " with its quotes, which only that text in those quotes"
          + " matches; write '" + word.substring(1, word.length() - 1) + line.substring(word.length()) + "' for the word"
          + " without them";
    }
    boolean bare = word.equals(line) && e.multiplier() == Entry.DEFAULT_MULTIPLIER;
    String[] fields = bare && hasSpace(line) ? FIELD_SPACES.split(line) : null;
    if (fields != null && fields.length == 2 && !isAscii(fields[0]) && JIEBA_TAG.matcher(fields[1]).matches()) {
      return "'" + line + "' looks like a jieba dictionary line (word tag) and is read as one word containing a space,"
          + " which only that text with the space matches; fenci reads 'word,multiplier' lines: write '" + fields[0]
          + "," + (int) Entry.DEFAULT_MULTIPLIER + "'";
    }
    java.util.regex.Matcher other = bare && line.chars().anyMatch(c -> ";\uFF1B:\uFF1A|=".indexOf(c) >= 0)
        ? OTHER_SEPARATOR.matcher(line) : null;
    if (other != null && other.matches()) {
      return "'" + line + "' is read as one word (a multiplier follows a comma, a TAB or a space); write '"
          + other.group(1).strip() + "," + other.group(2) + "' for the word " + other.group(1).strip() + " at " + other.group(2);
    }
    int comma = word.lastIndexOf(',');
    if (t.indexOf('\t') < 0 && comma > 0 && word.length() < line.length()
        && word.substring(comma + 1).strip().matches("[0-9]+(\\.[0-9]+)?")
        && !Character.isDigit(word.substring(0, comma).strip().codePointBefore(word.substring(0, comma).strip().length()))) {
      String head = word.substring(0, comma).strip();
      return "'" + line + "' is read as the word '" + word + "' at " + line.substring(line.lastIndexOf(',') + 1).strip()
          + " (the multiplier follows the last comma); a line holds one multiplier: write '" + head + ","
          + word.substring(comma + 1).strip() + "', or, for a word that contains a comma, word<TAB>multiplier";
    }
    return null;
  }

  /**
   * {@code line} without the spaces at its end, as the segmenter counts spaces ({@code Chunker.isSpace}):
   * {@link String#stripTrailing()}'s, and also the no-break spaces (U+00A0, U+2007, U+202F) and the
   * zero-width space that a list copied from a web page or a spreadsheet ends its lines with, which
   * {@code stripTrailing} keeps ({@code 二维码,10<NBSP>} had been the word {@code 二维码,10}).
   */
  private static String stripTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0) {
      char c = line.charAt(end - 1);
      if (!dev.fenci.text.Chunker.isSpace(c)) {
        break;
      }
      end--;
    }
    return line.substring(0, end);
  }

  /** Quotation marks a spreadsheet's CSV (or a hand) writes around a word. */
  private static final String QUOTES = "\"'\u201C\u201D\u2018\u2019";

  /** Any of Unicode's spaces: ASCII's, the ideographic space U+3000, the no-break space U+00A0 of web pages. */
  private static boolean isSpace(int c) {
    return Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private static boolean hasSpace(String s) {
    return s.indexOf('\t') >= 0 || s.chars().anyMatch(DictionaryFile::isSpace);
  }

  /** Where the last character of {@code s} that {@code p} accepts is, -1 if none. */
  private static int lastIndex(String s, java.util.function.IntPredicate p) {
    int i = s.length() - 1;
    while (i >= 0 && !p.test(s.charAt(i))) {
      i--;
    }
    return i;
  }

  /** Where the last space of {@code s} other than the ideographic one (U+3000) is, -1 if none. */
  private static int lastNarrowSpace(String s) {
    return lastIndex(s, c -> c != '\u3000' && isSpace(c));
  }

  /** Spaces and TABs between the fields of a jieba line: any of Unicode's spaces (U+3000, the no-break space). */
  private static final Pattern FIELD_SPACES = Pattern.compile("[\\t\\p{Zs}]+");

  /**
   * Where the last separator of a number after a word, in the space form, is: a space (any of Unicode's: the
   * no-break space U+00A0 of web pages, U+3000), a full-width comma or an ideographic comma ({@code 、}); -1 if none.
   */
  private static int lastSpaceSeparator(String t) {
    return lastIndex(t, c -> c == '\uFF0C' || c == '\u3001' || isSpace(c));
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 128);
  }

  /**
   * Whether line {@code t} is laid out as jieba's dictionaries are: a word (not all ASCII), a
   * frequency, a part-of-speech tag ({@code 二维码 3 n}), separated by spaces or TABs.
   */
  private static boolean jiebaLine(String t) {
    if (!hasSpace(t)) {
      return false; // the usual bare word, without a split
    }
    String[] f = FIELD_SPACES.split(t.strip());
    return f.length == 3 && !isAscii(f[0]) && f[1].matches("[0-9]+(\\.[0-9]+)?") && JIEBA_TAG.matcher(f[2]).matches();
  }

  /**
   * Whether line {@code t} is laid out as HanLP's and ansj's dictionaries are: a word (not all
   * ASCII), then one or more pairs of a part-of-speech tag and a frequency ({@code 二维码 n 1024},
   * {@code 上海电力<TAB>nt<TAB>1000}), separated by spaces or TABs.
   */
  private static boolean hanlpLine(String t) {
    if (!hasSpace(t)) {
      return false;
    }
    String[] f = FIELD_SPACES.split(t.strip());
    if (f.length < 3 || f.length % 2 == 0 || isAscii(f[0])) {
      return false;
    }
    for (int i = 1; i < f.length; i += 2) {
      if (!JIEBA_TAG.matcher(f[i]).matches() || !f[i + 1].matches("[0-9]+")) {
        return false;
      }
    }
    return true;
  }

  private static String hanlpAdvice(String t) {
    return "looks like a HanLP or ansj dictionary line (word tag frequency); fenci reads 'word,multiplier' lines: write '"
        + FIELD_SPACES.split(t.strip())[0] + "," + (int) Entry.DEFAULT_MULTIPLIER + "'";
  }

  private static IllegalArgumentException jieba(String t) {
    String word = FIELD_SPACES.split(t.strip())[0];
    return new IllegalArgumentException("looks like a jieba dictionary line (word frequency tag); fenci reads"
        + " 'word,multiplier' lines: write '" + word + "," + (int) Entry.DEFAULT_MULTIPLIER + "'");
  }

  static Entry parseLine(String t) {
    int tab = t.lastIndexOf('\t');
    if (tab >= 0 && t.indexOf('\t') < tab && hanlpLine(t)) { // (one TAB: the TAB form of a word with a space, 华为 mate<TAB>60)
      // 上海电力<TAB>nt<TAB>1000 (ansj, HanLP) would be the word "上海电力<TAB>nt", which never occurs in text
      throw new IllegalArgumentException(hanlpAdvice(t));
    }
    if (tab >= 0) {
      try {
        return new Entry(word(t.substring(0, tab)), multiplier(t.substring(tab + 1)));
      } catch (IllegalArgumentException e) {
        throw jiebaLine(t) ? jieba(t) : e; // 二维码<TAB>3<TAB>n: "multiplier 'n' is not a number" said why
      }
    }
    int comma = t.lastIndexOf(',');
    String whole = t.strip();
    if (comma >= 0 && THOUSANDS.matcher(Objects.requireNonNullElse(asciiDigits(whole), whole)).matches()) {
      return new Entry(whole, Entry.DEFAULT_MULTIPLIER); // 4,200, ４,００７ or 10,560,770: a number, not 4 times 200
    }
    int anyComma = Math.max(comma, t.lastIndexOf('\uFF0C')); // full-width digits after a full-width comma too: 扫码，３
    String fullWidth = anyComma >= 0 ? asciiDigits(t.substring(anyComma + 1)) : null;
    String head = anyComma >= 0 ? t.substring(0, anyComma).strip() : "";
    if (fullWidth != null && looksLikeMultiplier(fullWidth) && !head.isEmpty()
        && !Character.isDigit(head.codePointBefore(head.length()))) {
      return new Entry(head, multiplier(fullWidth)); // 微信号,０.０１ (but 第１,２ stays a word: digits on both sides)
    }
    if (comma >= 0 && asciiAfter(t, comma + 1)) {
      String before = t.substring(0, comma).strip();
      String after = t.substring(comma + 1);
      try {
        return new Entry(word(before), multiplier(after));
      } catch (IllegalArgumentException e) {
        // the hint only where a comma inside the word is a likely cause: 1,000 or a,b
        boolean hint = after.indexOf('#') < 0 // (a comment after the multiplier: said so, see multiplier)
            && (!meantAsMultiplier(after) || (!before.isEmpty() && Character.isDigit(before.charAt(before.length() - 1))));
        throw new IllegalArgumentException(e.getMessage()
            + (hint ? " (a word that contains a comma needs the TAB form: word<TAB>multiplier)" : ""));
      }
    }
    int space = lastSpaceSeparator(t);
    if (space >= 0 && meantAsMultiplier(t.substring(space + 1))) { // (二维码 nan: said to be no multiplier, not a word)
      return new Entry(word(t.substring(0, space)), multiplier(t.substring(space + 1)));
    }
    String word = t.strip();
    if (jiebaLine(word)) {
      // 二维码 3 n would be the bare word "二维码 3 n", which never occurs in text
      throw jieba(word);
    }
    if (COMMENT_AFTER_WORD.matcher(word).matches()) {
      // "微信号 0.01 # split it" would be the bare word of the whole line, pulled together
      throw new IllegalArgumentException("a comment needs a line of its own ('#' first); as it is, the whole line "
          + "would be one word of multiplier " + (int) Entry.DEFAULT_MULTIPLIER);
    }
    return new Entry(word, Entry.DEFAULT_MULTIPLIER);
  }

  /** {@code s} with full-width digits and full stops written in ASCII, or null if it holds none of them. */
  private static String asciiDigits(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '\uFF10' && c <= '\uFF19') || c == '\uFF0E') {
        if (b == null) {
          b = new StringBuilder(s.substring(0, i));
        }
        b.append(c == '\uFF0E' ? '.' : (char) (c - '\uFF10' + '0'));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? null : b.toString();
  }

  private static boolean asciiAfter(String t, int from) {
    for (int i = from; i < t.length(); i++) {
      if (t.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  private static String word(String w) {
    String s = w.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("missing word before the multiplier");
    }
    return s;
  }

  /**
   * Whether {@code s} is a multiplier, or was meant as one and is refused as such ({@code +inf}, {@code
   * -inf}, {@code nan}): after a space it is no part of a bare word.
   */
  private static boolean meantAsMultiplier(String s) {
    String l = s.strip().toLowerCase(Locale.ROOT);
    return looksLikeMultiplier(l) || l.equals("+inf") || l.equals("-inf") || l.equals("+infinity") || l.equals("-infinity")
        || l.equals("nan");
  }

  private static boolean looksLikeMultiplier(String s) {
    String l = s.strip().toLowerCase(Locale.ROOT);
    return l.equals("inf") || l.equals("infinity") || l.equals("force") || NUMBER.matcher(l).matches();
  }

  static double multiplier(String s) {
    // the usual case, a positive whole number of a few digits, without the pattern and the parser: a cold JVM
    // reads a list of 100,000 lines the faster
    int digits = 0;
    while (digits < s.length() && digits < 9 && s.charAt(digits) >= '0' && s.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == s.length() && digits > 0 && s.charAt(0) != '0') {
      return Integer.parseInt(s);
    }
    String l = s.strip().toLowerCase(Locale.ROOT);
    if (l.equals("inf") || l.equals("+inf") || l.equals("infinity") || l.equals("+infinity") || l.equals("force")) {
      return Double.POSITIVE_INFINITY;
    }
    if (l.isEmpty()) {
      throw new IllegalArgumentException("missing multiplier after the separator");
    }
    double m;
    try {
      if (!looksLikeMultiplier(l)) { // Java's own syntax would also take 10d and 0x1p4
        throw new NumberFormatException(l);
      }
      m = Double.parseDouble(l);
    } catch (NumberFormatException e) {
      if (l.indexOf('#') >= 0) { // 微信号,5 # note
        throw new IllegalArgumentException("a comment needs a line of its own ('#' first), not after the multiplier");
      }
      throw new IllegalArgumentException("multiplier '" + s.strip() + "' is not a number (expected a positive number or inf)");
    }
    if (!(m > 0) || Double.isInfinite(m)) {
      throw new IllegalArgumentException("multiplier " + s.strip() + " must be a positive finite number, or inf to force the word");
    }
    return m;
  }
}
