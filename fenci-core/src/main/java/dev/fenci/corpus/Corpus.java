package dev.fenci.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads segmented text: one sentence a line, words separated by any whitespace (U+3000 too), or the
 * raw People's Daily format ({@code 19980101-01-001-001/m  迈向/v  [中央/n  电台/n]nt ...}: a sentence
 * id, {@code word/pos} tokens, compound brackets, which keep their inner words). The id is optional
 * (People's Daily 2014 and other tagged corpora have none; their brackets close as {@code ]/nt}).
 * The format is detected from the first non-blank lines: tagged when the first one starts with a
 * sentence id, or when most tokens of the first {@value #DETECT_LINES} non-blank lines read as
 * {@code word/pos} (a token that does not is then an error naming its line, not a word with its tag
 * glued on). Blank lines are kept as empty sentences so that line numbers stay aligned with the
 * file.
 */
public final class Corpus {
  private static final Pattern PD_ID = Pattern.compile("\\d{8}-\\d{2}-\\d{3}-\\d{3}/m");
  /** {@code word/pos}, optionally opening a compound ({@code [}) or closing one ({@code ]nt} or {@code ]/nt}). */
  private static final Pattern PD_TOKEN = Pattern.compile("\\[*(.+?)/([A-Za-z][A-Za-z0-9]*)(\\]/?[A-Za-z][A-Za-z0-9]*)?");
  /** How many non-blank lines the detection of a tagged file without sentence ids reads. */
  static final int DETECT_LINES = 5;

  /**
   * Supported layouts: words separated by whitespace, or People's Daily's {@code word/pos} tokens
   * (with or without a sentence id first), whose tags and brackets are dropped.
   */
  public enum Format { SEGMENTED, PEOPLES_DAILY }

  private Corpus() {}

  /** The sentences of a file, each a list of words (empty for a blank line). */
  public static List<List<String>> read(Path path) throws IOException {
    List<String> lines = Utf8Lines.read(path);
    return parse(lines, path.toString());
  }

  /**
   * As {@link #read(Path)}; lenient: invalid UTF-8 becomes U+FFFD (counted on {@code warnings}). A
   * file read as tagged text is said so on {@code warnings}.
   */
  public static List<List<String>> read(Path path, boolean lenient, java.io.PrintStream warnings) throws IOException {
    return read(Utf8Lines.readBytes(path), path.toString(), lenient, warnings);
  }

  /** As {@link #read(Path, boolean, java.io.PrintStream)}, of a file's bytes already read ({@code source} names it). */
  public static List<List<String>> read(byte[] bytes, String source, boolean lenient, java.io.PrintStream warnings)
      throws IOException {
    List<String> lines = Utf8Lines.decode(bytes, source, lenient, warnings);
    Format format = detect(lines);
    if (format == Format.PEOPLES_DAILY) {
      warnings.println("fenci: " + source + ": read as People's Daily tagged text (word/pos tokens; the tags dropped)");
    }
    return parse(lines, source, format);
  }

  public static List<List<String>> parse(List<String> lines, String source) throws CorpusFormatException {
    return parse(lines, source, detect(lines));
  }

  private static List<List<String>> parse(List<String> lines, String source, Format format)
      throws CorpusFormatException {
    List<List<String>> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      List<String> tokens = splitWhitespace(lines.get(i));
      out.add(format == Format.SEGMENTED ? tokens : peoplesDaily(tokens, source, i + 1));
    }
    return out;
  }

  public static Format detect(List<String> lines) {
    int seen = 0;
    int tokens = 0;
    int tagged = 0;
    for (String l : lines) {
      List<String> t = splitWhitespace(l);
      if (t.isEmpty()) {
        continue;
      }
      if (seen == 0 && PD_ID.matcher(t.get(0)).matches()) {
        return Format.PEOPLES_DAILY;
      }
      for (String token : t) {
        tokens++;
        // a tagged word of People's Daily (迈向/v, 江/nr); not an ASCII token with a slash, which a
        // segmented text may hold as a word (km/h, TCP/IP, and/or)
        Matcher m = PD_TOKEN.matcher(token);
        if (m.matches() && !m.group(1).chars().allMatch(c -> c < 128)) {
          tagged++;
        }
      }
      if (++seen == DETECT_LINES) {
        break;
      }
    }
    return tagged * 2 > tokens ? Format.PEOPLES_DAILY : Format.SEGMENTED;
  }

  private static List<String> peoplesDaily(List<String> tokens, String source, int line)
      throws CorpusFormatException {
    List<String> words = new ArrayList<>(tokens.size());
    String opened = null; // the token that opened the outermost compound the words are in ([中央/n ... 电台/n]nt)
    int depth = 0; // compounds open ([[中国/ns 共产党/n]nt 中央/n]nt nests two)
    for (int k = 0; k < tokens.size(); k++) {
      String t = tokens.get(k);
      if (k == 0 && PD_ID.matcher(t).matches()) {
        continue;
      }
      Matcher m = PD_TOKEN.matcher(t);
      if (!m.matches()) {
        throw new CorpusFormatException(source, line, "expected word/pos (People's Daily format), found '" + t + "'");
      }
      if (m.start(1) > 0) { // '[' before the word: compounds open (the word '[' itself is [/w)
        opened = depth == 0 ? t : opened;
        depth += m.start(1);
      }
      if (m.group(3) != null) {
        if (depth == 0) {
          throw new CorpusFormatException(source, line, "'" + t + "' closes a compound that no '[' opened");
        }
        depth--;
        opened = depth == 0 ? null : opened;
      }
      words.add(m.group(1));
    }
    if (opened != null) {
      throw new CorpusFormatException(source, line, "the compound that '" + opened + "' opens is not closed on its line"
          + " (expected ']tag' after its last word)");
    }
    return words;
  }

  /** Above this average length of its Chinese words a file is taken for unsegmented text. */
  static final double UNSEGMENTED_MEAN_LENGTH = 5.0;

  /** Fewer Chinese words than this say too little about a file's segmentation to refuse it. */
  static final int UNSEGMENTED_MIN_WORDS = 20;

  /**
   * The average length in characters of the words holding a Chinese character (about 1.6 in
   * segmented news or micro-blog text), or NaN when there are none.
   */
  public static double meanChineseWordLength(List<List<String>> sentences) {
    return new ChineseWords(sentences).mean();
  }

  /**
   * Whether text looks unsegmented: at least 20 words hold a Chinese character, and they average
   * more than 5 characters (raw text, or words joined by something other than whitespace).
   */
  public static boolean looksUnsegmented(List<List<String>> sentences) {
    return new ChineseWords(sentences).unsegmented();
  }

  /**
   * Refuses a file that {@link #looksUnsegmented looks unsegmented} ({@code 迈向/充满/希望} too),
   * naming the line of its longest word. A model trained on it would learn to keep whole lines; a
   * dev file like it would choose the epoch by a meaningless score.
   *
   * @param sentences the file's lines as {@link #read(Path)} returns them (one list a line)
   */
  public static void requireSegmented(List<List<String>> sentences, String source) throws CorpusFormatException {
    ChineseWords w = new ChineseWords(sentences);
    if (!w.unsegmented()) {
      return;
    }
    int length = w.longest.codePointCount(0, w.longest.length());
    String shown = length > 20 ? w.longest.substring(0, w.longest.offsetByCodePoints(0, 20)) + "..." : w.longest;
    throw new CorpusFormatException(source, w.longestLine, String.format(java.util.Locale.ROOT,
        "looks unsegmented: its words with Chinese characters are %.1f characters long on average (in segmented "
            + "text about 1.6); separate the words of a training or dev file by spaces (this line has '%s', %d "
            + "characters, as one word: the longest)", w.mean(), shown, length));
  }

  /** One pass over the words that hold a Chinese character: how many, their length, the longest. */
  private static final class ChineseWords {
    long words;
    long chars;
    String longest = "";
    int longestLine = 1;

    ChineseWords(List<List<String>> sentences) {
      int longestLength = 0;
      for (int i = 0; i < sentences.size(); i++) {
        for (String w : sentences.get(i)) {
          if (w.codePoints().anyMatch(Corpus::isHan)) {
            int n = w.codePointCount(0, w.length());
            words++;
            chars += n;
            if (n > longestLength) {
              longestLength = n;
              longest = w;
              longestLine = i + 1;
            }
          }
        }
      }
    }

    double mean() {
      return words == 0 ? Double.NaN : (double) chars / words;
    }

    boolean unsegmented() {
      return words >= UNSEGMENTED_MIN_WORDS && mean() > UNSEGMENTED_MEAN_LENGTH;
    }
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  /** Splits at runs of whitespace (any Unicode space, U+3000 and NBSP included). */
  public static List<String> splitWhitespace(String line) {
    List<String> out = new ArrayList<>();
    int n = line.length();
    int i = 0;
    while (i < n) {
      while (i < n && dev.fenci.text.Chunker.isSpace(line.codePointAt(i))) {
        i += Character.charCount(line.codePointAt(i));
      }
      int s = i;
      while (i < n && !dev.fenci.text.Chunker.isSpace(line.codePointAt(i))) {
        i += Character.charCount(line.codePointAt(i));
      }
      if (i > s) {
        out.add(line.substring(s, i));
      }
    }
    return out;
  }
}
