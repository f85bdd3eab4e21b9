package dev.fenci.corpus;

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

class CorpusTest {
  @TempDir
  Path dir;

  private Path write(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  /** Raw text, or words joined by '/', given as a training or dev file, is refused with the line that shows it. */
  @Test
  void unsegmentedTextIsRefusedSegmentedTextIsNot() throws Exception {
    String segmented = "迈向  充满  希望  的  新  世纪  ——  一九九八年  新年  讲话\n";
    List<List<String>> ok = Corpus.parse(List.of(segmented.repeat(3).split("\n")), "ok.utf8");
    assertThat(Corpus.meanChineseWordLength(ok)).isBetween(1.5, 2.5);
    Corpus.requireSegmented(ok, "ok.utf8");
    for (String joiner : List.of("", "/")) {
      List<String> lines = List.of("", "迈向" + joiner + "充满" + joiner + "希望" + joiner + "的" + joiner + "新世纪" + joiner + "新年讲话", "你好",
          String.join(joiner, "我们", "在", "这", "一", "年", "中", "国民经济", "保持", "了", "高", "增长"));
      List<List<String>> raw = Corpus.parse(lines.subList(0, 3), "raw.utf8");
      Corpus.requireSegmented(raw, "raw.utf8"); // two words say too little
      List<List<String>> many = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        many.addAll(Corpus.parse(lines, "raw.utf8"));
      }
      assertThat(Corpus.looksUnsegmented(many)).isTrue();
      assertThatThrownBy(() -> Corpus.requireSegmented(many, "raw.utf8")).isInstanceOf(CorpusFormatException.class)
          .hasMessageStartingWith("raw.utf8:2: looks unsegmented").hasMessageContaining("separate the words")
          .hasMessageContaining("'迈向" + joiner + "充满" + joiner) // the first line whose words average over 5
          .hasMessageContaining("the first line whose words average more than 5 characters");
    }
    // no word longer than 10 characters: the first line that shows it is named, with its longest word
    List<List<String>> poem = new java.util.ArrayList<>();
    poem.add(List.of("静夜思"));
    poem.add(List.of("床前", "明月", "光"));
    for (int i = 0; i < 15; i++) {
      poem.add(List.of("朝辞白帝彩云间", "，", "千里江陵一日还", "。"));
    }
    poem.set(5, List.of("两岸猿声啼不住", "，", "轻舟已过万重山啊", "。"));
    assertThatThrownBy(() -> Corpus.requireSegmented(poem, "poem.utf8"))
        .hasMessageStartingWith("poem.utf8:3: looks unsegmented: its words with Chinese characters are 6.4")
        .hasMessageContaining("'朝辞白帝彩云间', 7 characters");
    // a file without Chinese words is not judged by it
    Corpus.requireSegmented(Corpus.parse(List.of("hello world this is text"), "a.txt"), "a.txt");
    assertThat(Corpus.meanChineseWordLength(List.of(List.of("abc")))).isNaN();
  }

  private static final String SEGMENTED_LINE = "迈向  充满  希望  的  新  世纪  ——  一九九八年  新年  讲话";
  private static final String RAW_LINE = "本报济南１月１日电记者贾建舟、刘磊报道：新年期间，济南市政府及社会各界的送温暖活动正成为寒冬中的一股暖流。";

