package dev.fenci.cli;

import dev.fenci.Segmenter;
import dev.fenci.corpus.Corpus;
import dev.fenci.corpus.Utf8Lines;
import dev.fenci.dict.UserDictionary;
import dev.fenci.eval.Score;
import dev.fenci.eval.Scorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", description = {"Score a segmentation against gold text, with the figures of the bakeoff's score script.",
    "Without --pred or --input, the gold's own text (its words joined, as the bakeoff's test files are) is segmented "
        + "with --model and scored."})
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold segmented text (or People's "
      + "Daily tagged text, CoNLL-U, a character and its B/M/E/S tag a line).")
  Path gold;

  @Option(names = "--words", paramLabel = "FILE", description = "Training word list (one word a line, as the score "
      + "script reads it; a segmented training file also works) for OOV figures.")
  Path words;

  static final class Source {
    @Option(names = "--pred", paramLabel = "FILE", description = "An output to score, in a layout --gold takes ('-': standard input).")
    Path pred;

    @Option(names = "--input", paramLabel = "FILE", description = "Raw text to segment with --model, then score "
        + "('-': standard input).")
    Path input;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source;

  @Option(names = "--model", defaultValue = "default", paramLabel = "NAME|FILE", description = "Model for --input or the gold's text (default: the default preset, marked in 'fenci models').")
  String model;

  @Option(names = "--dict", paramLabel = "FILE",
      description = "User dictionary for --input or the gold's text (as for segment); repeatable, later files win for the same word.")
  List<Path> dicts;

  @Option(names = "--lenient", description = "For --input (or the gold's text) and --dict, as for segment: replace invalid UTF-8 with U+FFFD "
      + "and skip malformed dictionary lines, with a warning each.")
  boolean lenient;

  @Option(names = "--delimiter", paramLabel = "STR", description = "Between the words of --pred, as segment's --delimiter "
      + "wrote them (default: whitespace, which also separates words beside it); '\\n': a word a line, a blank line "
      + "ending each sentence. Escapes as for segment.")
  String delimiter;

  @Spec
  CommandSpec spec;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  @Override
  public Integer call() throws Exception {
    if (source == null) {
      source = new Source(); // neither: the gold's own text is the input
    }
    if (source.pred != null) {
      if (lenient) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--lenient applies to --input and --dict (what fenci reads to segment), not to --pred");
      }
      if (dicts != null && !dicts.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--dict applies to --input (the text fenci segments), not to --pred");
      }
      if (spec.commandLine().getParseResult().hasMatchedOption("--model")) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--model applies to --input (the text fenci segments), not to --pred");
      }
    }
    if (delimiter != null) {
      checkDelimiter();
    }
    if (Main.isStdin(gold)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--gold must be a file; standard input ('-') can be given as --pred or --input");
    }
    // without --pred or --input the gold's text is what fenci segments: --lenient applies to it then
    boolean goldIsInput = source.pred == null && source.input == null;
    Corpus.Sentences goldRead = Corpus.readSentences(Utf8Lines.readBytes(gold), gold.toString(), goldIsInput && lenient,
        System.err);
    if (!goldRead.format().oneLineASentence()) {
      System.err.println("fenci eval: note: the output's line N is scored against " + gold + "'s sentence N");
    }
    List<List<String>> goldLines = goldRead.sentences();
    if (goldLines.stream().allMatch(List::isEmpty)) {
      throw new dev.fenci.corpus.CorpusFormatException(gold.toString(), 1, "holds no words: nothing to score against");
    }
    List<List<String>> test;
    if (source.pred != null) {
      // a prediction is read in any layout a gold file may have, without --lenient (which applies to what fenci segments)
      List<String> lines = Utf8Lines.decode(bytes(source.pred), name(source.pred));
      test = delimiter == null ? Corpus.parse(lines, name(source.pred)) : split(lines, delimiter);
    } else {
      List<String> raw = new ArrayList<>();
      if (source.input != null) {
        raw = Utf8Lines.decode(bytes(source.input), name(source.input), lenient, System.err);
      } else {
        for (List<String> sentence : goldLines) {
          raw.add(String.join("", sentence));
        }
      }
      Segmenter seg = Main.loadModel(model);
      if (dicts != null && !dicts.isEmpty()) {
        seg = seg.withDictionary(UserDictionary.load(dicts, lenient, System.err));
      }
      test = new ArrayList<>();
      for (List<String> line : seg.segmentAll(raw)) {
        // as the score script reads the output: whitespace separates words, also inside a
        // dictionary entry such as "iPhone 15 Pro"
        List<String> words = new ArrayList<>(line.size());
        for (String w : line) {
          words.addAll(Corpus.splitWhitespace(w));
        }
        test.add(words);
      }
    }
    Set<String> vocab = words != null ? trainingWords(words) : new HashSet<>();
    List<List<String>> g = new ArrayList<>(goldLines);
    while (test.size() > g.size() && test.get(test.size() - 1).isEmpty()) {
      test.remove(test.size() - 1);
    }
    while (g.size() > test.size() && g.get(g.size() - 1).isEmpty()) {
      g.remove(g.size() - 1);
    }
    Score s;
    String output = source.pred != null ? name(source.pred)
        : (source.input != null ? name(source.input) : gold + "'s text") + " (segmented)";
    if (Corpus.looksUnsegmented(test)) {
      System.err.printf(java.util.Locale.ROOT, "fenci eval: note: %s looks unsegmented: its Chinese words are %.1f "
          + "characters long on average, %s's %.1f (words are separated by whitespace)%n", output,
          Corpus.meanChineseWordLength(test), gold, Corpus.meanChineseWordLength(g));
    }
    List<String> differing = new ArrayList<>();
    try {
      Scorer scorer = new Scorer(vocab);
      if (!goldRead.format().oneLineASentence()) {
        // sentence N of the gold, which begins on one of its lines; the output's line N
        List<Integer> starts = goldRead.lines();
        scorer = scorer.naming("sentence", i -> "sentence " + i + (i <= starts.size() ? " (" + gold + " line "
            + starts.get(i - 1) + ")" : ""));
      }
      s = scorer.score(g, test, differing);
    } catch (Scorer.MismatchException e) {
      throw new Scorer.MismatchException(output + " against " + gold + ": " + e.getMessage());
    }
    if (!differing.isEmpty()) {
      int n = differing.size();
      String which = n + (n == 1 ? " line" : " lines") + " of " + output + (n == 1 ? " holds" : " hold")
          + " other characters than " + gold + "'s" + (goldRead.format().oneLineASentence() ? ""
              : " " + (n == 1 ? "sentence" : "sentences") + " of the same number");
      System.err.println("fenci eval: note: " + which + "; scored by aligning the words, as the bakeoff's script does."
          + " First at " + differing.get(0));
    }
    System.out.print(s.summary(words != null));
    if (words == null) {
      System.err.println("(OOV and IV recall need the training word list: --words FILE)");
    }
    return 0;
  }

  /** Refuses a --delimiter without --pred, an empty one, and one with a line break that is not just {@code \n}. */
  private void checkDelimiter() {
    if (source.pred == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--delimiter applies to --pred (an output to read), not to text fenci segments");
    }
    try {
      delimiter = SegmentCommand.unescape(delimiter);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (delimiter.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--delimiter is empty; give the string between "
          + "the words of --pred, e.g. --delimiter '|', or none for whitespace");
    }
    if (SegmentCommand.breaksLines(delimiter) && !delimiter.equals("\n")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--delimiter '" + delimiter.replace("\n", "\\n")
          .replace("\r", "\\r") + "': a delimiter with a line break is read only as '\\n' (a word a line, a "
          + "blank line ending each sentence; line ends LF or CRLF alike): give --delimiter '\\n'");
    }
  }

  /**
   * An output's sentences, its words separated by {@code delimiter} and whitespace: with {@code \n},
   * a word a line, a blank line ending each sentence (as segment writes them with it); else a
   * sentence a line.
   */
  static List<List<String>> split(List<String> lines, String delimiter) {
    List<List<String>> sentences = new ArrayList<>();
    if (delimiter.equals("\n")) {
      List<String> sentence = new ArrayList<>();
      for (String line : lines) {
        if (line.isBlank()) {
          sentences.add(sentence);
          sentence = new ArrayList<>();
        } else {
          sentence.addAll(Corpus.splitWhitespace(line));
        }
      }
      if (!sentence.isEmpty()) {
        sentences.add(sentence);
      }
      return sentences;
    }
    for (String line : lines) {
      List<String> words = new ArrayList<>();
      int from = 0;
      for (int at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, from)) {
        words.addAll(Corpus.splitWhitespace(line.substring(from, at)));
        from = at + delimiter.length();
      }
      words.addAll(Corpus.splitWhitespace(line.substring(from)));
      sentences.add(words);
    }
    return sentences;
  }

  /**
   * The training words for OOV figures: each line one word, as the score script reads its word list
   * (a line may hold a space, as CityU's {@code Phang　Nga}); a file most of whose lines hold several
   * words is a segmented corpus (People's Daily tags too), whose words are counted, with a note.
   */
  private static Set<String> trainingWords(Path words) throws java.io.IOException {
    List<String> lines = Utf8Lines.read(words);
    long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
    long several = lines.stream().filter(l -> Corpus.splitWhitespace(l).size() > 1).count();
    Set<String> vocab = new HashSet<>();
    if (several * 2 > nonBlank) {
      System.err.println("fenci eval: note: " + words + " is read as a segmented corpus (" + several + " of its "
          + nonBlank + " lines hold several words); its words count as the training words");
      for (List<String> sentence : Corpus.parse(lines, words.toString())) {
        vocab.addAll(sentence);
      }
    } else {
      for (String w : lines) {
        if (!w.isBlank()) {
          vocab.add(w.strip());
        }
      }
    }
    return vocab;
  }

  private static String name(Path p) {
    return Main.isStdin(p) ? "<stdin>" : p.toString();
  }

  private static byte[] bytes(Path p) throws java.io.IOException {
    if (Main.isStdin(p)) {
      Main.checkStdinOpen();
      return System.in.readAllBytes();
    }
    return Utf8Lines.readBytes(p);
  }
}
