package dev.fenci.cli;

import dev.fenci.Segmenter;
import dev.fenci.Token;
import dev.fenci.model.Json;
import dev.fenci.text.Chunker;
import dev.fenci.text.Utf8Reader;
import dev.fenci.train.ProgressBar;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "segment", description = "Segment UTF-8 text: one output line per input line, words joined by the delimiter"
    + " (or a line of JSON, --json).")
final class SegmentCommand implements Callable<Integer> {
  @Option(names = "--model", defaultValue = "default", paramLabel = "NAME|FILE",
      description = "A preset name (see 'fenci models') or a model file (default: the default preset, marked there).")
  String model;

  @Option(names = "--delimiter", defaultValue = " ",
      description = "Between words (default: one space); \\t is a tab, \\n a line break, \\r a carriage return,"
          + " \\\\ a backslash (another backslash escape is an error). With a line break in it, a blank line"
          + " ends each input line's words (a word a line, sentences apart: eval --delimiter '\\n' reads it).")
  String delimiter;

  @Option(names = "--dict", paramLabel = "FILE",
      description = "User dictionary (lines 'word,multiplier', see docs/dictionaries.md); repeatable, later files win for the same word.")
  List<Path> dicts;

  @Option(names = "--lenient",
      description = "Replace invalid UTF-8 in the input with U+FFFD (and count it), and skip malformed dictionary lines with a warning, instead of failing.")
  boolean lenient;

  @Option(names = "--watch", paramLabel = "SECONDS",
      description = "Reload the dictionaries when they change, checking every SECONDS (for long-running streams).")
  Integer watch;

  @Option(names = "--threads", defaultValue = "1",
      description = "Threads segmenting blocks of lines in parallel, 1 to 1024; the output is identical and in input order (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--progress",
      description = "Show progress on standard error: bytes read of each input (of its size, with the time left, for a file),"
          + " characters segmented and their speed, words written. Redrawn in place on a terminal, else a line every 30 seconds.")
  boolean progress;

  @Option(names = "--subwords",
      description = "Follow each word with its parts, as a search index with subwords has them (共和国 inside 中华人民共和国,"
          + " OK inside 卡拉OK厅; docs/library.md): the output no longer concatenates back to the input.")
  boolean subwords;

