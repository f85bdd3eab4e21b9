package dev.fenci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Segmenting a stream: bounded blocks, the same words as segmenting each line, in input order. */
class StreamSegmentationTest {
  private static final Segmenter SEG = Segmenter.load();

  private static List<String> stream(String text, int threads) throws IOException {
    List<String> words = new ArrayList<>();
    SEG.segment(new StringReader(text), (t, s, e) -> words.add(t.substring(s, e)), threads);
    return words;
  }

  /** What segmenting line by line gives (line breaks as words of their own). */
  private static List<String> lineByLine(String text) {
    return lineByLine(SEG, text);
  }

  static List<String> lineByLine(Segmenter seg, String text) {
    List<String> words = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      words.addAll(seg.segment(text.substring(start, end)));
      start = end;
    }
    return words;
  }

  static String mixed(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] pieces = {"扫描二维码，关注微信号。", "中共中央总书记江泽民发表新年讲话", "iPhone 15 Pro 售价 7999 元",
        "\uD840\uDC00\uD83D\uDE00", "　", "，，，", "", "2001年12月31日"};
    StringBuilder b = new StringBuilder();
    for (int line = 0; line < 3000; line++) {
      int n = r.nextInt(8);
      for (int i = 0; i < n; i++) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      if (line % 1000 == 500) {
        b.append(TestTexts.unpunctuated(40_000)); // longer than a block
      }
      b.append(r.nextInt(10) == 0 ? "\r\n" : "\n");
    }
    return b.toString();
  }

  /** Words other than whitespace (for comparisons with texts that are not the same lines). */
  static List<String> nonSpace(List<String> words) {
    return words.stream().filter(w -> !dev.fenci.text.Chunker.isSpaceWord(w)).toList();
  }

  @Test
  void aStreamGivesTheWordsOfEachLineInOrder() throws IOException {
    String text = mixed(1);
    List<String> expected = lineByLine(text);
    assertThat(String.join("", expected)).isEqualTo(text);
    for (int threads : new int[] {1, 3}) {
      List<String> got = stream(text, threads);
      assertThat(String.join("", got)).isEqualTo(text);
      assertThat(nonSpace(got)).isEqualTo(nonSpace(expected));
    }
  }

  @Test
  void withLearnedTransitionsALongLineStreamsAsItSegments() throws IOException {
    Segmenter crf = Segmenter.of(TestModels.randomCrf(5));
    String text = "你好\n" + TestTexts.unpunctuated(50_000) + "\n"
        + TestTexts.withSupplementary(TestTexts.unpunctuated(20_000), 3);
    List<String> expected = nonSpace(lineByLine(crf, text));
    for (int threads : new int[] {1, 2}) {
      List<String> got = new ArrayList<>();
      crf.segment(new StringReader(text), (t, s, e) -> got.add(t.substring(s, e)), threads);
      assertThat(String.join("", got)).isEqualTo(text);
      assertThat(nonSpace(got)).isEqualTo(expected);
    }
  }

  /**
   * Latin text and a run longer than a window: the window starts a stream chooses from its buffer
   * must be those the string chooses from the whole line, also where a window's context finds no
   * two Chinese characters to start between (the search for them had gone past the buffer's start
   * in the string only, and the giant word was cut at other places).
   */
  @Test
  void latinTextAndAGiantRunStreamAsTheyDecodeAsAString() throws IOException {
    Segmenter fast = Segmenter.load("fast");
    for (int shift = 0; shift < 3; shift++) {
      StringBuilder b = new StringBuilder();
      while (b.length() < 15_869 + shift) {
        b.append("ab ");
      }
      b.setLength(15_869 + shift);
      String text = b + "xyzw " + "q".repeat(17_000) + " 中文的句子。";
      List<String> got = new ArrayList<>();
      fast.segment(new StringReader(text), (t, s, e) -> got.add(t.substring(s, e)), 1);
      assertThat(got).as("shift %d", shift).isEqualTo(fast.segment(text));
    }
  }

  /**
   * Lines longer than a block among short ones, ended by LF, CRLF or a lone CR: the stream, the
   * whole text as one string and each line alone give the same words (a lone CR had not ended a
   * stream's block, and a long string had been cut into windows from its start, not its lines').
   */
  @Test
  void everyLineEndingGivesTheWordsOfEachLineAloneInAStreamAndInAString() throws IOException {
    Segmenter crf = Segmenter.of(TestModels.randomCrf(5));
    for (String eol : new String[] {"\n", "\r\n", "\r"}) {
      int limit = dev.fenci.decode.Decoder.LONG; // a line this long (without its break) is decoded whole
      List<String> lines = List.of("你好", TestTexts.unpunctuated(40_000), "中文分词", "a".repeat(20_000),
          TestTexts.unpunctuated(17_000) + "。", "a".repeat(limit), "x", "a".repeat(limit - 1), "a".repeat(limit + 1),
          "b".repeat(limit - 2), "");
      String text = String.join(eol, lines);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        expected.addAll(crf.segment(lines.get(i)));
        if (i + 1 < lines.size()) {
          expected.add(eol);
        }
      }
      String name = eol.equals("\r") ? "CR" : eol.equals("\n") ? "LF" : "CRLF";
      assertThat(crf.segment(text)).as(name + ", one string").isEqualTo(expected);
      for (int threads : new int[] {1, 2}) {
        List<String> got = new ArrayList<>();
        crf.segment(new StringReader(text), (t, s, e) -> got.add(t.substring(s, e)), threads);
        assertThat(got).as(name + ", a stream on %d threads", threads).isEqualTo(expected);
      }
    }
  }

  @Test
  void endsWithoutALineBreakAndEmptyInput() throws IOException {
    assertThat(stream("", 1)).isEmpty();
    assertThat(stream("关注微信号", 2)).isEqualTo(SEG.segment("关注微信号"));
    String longLast = "你好\n" + TestTexts.unpunctuated(50_000);
    assertThat(nonSpace(stream(longLast, 1))).isEqualTo(nonSpace(lineByLine(longLast)));
  }

  @Test
  void hostileLinesAreLosslessAndFinish() throws IOException {
    for (String text : new String[] {"哈".repeat(1_000_000), "，".repeat(300_000), "a".repeat(200_000),
        "\uD83D\uDE00".repeat(100_000), "\n".repeat(100_000), "\u3000 \t".repeat(100_000)}) {
      StringBuilder joined = new StringBuilder();
      long[] longest = {0};
      SEG.segment(new StringReader(text), (t, s, e) -> {
        joined.append(t, s, e);
        longest[0] = Math.max(longest[0], e - s);
      }, 1);
      assertThat(joined.toString()).isEqualTo(text);
      assertThat(longest[0]).isLessThanOrEqualTo(dev.fenci.decode.Decoder.LONG);
      assertThat(String.join("", SEG.segment(text))).isEqualTo(text);
    }
  }

  @Test
  void whenReadingFailsEveryThreadCountHasWrittenTheSameWords() {
    String text = mixed(2);
    int failAt = text.length() * 2 / 3;
    List<String> texts = new ArrayList<>();
    for (int threads : new int[] {1, 3}) {
      java.io.Reader failing = new java.io.Reader() {
        int at;

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
          if (at >= failAt) {
            throw new IOException("disk error");
          }
          int n = Math.min(len, failAt - at);
          text.getChars(at, at + n, cbuf, off);
          at += n;
          return n;
        }

        @Override
        public void close() {}
      };
      StringBuilder b = new StringBuilder();
      org.assertj.core.api.Assertions.assertThatThrownBy(
          () -> SEG.segment(failing, (t, s, e) -> b.append(t, s, e), threads)).hasMessage("disk error");
      texts.add(b.toString());
    }
    assertThat(texts.get(1)).isEqualTo(texts.get(0));
    assertThat(text).startsWith(texts.get(0));
    assertThat(texts.get(0).length()).isGreaterThan(failAt / 2);
  }
  /** A reader handing out irregular pieces of text and never {@link java.io.Reader#ready() ready}, as a slow pipe. */
  static java.io.Reader trickle(String text, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    return new java.io.Reader() {
      int at;

      @Override
      public int read(char[] cbuf, int off, int len) {
        if (at == text.length()) {
          return -1;
        }
        int n = Math.min(Math.min(len, 1 + r.nextInt(3000)), text.length() - at);
        text.getChars(at, at + n, cbuf, off);
        at += n;
        return n;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void aSlowReaderGetsTheSameWordsAndFlushesWhereItWaits() throws IOException {
    String text = mixed(3);
    List<String> expected = nonSpace(lineByLine(text));
    for (int threads : new int[] {1, 2}) {
      List<String> got = new ArrayList<>();
      int[] flushes = {0};
      SEG.segment(trickle(text, threads), new Segmenter.WordSink() {
        @Override
        public void word(String t, int s, int e) {
          got.add(t.substring(s, e));
        }

        @Override
        public void flush() {
          flushes[0]++;
        }
      }, threads);
      assertThat(String.join("", got)).isEqualTo(text);
      assertThat(nonSpace(got)).isEqualTo(expected);
      assertThat(flushes[0]).as("flushes").isGreaterThan(10);
    }
  }

  /** A reader handing out one character at a time, never ready: a block may end at every line break. */
  private static java.io.Reader oneByOne(String text) {
    return new java.io.Reader() {
      int at;

      @Override
      public int read(char[] cbuf, int off, int len) {
        if (at == text.length()) {
          return -1;
        }
        cbuf[off] = text.charAt(at++);
        return 1;
      }

      @Override
      public void close() {}
    };
  }

  /**
   * Whitespace around line breaks comes as the same words from a stream, whatever its blocks (a
   * reader never ready, handing out one character at a time), as from the text as one string: a
   * whitespace run ends with its line break (docs/library.md; it had come as one word or as two).
   */
  @Test
  void whitespaceAcrossLineBreaksIsTheSameWordsInAStreamAsInAString() throws IOException {
    String text = ("中 \n  文字\r\n\t \r\n\n　好 \r 世界  \n\u00A0\n" + "扫描二维码 \r\n \r\n").repeat(50)
        + "a \n" + TestTexts.unpunctuated(20_000) + "  \n  end";
    List<String> expected = SEG.segment(text);
    assertThat(expected).contains(" \n", "  ", " \r\n", "\t \r\n", "\n", " \r", "  \n");
    for (int threads : new int[] {1, 2}) {
      for (java.io.Reader in : new java.io.Reader[] {new StringReader(text), oneByOne(text), trickle(text, threads)}) {
        List<String> got = new ArrayList<>();
        SEG.segment(in, (t, s, e) -> got.add(t.substring(s, e)), threads);
        assertThat(got).as("%d threads", threads).isEqualTo(expected);
      }
    }
    List<String> pulled = new ArrayList<>();
    WordCursor c = SEG.words(oneByOne(text));
    while (c.next()) {
      pulled.add(c.word());
    }
    assertThat(pulled).as("a cursor").isEqualTo(expected);
  }

  @Test
  void aReaderThatKeepsUpIsNotFlushedLineByLine() throws IOException {
    int[] flushes = {0};
    SEG.segment(new StringReader(mixed(4)), new Segmenter.WordSink() {
      @Override
      public void word(String t, int s, int e) {}

      @Override
      public void flush() {
        flushes[0]++;
      }
    }, 1);
    assertThat(flushes[0]).isZero();
  }

  /**
   * A line typed at a terminal (or written by {@code tail -f}) is segmented and flushed before
   * the next one arrives: the reader hands out the second line only after the sink has flushed
   * the first (and gives up waiting after 20 s, which fails the test).
   */
  @Test
  void aLineIsPassedOnBeforeTheNextArrives() throws Exception {
    passedOnBeforeTheNextArrives("扫描二维码\n");
    // a burst that fills a block exactly, then a pause: its lines go out before the pause ends
    passedOnBeforeTheNextArrives(("扫描二维码" + "a".repeat(58) + "\n").repeat(256));
  }

  private static void passedOnBeforeTheNextArrives(String first) throws Exception {
    for (int threads : new int[] {1, 2}) {
      java.util.concurrent.CountDownLatch flushed = new java.util.concurrent.CountDownLatch(1);
      boolean[] waitedInVain = {false};
      List<String> atFlush = new ArrayList<>();
      List<String> got = new ArrayList<>();
      java.io.Reader typed = new java.io.Reader() {
        int reads;

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
          String next;
          switch (reads++) {
            case 0 -> next = first;
            case 1 -> {
              try {
                waitedInVain[0] = !flushed.await(20, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
              }
              next = "关注微信号\n";
            }
            default -> {
              return -1;
            }
          }
          next.getChars(0, next.length(), cbuf, off);
          return next.length();
        }

        @Override
        public void close() {}
      };
      SEG.segment(typed, new Segmenter.WordSink() {
        @Override
        public void word(String t, int s, int e) {
          got.add(t.substring(s, e));
        }

        @Override
        public void flush() {
          if (atFlush.isEmpty()) {
            atFlush.addAll(got);
          }
          flushed.countDown();
        }
      }, threads);
      assertThat(waitedInVain[0]).as("the first lines were still held back after 20 s").isFalse();
      assertThat(String.join("", atFlush)).isEqualTo(first);
      assertThat(String.join("", got)).isEqualTo(first + "关注微信号\n");
    }
  }
  /** A dictionary that changes while a stream runs: the next lines see the change, every line one state of it. */
  @Test
  void aLongLineIsSegmentedWithOneStateOfTheDictionary() throws IOException {
    String line = "结婚的和尚未结婚的".repeat(4000); // 36,000 characters: decoded in windows
    String text = line + "\n" + line + "\n";
    dev.fenci.dict.UserDictionary dict = dev.fenci.dict.UserDictionary.empty();
    Segmenter seg = SEG.withDictionary(dict);
    List<String> before = seg.segment(line);
    dict.add(dev.fenci.dict.Entry.forced("和尚"));
    List<String> after = seg.segment(line);
    dict.remove("和尚");
    assertThat(after).isNotEqualTo(before);
    java.io.Reader changing = new java.io.Reader() {
      int at;

      @Override
      public int read(char[] cbuf, int off, int len) {
        if (at == text.length()) {
          return -1;
        }
        if (at >= 20_000) {
          dict.add(dev.fenci.dict.Entry.forced("和尚")); // in the middle of the first line
        }
        int n = Math.min(Math.min(len, 1000), text.length() - at);
        text.getChars(at, at + n, cbuf, off);
        at += n;
        return n;
      }

      @Override
      public void close() {}
    };
    List<String> got = new ArrayList<>();
    seg.segment(changing, (t, s, e) -> got.add(t.substring(s, e)), 1);
    List<String> expected = new ArrayList<>(before);
    expected.add("\n");
    expected.addAll(after);
    expected.add("\n");
    assertThat(got).isEqualTo(expected);
  }
}