  private static Corpus.Sentences lines(List<String> lines) throws Exception {
    return Corpus.readSentences(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), "p.utf8", false,
        new PrintStream(java.io.OutputStream.nullOutputStream()));
  }

  /**
   * Unsegmented lines among segmented ones (a file partly never segmented) pass the file-wide
   * average: a few are said with their count and the first line, more than 1% refuse the file.
   */
  @Test
  void unsegmentedLinesAmongSegmentedOnesAreSaidAndManyRefused() throws Exception {
    List<String> text = new java.util.ArrayList<>(java.util.Collections.nCopies(200, SEGMENTED_LINE));
    text.set(100, RAW_LINE);
    ByteArrayOutputStream notes = new ByteArrayOutputStream();
    Corpus.requireSegmented(lines(text), "p.utf8", new PrintStream(notes, true, StandardCharsets.UTF_8));
    assertThat(notes.toString(StandardCharsets.UTF_8)).startsWith("note: p.utf8: 1 of 200 lines looks unsegmented")
        .contains("the first p.utf8:101 ('本报济南１月１日电记者贾建舟、刘磊报道：...', 53 characters").containsOnlyOnce("\n");
    text.set(150, RAW_LINE);
    notes.reset();
    Corpus.requireSegmented(lines(text), "p.utf8", new PrintStream(notes, true, StandardCharsets.UTF_8));
    assertThat(notes.toString(StandardCharsets.UTF_8)).startsWith("note: p.utf8: 2 of 200 lines look unsegmented")
        .contains("the first p.utf8:101 ");
    text.set(20, RAW_LINE); // 3 of 200: more than 1%
    assertThatThrownBy(() -> Corpus.requireSegmented(lines(text), "p.utf8", null))
        .isInstanceOf(CorpusFormatException.class)
        .hasMessageStartingWith("p.utf8:21: looks partly unsegmented: 3 of its 200 lines (1.5%, more than 1%)")
        .hasMessageContaining("separate the words");
    // a long name among short words (MSR's organisations reach 30 characters) is not an unsegmented line
    List<String> msr = new java.util.ArrayList<>(java.util.Collections.nCopies(50, SEGMENTED_LINE));
    msr.set(3, "他  是  华中理工大学电子与信息工程系光电信息处理研究室  的  研究员  ，  今年  来到  北京  。");
    msr.set(4, "中国人民政治协商会议第八届全国委员会"); // 18 characters, a line of its own: not 20
    assertThat(Corpus.unsegmentedLines(lines(msr).sentences()).count()).isZero();
  }

  /**
   * The segmented corpora in the research data have no line that looks unsegmented (their longest
   * words: 15 Chinese characters in People's Daily 1998, 11 in NLPCC 2016) and are not one word a
   * line: they read and pass as before, without a note.
   */
  @Test
  void theResearchCorporaHaveNoUnsegmentedLine() throws Exception {
    for (String name : List.of("pd1998/train.utf8", "pd1998/dev.utf8", "nlpcc2016/train.utf8")) {
      Path f = dev.fenci.DataFiles.require(name);
      ByteArrayOutputStream notes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(notes, true, StandardCharsets.UTF_8);
      Corpus.Sentences s = Corpus.readSentences(Files.readAllBytes(f), name, false, out);
      Corpus.requireSegmented(s, name, out);
      assertThat(notes.toString(StandardCharsets.UTF_8)).as(name).isEmpty();
      assertThat(s.format()).isEqualTo(Corpus.Format.SEGMENTED);
      assertThat(s.sentences()).hasSize(Files.readAllLines(f, StandardCharsets.UTF_8).size());
      assertThat(Corpus.unsegmentedLines(s.sentences())).isEqualTo(new Corpus.UnsegmentedLines(0, s.sentences().size(), -1));
    }
  }

  /**
   * One word a line with a blank line between sentences (an export format) is refused with the
   * layouts that are read and the command that converts it; segmented text with blank lines
   * between paragraphs, or a few one-word lines, is not.
   */
  @Test
  void oneWordALineIsRefusedWithTheConversion() throws Exception {
    List<String> wpl = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      wpl.addAll(Corpus.splitWhitespace(SEGMENTED_LINE));
      wpl.add("");
    }
    assertThatThrownBy(() -> Corpus.requireSegmented(lines(wpl), "p.utf8", null))
        .isInstanceOf(CorpusFormatException.class)
        .hasMessageStartingWith("p.utf8:11: looks like one word a line with a blank line between sentences (50 of its "
            + "50 non-blank lines are one word, in 5 groups)")
        .hasMessageContaining("a sentence a line with its words separated by spaces")
        .hasMessageContaining("awk -v RS= '{$1=$1} 1' p.utf8 > sentences.utf8");
    // tagged one a line (迈向/v) too
    List<String> tagged = new java.util.ArrayList<>();
    for (String l : wpl) {
      tagged.add(l.isEmpty() ? l : l + "/v");
    }
    assertThatThrownBy(() -> Corpus.requireSegmented(lines(tagged), "p.utf8", null))
        .hasMessageContaining("looks like one word a line");
    // paragraphs of sentences, and headlines of one word, are read as they were
    List<String> paragraphs = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      paragraphs.addAll(List.of("新闻", SEGMENTED_LINE, SEGMENTED_LINE, ""));
    }
    Corpus.requireSegmented(lines(paragraphs), "p.utf8", null);
    // one-word lines without blank lines: a word list, not refused here (nor sentences of one word each)
    Corpus.requireSegmented(lines(wpl.stream().filter(l -> !l.isEmpty()).toList()), "p.utf8", null);
    // a file too short to tell
    Corpus.requireSegmented(lines(List.of("迈向", "充满", "", "希望", "的")), "p.utf8", null);
  }

  /**
   * One word a line with its tag in a column after it ({@code 迈向<TAB>v}, or a named-entity tag),
   * a blank line between sentences, is refused too, with the command that keeps the words and joins
   * them: read as segmented text, each line would be a sentence of a word and its tag.
   */
  @Test
  void oneWordALineWithItsTagIsRefusedWithTheConversion() throws Exception {
    List<String> tagged = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      for (String w : Corpus.splitWhitespace(SEGMENTED_LINE)) {
        tagged.add(w + (i % 2 == 0 ? "\tv" : " B-LOC"));
      }
      tagged.add("");
    }
    assertThatThrownBy(() -> Corpus.requireSegmented(lines(tagged), "p.utf8", null))
        .isInstanceOf(CorpusFormatException.class)
        .hasMessageStartingWith("p.utf8:11: looks like one word a line, with a tag after it, and a blank line between "
            + "sentences (50 of its 50 non-blank lines, in 5 groups)")
        .hasMessageContaining("awk '{print $1}' p.utf8 | awk -v RS= '{$1=$1} 1' > sentences.utf8");
    // paragraphs of segmented text in which some lines are a word and an ASCII word are read as they are
    List<String> paragraphs = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      paragraphs.addAll(List.of("使用 Linux", SEGMENTED_LINE, SEGMENTED_LINE, ""));
    }
    Corpus.requireSegmented(lines(paragraphs), "p.utf8", null);
  }

  /**
   * A token a line numbered from 1 in each sentence with fewer columns than CoNLL's ten (an ID and
   * the word, or an ID, the word and its tags: CoNLL cut down, CoreNLP's CoNLL output) is refused
   * with the command that keeps the words: read as segmented text, each line would be a sentence of
   * a number, a word and its tags.
   */
  @Test
  void aNumberedTokenALineFileWithFewColumnsIsRefusedWithTheConversion() throws Exception {
    for (String columns : List.of("", "\tX", "\t_\tNN\t0\troot")) {
      List<String> tokens = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        int id = 1;
        for (String w : Corpus.splitWhitespace(SEGMENTED_LINE)) {
          tokens.add(id++ + "\t" + w + columns);
        }
        tokens.add("");
      }
      assertThatThrownBy(() -> Corpus.requireSegmented(lines(tokens), "c.conll", null))
          .isInstanceOf(CorpusFormatException.class)
          .hasMessageStartingWith("c.conll:11: looks like a token a line, numbered from 1 in each sentence, with "
              + "fewer columns than CoNLL-U's 10, and a blank line between sentences (50 of its 50 non-blank lines, "
              + "in 5 groups)")
          .hasMessageContaining("awk '{print $2}' c.conll | awk -v RS= '{$1=$1} 1' > sentences.utf8");
    }
    // paragraphs of segmented text that start with a number are read as they are
    List<String> paragraphs = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      paragraphs.addAll(List.of("1 新年 讲话", "2 迈向 新 世纪", "第 3 章 希望", SEGMENTED_LINE, ""));
    }
    Corpus.requireSegmented(lines(paragraphs), "p.utf8", null);
  }

  @Test
  void readsSegmentedTextWithAnyWhitespaceAndLineEnding() throws Exception {
    Path p = write("a.utf8", "\uFEFF迈向  充满\u3000希望\t的\r\n\r\n新  世纪\n".getBytes(StandardCharsets.UTF_8));
    List<List<String>> s = Corpus.read(p);
    assertThat(s).containsExactly(List.of("迈向", "充满", "希望", "的"), List.of(), List.of("新", "世纪"));
  }

  /** ASCII words with a slash in a segmented text are words, not People's Daily's word/tag pairs. */
  @Test
  void asciiWordsWithASlashDoNotMakeASegmentedTextPeoplesDaily() {
    List<String> lines = List.of("速度  km/h", "TCP/IP", "1/2", "and/or", "A/B", "你好  世界");
    assertThat(Corpus.detect(lines)).isEqualTo(Corpus.Format.SEGMENTED);
    assertThat(Corpus.detect(List.of("迈向/v  充满/v  希望/n  的/u", "TCP/IP"))).isEqualTo(Corpus.Format.PEOPLES_DAILY);
  }

  /**
   * Words with their part-of-speech tags after an underscore (the Penn Chinese Treebank's
   * {@code 上海_NR}) are refused with the command that removes the tags: read as segmented text, every
   * tag would be trained as part of its word, and the network would never see two words meet.
   */
  @Test
  void wordsWithTagsAfterAnUnderscoreAreRefusedWithTheConversion() throws Exception {
    List<String> ctb = List.of("", "我们_PN 喜欢_VV 北京_NR 大学_NN 的_DEG 图书馆_NN", "今天_NT 天气_NN 很_AD 好_VA 。_PU",
        "（_PU 老师_NN 说_VV ，_PU 明天_NT 去_VV 看_VV 电影_NN ）_PU");
    assertThatThrownBy(() -> Corpus.parse(ctb, "ctb.pos")).isInstanceOf(CorpusFormatException.class)
        .hasMessageStartingWith("ctb.pos:2: looks like words with their part-of-speech tags after '_' ('我们_PN')")
        .hasMessageContaining("sed -E 's/_[A-Za-z][A-Za-z0-9-]*([[:space:]]|$)/\\1/g' ctb.pos > segmented.utf8");
    // segmented text with a few words that hold an underscore is read as it is
    List<String> segmented = List.of("关注  @微博_小秘书  和  user_name  ，  文件  a_b.txt", "你好  世界");
    assertThat(Corpus.parse(segmented, "s.utf8")).containsExactly(
        List.of("关注", "@微博_小秘书", "和", "user_name", "，", "文件", "a_b.txt"), List.of("你好", "世界"));
  }

  @Test
  void aLoneCrEndsALineStrictOrLenientAsInTheSegmentersOutput() throws Exception {
    Path p = write("cr.utf8", "迈向  充满\r希望\r\n\r的\n新  世纪\r".getBytes(StandardCharsets.UTF_8));
    List<List<String>> expected = List.of(List.of("迈向", "充满"), List.of("希望"), List.of(), List.of("的"),
        List.of("新", "世纪"));
    assertThat(Corpus.read(p)).isEqualTo(expected);
    assertThat(Corpus.read(p, true, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))).isEqualTo(expected);
    Path bad = write("crbad.utf8", new byte[] {'a', '\r', 'b', '\r', (byte) 0xFF, '\n'});
    assertThatThrownBy(() -> Corpus.read(bad)).hasMessageContaining("crbad.utf8:3:").hasMessageContaining("byte offset 4");
  }

  @Test
  void readsPeoplesDailyFormatKeepingCompoundParts() throws Exception {
    String text = "19980101-01-001-001/m  迈向/v  充满/v  [中央/n  人民/n  广播/vn  电台/n]nt  ——/w\n"
        + "19980101-01-001-002/m  １/m  张/q\n";
    List<List<String>> s = Corpus.read(write("pd.txt", text.getBytes(StandardCharsets.UTF_8)));
    assertThat(s).containsExactly(List.of("迈向", "充满", "中央", "人民", "广播", "电台", "——"), List.of("１", "张"));
  }

  @Test
  void readsTaggedTextWithoutSentenceIdsAsPeoplesDaily2014Writes() throws Exception {
    String text = "\n人民网/nz  1月1日/t  讯/ng  《/w  [纽约/nsf  时报/n]/nz  》/w  报道/v\n"
        + "km/h/q  [中央/n  电台/n]nt  张三/nr1\n";
    List<List<String>> s = Corpus.read(write("pd2014.txt", text.getBytes(StandardCharsets.UTF_8)));
    assertThat(s).containsExactly(List.of(), List.of("人民网", "1月1日", "讯", "《", "纽约", "时报", "》", "报道"),
        List.of("km/h", "中央", "电台", "张三"));
  }

  @Test
  void segmentedTextWithSlashesInSomeWordsStaysSegmented() throws Exception {
    String first = "速度  达到  ９０  km/h  。\n";
    assertThat(Corpus.read(write("seg.txt", (first + "TCP/IP  协议\n").getBytes(StandardCharsets.UTF_8))))
        .containsExactly(List.of("速度", "达到", "９０", "km/h", "。"), List.of("TCP/IP", "协议"));
    // most tokens of the first lines tagged: the file is tagged, and a token without a tag an error
    for (int line = 2; line <= Corpus.DETECT_LINES + 1; line += Corpus.DETECT_LINES - 1) {
      StringBuilder tagged = new StringBuilder();
      for (int i = 1; i <= Corpus.DETECT_LINES + 1; i++) {
        tagged.append(i == line ? "迈向/v  充满/v  希望\n" : "迈向/v  充满/v\n");
      }
      Path p = write("mixed.txt", tagged.toString().getBytes(StandardCharsets.UTF_8));
      assertThat(Corpus.detect(java.nio.file.Files.readAllLines(p))).isEqualTo(Corpus.Format.PEOPLES_DAILY);
      assertThatThrownBy(() -> Corpus.read(p)).isInstanceOf(CorpusFormatException.class)
          .hasMessageContaining("mixed.txt:" + line + ":").hasMessageContaining("希望");
      java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
      assertThatThrownBy(() -> Corpus.read(p, false, new java.io.PrintStream(log, true, StandardCharsets.UTF_8)))
          .isInstanceOf(CorpusFormatException.class);
      assertThat(log.toString(StandardCharsets.UTF_8)).contains("read as People's Daily tagged text");
    }
  }

  @Test
  void malformedPeoplesDailyLineNamesFileAndLine() throws Exception {
    String text = "19980101-01-001-001/m  迈向/v\n19980101-01-001-002/m  充满\n";
    Path p = write("bad.txt", text.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Corpus.read(p)).isInstanceOf(CorpusFormatException.class)
        .hasMessageContaining("bad.txt:2:").hasMessageContaining("word/pos").hasMessageContaining("充满");
  }

  /** A compound's brackets must pair up on their line: an unclosed '[' or a stray ']tag' is named, not read silently. */
  @Test
  void unbalancedCompoundBracketsNameFileAndLine() throws Exception {
    String[][] cases = {
        {"19980101-01-001-001/m  [中央/n  电台/n  报道/v\n", "not closed on its line"},
        {"19980101-01-001-001/m  中央/n  电台/n]nt  报道/v\n", "closes a compound that no '[' opened"},
        {"19980101-01-001-001/m  [中央/n  [人民/n  电台/n]nt\n", "'[中央/n' opens is not closed"}};
    for (String[] c : cases) {
      Path p = write("brackets.txt", ("19980101-01-001-000/m  迈向/v\n" + c[0]).getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> Corpus.read(p)).as(c[0]).isInstanceOf(CorpusFormatException.class)
          .hasMessageContaining("brackets.txt:2:").hasMessageContaining(c[1]);
    }
    // the brackets as words of their own, and a compound of one word
    Path ok = write("ok.txt", "19980101-01-001-001/m  [/w  中央/n  ]/w  [电台/n]nt\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Corpus.read(ok)).containsExactly(List.of("[", "中央", "]", "电台"));
    // nested compounds, two deep
    Path nested = write("nested.txt", "19980101-01-001-001/m  [[中国/ns  共产党/n]nt  中央/n  委员会/n]nt  的/u\n"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(Corpus.read(nested)).containsExactly(List.of("中国", "共产党", "中央", "委员会", "的"));
  }

  @Test
  void invalidUtf8NamesLineAndByteOffset() throws Exception {
    byte[] b = {'a', '\n', 'b', (byte) 0xC3, '(', '\n'};
    Path p = write("bytes.txt", b);
    assertThatThrownBy(() -> Corpus.read(p)).isInstanceOf(CorpusFormatException.class)
        .hasMessageContaining("bytes.txt:2:").hasMessageContaining("byte offset 3");
  }

  /** Only a byte order mark makes a corpus UTF-16; a file that starts with FF otherwise is not said to be. */
  @Test
  void onlyAByteOrderMarkIsCalledUtf16() throws Exception {
    Path jpeg = write("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, '\n'});
    assertThatThrownBy(() -> Corpus.read(jpeg)).isInstanceOf(CorpusFormatException.class)
        .hasMessageContaining("photo.jpg:1:").hasMessageNotContaining("UTF-16");
    Path utf16 = write("notepad.txt", new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, '\n', 0});
    assertThatThrownBy(() -> Corpus.read(utf16)).isInstanceOf(CorpusFormatException.class)
        .hasMessageContaining("UTF-16");
  }

  @Test
  void lenientReadingReplacesInvalidUtf8AndCountsIt() throws Exception {
    Path f = dir.resolve("bad.txt");
    Files.write(f, new byte[] {'a', ' ', ' ', 'b', '\r', '\n', (byte) 0xC3, '(', ' ', ' ', 'c', '\n'});
    // after a CRLF, line 2 starts at byte 6: the bad byte is its first
    assertThatThrownBy(() -> Corpus.read(f))
        .hasMessageContaining(f + ":2: invalid UTF-8 at byte offset 6 of the file, offset 0 in line 2 (byte 0xc3); ");
    java.io.ByteArrayOutputStream warn = new java.io.ByteArrayOutputStream();
    List<List<String>> s = Corpus.read(f, true, new java.io.PrintStream(warn, true, StandardCharsets.UTF_8));
    assertThat(s).containsExactly(List.of("a", "b"), List.of("\uFFFD(", "c"));
    assertThat(warn.toString(StandardCharsets.UTF_8)).contains("replaced 1 invalid UTF-8 sequence");
  }
}
