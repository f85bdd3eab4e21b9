package dev.fenci.dict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictionaryFileTest {
  @TempDir
  Path dir;

  private static List<Entry> parse(String... lines) throws Exception {
    return DictionaryFile.parse(List.of(lines), "test.dict", false, null);
  }

  @Test
  void readsEveryLineFormUsersWrite() throws Exception {
    List<Entry> e = parse("\uFEFF微信号,10", "二维码\t5", "扫描 2.5", "关注", "# comment", "", "  ",
        "iPhone 15 Pro,inf", "C++,force", "3.14\tinf", "U盘", "A股 1e3", "1,000\t2");
    assertThat(e).containsExactly(new Entry("微信号", 10), new Entry("二维码", 5), new Entry("扫描", 2.5),
        new Entry("关注", Entry.DEFAULT_MULTIPLIER), Entry.forced("iPhone 15 Pro"), Entry.forced("C++"),
        Entry.forced("3.14"), new Entry("U盘", Entry.DEFAULT_MULTIPLIER), new Entry("A股", 1000), new Entry("1,000", 2));
  }

  @Test
  void aFullWidthCommaOrIdeographicSpaceSeparatesANumberAndABackslashEscapesAHash() throws Exception {
    assertThat(parse("二维码，10", "微信号\u30000.5", "扫码，inf", "１，０００", "第一，第二", "\\#双十一#,inf", "\\#话题"))
        .containsExactly(new Entry("二维码", 10), new Entry("微信号", 0.5), Entry.forced("扫码"),
            new Entry("１，０００", Entry.DEFAULT_MULTIPLIER), new Entry("第一，第二", Entry.DEFAULT_MULTIPLIER),
            Entry.forced("#双十一#"), new Entry("#话题", Entry.DEFAULT_MULTIPLIER));
  }

  /**
   * A no-break space (copied from a web page) or another of Unicode's spaces separates a multiplier as a space does,
   * and so does the ideographic comma 、: read as part of a bare word, they made an entry that never matched.
   */
  @Test
  void anyUnicodeSpaceOrTheIdeographicCommaSeparatesANumber() throws Exception {
    assertThat(parse("微信号\u00A010", "二维码\u20025", "扫码、3", "关注、inf", "甲、乙", "公众号\u00A0二维码"))
        .containsExactly(new Entry("微信号", 10), new Entry("二维码", 5), new Entry("扫码", 3), Entry.forced("关注"),
            new Entry("甲、乙", Entry.DEFAULT_MULTIPLIER), new Entry("公众号\u00A0二维码", Entry.DEFAULT_MULTIPLIER));
    assertThatThrownBy(() -> parse("二维码\u00A03\u00A0n")).hasMessageContaining("jieba");
  }

  @Test
  void theCommaHintAppearsOnlyWhereACommaInTheWordIsLikely() {
    assertThatThrownBy(() -> parse("二维码,0")).hasMessageContaining("positive").hasMessageNotContaining("TAB form");
    assertThatThrownBy(() -> parse("a,b")).hasMessageContaining("TAB form");
  }

  /** +inf, -inf and nan after a space are multipliers (or refused as ones), never part of a bare word "二维码 nan". */
  @Test
  void infinitiesAndNanAfterASpaceAreReadAsMultipliers() throws Exception {
    assertThat(parse("二维码 +inf", "微信号 +Infinity")).containsExactly(Entry.forced("二维码"), Entry.forced("微信号"));
    for (String line : new String[] {"二维码 -inf", "二维码 nan", "二维码,nan", "二维码,-inf"}) {
      assertThatThrownBy(() -> parse(line)).as(line).hasMessageContaining("is not a number")
          .hasMessageNotContaining("TAB form");
    }
  }

  @Test
  void wholeNumbersReadTheSameOnTheShortPathAndTheLongOne() throws Exception {
    // up to nine digits without a leading zero skip the number pattern; the rest take it
    assertThat(parse("甲,1", "乙,999999999", "丙,1234567890", "丁,007", "戊, 12", "己,12 "))
        .extracting(Entry::multiplier).containsExactly(1.0, 999999999.0, 1234567890.0, 7.0, 12.0, 12.0);
  }

  @Test
  void aWordWithSpacesAndNoNumberIsABareWord() throws Exception {
    assertThat(parse("New York Times")).containsExactly(new Entry("New York Times", Entry.DEFAULT_MULTIPLIER));
  }

  /** "iPhone 15" is read by the documented rule (iPhone, multiplier 15), with a warning that says how to write the word. */
  @Test
  void aLatinWordBeforeASpaceAndANumberIsReadAsAMultiplierWithAWarning() throws Exception {
    java.io.ByteArrayOutputStream warn = new java.io.ByteArrayOutputStream();
    List<Entry> e = DictionaryFile.parse(List.of("iPhone 15", "微信号 5", "Windows 10,1", "COVID-19", "iPhone，15",
        "GPT inf", "\\#iPhone 15", "Galaxy\u00A024"), "x.dict", false, new PrintStream(warn, true, StandardCharsets.UTF_8));
    assertThat(e).containsExactly(new Entry("iPhone", 15), new Entry("微信号", 5), new Entry("Windows 10", 1),
        new Entry("COVID-19", Entry.DEFAULT_MULTIPLIER), new Entry("iPhone", 15), Entry.forced("GPT"),
        new Entry("#iPhone", 15), new Entry("Galaxy", 24));
    assertThat(warn.toString(StandardCharsets.UTF_8)).isEqualTo("fenci: warning: x.dict:1: 'iPhone 15' is read as the "
        + "word 'iPhone' with multiplier 15; write 'iPhone 15,10' for the word 'iPhone 15', or 'iPhone,15' for this "
        + "reading\nfenci: warning: x.dict:7: '\\#iPhone 15' is read as the word '#iPhone' with multiplier 15; write "
        + "'\\#iPhone 15,10' for the word '#iPhone 15', or '\\#iPhone,15' for this reading\n"
        + "fenci: warning: x.dict:8: 'Galaxy\u00A024' is read as the word 'Galaxy' with multiplier 24; write "
        + "'Galaxy\u00A024,10' for the word 'Galaxy 24', or 'Galaxy,24' for this reading\n");
  }

  /**
   * jieba's user dictionary layout (word, frequency, part-of-speech tag) had been read as one word
   * with spaces, which never occurs in text: an error naming the line and what to write, skipped
   * with a warning when lenient, as other malformed lines are; with a TAB between the fields too.
   */
  @Test
  void aJiebaDictionaryLineIsAnErrorSayingWhatToWrite() throws Exception {
    for (String line : new String[] {"二维码 3 n", "微信号 5 nz", "云计算  20000  eng", "二维码\t3\tn", "二维码 3\tnr1"}) {
      assertThatThrownBy(() -> parse("好,2", line)).as(line).isInstanceOf(DictionaryFormatException.class)
          .hasMessageStartingWith("test.dict:2: looks like a jieba dictionary line (word frequency tag); fenci reads "
              + "'word,multiplier' lines: write '" + line.split("[ \t]")[0] + ",10'")
          .hasMessageContaining("'" + line + "'");
    }
    ByteArrayOutputStream warn = new ByteArrayOutputStream();
    List<Entry> e = DictionaryFile.parse(List.of("二维码 3 n", "扫描,2"), "x.dict", true,
        new PrintStream(warn, true, StandardCharsets.UTF_8));
    assertThat(e).containsExactly(new Entry("扫描", 2));
    assertThat(warn.toString(StandardCharsets.UTF_8)).startsWith("fenci: warning: x.dict:1: skipped (looks like a jieba "
        + "dictionary line (word frequency tag); fenci reads 'word,multiplier' lines: write '二维码,10'): '二维码 3 n'");
    // what fenci's own forms say is read as before: a word and a multiplier after a space, a Latin phrase with a
    // number and a capitalised word, a word with spaces given a multiplier after a comma
    assertThat(parse("二维码 3", "iPhone 15 Pro", "小米 14 Pro", "Windows 10 pro", "二维码 3 n,5")).containsExactly(
        new Entry("二维码", 3), new Entry("iPhone 15 Pro", Entry.DEFAULT_MULTIPLIER),
        new Entry("小米 14 Pro", Entry.DEFAULT_MULTIPLIER), new Entry("Windows 10 pro", Entry.DEFAULT_MULTIPLIER),
        new Entry("二维码 3 n", 5));
  }

  /** A line copied from a web page or a spreadsheet may end in a no-break or zero-width space: not part of the multiplier. */
  @Test
  void aNoBreakOrZeroWidthSpaceAtALinesEndIsDropped() throws Exception {
    assertThat(parse("二维码,10\u00A0", "扫描\t2\u202F", "关注 3\u200B", "微信号\u00A0")).containsExactly(new Entry("二维码", 10),
        new Entry("扫描", 2), new Entry("关注", 3), new Entry("微信号", Entry.DEFAULT_MULTIPLIER));
  }

  /** A word in quotes, as a spreadsheet's CSV writes it, is read with its quotes, with a warning that says what to write. */
  @Test
  void aQuotedWordSaysToWriteItWithoutQuotes() throws Exception {
    ByteArrayOutputStream warn = new ByteArrayOutputStream();
    List<Entry> e = DictionaryFile.parse(List.of("\"二维码\",10", "“扫码”", "\"a\"b\",2", "扫描,2"), "x.dict", false,
        new PrintStream(warn, true, StandardCharsets.UTF_8));
    assertThat(e).containsExactly(new Entry("\"二维码\"", 10), new Entry("“扫码”", Entry.DEFAULT_MULTIPLIER),
        new Entry("\"a\"b\"", 2), new Entry("扫描", 2));
    assertThat(warn.toString(StandardCharsets.UTF_8)).isEqualTo("fenci: warning: x.dict:1: '\"二维码\",10' is read as the word"
        + " \"二维码\" with its quotes, which only that text in those quotes matches; write '二维码,10' for the word without them"
        + System.lineSeparator() + "fenci: warning: x.dict:2: '“扫码”' is read as the word “扫码” with its quotes, which only"
        + " that text in those quotes matches; write '扫码' for the word without them" + System.lineSeparator());
  }

  /** HanLP's and ansj's layout (word tag frequency): an error in the TAB form, a warning saying what to write in the space form. */
  @Test
  void aHanlpOrAnsjDictionaryLineSaysWhatToWrite() throws Exception {
    for (String line : new String[] {"上海电力\tnt\t1000", "二维码\tn\t1024\tv\t5"}) {
      assertThatThrownBy(() -> parse("好,2", line)).as(line).isInstanceOf(DictionaryFormatException.class)
          .hasMessageStartingWith("test.dict:2: looks like a HanLP or ansj dictionary line (word tag frequency); fenci reads "
              + "'word,multiplier' lines: write '" + line.split("\t")[0] + ",10'");
    }
    ByteArrayOutputStream warn = new ByteArrayOutputStream();
    List<Entry> e = DictionaryFile.parse(List.of("二维码 n 1024", "扫描,2"), "x.dict", false,
        new PrintStream(warn, true, StandardCharsets.UTF_8));
    assertThat(e).containsExactly(new Entry("二维码 n", 1024), new Entry("扫描", 2));
    assertThat(warn.toString(StandardCharsets.UTF_8)).isEqualTo("fenci: warning: x.dict:1: '二维码 n 1024' is read as the word "
        + "'二维码 n' with multiplier 1024, but it looks like a HanLP or ansj dictionary line (word tag frequency); fenci reads "
        + "'word,multiplier' lines: write '二维码,10'" + System.lineSeparator());
    // jieba's own layouts are still said as jieba's, and fenci's forms read as before
    assertThatThrownBy(() -> parse("二维码\t3\tn")).hasMessageContaining("jieba");
    // the TAB form of a word with a space is fenci's own, whatever the word's last part looks like
    assertThat(parse("华为 mate\t60")).containsExactly(new Entry("华为 mate", 60));
    assertThat(parse("二维码 3", "小米 14 Pro", "二维码 3 n,5")).containsExactly(new Entry("二维码", 3),
        new Entry("小米 14 Pro", Entry.DEFAULT_MULTIPLIER), new Entry("二维码 3 n", 5));
  }

  /**
   * Lines that the documented rules read, but most likely meant otherwise, are read so with a
   * warning: jieba's word and tag (a word with a space), a multiplier after a semicolon (a bare
   * word), two multipliers (the word then holds the first).
   */
  @Test
  void nearMissesOfTheFormatAreReadWithAWarning() throws Exception {
    ByteArrayOutputStream warn = new ByteArrayOutputStream();
    List<Entry> e = DictionaryFile.parse(List.of("凱特琳 nz", "二维码;10", "微信号：0.5", "二维码,10,20", "扫描,2",
        "New York", "COVID-19", "10:30", "5,6亿,3", "a,b,5", "10,560,770", "1,000\t2", "二维码,10\t20", "iPhone 15 Pro,inf"),
        "x.dict", false, new PrintStream(warn, true, StandardCharsets.UTF_8));
    assertThat(e).containsExactly(new Entry("凱特琳 nz", Entry.DEFAULT_MULTIPLIER),
        new Entry("二维码;10", Entry.DEFAULT_MULTIPLIER), new Entry("微信号：0.5", Entry.DEFAULT_MULTIPLIER),
        new Entry("二维码,10", 20), new Entry("扫描", 2), new Entry("New York", Entry.DEFAULT_MULTIPLIER),
        new Entry("COVID-19", Entry.DEFAULT_MULTIPLIER), new Entry("10:30", Entry.DEFAULT_MULTIPLIER),
        new Entry("5,6亿", 3), new Entry("a,b", 5), new Entry("10,560,770", Entry.DEFAULT_MULTIPLIER),
        new Entry("1,000", 2), new Entry("二维码,10", 20), Entry.forced("iPhone 15 Pro"));
    assertThat(warn.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "fenci: warning: x.dict:1: '凱特琳 nz' looks like a jieba dictionary line (word tag) and is read as one word "
            + "containing a space, which only that text with the space matches; fenci reads 'word,multiplier' lines: "
            + "write '凱特琳,10'",
        "fenci: warning: x.dict:2: '二维码;10' is read as one word (a multiplier follows a comma, a TAB or a space); "
            + "write '二维码,10' for the word 二维码 at 10",
        "fenci: warning: x.dict:3: '微信号：0.5' is read as one word (a multiplier follows a comma, a TAB or a space); "
            + "write '微信号,0.5' for the word 微信号 at 0.5",
        "fenci: warning: x.dict:4: '二维码,10,20' is read as the word '二维码,10' at 20 (the multiplier follows the "
            + "last comma); a line holds one multiplier: write '二维码,10', or, for a word that contains a comma, "
            + "word<TAB>multiplier");
  }

  @Test
  void aCommaFollowedByChineseIsPartOfTheWord() throws Exception {
    assertThat(parse("17,092億", "5,6亿,3")).containsExactly(new Entry("17,092億", Entry.DEFAULT_MULTIPLIER),
        new Entry("5,6亿", 3));
  }

  /** A number with thousands separators alone on its line is a word (the bakeoff's word lists hold 85), not 4 times 200. */
  /**
   * A comment written after the multiplier is an error whatever the separator, and the message
   * says why: after a comma it had said the multiplier is no number and advised the TAB form for
   * a word that contains a comma, which fails the same way.
   */
  @Test
  void aCommentAfterTheMultiplierIsSaidToNeedALineOfItsOwn() {
    for (String line : List.of("微信号,5 # the app's id", "微信号\t5 # x", "微信号 5 # x", "微信号，5 # x", "微信号,5 #x")) {
      assertThatThrownBy(() -> parse(line)).as(line).isInstanceOf(DictionaryFormatException.class)
          .hasMessageStartingWith("test.dict:1: a comment needs a line of its own ('#' first)")
          .hasMessageNotContaining("TAB form");
    }
  }

  @Test
  void aNumberWithThousandsSeparatorsIsABareWord() throws Exception {
    assertThat(parse("4,200", "10,560,770", "1,299.00", "1,000\t2", "12,3456")).containsExactly(
        new Entry("4,200", Entry.DEFAULT_MULTIPLIER), new Entry("10,560,770", Entry.DEFAULT_MULTIPLIER),
        new Entry("1,299.00", Entry.DEFAULT_MULTIPLIER), new Entry("1,000", 2), new Entry("12", 3456));
  }

  @Test
  void aMultiplierInFullWidthDigitsCounts() throws Exception {
    assertThat(parse("微信号,０.０１", "二维码,１０")).containsExactly(new Entry("微信号", 0.01), new Entry("二维码", 10));
    // full-width numbers stay words, as before: digits on both sides of the comma are one number
    assertThat(parse("１７,０９２", "第１,２", "１,０００", "４,００７")).containsExactly(
        new Entry("１７,０９２", Entry.DEFAULT_MULTIPLIER), new Entry("第１,２", Entry.DEFAULT_MULTIPLIER),
        new Entry("１,０００", Entry.DEFAULT_MULTIPLIER), new Entry("４,００７", Entry.DEFAULT_MULTIPLIER));
  }

  /**
   * What an input method in full-width mode types, a full-width comma and full-width digits, is a
   * word and its multiplier, as either alone is ({@code 扫码，3}, {@code 微信号,０.０１}); it had been
   * the bare word {@code 扫码，３} at 10, which never occurs in text, without a warning. A number
   * written so stays a word.
   */
  @Test
  void aFullWidthCommaAndAMultiplierInFullWidthDigitsCount() throws Exception {
    assertThat(parse("扫码，３", "微信号，０．０１", "二维码 ，１０ ")).containsExactly(new Entry("扫码", 3),
        new Entry("微信号", 0.01), new Entry("二维码", 10));
    assertThat(parse("１，０００", "第１，２", "１７，０９２")).containsExactly(new Entry("１，０００", Entry.DEFAULT_MULTIPLIER),
        new Entry("第１，２", Entry.DEFAULT_MULTIPLIER), new Entry("１７，０９２", Entry.DEFAULT_MULTIPLIER));
  }

  @Test
  void malformedLinesNameFileLineAndText() {
    String[][] cases = {
        {",10", "missing word"},
        {"\t3", "missing word"},
        {"词,", "missing multiplier"},
        {"词,abc", "not a number"},
        {"词,0", "positive"},
        {"词,-2", "positive"},
        {"词\tNaN", "not a number"},
        {"词 0", "positive"},
        {"词,10d", "not a number"},
        {"词\t0x1p4", "not a number"},
        {"微信号 0.01 # split it", "a comment needs a line of its own"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> parse("好,2", c[0]))
          .as(c[0]).isInstanceOf(DictionaryFormatException.class)
          .hasMessageContaining("test.dict:2:").hasMessageContaining(c[1]).hasMessageContaining("'" + c[0] + "'");
    }
  }

  @Test
  void lenientSkipsBadLinesWithAWarning() throws Exception {
    ByteArrayOutputStream warn = new ByteArrayOutputStream();
    List<Entry> e = DictionaryFile.parse(List.of("好,2", "坏,-1", "对"), "x.dict", true,
        new PrintStream(warn, true, StandardCharsets.UTF_8));
    assertThat(e).extracting(Entry::word).containsExactly("好", "对");
    assertThat(warn.toString(StandardCharsets.UTF_8)).contains("x.dict:2").contains("skipped");
  }

  @Test
  void laterFilesWinAndReloadPicksUpChanges() throws Exception {
    Path a = dir.resolve("a.dict");
    Path b = dir.resolve("b.dict");
    Files.writeString(a, "微信号,10\n二维码,3\n", StandardCharsets.UTF_8);
    Files.writeString(b, "微信号,0.5\n", StandardCharsets.UTF_8);
    UserDictionary d = UserDictionary.load(a, b);
    assertThat(d.snapshot().entries().get("微信号").multiplier()).isEqualTo(0.5);
    assertThat(d.snapshot().size()).isEqualTo(2);
    Files.writeString(b, "微信号,7\n关注,inf\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(b, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    assertThat(d.reloadIfChanged()).isTrue();
    assertThat(d.snapshot().entries().get("微信号").multiplier()).isEqualTo(7);
    assertThat(d.snapshot().entries().get("关注").isForced()).isTrue();
    d.remove("二维码");
    d.add("扫描", 4);
    assertThat(d.snapshot().entries()).containsOnlyKeys("微信号", "关注", "扫描");
  }

  /**
   * Two reloads overlap: the first is held up reading the old file (here at its warning about a
   * skipped line), the file changes, the second reads the new file and returns. When the first
   * finishes, what it read is older than what is in use: it must not replace it.
   */
  @Test
  void ofOverlappingReloadsTheOneStartedLastWins() throws Exception {
    Path a = dir.resolve("a.dict");
    Files.writeString(a, "初始词,10\n", StandardCharsets.UTF_8);
    java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    PrintStream slowWarnings = new PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        if (held.getCount() > 0) {
          held.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }, true, StandardCharsets.UTF_8);
    UserDictionary d = UserDictionary.load(List.of(a), true, slowWarnings);
    Files.writeString(a, "旧版词,10\nnot a multiplier,x\n", StandardCharsets.UTF_8);
    java.util.concurrent.atomic.AtomicReference<Boolean> firstInUse = new java.util.concurrent.atomic.AtomicReference<>();
    Thread first = new Thread(() -> {
      try {
        firstInUse.set(d.reload());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    first.start();
    assertThat(held.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the first reload reached the bad line").isTrue();
    Files.writeString(a, "新版词,10\n", StandardCharsets.UTF_8);
    assertThat(d.reload()).as("the later reload's reading is in use").isTrue();
    assertThat(d.snapshot().entries()).containsOnlyKeys("新版词");
    release.countDown();
    first.join();
    assertThat(firstInUse.get()).as("the earlier reload says its reading was dropped").isFalse();
    assertThat(d.snapshot().entries()).containsOnlyKeys("新版词");
    d.add("加的词", 2);
    assertThat(d.snapshot().entries()).containsOnlyKeys("新版词", "加的词");
  }

  @Test
  void aLongMalformedLineIsQuotedInPart() throws Exception {
    String line = "词".repeat(10_000) + ",x";
    assertThatThrownBy(() -> parse("好,2", line)).isInstanceOf(DictionaryFormatException.class)
        .hasMessageStartingWith("test.dict:2: ").hasMessageContaining("(10002 characters)")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    ByteArrayOutputStream warn = new ByteArrayOutputStream();
    assertThat(DictionaryFile.parse(List.of(line), "x.dict", true, new PrintStream(warn, true, StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(warn.toString(StandardCharsets.UTF_8)).contains("x.dict:1").contains("(10002 characters)").hasSizeLessThan(300);
  }

  @Test
  void aFailedReloadKeepsTheOldDictionary() throws Exception {
    Path a = dir.resolve("a.dict");
    Files.writeString(a, "微信号,10\n", StandardCharsets.UTF_8);
    UserDictionary d = UserDictionary.load(a);
    Files.writeString(a, "微信号,-10\n", StandardCharsets.UTF_8);
    assertThatThrownBy(d::reload).isInstanceOf(DictionaryFormatException.class);
    assertThat(d.snapshot().entries().get("微信号").multiplier()).isEqualTo(10);
  }

  @Test
  void aByteOrderMarkBeforeACommentOnTheFirstLineLeavesItAComment() throws Exception {
    assertThat(parse("\uFEFF# my words", "微信号,10")).containsExactly(new Entry("微信号", 10));
  }

  /**
   * Files that each start with a byte order mark, joined into one ({@code cat a.dict b.dict}), have
   * one at the start of a later line: a comment there stays a comment, and a {@code \#} escape an
   * escape. The comment had become the entry {@code # b's words}, forcing nothing useful together.
   */
  @Test
  void aByteOrderMarkAtTheStartOfALaterLineLeavesACommentAComment() throws Exception {
    Path joined = dir.resolve("joined.dict");
    Files.write(joined, ("\uFEFF# a's words\n微信号,10\n\uFEFF# b's words\n\uFEFF\\#双十一#,inf\n").getBytes(StandardCharsets.UTF_8));
    assertThat(DictionaryFile.read(joined, false, null)).containsExactly(new Entry("微信号", 10), Entry.forced("#双十一#"));
  }

  @Test
  void edgesOfTheNumberRules() throws Exception {
    // the last full-width digit; ten ASCII digits, past what the short path takes
    assertThat(parse("微信号,９.５", "丁,9999999999")).containsExactly(new Entry("微信号", 9.5), new Entry("丁", 9999999999.0));
    // U+0080, the first character past ASCII, after a comma: the whole line is a bare word
    assertThat(parse("词,1\u0080")).containsExactly(new Entry("词,1\u0080", Entry.DEFAULT_MULTIPLIER));
    // a space first and a number: a multiplier without a word, as ",10" is
    assertThatThrownBy(() -> parse(" 10")).isInstanceOf(DictionaryFormatException.class).hasMessageContaining("missing word");
  }

  @Test
  void wordsAddedAtRunTimeOutliveAReloadAndAnUnchangedFileIsNotReloaded() throws Exception {
    Path a = dir.resolve("a.dict");
    Files.writeString(a, "微信号,10\n", StandardCharsets.UTF_8);
    UserDictionary d = UserDictionary.load(a);
    d.add("扫描", 4);
    assertThat(d.reloadIfChanged()).isFalse();
    assertThat(d.reload()).isTrue();
    assertThat(d.snapshot().entries()).containsOnlyKeys("微信号", "扫描");
  }

  @Test
  void findsAllOccurrencesOverlappingOnesIncluded() {
    DictionarySnapshot s = DictionarySnapshot.of(List.of(new Entry("二维码", 2), new Entry("维码", 3), new Entry("码", 4)));
    assertThat(s.matches("扫描二维码")).extracting(DictionarySnapshot.Match::start, DictionarySnapshot.Match::end)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 5), org.assertj.core.groups.Tuple.tuple(3, 5),
            org.assertj.core.groups.Tuple.tuple(4, 5));
  }

  @Test
  void aWordBeginningWithACombiningMarkFailsWithFileAndLineUnlessLenient() throws Exception {
    Path f = dir.resolve("mark.dict");
    Files.writeString(f, "二维码,10\n\u0301中,5\n微信号\n");
    assertThatThrownBy(() -> DictionaryFile.read(f, false, System.err))
        .hasMessageContaining(f + ":2:").hasMessageContaining("U+0301").hasMessageContaining("never match");
    ByteArrayOutputStream warn = new ByteArrayOutputStream();
    List<Entry> entries = DictionaryFile.read(f, true, new PrintStream(warn, true, StandardCharsets.UTF_8));
    assertThat(entries).extracting(Entry::word).containsExactly("二维码", "微信号");
    assertThat(warn.toString(StandardCharsets.UTF_8)).contains(f + ":2: skipped (").contains("U+0301");
  }

  @Test
  void invalidUtf8FailsWithFileLineAndByteUnlessLenient() throws Exception {
    Path f = dir.resolve("bad.dict");
    Files.write(f, new byte[] {'a', ',', '2', '\n', 'b', (byte) 0xFF, 'c', ',', '3', '\n'});
    assertThatThrownBy(() -> DictionaryFile.read(f, false, System.err))
        .hasMessageContaining(f + ":2: invalid UTF-8 at byte offset 5");
    // UserDictionary.load(Path) reads it too: the advice names the library's lenient reading, not only the CLI's flag
    assertThatThrownBy(() -> UserDictionary.load(f))
        .hasMessageContaining(f + ":2: invalid UTF-8 at byte offset 5")
        .hasMessageContaining("--lenient on the command line, lenient = true in the library");
    ByteArrayOutputStream warn = new ByteArrayOutputStream();
    List<Entry> entries = DictionaryFile.read(f, true, new PrintStream(warn, true, StandardCharsets.UTF_8));
    assertThat(entries).extracting(Entry::word).containsExactly("a", "b\uFFFDc");
    assertThat(warn.toString(StandardCharsets.UTF_8)).contains("replaced 1 invalid UTF-8 sequence with U+FFFD");
  }

  /**
   * Read leniently with no warnings stream (null: none, as {@link UserDictionary#load(List, boolean,
   * PrintStream)} says), invalid UTF-8 becomes U+FFFD without a word; counting it had thrown a
   * NullPointerException.
   */
  @Test
  void readLenientlyWithoutAWarningsStreamInvalidUtf8IsReplacedSilently() throws Exception {
    Path f = dir.resolve("bad.dict");
    Files.write(f, new byte[] {'a', ',', '2', '\n', 'b', (byte) 0xFF, 'c', ',', '3', '\n'});
    assertThat(UserDictionary.load(List.of(f), true, null).snapshot().entries()).containsOnlyKeys("a", "b\uFFFDc");
    assertThat(DictionaryFile.read(f, true, null)).extracting(Entry::word).containsExactly("a", "b\uFFFDc");
  }
}
