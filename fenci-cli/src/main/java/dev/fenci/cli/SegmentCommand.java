package dev.fenci.cli;

import dev.fenci.Segmenter;
import dev.fenci.Token;
import dev.fenci.dict.UserDictionary;
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
import java.util.List;
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

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  @Parameters(paramLabel = "FILE", description = "Files to segment (default: standard input).")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
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

  private void segment(Segmenter seg, InputStream in, String name, Writer out) throws IOException {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader r = new BufferedReader(new InputStreamReader(in, dec), 1 << 16);
    String line;
    long lineNo = 0;
    while (true) {
      try {
        line = r.readLine();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new IOException(name + ":" + (lineNo + 1) + ": invalid UTF-8");
      }
      if (line == null) {
        break;
      }
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      boolean first = true;
      for (Token t : seg.tokenize(line)) {
        if (t.isSpace()) {
          continue;
        }
        if (!first) {
          out.write(delimiter);
        }
        out.write(t.word());
        first = false;
      }
      out.write('\n');
    }
    out.flush();
  }

}
