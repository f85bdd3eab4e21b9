package dev.fenci.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads segmented text in one of four layouts, detected from the first non-blank lines:
 * <ul>
 *   <li>one sentence a line, words separated by any whitespace (U+3000 too);
 *   <li>the raw People's Daily format ({@code 19980101-01-001-001/m  迈向/v  [中央/n  电台/n]nt ...}:
 *       a sentence id, {@code word/pos} tokens, compound brackets, which keep their inner words). The
 *       id is optional (People's Daily 2014 and other tagged corpora have none; their brackets close
 *       as {@code ]/nt}). Tagged when the first line starts with a sentence id, or when most tokens of
 *       the first {@value #DETECT_LINES} non-blank lines read as {@code word/pos} (a token that does
 *       not is then an error naming its line, not a word with its tag glued on);
 *   <li>CoNLL-U (Universal Dependencies) and CoNLL-X: a token a line, its columns separated by tabs
 *       (or, in a line without a tab, by spaces), the ID first and the word (FORM) second; a blank
 *       line ends a sentence; {@code #} lines before a sentence are comments (one inside a sentence
 *       is an error: a blank line is missing). A multiword token's range line ({@code 3-4}) gives the
 *       word as written and the lines of its parts are skipped; empty nodes ({@code 5.1}) are
 *       skipped; a FORM holding spaces gives several words. Detected when the file starts with a
 *       {@code # sent_id} or {@code # text} comment, or when of its first {@value #LAYOUT_LINES}
 *       non-blank lines at least two and at least half are token lines of {@value
 *       ConllReader#CONLL_COLUMNS} or more columns, all as many, the first numbered 1;
 *   <li>a character a line with its tag, {@code 迈 B}: B begins a word, M or I continues it, E ends
 *       it, S is a word of one character (BMES, BIES; with B and I only, a word ends where the next
 *       begins, but in a file that uses E or S every word must end with one); upper or lower case;
 *       a suffix after a hyphen or underscore ({@code B-NR}, {@code E_ns}) is ignored; a blank line
 *       ends a sentence. Detected when of the first {@value #LAYOUT_LINES} non-blank lines at least
 *       two and at least half are one character and such a tag (or O, which is then refused by
 *       name), so that a header or a malformed line among them is an error naming it.
 * </ul>
 * In the line layouts blank lines are kept as empty sentences so that line numbers stay aligned
 * with the file; {@link #readSentences} says on which line each sentence starts in every layout.
 */
public final class Corpus {
  private static final Pattern PD_ID = Pattern.compile("\\d{8}-\\d{2}-\\d{3}-\\d{3}/m");
  /** {@code word/pos}, optionally opening a compound ({@code [}) or closing one ({@code ]nt} or {@code ]/nt}). */
  private static final Pattern PD_TOKEN = Pattern.compile("\\[*(.+?)/([A-Za-z][A-Za-z0-9]*)(\\]/?[A-Za-z][A-Za-z0-9]*)?");
  /** How many non-blank lines the detection of a tagged file without sentence ids reads. */
  static final int DETECT_LINES = 5;

  /**
   * Supported layouts: words separated by whitespace; People's Daily's {@code word/pos} tokens
   * (with or without a sentence id first), whose tags and brackets are dropped; CoNLL-U or CoNLL-X
   * token lines; a character a line with its BMES (BIES, BI) tag.
   */
  public enum Format {
    SEGMENTED("segmented text"), PEOPLES_DAILY("People's Daily tagged text (word/pos tokens; the tags dropped)"),
    CONLL("CoNLL-U / CoNLL-X (a token a line: the FORM column; a blank line ends a sentence)"),
    CHARACTER_TAGS("a character a line with its B/M/E/S tag (a blank line ends a sentence)");

    private final String description;

    Format(String description) {
      this.description = description;
    }

    /** What the layout is, for a note to the user. */
    public String description() {
      return description;
    }

    /** Whether a sentence takes one line of the file (and a blank line is an empty sentence). */
    public boolean oneLineASentence() {
      return this == SEGMENTED || this == PEOPLES_DAILY;
    }
  }

  /**
   * A corpus file's sentences, the line (1-based) on which each starts, and the layout it was read
   * in. In the one-line layouts sentence {@code i} is line {@code i + 1}.
   */
  public record Sentences(List<List<String>> sentences, List<Integer> lines, Format format) {
    public Sentences {
      lines = List.copyOf(lines);
    }

    /** The line on which sentence {@code i} starts. */
    public int lineOf(int i) {
      return lines.get(i);
    }
  }

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
    return readSentences(bytes, source, lenient, warnings).sentences();
  }

  /**
   * As {@link #read(byte[], String, boolean, java.io.PrintStream)}, with the line on which each
   * sentence starts and the layout; a file in another layout than segmented text is said so on
   * {@code warnings}.
   */
  public static Sentences readSentences(byte[] bytes, String source, boolean lenient, java.io.PrintStream warnings)
      throws IOException {
    List<String> lines = Utf8Lines.decode(bytes, source, lenient, warnings);
    Format format = detect(lines);
    if (format != Format.SEGMENTED) {
      warnings.println("fenci: " + source + ": read as " + format.description());
    }
    return parseSentences(lines, source, format);
  }

  /** The sentences of a file's lines, in the layout {@link #detect} finds. */
  public static List<List<String>> parse(List<String> lines, String source) throws CorpusFormatException {
    return parseSentences(lines, source, detect(lines)).sentences();
  }

  static Sentences parseSentences(List<String> lines, String source, Format format) throws CorpusFormatException {
    switch (format) {
      case CONLL:
        return ConllReader.read(lines, source);
      case CHARACTER_TAGS:
        return CharacterTagReader.read(lines, source);
      default:
        refuseTagColumns(lines, source);
        if (format == Format.SEGMENTED) {
          refuseUnderscoreTags(lines, source);
        }
        List<List<String>> out = new ArrayList<>(lines.size());
        List<Integer> at = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
          List<String> tokens = splitWhitespace(lines.get(i));
          out.add(format == Format.SEGMENTED ? tokens : peoplesDaily(tokens, source, i + 1));
          at.add(i + 1);
        }
        return new Sentences(out, at, format);
    }
  }

  /** The layout of a file, from its first non-blank lines (see the class comment). */
  public static Format detect(List<String> lines) {
    if (ConllReader.looksConll(lines)) {
      return Format.CONLL;
    }
    if (CharacterTagReader.looksCharacterTagged(lines)) {
      return Format.CHARACTER_TAGS;
    }
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

  /** How many non-blank lines the detection of the CoNLL and character-tag layouts reads. */
  static final int LAYOUT_LINES = 10;

  /**
   * Whether a line holds nothing but spaces as the segmented layout reads them (Unicode spaces,
   * U+3000, a byte order mark or zero-width space inside the file too): it separates sentences.
   */
  static boolean isBlankLine(String line) {
    return splitWhitespace(line).isEmpty();
  }

  /**
   * Refuses a file whose first lines are a character, more columns and a tag last ({@code 迈 v B},
   * CoNLL-2003's layout), which would otherwise be read as segmented text of one-letter words.
   */
  private static void refuseTagColumns(List<String> lines, String source) throws CorpusFormatException {
    int inspected = 0;
    int tabular = 0;
    int first = 0;
    for (int i = 0; i < lines.size() && inspected < LAYOUT_LINES; i++) {
      List<String> t = splitWhitespace(lines.get(i));
      if (t.isEmpty()) {
        continue;
      }
      inspected++;
      if (t.size() >= 3 && CharacterTagReader.isOneCharacter(t.get(0))
          && CharacterTagReader.tagLetter(t.get(t.size() - 1)) != null) {
        tabular++;
        first = first == 0 ? i + 1 : first;
      }
    }
    if (tabular >= 2 && tabular * 2 >= inspected) {
      throw new CorpusFormatException(source, first, "looks like a character a line with more columns before its "
          + "tag ('" + shorten(lines.get(first - 1)) + "'); keep the character and its B/M/E/S tag only (e.g. awk "
          + "'{print $1, $NF}'), or separate the words of a sentence by spaces on one line");
    }
  }

  /** A word with its part-of-speech tag after an underscore ({@code 上海_NR}): a word beyond ASCII, '_', the tag. */
  private static final Pattern UNDERSCORE_TAGGED = Pattern.compile("(.*[^\\x00-\\x7F].*)_[A-Za-z][A-Za-z0-9-]*");

  /**
   * Refuses a file most of whose tokens in its first {@value #DETECT_LINES} non-blank lines are words
   * with their tags after an underscore (the Penn Chinese Treebank's {@code 上海_NR 浦东_NR}), which
   * would otherwise be read as segmented text with every tag a part of its word.
   */
  private static void refuseUnderscoreTags(List<String> lines, String source) throws CorpusFormatException {
    int seen = 0;
    int tokens = 0;
    int tagged = 0;
    int first = 0;
    String example = null;
    for (int i = 0; i < lines.size() && seen < DETECT_LINES; i++) {
      List<String> t = splitWhitespace(lines.get(i));
      if (t.isEmpty()) {
        continue;
      }
      seen++;
      for (String token : t) {
        tokens++;
        if (UNDERSCORE_TAGGED.matcher(token).matches()) {
          tagged++;
          if (first == 0) {
            first = i + 1;
            example = token;
          }
        }
      }
    }
    if (tagged * 2 > tokens) {
      throw new CorpusFormatException(source, first, "looks like words with their part-of-speech tags after '_' ('"
          + example + "'), as the Penn Chinese Treebank writes them, which would be read as parts of the words; "
          + "remove the tags first: sed -E 's/_[A-Za-z][A-Za-z0-9-]*([[:space:]]|$)/\\1/g' " + source
          + " > segmented.utf8");
    }
  }

  /** A line without its surrounding spaces, cut to 60 characters, for an error message that quotes it. */
  static String shorten(String line) {
    String l = line.strip();
    return l.codePointCount(0, l.length()) > 60 ? l.substring(0, l.offsetByCodePoints(0, 60)) + "..." : l;
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
   * A word of at least this many Chinese characters, on a line whose Chinese words average more
   * than {@value #UNSEGMENTED_MEAN_LENGTH}, marks the line as unsegmented. The longest words of
   * segmented corpora hold 15 (People's Daily 1998 train, PKU, AS), 14 (CityU) and 11 (NLPCC 2016
   * train) Chinese characters; MSR's organisation names, up to 30, stand on lines of short words.
   */
  static final int UNSEGMENTED_WORD_LENGTH = 20;

  /**
   * More than this share of a file's sentences looking unsegmented refuses the file (a segmented
   * corpus has none; at 1% the raw lines, each trained as one word of a hundred characters or so,
   * hold several percent of the training characters).
   */
  static final double UNSEGMENTED_LINE_SHARE = 0.01;

  /**
   * The sentences of a file that look unsegmented on their own: {@code count} of the {@code of}
   * sentences holding words, the first of them sentence {@code first} (from 0; -1 when none).
   */
  public record UnsegmentedLines(int count, int of, int first) {}

  /**
   * The sentences that look unsegmented on their own: a word of at least {@value
   * #UNSEGMENTED_WORD_LENGTH} Chinese characters among Chinese words that average more than {@value
   * #UNSEGMENTED_MEAN_LENGTH} (a raw line of a partly segmented file).
   */
  public static UnsegmentedLines unsegmentedLines(List<List<String>> sentences) {
    int count = 0;
    int of = 0;
    int first = -1;
    for (int i = 0; i < sentences.size(); i++) {
      List<String> s = sentences.get(i);
      if (s.isEmpty()) {
        continue;
      }
      of++;
      long words = 0;
      long chars = 0;
      int longestHan = 0;
      for (String w : s) {
        if (w.codePoints().anyMatch(Corpus::isHan)) {
          words++;
          chars += w.codePointCount(0, w.length());
          if (w.length() >= UNSEGMENTED_WORD_LENGTH) { // shorter, it cannot hold as many
            longestHan = Math.max(longestHan, (int) w.codePoints().filter(Corpus::isHan).count());
          }
        }
      }
      if (longestHan >= UNSEGMENTED_WORD_LENGTH && (double) chars / words > UNSEGMENTED_MEAN_LENGTH) {
        count++;
        first = first < 0 ? i : first;
      }
    }
    return new UnsegmentedLines(count, of, first);
  }

  /**
   * Refuses a file that {@link #looksUnsegmented looks unsegmented} ({@code 迈向/充满/希望} too),
   * naming the first line whose Chinese words average more than {@value #UNSEGMENTED_MEAN_LENGTH}
   * characters, and a file of which more than {@value #UNSEGMENTED_LINE_SHARE} of the sentences look
   * unsegmented on their own ({@link #unsegmentedLines}), naming the first of them. A model trained
   * on it would learn to keep whole lines; a dev file like it would choose the epoch by a
   * meaningless score.
   *
   * @param sentences the file's lines as {@link #read(Path)} returns them (one list a line)
   */
  public static void requireSegmented(List<List<String>> sentences, String source) throws CorpusFormatException {
    List<Integer> lines = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      lines.add(i + 1);
    }
    requireSegmented(new Sentences(sentences, lines, Format.SEGMENTED), source);
  }

  /** As {@link #requireSegmented(List, String)}, naming the line on which the sentence starts in any layout. */
  public static void requireSegmented(Sentences read, String source) throws CorpusFormatException {
    requireSegmented(read, source, null);
  }

  /**
   * As {@link #requireSegmented(Sentences, String)}; a file with fewer lines that look unsegmented
   * than refuse it, but some, is said on {@code notes} (when not null) with their count and the
   * first one. A file of one word a line with blank lines between sentences is refused too
   * ({@link #requireSentencesOnLines}), after these checks (raw text is one word a line as well).
   */
  public static void requireSegmented(Sentences read, String source, java.io.PrintStream notes)
      throws CorpusFormatException {
    List<List<String>> sentences = read.sentences();
    ChineseWords w = new ChineseWords(sentences);
    String advice = switch (read.format()) {
      case CONLL -> "a token line holds one word (the sentence starting on this line has";
      case CHARACTER_TAGS -> "a word ends at a character tagged E or S, or before a B (the sentence starting on this "
          + "line has";
      default -> "separate the words of a training or dev file by spaces (this line has";
    };
    if (w.unsegmented()) {
      int length = w.firstLongest.codePointCount(0, w.firstLongest.length());
      throw new CorpusFormatException(source, read.lineOf(w.firstLine - 1), String.format(java.util.Locale.ROOT,
          "looks unsegmented: its words with Chinese characters are %.1f characters long on average (in segmented "
              + "text about 1.6); %s '%s', %d characters, as one word: the first line whose words average more than "
              + "%.0f characters)", w.mean(), advice, shorten(w.firstLongest, 20), length, UNSEGMENTED_MEAN_LENGTH));
    }
    UnsegmentedLines u = unsegmentedLines(sentences);
    if (u.count() == 0) {
      requireSentencesOnLines(read, source);
      return;
    }
    String longest = longestWord(sentences.get(u.first()));
    int length = longest.codePointCount(0, longest.length());
    if (u.count() > UNSEGMENTED_LINE_SHARE * u.of()) {
      throw new CorpusFormatException(source, read.lineOf(u.first()), String.format(java.util.Locale.ROOT,
          "looks partly unsegmented: %,d of its %,d %s (%.1f%%, more than %.0f%%) hold a word of %d or more Chinese "
              + "characters among words averaging more than %.0f (segmented corpora have none); %s '%s', %d "
              + "characters, as one word: the first such line)", u.count(), u.of(),
          read.format().oneLineASentence() ? "lines" : "sentences", 100.0 * u.count() / u.of(),
          100 * UNSEGMENTED_LINE_SHARE, UNSEGMENTED_WORD_LENGTH, UNSEGMENTED_MEAN_LENGTH, advice,
          shorten(longest, 20), length));
    }
    requireSentencesOnLines(read, source);
    if (notes != null) {
      notes.printf(java.util.Locale.ROOT, "note: %s: %,d of %,d %s look%s unsegmented (a word of %d or more Chinese "
              + "characters, the words averaging more than %.0f), the first %s:%d ('%s', %d characters, as one word); "
              + "each is trained as one word: separate their words by spaces%n", source, u.count(), u.of(),
          read.format().oneLineASentence() ? "lines" : "sentences", u.count() == 1 ? "s" : "",
          UNSEGMENTED_WORD_LENGTH, UNSEGMENTED_MEAN_LENGTH, source, read.lineOf(u.first()), shorten(longest, 20),
          length);
    }
  }

  /** Above this share of a file's non-blank lines being one word each, with blank lines among them, it is one word a line. */
  static final double ONE_WORD_LINES_SHARE = 0.9;

  /** Fewer non-blank lines than this say too little to call a file one word a line. */
  static final int ONE_WORD_LINES_MIN = 10;

  /**
   * Refuses a file in a one-line layout (segmented or tagged text) that is one word a line with
   * blank lines between sentences: more than {@value #ONE_WORD_LINES_SHARE} of its (at least
   * {@value #ONE_WORD_LINES_MIN}) non-blank lines one word each, blank lines among them, and the
   * blank lines separating groups of two lines or more on average. Read as segmented text, every
   * word would be a sentence of its own and the network would never see a word boundary.
   */
  static void requireSentencesOnLines(Sentences read, String source) throws CorpusFormatException {
    if (!read.format().oneLineASentence()) {
      return;
    }
    List<List<String>> sentences = read.sentences();
    int nonBlank = 0;
    int single = 0;
    int tagged = 0;
    int numbered = 0; // lines whose first token is their number in their group (1, 2, ...), before more tokens
    int inGroupLine = 0;
    int groups = 0;
    int firstBlank = -1;
    boolean inGroup = false;
    for (int i = 0; i < sentences.size(); i++) {
      int n = sentences.get(i).size();
      if (n == 0) {
        firstBlank = firstBlank < 0 && nonBlank > 0 ? i : firstBlank;
        inGroup = false;
        continue;
      }
      nonBlank++;
      single += n == 1 ? 1 : 0;
      tagged += isWordAndTags(sentences.get(i)) ? 1 : 0;
      inGroupLine = inGroup ? inGroupLine + 1 : 1;
      numbered += n >= 2 && sentences.get(i).get(0).equals(Integer.toString(inGroupLine)) ? 1 : 0;
      groups += inGroup ? 0 : 1;
      inGroup = true;
    }
    // mostly lines of one word (or of a word and its tags) in groups between blank lines
    boolean grouped = nonBlank >= ONE_WORD_LINES_MIN && firstBlank >= 0 && nonBlank >= 2 * groups;
    String layouts = "Training and dev files are a sentence a line with its words separated by spaces (or People's "
        + "Daily word/pos, CoNLL-U, a character a line with its B/M/E/S tag); ";
    if (grouped && single > ONE_WORD_LINES_SHARE * nonBlank) {
      throw new CorpusFormatException(source, read.lineOf(firstBlank), String.format(java.util.Locale.ROOT,
          "looks like one word a line with a blank line between sentences (%,d of its %,d non-blank lines are one "
              + "word, in %,d groups), which fenci does not read: it would train on one-word sentences. %sjoin each "
              + "sentence's words with awk -v RS= '{$1=$1} 1' %s > sentences.utf8", single, nonBlank, groups, layouts,
          source));
    }
    if (grouped && tagged > ONE_WORD_LINES_SHARE * nonBlank) {
      throw new CorpusFormatException(source, read.lineOf(firstBlank), String.format(java.util.Locale.ROOT,
          "looks like one word a line, with a tag after it, and a blank line between sentences (%,d of its %,d "
              + "non-blank lines, in %,d groups), which fenci does not read: it would train on sentences of a word and "
              + "its tag. %skeep the words and join each sentence's on a line with awk '{print $1}' %s | awk -v RS= "
              + "'{$1=$1} 1' > sentences.utf8", tagged, nonBlank, groups, layouts, source));
    }
    if (grouped && numbered > ONE_WORD_LINES_SHARE * nonBlank) {
      throw new CorpusFormatException(source, read.lineOf(firstBlank), String.format(java.util.Locale.ROOT,
          "looks like a token a line, numbered from 1 in each sentence, with fewer columns than CoNLL-U's %d, and a "
              + "blank line between sentences (%,d of its %,d non-blank lines, in %,d groups), which fenci does not "
              + "read: it would train on sentences of a token's number, word and other columns. %skeep the words "
              + "(the second column) and join each sentence's on a line with awk '{print $2}' %s | awk -v RS= "
              + "'{$1=$1} 1' > sentences.utf8", ConllReader.CONLL_COLUMNS, numbered, nonBlank, groups, layouts,
          source));
    }
  }

  /** A tag in a column after a word: a part-of-speech or named-entity tag ({@code v}, {@code NR}, {@code B-LOC}). */
  private static final Pattern TAG_COLUMN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  /** Whether a line's tokens are a word beyond ASCII followed by one or more tags ({@code 迈向 v}). */
  private static boolean isWordAndTags(List<String> tokens) {
    if (tokens.size() < 2 || tokens.get(0).chars().allMatch(c -> c < 128)) {
      return false;
    }
    for (int k = 1; k < tokens.size(); k++) {
      if (!TAG_COLUMN.matcher(tokens.get(k)).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String longestWord(List<String> words) {
    String longest = "";
    for (String w : words) {
      if (w.codePointCount(0, w.length()) > longest.codePointCount(0, longest.length())) {
        longest = w;
      }
    }
    return longest;
  }

  private static String shorten(String word, int chars) {
    int n = word.codePointCount(0, word.length());
    return n > chars ? word.substring(0, word.offsetByCodePoints(0, chars)) + "..." : word;
  }

  /**
   * One pass over the words that hold a Chinese character: how many, their length, and the first
   * line whose Chinese words average more than {@link #UNSEGMENTED_MEAN_LENGTH} (with its longest word).
   */
  private static final class ChineseWords {
    long words;
    long chars;
    String firstLongest = "";
    int firstLine = 1;

    ChineseWords(List<List<String>> sentences) {
      boolean found = false;
      for (int i = 0; i < sentences.size(); i++) {
        long lineWords = 0;
        long lineChars = 0;
        String longest = "";
        int longestLength = 0;
        for (String w : sentences.get(i)) {
          if (w.codePoints().anyMatch(Corpus::isHan)) {
            int n = w.codePointCount(0, w.length());
            lineWords++;
            lineChars += n;
            if (n > longestLength) {
              longestLength = n;
              longest = w;
            }
          }
        }
        words += lineWords;
        chars += lineChars;
        if (!found && lineWords > 0 && (double) lineChars / lineWords > UNSEGMENTED_MEAN_LENGTH) {
          found = true;
          firstLongest = longest;
          firstLine = i + 1;
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
