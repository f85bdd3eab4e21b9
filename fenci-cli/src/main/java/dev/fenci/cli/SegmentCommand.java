package dev.fenci.cli;

import dev.fenci.Segmenter;
import dev.fenci.dict.UserDictionary;
import dev.fenci.text.Chunker;
import dev.fenci.text.Utf8Reader;
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

@Command(name = "segment", description = "Segment UTF-8 text: one output line per input line, words joined by the delimiter.")
final class SegmentCommand implements Callable<Integer> {
  @Option(names = "--model", defaultValue = "default", paramLabel = "NAME|FILE",
      description = "A preset name (see 'fenci models') or a model file (default: the default preset, marked there).")
  String model;

  @Option(names = "--delimiter", defaultValue = " ", description = "Between words (default: one space).")
  String delimiter;

  @Option(names = "--dict", paramLabel = "FILE",
      description = "User dictionary (lines 'word,multiplier'; see README); repeatable, later files win for the same word.")
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

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  @Parameters(paramLabel = "FILE", description = "Files to segment (default: standard input).")
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
    if (delimiter.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--delimiter is empty: the words would run together (whitespace "
          + "is not written); give a string, e.g. --delimiter '|', or --delimiter $'\\n' for a word a line");
    }
    if (watch != null && (dicts == null || dicts.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "--watch reloads dictionaries: give at least one --dict");
    }
    if (watch != null && watch < 1) {
      throw new ParameterException(spec.commandLine(), "--watch takes a number of seconds of at least 1, got " + watch);
    }
    if (files != null) {
      for (Path f : files) {
        checkInput(f); // all of them before the first word is written
      }
    }
    Segmenter seg = Main.loadModel(model);
    UserDictionary dict = null;
    if (dicts != null && !dicts.isEmpty()) {
      dict = UserDictionary.load(dicts, lenient, System.err);
      seg = seg.withDictionary(dict);
      if (watch != null) {
        dict.watch(java.time.Duration.ofSeconds(watch));
      }
    }
    try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      if (files == null || files.isEmpty()) {
        segment(seg, System.in, "<stdin>", out);
      } else {
        for (Path f : files) {
          checkInput(f); // again: it may have gone while the ones before it were segmented
          try (InputStream in = Files.newInputStream(f)) {
            segment(seg, in, f.toString(), out);
          }
        }
      }
    }
    return 0;
  }

  private static void checkInput(Path f) throws IOException {
    if (f.toString().isEmpty()) {
      throw new IOException("an input file name is empty; give the file's path (or none for standard input)");
    }
    if (Files.isDirectory(f)) {
      throw new java.nio.file.FileSystemException(f.toString(), null, "is a directory, not a file");
    }
    if (!Files.exists(f)) { // a pipe (<(cmd), /dev/stdin) is read as any file
      throw new java.nio.file.NoSuchFileException(f.toString(), null, "no such file");
    }
    if (!Files.isReadable(f)) {
      throw new java.nio.file.AccessDeniedException(f.toString());
    }
  }

  private void segment(Segmenter seg, InputStream in, String name, Writer out) throws IOException {
    Utf8Reader reader = new Utf8Reader(in, name, lenient);
    LineWriter lines = new LineWriter(out);
    seg.segment(reader, lines, threads);
    lines.finish();
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
    private boolean lineOpen;
    private boolean needDelimiter;
    private int sinceCheck;

    LineWriter(Writer out) {
      this.out = out;
    }

    @Override
    public void word(String text, int start, int end) throws IOException {
      if (Chunker.isSpaceWord(text, start, end)) {
        for (int i = start; i < end; i++) {
          char c = text.charAt(i);
          // LF, CRLF and a lone CR each end a line
          if (c == '\n' || (c == '\r' && (i + 1 == end || text.charAt(i + 1) != '\n'))) {
            out.write('\n');
            lineOpen = false;
            needDelimiter = false;
          } else {
            lineOpen = true;
          }
        }
      } else {
        if (needDelimiter) {
          out.write(delimiter);
        }
        out.write(text, start, end - start);
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
        out.write('\n');
        lineOpen = false;
        needDelimiter = false;
      }
      checkOutput();
    }

    private void checkOutput() throws IOException {
      out.flush();
      if (System.out.checkError()) {
        Stdout.throwUnlessClosedByReader();
        // the reader went away (`fenci segment big.txt | head`): stop working, quietly
        throw new ClosedOutput();
      }
    }
  }

  /** Standard output was closed by its reader. */
  static final class ClosedOutput extends RuntimeException {
    ClosedOutput() {
      super("standard output closed", null, false, false);
    }
  }
}
