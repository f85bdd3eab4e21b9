package dev.fenci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  private static synchronized Run run(String stdin, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    InputStream oldIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      int code = Main.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      System.setIn(oldIn);
    }
  }

  @Test
  void segmentsStdinLineByLineKeepingBlankLines() {
    Run r = run("扫描二维码，关注微信号。\n\n你好 世界\n", "segment");
    assertThat(r.code()).isZero();
    String[] lines = r.out().split("\n", -1);
    assertThat(lines).hasSize(4);
    assertThat(lines[0].replace(" ", "")).isEqualTo("扫描二维码，关注微信号。");
    assertThat(lines[0]).contains(" ， ");
    assertThat(lines[1]).isEmpty();
    assertThat(lines[2].replace(" ", "")).isEqualTo("你好世界");
  }

  /** --subwords: each word followed by its parts, as a search index has them; with the dictionary's parts too. */
  @Test
  void subwordsFollowEachWord() throws Exception {
    // (a mixed word: 索尼mp3 is no longer one, a code of three letters and digits being a word of its own)
    Run r = run("中华人民共和国成立了\n卡拉OK厅\n", "segment", "--subwords", "--delimiter", "|", "--threads", "2");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("中华人民共和国|中华|华人|人民|共和|共和国|成立|了\n卡拉OK厅|卡拉|OK\n");
    Path dict = dir.resolve("keep-out.dict");
    Files.writeString(dict, "华人,0.1\n", StandardCharsets.UTF_8);
    assertThat(run("中华人民共和国\n", "segment", "--subwords", "--dict", dict.toString()).out())
        .isEqualTo("中华人民共和国 中华 人民 共和 共和国\n");
    assertThat(run("中华人民共和国\n", "segment").out()).isEqualTo("中华人民共和国\n");
  }

  @Test
  void everySubcommandAnswersHelpAndVersion() {
    for (String cmd : new String[] {"segment", "train", "eval", "models"}) {
      Run help = run("", cmd, "--help");
      assertThat(help.code()).as(cmd).isZero();
      assertThat(help.out()).as(cmd).startsWith("Usage: fenci " + cmd).contains("-h, --help");
      assertThat(run("", cmd, "-h").out()).as(cmd).isEqualTo(help.out());
      Run version = run("", cmd, "--version");
      assertThat(version.code()).as(cmd).isZero();
      assertThat(version.out()).as(cmd).startsWith("fenci ").containsPattern("matrix kernels: (vector-(128|256|512)|scalar)");
    }
    // the subcommands keep their own descriptions
    assertThat(run("", "models", "--help").out()).contains("List the models shipped in the jar");
  }

  @Test
  void progressGoesToStandardErrorAndLeavesTheOutputAlone() throws Exception {
    Path in = dir.resolve("big.txt");
    String text = "扫描二维码，关注微信号。\n".repeat(2000);
    Files.writeString(in, text, StandardCharsets.UTF_8);
    Run plain = run("", "segment", in.toString());
    Run shown = run("", "segment", "--progress", in.toString());
    assertThat(shown.code()).isZero();
    assertThat(shown.out()).isEqualTo(plain.out());
    assertThat(plain.err()).isEmpty();
    long words = plain.out().lines().mapToLong(l -> l.split(" ").length).sum();
    String bytes = dev.fenci.train.ProgressBar.human(Files.size(in));
    String chars = dev.fenci.train.ProgressBar.human(text.codePointCount(0, text.length())) + " chars (";
    String counts = "/s), " + dev.fenci.train.ProgressBar.human(words) + " words";
    // not a terminal here: a line at the first words, one every 30 s, and one at the end, with the whole file read
    // and every character and word counted
    List<String> lines = shown.err().lines().toList();
    assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith(in.toString().length() <= 32 ? in.toString() : "..."));
    assertThat(lines.get(lines.size() - 1)).contains("100%|########################| " + bytes + "/" + bytes + " bytes")
        .contains(chars).endsWith(counts);
    // standard input has no size: what was read and the speed, no percentage
    Run piped = run(text, "segment", "--progress");
    assertThat(piped.out()).isEqualTo(plain.out());
    List<String> pipedLines = piped.err().lines().toList();
    assertThat(pipedLines).isNotEmpty().allMatch(l -> l.startsWith("<stdin> ") && !l.contains("%"));
    assertThat(pipedLines.get(pipedLines.size() - 1)).startsWith("<stdin> " + bytes + " bytes [").contains(chars)
        .endsWith(counts);
  }

  @Test
  void progressEndsItsLineBeforeAnError() throws Exception {
    Path in = dir.resolve("bad.txt");
    byte[] good = "扫描二维码，关注微信号。\n".repeat(100).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(good, good.length + 1);
    bytes[good.length] = (byte) 0xFF;
    Files.write(in, bytes);
    Run r = run("", "segment", "--progress", in.toString());
    assertThat(r.code()).isEqualTo(1);
    List<String> lines = r.err().lines().toList();
    assertThat(lines.get(lines.size() - 2)).startsWith(in.toString().length() <= 32 ? in.toString() : "...");
    assertThat(lines.get(lines.size() - 1)).startsWith("fenci: ").contains("invalid UTF-8");
  }

  @Test
  void delimiterAndFiles() throws Exception {
    Path in = dir.resolve("in.txt");
    Files.writeString(in, "关注微信号。\r\n", StandardCharsets.UTF_8);
    Run r = run("", "segment", "--delimiter", "/", in.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).endsWith("/。\n").doesNotContain("\r");
    // escapes as a shell passes them; - is standard input, between files too
    Run tab = run("扫描二维码\n", "segment", "--model", "seed", "--delimiter", "\\t", in.toString(), "-");
    assertThat(tab.code()).isZero();
    assertThat(tab.out()).contains("\t。\n").contains("\t").doesNotContain("\\t").endsWith("码\n");
    assertThat(tab.out().lines().count()).isEqualTo(2);
    // two backslashes make one, \r is a carriage return; a last backslash stays
    assertThat(SegmentCommand.unescape("a\\\\b\\r\\n\\")).isEqualTo("a\\b\r\n\\");
    Run crlf = run("扫描二维码\n", "segment", "--model", "seed", "--delimiter", "\\r\\n");
    assertThat(crlf.code()).isZero();
    assertThat(crlf.out()).contains("\r\n").doesNotContain("\\r");
    // any other escape is an error naming the ones there are (it had been kept as written beside a processed \n)
    for (String bad : new String[] {"\\u0009", "\\x", "|\\q|"}) {
      Run refused = run("扫描二维码\n", "segment", "--model", "seed", "--delimiter", bad);
      assertThat(refused.code()).as(bad).isEqualTo(Main.EXIT_USAGE);
      assertThat(refused.out()).as(bad).isEmpty();
      assertThat(refused.err()).as(bad).startsWith("fenci segment: --delimiter '" + bad + "': unknown escape \\" + bad.charAt(
          bad.indexOf('\\') + 1) + "; the escapes are \\t (tab), \\n (line break), \\r (carriage return) and \\\\ (backslash)");
    }
    Run twice = run("", "segment", "-", "-");
    assertThat(twice.code()).isEqualTo(2);
    assertThat(twice.err()).contains("given 2 times");
  }

  /**
   * With a line break in the delimiter (a word a line), a blank line ends each input line's words,
   * so the lines stay apart; eval reads such an output back with the same --delimiter, and one
   * joined by '|' too.
   */
  @Test
  void jsonGivesEachLineItsWordsWithOffsetsInTheLine() throws Exception {
    String[] lines = {"扫描二维码，关注 微信号。", "", "😀a  b", "中华人民共和国", "  ", "\"引号\"\\x\t尾"};
    String input = String.join("\n", lines).replace("😀a  b\n", "😀a  b\r\n") + "\n";
    Run text = run(input, "segment", "--model", "seed");
    Run json = run(input, "segment", "--model", "seed", "--json");
    assertThat(json.code()).isZero();
    String[] textLines = text.out().split("\n", -1);
    String[] jsonLines = json.out().split("\n", -1);
    assertThat(jsonLines).hasSize(lines.length + 1); // (split's last, empty piece)
    for (int i = 0; i < lines.length; i++) {
      @SuppressWarnings("unchecked")
      List<java.util.Map<String, Object>> tokens =
          (List<java.util.Map<String, Object>>) ((java.util.Map<String, Object>) dev.fenci.model.Json.parse(jsonLines[i])).get("tokens");
      List<String> words = new java.util.ArrayList<>();
      for (java.util.Map<String, Object> t : tokens) {
        String w = (String) t.get("word");
        words.add(w);
        // the offsets find the word in its line (UTF-16 code units: the emoji counts two)
        assertThat(lines[i].substring(((Number) t.get("start")).intValue(), ((Number) t.get("end")).intValue()))
            .isEqualTo(w);
      }
      // the same words as the text output, whitespace not listed
      assertThat(String.join(" ", words)).as(lines[i]).isEqualTo(textLines[i]);
    }
    assertThat(jsonLines[1]).isEqualTo("{\"tokens\":[]}");
    Run parts = run("中华人民共和国\n", "segment", "--json", "--subwords");
    assertThat(parts.out()).contains("\"subwords\":[{\"word\":\"中华\",\"start\":0,\"end\":2}");
    Run both = run("", "segment", "--json", "--delimiter", " ");
    assertThat(both.code()).isNotZero();
    assertThat(both.err()).contains("--delimiter does not apply with --json");
  }

  @Test
  void aLineBreakDelimiterKeepsTheLinesApartAndEvalReadsItBack() throws Exception {
    String input = "扫描二维码\n\n  \n关注 微信号";
    Run spaced = run(input, "segment", "--model", "seed");
    Run r = run(input, "segment", "--model", "seed", "--delimiter", "\\n");
    assertThat(r.code()).isZero();
    StringBuilder expected = new StringBuilder();
    for (String line : spaced.out().split("\n", -1)) {
      expected.append(line.isEmpty() ? "" : line.replace(' ', '\n') + "\n").append('\n');
    }
    assertThat(spaced.out()).matches("\\S+ \\S+.*\n\n\n\\S+ \\S+.*\n"); // words to keep apart
    assertThat(r.out()).isEqualTo(expected.substring(0, expected.length() - 1)); // (split's last, empty piece)
    Path gold = dir.resolve("gold.txt");
    Path pred = dir.resolve("pred.txt");
    Files.writeString(gold, "扫描  二维码\n\n\n关注  微信  号\n", StandardCharsets.UTF_8);
    Files.writeString(pred, spaced.out(), StandardCharsets.UTF_8);
    Run scored = run("", "eval", "--gold", gold.toString(), "--pred", pred.toString());
    assertThat(scored.out()).contains("=== F MEASURE:");
    Files.writeString(pred, r.out(), StandardCharsets.UTF_8);
    Run lines = run("", "eval", "--gold", gold.toString(), "--pred", pred.toString(), "--delimiter", "\\n");
    assertThat(lines.code()).isZero();
    assertThat(lines.out()).isEqualTo(scored.out());
    assertThat(lines.err()).isEqualTo(scored.err());
    // read as whitespace, the output is a word a line: sentences that do not match the gold's
    assertThat(run("", "eval", "--gold", gold.toString(), "--pred", pred.toString()).code()).isNotZero();
    Files.writeString(pred, spaced.out().replace(' ', '|'), StandardCharsets.UTF_8);
    Run bars = run("", "eval", "--gold", gold.toString(), "--pred", pred.toString(), "--delimiter", "|");
    assertThat(bars.out()).isEqualTo(scored.out());
    for (String[] bad : new String[][] {{"--delimiter", "|"}, {"--pred", pred.toString(), "--delimiter", "\\r\\n"},
        {"--pred", pred.toString(), "--delimiter", ""}}) {
      List<String> args = new java.util.ArrayList<>(List.of("eval", "--gold", gold.toString()));
      args.addAll(List.of(bad));
      Run refused = run("", args.toArray(String[]::new));
      assertThat(refused.code()).as(String.join(" ", bad)).isEqualTo(Main.EXIT_USAGE);
      assertThat(refused.err()).as(String.join(" ", bad)).contains("--delimiter");
    }
  }

  @Test
  void userErrorsAreOneLineWithAnExitCode() {
    Run missing = run("", "segment", "/no/such/file.txt");
    assertThat(missing.code()).isEqualTo(Main.EXIT_DATA);
    assertThat(missing.err().strip()).startsWith("fenci: /no/such/file.txt").doesNotContain("\n").doesNotContain("Exception")
        .doesNotContain("standard input");
    // Chinese text given where a file is expected (a first try): how to give text itself
    Run text = run("", "segment", "我爱北京");
    assertThat(text.code()).isEqualTo(Main.EXIT_DATA);
    assertThat(text.err().strip()).startsWith("fenci: 我爱北京: no such file").contains("fenci segment <<< '我爱北京'")
        .doesNotContain("\n");
    assertThat(run("", "segment", "他说'好'").err()).contains("fenci segment <<< '他说'\\''好'\\'''"); // quoted for a shell
    Run badModel = run("", "segment", "--model", "nosuchmodel");
    assertThat(badModel.code()).isEqualTo(Main.EXIT_DATA);
    assertThat(badModel.err()).contains("nosuchmodel").contains("seed");
    Run badOption = run("", "segment", "--frobnicate");
    assertThat(badOption.code()).isEqualTo(Main.EXIT_USAGE);
    Run empty = run("你好\n", "segment", "--model", "");
    assertThat(empty.code()).isEqualTo(Main.EXIT_DATA);
    assertThat(empty.err().strip()).startsWith("fenci: the model name is empty").contains("seed").doesNotContain("\n");
  }

  /** An empty file name (a shell variable left unset) is named as such, not as "is a directory". */
  @Test
  void anEmptyFileNameIsSaidToBeEmpty() {
    String[][] commands = {{"segment", "--model", "seed", ""}, {"segment", "--model", "seed", "--dict", ""},
        {"train", "--train", "", "--model", dir.resolve("m.safetensors").toString()},
        {"eval", "--gold", "", "--pred", dir.resolve("pred.txt").toString()}};
    for (String[] args : commands) {
      Run r = run("你好\n", args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Main.EXIT_DATA);
      assertThat(r.err().strip()).as(String.join(" ", args)).contains("name is empty").doesNotContain("directory")
          .doesNotContain("\n");
    }
  }

  /** A training file given twice would count twice; said at once, before any training. */
  @Test
  void aTrainingFileGivenTwiceIsRefused() throws Exception {
    Path train = dir.resolve("t.txt");
    Files.writeString(train, "扫描  二维码\n关注  微信号\n", StandardCharsets.UTF_8);
    Run r = run("", "train", "--train", train.toString(), "--train", dir.resolve(".").resolve("t.txt").toString(),
        "--model", dir.resolve("m.safetensors").toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_DATA);
    assertThat(r.err().strip()).contains("is given twice").doesNotContain("\n");
    assertThat(dir.resolve("m.safetensors")).doesNotExist();
  }

  /** Standard input cannot be read once per epoch: said as such, not as a missing file named '-'. */
  @Test
  void standardInputIsRefusedForTrainingWithWhy() throws Exception {
    Path train = dir.resolve("t2.txt");
    Files.writeString(train, "扫描  二维码\n关注  微信号\n", StandardCharsets.UTF_8);
    Run r = run("扫描 二维码\n", "train", "--train", "-", "--model", dir.resolve("m2.safetensors").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--train must be a file").contains("once per epoch").doesNotContain("no such file");
    r = run("扫描 二维码\n", "train", "--train", train.toString(), "--dev", "-", "--model", dir.resolve("m2.safetensors").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--dev must be a file");
  }

  /** {@code fenci --debug segment ...}, the natural order, had been refused as an unknown option. */
  @Test
  void debugIsAcceptedBeforeTheCommandToo() {
    Run ok = run("扫描二维码\n", "--debug", "segment", "--model", "seed");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).isEqualTo(run("扫描二维码\n", "segment", "--model", "seed").out());
    for (String[] args : new String[][] {{"--debug", "segment", "/no/such/file.txt"}, {"segment", "--debug", "/no/such/file.txt"}}) {
      Run r = run("", args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Main.EXIT_DATA);
      assertThat(r.err()).as(String.join(" ", args)).contains("NoSuchFileException").contains("\tat ");
    }
    assertThat(run("", "--debug", "models").code()).isZero();
    assertThat(run("", "--help").out()).contains("--debug");
  }

  /**
   * Arguments the JVM could not decode (under the POSIX locale every byte of a Chinese file name or
   * delimiter becomes U+FFFD) are refused with the fix, not taken as a file not found or a
   * silently different delimiter; an ASCII '?' under a UTF-8 locale is an argument like any other.
   */
  @Test
  void argumentsDamagedByTheLocaleAreRefusedWithTheFix() throws Exception {
    String[] chineseFile = {"segment", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD.txt"};
    String underC = Main.mangledArgument(chineseFile, "ANSI_X3.4-1968", "ANSI_X3.4-1968");
    assertThat(underC).startsWith("the argument '" + chineseFile[1] + "' was damaged before fenci got it")
        .contains("ANSI_X3.4-1968").contains("LC_ALL=C.UTF-8 java --add-modules jdk.incubator.vector -jar fenci.jar")
        .contains("./fenci launcher").doesNotContain("\n");
    assertThat(Main.mangledArgument(new String[] {"--delimiter", "?"}, "ANSI_X3.4-1968", null)).contains("'?'");
    assertThat(Main.mangledArgument(new String[] {"segment", "--delimiter", "|", "a.txt"}, "ANSI_X3.4-1968", null)).isNull();
    // under UTF-8: a '?' is the user's; U+FFFD is bytes that were not UTF-8
    assertThat(Main.mangledArgument(new String[] {"--delimiter", "?", "why?.txt"}, "UTF-8", "UTF-8")).isNull();
    assertThat(Main.mangledArgument(chineseFile, "UTF-8", "UTF-8")).contains("holds U+FFFD").contains("LC_ALL=C.UTF-8");
    assertThat(Main.mangledArgument(new String[] {"segment", "中文.txt", "--delimiter", "，"}, "UTF-8", "UTF-8")).isNull();
    Run r = run("扫描二维码\n", "segment", "--delimiter", "\uFFFD\uFFFD\uFFFD");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("fenci: the argument '\uFFFD\uFFFD\uFFFD'").hasLineCount(1);
    Path chinese = dir.resolve("中文.txt");
    Files.writeString(chinese, "扫描二维码\n", StandardCharsets.UTF_8);
    assertThat(run("", "segment", "--model", "seed", "--delimiter", "，", chinese.toString()).out()).contains("，");
  }

  /** {@code train --model} reaching a training file through a symbolic link is refused before anything is read. */
  @Test
  void trainRefusesAModelThatIsItsCorpusThroughALink() throws Exception {
    Path train = tinyCorpus(2);
    byte[] before = Files.readAllBytes(train);
    Path link = Files.createSymbolicLink(dir.resolve("tlink.utf8"), train.getFileName());
    Run r = run("", "train", "--train", link.toString(), "--model", train.toString(), "--epochs", "1", "--arch", "fast-lex");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("the model would be written over " + link + ", which the run reads as training data");
    Path modelLink = Files.createSymbolicLink(dir.resolve("mlink.st"), train.getFileName());
    r = run("", "train", "--train", train.toString(), "--model", modelLink.toString(), "--epochs", "1", "--arch", "fast-lex");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("the model would be written over " + train);
    assertThat(Files.readAllBytes(train)).isEqualTo(before);
  }

  @Test
  void aJdkFileOnStandardInputIsTold() throws Exception {
    String home = System.getProperty("java.home");
    assertThat(Main.isJdkFile(Path.of(home, "lib", "modules"), home)).isTrue();
    assertThat(Main.isJdkFile(Path.of(home).toRealPath().resolve("lib/modules"), home)).isTrue();
    assertThat(Main.isJdkFile(dir.resolve("in.txt"), home)).isFalse();
    assertThat(Main.isJdkFile(Path.of("/dev/pts/0"), home)).isFalse();
  }

  @Test
  void anEmptyDelimiterIsAUsageError() {
    Run r = run("iPhone 15 Pro 扫描二维码\n", "segment", "--model", "seed", "--delimiter", "");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--delimiter is empty");
    assertThat(run("扫描二维码\n", "segment", "--model", "seed", "--delimiter", "|").out()).contains("|");
  }

  /** A file that bears a preset's name does not silently lose to the preset: the user is told how to name it. */
  @Test
  void aFileNamedLikeAPresetIsPointedOut() throws Exception {
    Path inTheWay = Path.of("seed"); // relative to the working directory, as a user would type it
    Path defaultFile = Path.of("default");
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(inTheWay) || Files.exists(defaultFile),
        "a file 'seed' or 'default' already in the working directory");
    try {
      Files.writeString(defaultFile, "not a model");
      assertThat(run("你好\n", "segment").err()).as("no --model given").doesNotContain("note:");
      Files.writeString(inTheWay, "not a model");
      Run r = run("你好\n", "segment", "--model", "seed");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.err()).contains("note: 'seed' is the preset of that name").contains("./seed");
      Run file = run("你好\n", "segment", "--model", "./seed");
      assertThat(file.code()).isEqualTo(Main.EXIT_DATA); // the file itself, which is not a model
    } finally {
      Files.deleteIfExists(inTheWay);
      Files.deleteIfExists(defaultFile);
    }
    assertThat(run("你好\n", "segment", "--model", "seed").err()).doesNotContain("note:");
  }

  @Test
  void valuesOutOfRangeAreUsageErrorsAndDirectoriesAreNamed() throws Exception {
    for (String[] args : new String[][] {
        {"segment", "--threads", "0"}, {"segment", "--threads", "2147483647"}, {"segment", "--watch", "5"},
        {"train", "--train", "t", "--model", "m", "--epochs", "0"}, {"train", "--train", "t", "--model", "m", "--lr", "5"},
        {"train", "--train", "t", "--model", "m", "--batch", "0"}, {"train", "--train", "t", "--model", "m", "--threads", "0"},
        {"train", "--train", "t", "--model", "m", "--text-rules", "foo"},
        {"train", "--train", "t", "--model", "m", "--lr-schedule", "linear"},
        {"train", "--train", "t", "--model", "m", "--keep", "0"}, {"train", "--train", "t", "--model", "m", "--keep", "1.5"},
        {"train", "--train", "t", "--model", "m", "--word-lm-weight", "-1"},
        {"train", "--train", "t", "--model", "m", "--lattice-loss", "--no-word-lm"},
        {"train", "--train", "t", "--model", "m", "--lattice-loss", "--arch", "seed", "--word-lm"},
        {"train", "--train", "t", "--model", "m", "--lattice-loss-weight", "0.1"},
        {"eval", "--gold", "g", "--pred", "p", "--model", "fast"}}) {
      Run r = run("扫描二维码\n", args);
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(Main.EXIT_USAGE);
      // the message and where the options are, not the whole usage after it
      assertThat(r.err()).as(String.join(" ", args)).startsWith("fenci " + args[0] + ": ").doesNotContain("Usage:")
          .contains("--help' lists the options");
      if (Arrays.asList(args).contains("--keep")) { // 0 is refused on the command line: no message may offer it
        assertThat(r.err()).as(String.join(" ", args)).contains("--keep must be in (0, 1]").doesNotContain("or 0");
      }
    }
    Path d = Files.createDirectory(dir.resolve("adir"));
    Path gold = dir.resolve("g.utf8");
    Files.writeString(gold, "扫描 二维码\n", StandardCharsets.UTF_8);
    for (String[] args : new String[][] {
        {"segment", d.toString()}, {"segment", "--dict", d.toString()}, {"segment", "--model", d.toString()},
        {"eval", "--gold", d.toString(), "--pred", gold.toString()},
        {"train", "--train", gold.toString(), "--model", d.toString()}}) {
      Run r = run("扫描二维码\n", args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Main.EXIT_DATA);
      assertThat(r.err().strip()).as(String.join(" ", args)).startsWith("fenci: " + d).contains("is a directory")
          .doesNotContain("\n");
    }
  }

  /** A bad name among the input files fails before the good ones before it are segmented. */
  @Test
  void aBadInputFileFailsBeforeAnyWordIsWritten() throws Exception {
    Path good = dir.resolve("good.txt");
    Files.writeString(good, "扫描二维码\n", StandardCharsets.UTF_8);
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "中文\n", StandardCharsets.UTF_8);
    boolean unreadable = secret.toFile().setReadable(false, false) && !Files.isReadable(secret); // not as root
    List<String> bads = new java.util.ArrayList<>(List.of("", dir.toString(), dir.resolve("missing.txt").toString()));
    if (unreadable) {
      bads.add(secret.toString());
    }
    for (String bad : bads) {
      Run r = run("", "segment", "--model", "seed", good.toString(), bad);
      assertThat(r.code()).as(bad).isEqualTo(Main.EXIT_DATA);
      assertThat(r.out()).as(bad).isEmpty();
    }
  }

  /** {@code pairs} times two short segmented sentences, in train.utf8. */
  private Path tinyCorpus(int pairs) throws Exception {
    Path train = dir.resolve("train.utf8");
    Files.writeString(train, "我们 喜欢 北京 的 天气 。\n今天 很 好 ， 去 看 电影 了 。\n".repeat(pairs), StandardCharsets.UTF_8);
    return train;
  }

  private static boolean isInts(dev.fenci.model.SafeTensors st, String name) {
    try {
      st.ints(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String tensorText(dev.fenci.model.SafeTensors st, String name) {
    try {
      return java.util.Arrays.toString(st.floats(name));
    } catch (IllegalArgumentException e) {
      dev.fenci.model.SafeTensors.Levels l = st.levels(name);
      return java.util.Arrays.toString(l.levels()) + java.util.Arrays.toString(l.rowScales());
    }
  }

  /** A corpus written as CoNLL-U or as character tags trains the same weights as the same corpus as segmented text. */
  @Test
  void trainAndEvalReadConllAndCharacterTaggedCorpora() throws Exception {
    Path seg = tinyCorpus(20);
    StringBuilder conll = new StringBuilder("# newdoc\n");
    StringBuilder tags = new StringBuilder();
    int n = 0;
    for (String line : Files.readAllLines(seg, StandardCharsets.UTF_8)) {
      conll.append("# sent_id = ").append(++n).append('\n');
      String[] words = line.split(" ");
      for (int i = 0; i < words.length; i++) {
        conll.append(i + 1).append('\t').append(words[i]).append("\t_\t_\t_\t_\t_\t_\t_\t_\n");
        for (int k = 0; k < words[i].length(); k++) {
          int len = words[i].length();
          tags.append(words[i].charAt(k)).append(' ').append(len == 1 ? "S" : k == 0 ? "B" : k == len - 1 ? "E" : "M")
              .append('\n');
        }
      }
      conll.append('\n');
      tags.append('\n');
    }
    Path conllu = dir.resolve("train.conllu");
    Path tagged = dir.resolve("train.bmes");
    Files.writeString(conllu, conll, StandardCharsets.UTF_8);
    Files.writeString(tagged, tags, StandardCharsets.UTF_8);
    java.util.Map<String, String> reference = null;
    for (Path train : List.of(seg, conllu, tagged)) {
      Path out = dir.resolve(train.getFileName() + ".safetensors");
      Run r = run("", "train", "--train", train.toString(), "--model", out.toString(), "--epochs", "1", "--threads", "1",
          "--arch", "fast-lex");
      assertThat(r.code()).as(r.err()).isZero();
      if (train != seg) {
        assertThat(r.err()).contains(train + ": read as " + (train == conllu ? "CoNLL-U" : "a character a line"));
      } else {
        // the checkpoint beside the model loads, and says that it is not the model the run kept
        Run ckpt = run("中文", "segment", "--model", out + ".ckpt");
        assertThat(ckpt.code()).as(ckpt.err()).isZero();
        assertThat(ckpt.err()).contains("is a training checkpoint").contains("the model the run kept is " + out);
        assertThat(run("中文", "segment", "--model", out.toString()).err()).doesNotContain("checkpoint");
      }
      java.util.Map<String, String> weights = new java.util.TreeMap<>(); // each tensor's values, whatever its type
      dev.fenci.model.SafeTensors st = dev.fenci.model.SafeTensors.read(out);
      for (String name : st.names()) {
        weights.put(name, st.has(name) && isInts(st, name) ? java.util.Arrays.toString(st.ints(name))
            : st.isHalf(name) ? java.util.Arrays.toString(st.halves(name)) : tensorText(st, name));
      }
      if (reference == null) {
        reference = weights;
      } else {
        assertThat(weights.keySet()).isEqualTo(reference.keySet());
        for (String name : weights.keySet()) {
          assertThat(weights.get(name)).as(train + " " + name).isEqualTo(reference.get(name));
        }
      }
    }
    // a CoNLL file of whole sentences as words from the 20th on: refused, naming the line where the first such
    // sentence starts
    StringBuilder unsegmented = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      unsegmented.append("# sent_id = ").append(i).append("\n1\t")
          .append(i >= 20 ? "我们喜欢北京的天气啊" : "北京的天气").append("\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
    }
    Path bad = dir.resolve("whole.conllu");
    Files.writeString(bad, unsegmented, StandardCharsets.UTF_8);
    Run refused = run("", "train", "--train", bad.toString(), "--model", dir.resolve("bad.safetensors").toString(),
        "--epochs", "1", "--threads", "1");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains(bad + ":59: looks unsegmented").contains("a token line holds one word");
    // as gold: each sentence scored against the output's line of the same number
    Path pred = dir.resolve("pred.txt");
    Files.writeString(pred, "我们 喜欢 北京 的 天 气 。\n".repeat(2), StandardCharsets.UTF_8);
    Path gold = dir.resolve("gold.conllu");
    Files.writeString(gold, conll.substring(0, conll.indexOf("# sent_id = 3")), StandardCharsets.UTF_8);
    Run r = run("", "eval", "--gold", gold.toString(), "--pred", pred.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1); // the second sentence is another text
    int second = Files.readAllLines(gold, StandardCharsets.UTF_8).indexOf("# sent_id = 2") + 2; // its first token
    assertThat(r.err()).contains("on 1 of 2 sentences").contains("first at sentence 2 (" + gold + " line " + second + ")");
    Files.writeString(pred, "我们 喜欢 北京 的 天 气 。\n".repeat(3), StandardCharsets.UTF_8);
    assertThat(run("", "eval", "--gold", gold.toString(), "--pred", pred.toString()).err())
        .contains("gold has 2 sentences, the output has 3");
    // one of 100 may hold other characters (scored by alignment, with a note naming the layout's items)
    String first = conll.substring(0, conll.indexOf("# sent_id = 2"));
    Files.writeString(gold, first.repeat(100), StandardCharsets.UTF_8);
    Files.writeString(pred, "我们 喜欢 北京 的 天 气 。\n".repeat(99) + "我们 喜欢 上海 的 天 气 。\n", StandardCharsets.UTF_8);
    r = run("", "eval", "--gold", gold.toString(), "--pred", pred.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("1 line of " + pred + " holds other characters than " + gold + "'s sentence of the same"
        + " number").contains("First at sentence 100 (" + gold + " line ");
    Path segGold = dir.resolve("gold100.txt");
    Files.writeString(segGold, "我们 喜欢 北京 的 天气 。\n".repeat(100), StandardCharsets.UTF_8);
    r = run("", "eval", "--gold", segGold.toString(), "--pred", pred.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("1 line of " + pred + " holds other characters than " + segGold + "'s; scored by")
        .contains("First at line 100, character 5");
    Files.writeString(gold, conll.substring(0, conll.indexOf("# sent_id = 2")), StandardCharsets.UTF_8);
    Files.writeString(pred, "我们 喜欢 北京 的 天 气 。\n", StandardCharsets.UTF_8);
    r = run("", "eval", "--gold", gold.toString(), "--pred", pred.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("=== TOTAL TRUE WORDS RECALL:\t0.833");
    assertThat(r.err()).contains("read as CoNLL-U").contains("the output's line N is scored against " + gold + "'s sentence N");
    // neither --pred nor --input: the gold's own text, segmented by the model trained above
    Files.writeString(gold, conll.toString(), StandardCharsets.UTF_8);
    r = run("", "eval", "--gold", gold.toString(), "--model", dir.resolve("train.utf8.safetensors").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("=== TOTAL TRUE WORDS RECALL:\t[01]\\.\\d{3}").contains("=== F MEASURE:");
    Run byInput = run(String.join("\n", Files.readAllLines(seg, StandardCharsets.UTF_8)).replace(" ", "") + "\n", "eval",
        "--gold", gold.toString(), "--model", dir.resolve("train.utf8.safetensors").toString(), "--input", "-");
    assertThat(byInput.out()).isEqualTo(r.out());
  }

  @Test
  void trainWithoutOptionsUsesTheDefaultPresetsRecipeAndGivenOptionsWin() throws Exception {
    Path train = tinyCorpus(40);
    Path out = dir.resolve("default.safetensors");
    Run r = run("", "train", "--train", train.toString(), "--model", out.toString(), "--epochs", "1", "--threads", "1");
    assertThat(r.code()).as(r.err()).isZero();
    dev.fenci.model.Model m = dev.fenci.model.Model.load(out);
    assertThat(m.arch()).isEqualTo("accurate-lex");
    assertThat(m.provenance()).containsEntry("lr_schedule", "cosine").containsEntry("batch", "256")
        .containsEntry("ema", "0.999").containsEntry("epochs_planned", "1");
    assertThat(m.wordModel()).isNotNull();

    Run noLm = run("", "train", "--train", train.toString(), "--model", out.toString(), "--epochs", "1", "--threads", "1",
        "--no-word-lm", "--batch", "64");
    assertThat(noLm.code()).as(noLm.err()).isZero();
    m = dev.fenci.model.Model.load(out);
    assertThat(m.wordModel()).isNull();
    assertThat(m.provenance()).containsEntry("batch", "64");

    Run seed = run("", "train", "--arch", "seed", "--train", train.toString(), "--model", out.toString(), "--epochs", "1",
        "--threads", "1");
    assertThat(seed.code()).as(seed.err()).isZero();
    m = dev.fenci.model.Model.load(out);
    assertThat(m.arch()).isEqualTo("seed");
    assertThat(m.provenance()).containsEntry("lr_schedule", "constant").containsEntry("batch", "1024").containsEntry("ema", "0.0");
    assertThat(m.wordModel()).isNull();

    Run badArch = run("", "train", "--arch", "nosuch", "--train", train.toString(), "--model", out.toString());
    assertThat(badArch.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(badArch.err()).contains("unknown architecture 'nosuch'").contains("accurate-lex");
    Run noLmFromLm = run("", "train", "--init", "accurate", "--no-word-lm", "--train", train.toString(), "--model",
        out.toString());
    assertThat(noLmFromLm.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(noLmFromLm.err()).contains("--no-word-lm");
    Run mergeFromNothing = run("", "train", "--merge-word-lm", "--train", train.toString(), "--model", out.toString());
    assertThat(mergeFromNothing.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(mergeFromNothing.err()).contains("--merge-word-lm").contains("--init");
    Run mergeFromNoLm = run("", "train", "--init", "fast", "--merge-word-lm", "--train", train.toString(), "--model",
        out.toString());
    assertThat(mergeFromNoLm.code()).isNotZero();
    assertThat(mergeFromNoLm.err()).contains("'fast' has no word model to merge");
    // pretraining starts new embeddings: refused with a model to start from, and out of its range
    Run pretrainFromModel = run("", "train", "--init", "fast", "--pretrain", "3", "--train", train.toString(), "--model",
        out.toString());
    assertThat(pretrainFromModel.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(pretrainFromModel.err()).contains("--pretrain 0").contains("--init");
    Run pretrainNegative = run("", "train", "--pretrain", "-1", "--train", train.toString(), "--model", out.toString());
    assertThat(pretrainNegative.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(pretrainNegative.err()).contains("pretraining epochs must be from 0");
  }

  @Test
  void trainStartsFromAPresetKeepingItsArchitecture() throws Exception {
    Path train = tinyCorpus(60);
    Path out = dir.resolve("tuned.safetensors");
    Run r = run("", "train", "--init", "seed", "--train", train.toString(), "--model", out.toString(), "--epochs", "1",
        "--threads", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("starting from seed (seed)").contains(", weights from seed)")
        .doesNotContain("init uniform");
    dev.fenci.model.Model m = dev.fenci.model.Model.load(out);
    assertThat(m.arch()).isEqualTo("seed");
    assertThat(m.provenance().get("init")).startsWith("seed crc32c:");
    Run embedInit = run("", "train", "--init", "seed", "--embed-init", "normal", "--train", train.toString(), "--model",
        out.toString());
    assertThat(embedInit.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(embedInit.err()).contains("--embed-init has no effect with --init");
    Run otherArch = run("", "train", "--init", "seed", "--arch", "fast", "--train", train.toString(), "--model",
        out.toString());
    assertThat(otherArch.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(otherArch.err()).contains("--arch fast differs from the architecture of seed (seed)");
    Run missing = run("", "train", "--init", "no/such.safetensors", "--train", train.toString(), "--model", out.toString());
    assertThat(missing.code()).isEqualTo(Main.EXIT_DATA);
    assertThat(missing.err().strip()).startsWith("fenci: no/such.safetensors").contains("neither a preset")
        .doesNotContain("\n");
  }

  /**
   * {@code fenci models} shows the options a run was given, --keep and --lenient too, and the
   * provenance of the model a run started from as entries of their own, not as escaped JSON.
   */
  @Test
  void modelsShowsEveryTrainingOptionAndTheLineageReadably() throws Exception {
    Path train = tinyCorpus(60);
    Path out = dir.resolve("kept.safetensors");
    Run r = run("", "train", "--init", "seed", "--train", train.toString(), "--model", out.toString(), "--epochs", "1",
        "--threads", "1", "--keep", "0.7", "--lenient");
    assertThat(r.code()).as(r.err()).isZero();
    Run m = run("", "models", out.toString());
    assertThat(m.code()).as(m.err()).isZero();
    assertThat(m.out()).containsPattern("\n  keep: +0\\.7\n").containsPattern("\n  lenient: +true\n")
        .containsPattern("\n  init_provenance:\n      trained_with: +fenci ")
        .containsPattern("\n      arch: +seed\n").doesNotContain("\\\"");
  }

  @Test
  void threadsGiveTheSameOutputInInputOrder() throws Exception {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      in.append(i % 7 == 0 ? "" : "第" + i + "行：扫描二维码，关注微信号。").append('\n');
    }
    Run one = run(in.toString(), "segment");
    Run four = run(in.toString(), "segment", "--threads", "4");
    assertThat(four.code()).isZero();
    assertThat(four.out()).isEqualTo(one.out());
    assertThat(four.out().split("\n", -1)).hasSize(1501);
  }

  @Test
  void stopsQuietlyWhenTheReaderClosesTheOutput() {
    PrintStream oldOut = System.out;
    InputStream oldIn = System.in;
    java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
    try {
      System.setOut(new PrintStream(new java.io.OutputStream() {
        @Override
        public void write(int b) throws java.io.IOException {
          writes.incrementAndGet();
          throw new java.io.IOException("Broken pipe");
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
          writes.incrementAndGet();
          throw new java.io.IOException("Broken pipe");
        }
      }, true));
      System.setIn(new ByteArrayInputStream("扫描二维码，关注微信号。\n".repeat(5000).getBytes(StandardCharsets.UTF_8)));
      assertThat(Main.run("segment")).isZero();
      assertThat(writes.get()).as("stopped after the first block").isLessThan(5);
    } finally {
      System.setOut(oldOut);
      System.setIn(oldIn);
    }
  }

  @Test
  void listsModels() {
    Run r = run("", "models");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("seed").contains("(default)");
  }

  @Test
  void evalPrintsTheScoreScriptsFigures() throws Exception {
    Path gold = dir.resolve("gold.txt");
    Path pred = dir.resolve("pred.txt");
    Path words = dir.resolve("words.txt");
    Files.writeString(gold, "扫描  二维码  ，  关注  微信号\r\n", StandardCharsets.UTF_8);
    Files.writeString(pred, "扫描 二维 码 ， 关注 微信号\n", StandardCharsets.UTF_8);
    Files.writeString(words, "扫描\n二维码\n", StandardCharsets.UTF_8);
    Run r = run("", "eval", "--gold", gold.toString(), "--words", words.toString(), "--pred", pred.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("=== TOTAL TRUE WORDS RECALL:\t0.800").contains("=== F MEASURE:\t0.727")
        .contains("=== OOV Rate:\t0.600");
    // without the word list every word would count as unknown: no OOV figures then
    Run bare = run("", "eval", "--gold", gold.toString(), "--pred", pred.toString());
    assertThat(bare.code()).isZero();
    assertThat(bare.out()).contains("=== F MEASURE:\t0.727").doesNotContain("OOV Rate");
    assertThat(bare.err()).contains("--words FILE");
  }

  /** Standard input as --pred; a segmented corpus as --words; an unsegmented prediction is named as such. */
  @Test
  void evalReadsStandardInputAndSaysWhatLooksWrong() throws Exception {
    Path gold = dir.resolve("gold.txt");
    Path corpus = dir.resolve("train.txt");
    Files.writeString(gold, "扫描  二维码  ，  关注  微信号\n", StandardCharsets.UTF_8);
    Files.writeString(corpus, "扫描  一下\n二维码  的\n", StandardCharsets.UTF_8);
    Run r = run("扫描 二维 码 ， 关注 微信号\n", "eval", "--gold", gold.toString(), "--words", corpus.toString(), "--pred", "-");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("=== F MEASURE:\t0.727").contains("=== OOV Rate:\t0.600"); // 扫描 and 二维码 known
    assertThat(r.err()).contains(corpus + " is read as a segmented corpus (2 of its 2 lines hold several words)")
        .doesNotContain("looks unsegmented");
    // a word list whose entries hold a space (CityU's "Phang　Nga") is read line by line, as the script does
    Path list = dir.resolve("words.txt");
    Files.writeString(list, "扫描\n二维码\n关注 微信号\n", StandardCharsets.UTF_8);
    Run byLine = run("扫描 二维 码 ， 关注 微信号\n", "eval", "--gold", gold.toString(), "--words", list.toString(), "--pred", "-");
    assertThat(byLine.out()).contains("=== OOV Rate:\t0.600");
    assertThat(byLine.err()).doesNotContain("segmented corpus");
    Run raw = run("扫描二维码，关注微信号\n", "eval", "--gold", gold.toString(), "--input", "-", "--model", "seed");
    assertThat(raw.code()).isZero();
    assertThat(raw.out()).contains("=== F MEASURE:");
    Path gold25 = dir.resolve("gold25.txt"); // 20 Chinese words or more say whether a text is segmented
    Files.writeString(gold25, "扫描  二维码  ，  关注  微信号\n".repeat(25), StandardCharsets.UTF_8);
    Run unsegmented = run("扫描二维码，关注微信号\n".repeat(25), "eval", "--gold", gold25.toString(), "--pred", "-");
    assertThat(unsegmented.out()).contains("=== F MEASURE:\t0.000");
    assertThat(unsegmented.err()).contains("<stdin> looks unsegmented");
    Path bad = dir.resolve("bad.txt");
    Files.write(bad, new byte[] {'a', ' ', (byte) 0xC3, '(', '\n'});
    Run badPred = run("", "eval", "--gold", gold.toString(), "--pred", bad.toString());
    assertThat(badPred.err()).contains(bad + ":1: invalid UTF-8").doesNotContain("--lenient"); // refused for --pred
    Run bothStdin = run("", "eval", "--gold", "-", "--pred", "-");
    assertThat(bothStdin.code()).isEqualTo(2);
    assertThat(bothStdin.err()).contains("--gold must be a file");
  }

  @Test
  void describesAModelsProvenance() throws Exception {
    Run r = run("", "models", "seed");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("seed (preset):\n").containsPattern("\n  arch: +seed\n")
        .containsPattern("train_sha256: +\\[\"[0-9a-f]{64}\"\\]").contains("dev_f1:");
    Run missing = run("", "models", dir.resolve("nope.safetensors").toString());
    assertThat(missing.code()).isNotZero();
    assertThat(missing.err()).contains("nope.safetensors").doesNotContain("Exception");
    Run misspelt = run("", "models", "acurate");
    assertThat(misspelt.err()).contains("acurate").contains("accurate").doesNotContain("Exception"); // the presets named
  }

  @Test
  void evalSegmentsItsInputWithAUserDictionary() throws Exception {
    Path gold = dir.resolve("gold.txt");
    Path raw = dir.resolve("raw.txt");
    Path dict = dir.resolve("my.dict");
    Files.writeString(gold, "扫描  二维码  ，  关注  微信号\n", StandardCharsets.UTF_8);
    Files.writeString(raw, "扫描二维码，关注微信号\n", StandardCharsets.UTF_8);
    Files.writeString(dict, "微信号,10\n", StandardCharsets.UTF_8);
    Run with = run("", "eval", "--gold", gold.toString(), "--input", raw.toString(), "--dict", dict.toString());
    assertThat(with.code()).isZero();
    assertThat(with.out()).contains("=== F MEASURE:\t1.000");
    Run without = run("", "eval", "--gold", gold.toString(), "--input", raw.toString());
    assertThat(without.out()).doesNotContain("=== F MEASURE:\t1.000"); // the default model writes 微 信号
    // a dictionary cannot change an output that is already written
    Run pred = run("", "eval", "--gold", gold.toString(), "--pred", gold.toString(), "--dict", dict.toString());
    assertThat(pred.code()).isEqualTo(2);
    assertThat(pred.err()).contains("--dict applies to --input");
  }

  @Test
  void evalScoresADictionaryWordWithSpacesAsTheScoreScriptReadsItAndNamesFilesThatDiffer() throws Exception {
    Path gold = dir.resolve("gold.txt");
    Path raw = dir.resolve("raw.txt");
    Path dict = dir.resolve("my.dict");
    Files.writeString(gold, "苹果  发布  iPhone  15  Pro  手机\n", StandardCharsets.UTF_8);
    Files.writeString(raw, "苹果发布iPhone 15 Pro手机\n", StandardCharsets.UTF_8);
    Files.writeString(dict, "iPhone 15 Pro,10\n", StandardCharsets.UTF_8);
    Run with = run("", "eval", "--gold", gold.toString(), "--input", raw.toString(), "--dict", dict.toString());
    assertThat(with.code()).as(with.err()).isZero();
    assertThat(with.out()).contains("=== TOTAL TRUE WORDS:\t6").contains("=== F MEASURE:\t1.000");
    Path pred = dir.resolve("pred.txt");
    Files.writeString(pred, "苹果  发表  iPhone  15  Pro  手机\n\n\n苹果\n", StandardCharsets.UTF_8);
    Run differ = run("", "eval", "--gold", gold.toString(), "--pred", pred.toString());
    assertThat(differ.code()).isEqualTo(1);
    assertThat(differ.err()).contains(pred + " against " + gold + ": gold has 1 line, the output has 4")
        .contains("line 1, character 4");
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "\n\n", StandardCharsets.UTF_8);
    Run nothing = run("", "eval", "--gold", empty.toString(), "--pred", empty.toString());
    assertThat(nothing.code()).isEqualTo(1);
    assertThat(nothing.err()).contains(empty + ":1: holds no words");
  }

  @Test
  void invalidUtf8IsAnErrorNamingFileLineAndByteUnlessLenient() throws Exception {
    Path in = dir.resolve("bad.txt");
    byte[] good = "扫描二维码\n关注".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(good, good.length + 4);
    bytes[good.length] = (byte) 0xFF;
    bytes[good.length + 1] = 'x';
    bytes[good.length + 2] = (byte) 0xC3;
    bytes[good.length + 3] = '\n';
    Files.write(in, bytes);
    Run strict = run("", "segment", in.toString());
    assertThat(strict.code()).isEqualTo(Main.EXIT_DATA);
    // the byte's offset in the file and in its line ("关注", 6 bytes, before it)
    assertThat(strict.err().strip()).isEqualTo("fenci: " + in + ":2: invalid UTF-8 at byte offset " + good.length
        + " of the file, offset 6 in line 2 (byte 0xff); convert a file in another encoding to UTF-8 first (GBK: iconv -f GBK -t UTF-8), or read it "
        + "leniently (--lenient on the command line, lenient = true in the library) to replace bad bytes with U+FFFD");
    Run lenient = run("", "segment", "--lenient", in.toString());
    assertThat(lenient.code()).isZero();
    assertThat(lenient.out().replace(" ", "")).isEqualTo("扫描二维码\n关注\uFFFDx\uFFFD\n");
    assertThat(lenient.err()).contains("replaced 2 invalid UTF-8 sequences with U+FFFD");
  }

  /** A "Unicode" file of Windows' Notepad (UTF-16 with a byte order mark) is named as such, with the command that converts it. */
  @Test
  void aUtf16FileIsNamedWithItsConversion() throws Exception {
    Path in = dir.resolve("utf16.txt");
    byte[] text = "关注微信号\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[text.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(text, 0, bytes, 2, text.length);
    Files.write(in, bytes);
    for (String[] args : List.of(new String[] {"segment", in.toString()}, new String[] {"segment", "--lenient", in.toString()})) {
      Run r = run("", args);
      assertThat(r.code()).isEqualTo(Main.EXIT_DATA);
      assertThat(r.err()).contains(in + ":1: invalid UTF-8 at byte offset 0 of the file (byte 0xff); the file starts with a UTF-16 "
          + "byte order mark: convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)").doesNotContain("--lenient");
    }
  }

  /** A gzip-compressed file is named as such (not as GBK text, and without advising --lenient). */
  @Test
  void aGzipFileIsNamedAsCompressed() throws Exception {
    Path in = dir.resolve("corpus.utf8.gz");
    try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(in))) {
      gz.write("关注  微信号\n".repeat(30).getBytes(StandardCharsets.UTF_8));
    }
    for (String[] args : List.of(new String[] {"segment", in.toString()}, new String[] {"segment", "--lenient", in.toString()},
        new String[] {"train", "--train", in.toString(), "--model", dir.resolve("m.safetensors").toString()},
        new String[] {"train", "--lenient", "--train", in.toString(), "--model", dir.resolve("m.safetensors").toString()})) {
      Run r = run("", args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Main.EXIT_DATA);
      assertThat(r.err()).as(String.join(" ", args)).contains(in + ":1: invalid UTF-8 at byte offset 1")
          .contains("(byte 0x8b); the file looks gzip-compressed: decompress it first (gunzip -k FILE")
          .doesNotContain("--lenient").doesNotContain("GBK");
    }
  }

  @Test
  void aByteOrderMarkIsAccepted() throws Exception {
    Path in = dir.resolve("bom.txt");
    Files.write(in, ("\uFEFF关注微信号\n").getBytes(StandardCharsets.UTF_8));
    Run r = run("", "segment", in.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("\uFEFF").startsWith("关注 ").endsWith("\n");
    assertThat(r.out().replace(" ", "")).isEqualTo("关注微信号\n");
  }

  @Test
  void aLoneCarriageReturnEndsALineAsLfAndCrlfDo() {
    Run r = run("关注\r微信号\r\n扫描\n", "segment");
    assertThat(r.code()).isZero();
    assertThat(r.out().replace(" ", "")).isEqualTo("关注\n微信号\n扫描\n");
  }
}