  @Option(names = "--json",
      description = "Write each input line as a line of JSON, its words with their offsets in the line (UTF-16 code"
          + " units; the shape of the server's /tokenize): {\"tokens\": [{\"word\": \"扫描\", \"start\": 0, \"end\": 2}, ...]};"
          + " whitespace is not listed, and a byte order mark at a file's start is not counted. With --subwords each token also has its \"subwords\", with offsets in the line.")
  boolean json;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  @Parameters(paramLabel = "FILE", description = "Files to segment; - is standard input (the default).")
  List<Path> files;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try {
      return run();
    } catch (ClosedOutput e) {
      return 0;
    }
  }

  private Integer run() throws IOException {
    if (threads < 1 || threads > Segmenter.MAX_THREADS) {
      throw new ParameterException(spec.commandLine(), "--threads must be from 1 to " + Segmenter.MAX_THREADS + ", got " + threads);
    }
    try {
      delimiter = unescape(delimiter);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (json && spec.commandLine().getParseResult().hasMatchedOption("--delimiter")) {
      throw new ParameterException(spec.commandLine(), "--delimiter does not apply with --json: a line of JSON lists"
          + " each input line's words; leave out one or the other");
    }
    if (delimiter.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--delimiter is empty: the words would run together (whitespace "
          + "is not written); give a string, e.g. --delimiter '|', or --delimiter '\\n' for a word a line");
    }
    Main.checkWatch(dicts, watch, spec);
    if (files != null) {
      int stdins = 0;
      for (Path f : files) {
        if (Main.isStdin(f)) {
          stdins++;
        } else {
          checkInput(f); // all of them before the first word is written
        }
      }
      if (stdins > 1) {
        throw new ParameterException(spec.commandLine(), "- (standard input) is given " + stdins
            + " times: it can be read once");
      }
    }
    if (files == null || files.isEmpty() || files.stream().anyMatch(Main::isStdin)) {
      Main.checkStdinOpen();
    }
    Segmenter seg = Main.withDictionaries(Main.loadModel(model), dicts, lenient, watch);
    try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      if (files == null || files.isEmpty()) {
        segment(seg, System.in, "<stdin>", stdinLeft(), out);
      } else {
        for (Path f : files) {
          if (Main.isStdin(f)) {
            segment(seg, System.in, "<stdin>", stdinLeft(), out);
            continue;
          }
          checkInput(f); // again: it may have gone while the ones before it were segmented
          try (InputStream in = Files.newInputStream(f)) {
            segment(seg, in, f.toString(), sizeOf(f), out);
          }
        }
      }
    }
    return 0;
  }

  /**
   * The delimiter with the escapes {@code \t}, {@code \n}, {@code \r} and {@code \\} replaced (a
   * shell passes them as written); any other backslash escape ({@code \u0009}, {@code \x}) is an
   * {@link IllegalArgumentException} (it had been kept as written, beside a processed {@code \n}). A
   * backslash at the end is itself.
   */
  static String unescape(String d) {
    if (d.indexOf('\\') < 0) {
      return d;
    }
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (c != '\\' || i + 1 == d.length()) {
        b.append(c);
        continue;
      }
      char e = d.charAt(++i);
      switch (e) {
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case '\\' -> b.append('\\');
        default -> throw new IllegalArgumentException("--delimiter '" + d + "': unknown escape \\"
            + new String(Character.toChars(d.codePointAt(i))) + "; the escapes are \\t (tab), \\n (line break),"
            + " \\r (carriage return) and \\\\ (backslash); other characters are given as they are");
      }
    }
    return b.toString();
  }

  /** Whether a delimiter holds a line break (LF or CR), so that a blank line must end an input line's words. */
  static boolean breaksLines(String delimiter) {
    return delimiter.indexOf('\n') >= 0 || delimiter.indexOf('\r') >= 0;
  }

  private static void checkInput(Path f) throws IOException {
    if (f.toString().isEmpty()) {
      throw new IOException("an input file name is empty; give the file's path (or none for standard input)");
    }
    if (Files.isDirectory(f)) {
      throw new java.nio.file.FileSystemException(f.toString(), null, "is a directory, not a file");
    }
    if (!Files.exists(f)) { // a pipe (<(cmd), /dev/stdin) is read as any file
      String name = f.toString();
      boolean text = name.indexOf('/') < 0 && name.codePoints().anyMatch(
          c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
      throw new java.nio.file.NoSuchFileException(name, null, "no such file" + (text
          ? " (the arguments are files; to segment text itself, give it on standard input: fenci segment <<< '"
              + name.replace("'", "'\\''") + "')"
          : ""));
    }
    if (!Files.isReadable(f)) {
      throw new java.nio.file.AccessDeniedException(f.toString());
    }
  }

  /**
   * What is left to read of standard input when it is a regular file ({@code < big.txt}: its size
   * from the current position), else -1 (a pipe, a terminal; or a {@link System#in} that is not the
   * process's, as in tests).
   */
  private static long stdinLeft() {
    if (!Main.processStdin || !Files.isRegularFile(Path.of("/dev/stdin"))) {
      return -1;
    }
    try {
      // not closed: that would close the process's standard input
      java.nio.channels.FileChannel ch = new java.io.FileInputStream(java.io.FileDescriptor.in).getChannel();
      return Math.max(0, ch.size() - ch.position());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The size of a regular file, or -1 (a pipe, a terminal, no such file). */
  private static long sizeOf(Path f) {
    try {
      return Files.isRegularFile(f) ? Files.size(f) : -1;
    } catch (IOException | SecurityException e) {
      return -1;
    }
  }

  private void segment(Segmenter seg, InputStream in, String name, long size, Writer out) throws IOException {
    CountingInputStream counted = new CountingInputStream(in);
    Utf8Reader reader = new Utf8Reader(counted, name, lenient);
    int cut = name.length() <= 32 ? 0 : name.length() - 29;
    if (cut > 0 && Character.isLowSurrogate(name.charAt(cut))) {
      cut++; // not half a character
    }
    String label = cut == 0 ? name : "..." + name.substring(cut);
    Progress shown = progress ? new Progress(new ProgressBar(System.err, label, size, "bytes", Terminal.stderr()), counted)
        : null;
    LineWriter lines = new LineWriter(out, shown, subwords ? seg : null);
    try {
      seg.segment(reader, lines, threads);
      lines.finish();
    } finally {
      if (shown != null) {
        shown.finish(); // also when stopped early (bad input, a closed pipe): the bar's line ends before what follows
      }
    }
    if (reader.replacements() > 0) {
      System.err.println("fenci: " + name + ": replaced " + reader.replacements()
          + " invalid UTF-8 sequence" + (reader.replacements() == 1 ? "" : "s") + " with U+FFFD");
    }
  }

  /**
   * Writes words as lines: one output line per input line, words joined by the delimiter,
   * whitespace dropped. Checks after every few thousand words whether the reader of standard
   * output went away, and flushes whenever the input makes the stream wait.
   */
  private final class LineWriter implements Segmenter.WordSink {
    private final Writer out;
    private final Progress progress;
    private final Segmenter parts; // the segmenter whose parts of each word follow it, or null
    private final boolean breaksLines = breaksLines(delimiter);
    private boolean lineOpen;
    private boolean needDelimiter;
    /** With --json: UTF-16 code units of the current line before the next word. */
    private long linePos;
    private int sinceCheck;

    /**
     * @param progress where to report, or null
     * @param parts the segmenter whose parts ({@link Segmenter#subwords}) of each word follow it, or null for none
     */
    LineWriter(Writer out, Progress progress, Segmenter parts) {
      this.out = out;
      this.progress = progress;
      this.parts = parts;
    }

    @Override
    public void word(String text, int start, int end) throws IOException {
      boolean space = Chunker.isSpaceWord(text, start, end);
      if (progress != null) {
        progress.word(text, start, end, space);
      }
      if (space) {
        for (int i = start; i < end; i++) {
          char c = text.charAt(i);
          // LF, CRLF and a lone CR each end a line
          if (c == '\n' || (c == '\r' && (i + 1 == end || text.charAt(i + 1) != '\n'))) {
            endLine();
          } else {
            lineOpen = true;
            linePos++;
          }
        }
      } else if (json) {
        writeToken(text, start, end);
        lineOpen = true;
        needDelimiter = true;
        linePos += end - start;
      } else {
        if (needDelimiter) {
          out.write(delimiter);
        }
        out.write(text, start, end - start);
        if (parts != null && end - start >= 3) { // (a word of fewer than three characters has no parts)
          for (Token part : parts.subwords(text.substring(start, end))) {
            out.write(delimiter);
            out.write(part.word());
          }
        }
        lineOpen = true;
        needDelimiter = true;
      }
      if (++sinceCheck == 4096) {
        sinceCheck = 0;
        checkOutput();
      }
    }

    /** The input is slow (a terminal, {@code tail -f}): its lines go out now, not when a block fills. */
    @Override
    public void flush() throws IOException {
      checkOutput();
    }

    void finish() throws IOException {
      if (lineOpen) {
        endLine();
      }
      checkOutput();
    }

    /**
     * Ends an input line's output: with LF; and, when the delimiter breaks lines itself, a line
     * with words also with a blank line, so that the lines' words stay apart (a blank line ends a
     * sentence, as in CoNLL files).
     */
    private void endLine() throws IOException {
      if (json) {
        out.write(needDelimiter ? "]}" : "{\"tokens\":[]}");
        linePos = 0;
      }
      out.write('\n');
      if (needDelimiter && breaksLines) {
        out.write('\n');
      }
      lineOpen = false;
      needDelimiter = false;
    }

    /** A word as a JSON token of its line: {@code {"word":...,"start":...,"end":...}} (and its parts, if asked for). */
    private void writeToken(String text, int start, int end) throws IOException {
      String word = text.substring(start, end);
      out.write(needDelimiter ? "," : "{\"tokens\":[");
      out.write("{\"word\":");
      out.write(Json.write(word));
      out.write(",\"start\":" + linePos + ",\"end\":" + (linePos + word.length()));
      if (parts != null) {
        out.write(",\"subwords\":[");
        List<Token> subwords = word.length() < 3 ? List.of() : parts.subwords(word);
        for (int k = 0; k < subwords.size(); k++) {
          Token p = subwords.get(k);
          out.write((k == 0 ? "" : ",") + "{\"word\":" + Json.write(p.word()) + ",\"start\":" + (linePos + p.start())
              + ",\"end\":" + (linePos + p.end()) + "}");
        }
        out.write(']');
      }
      out.write('}');
    }

    private void checkOutput() throws IOException {
      if (progress != null) {
        progress.update();
      }
      out.flush();
      if (System.out.checkError()) {
        Stdout.throwUnlessClosedByReader();
        // the reader went away (`fenci segment big.txt | head`): stop working, quietly
        throw new ClosedOutput();
      }
    }
  }

  /** The progress of one input: the bytes read of it, the characters and words written. */
  private static final class Progress {
    private final ProgressBar bar;
    private final CountingInputStream in;
    private long shown;
    private long chars;
    private long words;

    Progress(ProgressBar bar, CountingInputStream in) {
      this.bar = bar;
      this.in = in;
    }

    void word(String text, int start, int end, boolean space) {
      chars += Character.codePointCount(text, start, end);
      if (!space) {
        words++;
      }
    }

    void update() {
      long read = in.count();
      bar.advance(read - shown, metric());
      shown = read;
    }

    void finish() {
      update();
      bar.finish(metric());
    }

    private String metric() {
      return ProgressBar.human(chars) + " chars (" + ProgressBar.human((long) (chars / Math.max(1e-3, bar.elapsedSeconds())))
          + "/s), " + ProgressBar.human(words) + " words";
    }
  }

  /** Counts the bytes read through it. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private volatile long count; // read on the thread that writes the words

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }

  /** Standard output was closed by its reader. */
  static final class ClosedOutput extends RuntimeException {
    ClosedOutput() {
      super("standard output closed", null, false, false);
    }
  }
}
