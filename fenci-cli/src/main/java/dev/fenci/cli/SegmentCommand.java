package dev.fenci.cli;

import dev.fenci.Segmenter;
import dev.fenci.dict.UserDictionary;
import dev.fenci.text.Chunker;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "segment", description = "Segment UTF-8 text: one output line per input line, words joined by the delimiter.")
final class SegmentCommand implements Callable<Integer> {
  @Option(names = "--model", defaultValue = "default", paramLabel = "NAME|FILE",
      description = "A preset name (see 'fenci models') or a model file (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--delimiter", defaultValue = " ", description = "Between words (default: one space).")
  String delimiter;

  @Option(names = "--dict", paramLabel = "FILE",
      description = "User dictionary (lines 'word,multiplier'; see README); repeatable, later files win for the same word.")
  List<Path> dicts;

  @Option(names = "--lenient", description = "Skip malformed dictionary lines with a warning instead of failing.")
  boolean lenient;

  @Option(names = "--watch", paramLabel = "SECONDS",
      description = "Reload the dictionaries when they change, checking every SECONDS (for long-running streams).")
  Integer watch;

  @Option(names = "--threads", defaultValue = "1",
      description = "Threads segmenting blocks of lines in parallel; output stays in input order (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  @Parameters(paramLabel = "FILE", description = "Files to segment (default: standard input).")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    try {
      return run();
    } catch (ClosedOutput e) {
      return 0;
    }
  }

  private Integer run() throws IOException {
    Segmenter seg = Segmenter.load(model);
    UserDictionary dict = null;
    if (dicts != null && !dicts.isEmpty()) {
      dict = UserDictionary.load(dicts, lenient, System.err);
      seg = seg.withDictionary(dict);
      if (watch != null) {
        dict.watch(java.time.Duration.ofSeconds(Math.max(1, watch)));
      }
    }
    try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      if (files == null || files.isEmpty()) {
        segment(seg, System.in, "<stdin>", out);
      } else {
        for (Path f : files) {
          if (!Files.isRegularFile(f)) {
            throw new java.nio.file.NoSuchFileException(f.toString(), null, "no such file");
          }
          try (InputStream in = Files.newInputStream(f)) {
            segment(seg, in, f.toString(), out);
          }
        }
      }
    }
    return 0;
  }

  /** Lines per block handed to the network together (and to one thread). */
  static final int BLOCK_LINES = 256;

  private void segment(Segmenter seg, InputStream in, String name, Writer out) throws IOException {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader r = new BufferedReader(new InputStreamReader(in, dec), 1 << 16);
    int n = Math.max(1, threads);
    ExecutorService pool = n == 1 ? null : Executors.newFixedThreadPool(n, task -> {
      Thread t = new Thread(task, "fenci-segment");
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<List<List<String>>>> pending = new ArrayDeque<>();
    try {
      long lineNo = 0;
      List<String> block = new ArrayList<>(BLOCK_LINES);
      while (true) {
        String line;
        try {
          line = r.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
          throw new IOException(name + ":" + (lineNo + 1) + ": invalid UTF-8");
        }
        if (line != null) {
          lineNo++;
          block.add(lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line);
        }
        if (block.size() == BLOCK_LINES || (line == null && !block.isEmpty())) {
          List<String> lines = block;
          block = new ArrayList<>(BLOCK_LINES);
          if (pool == null) {
            write(seg.segmentAll(lines), out);
          } else {
            pending.add(pool.submit(() -> seg.segmentAll(lines)));
            while (pending.size() > 2 * n || (line == null && !pending.isEmpty())) {
              write(await(pending.poll()), out);
            }
          }
        }
        if (line == null) {
          break;
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    out.flush();
  }

  private void write(List<List<String>> lines, Writer out) throws IOException {
    for (List<String> words : lines) {
      boolean first = true;
      for (String w : words) {
        if (Chunker.isSpaceWord(w)) {
          continue;
        }
        if (!first) {
          out.write(delimiter);
        }
        out.write(w);
        first = false;
      }
      out.write('\n');
    }
    out.flush();
    if (System.out.checkError()) {
      // the reader went away (`fenci segment big.txt | head`): stop working, quietly
      throw new ClosedOutput();
    }
  }

  /** Standard output was closed by its reader. */
  static final class ClosedOutput extends RuntimeException {
    ClosedOutput() {
      super("standard output closed", null, false, false);
    }
  }

  private static List<List<String>> await(Future<List<List<String>>> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(c);
    }
  }
}
