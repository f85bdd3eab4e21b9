package dev.fenci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pulling the words of a stream: the words a sink gets, with their offsets in the stream. */
class WordCursorTest {
  private static final Segmenter SEG = Segmenter.load();

  /** Every word of the cursor as "start:word", checking that each is the stream's text at its offsets. */
  private static List<String> pulled(WordCursor c, String text) throws IOException {
    List<String> out = new ArrayList<>();
    long at = 0;
    while (c.next()) {
      assertThat(c.start()).as("words follow each other").isEqualTo(at);
      assertThat(c.word()).isEqualTo(text.substring((int) c.start(), (int) c.end()));
      assertThat(c.isSpace()).isEqualTo(dev.fenci.text.Chunker.isSpaceWord(c.word()));
      out.add(c.start() + ":" + c.word());
      at = c.end();
    }
    assertThat(at).as("the words cover the stream").isEqualTo(text.length());
    return out;
  }

  /** What a sink gets from the same stream, as "start:word". */
  private static List<String> pushed(Segmenter seg, String text) throws IOException {
    List<String> out = new ArrayList<>();
    long[] at = {0};
    seg.segment(new StringReader(text), (t, s, e) -> {
      out.add(at[0] + ":" + t.substring(s, e));
      at[0] += e - s;
    }, 1);
    return out;
  }

  @Test
  void aCursorGivesTheWordsASinkGetsAtTheirOffsets() throws IOException {
    String text = StreamSegmentationTest.mixed(1); // short lines, CRLF, lines longer than a block
    List<String> expected = pushed(SEG, text);
    assertThat(pulled(SEG.words(new StringReader(text)), text)).isEqualTo(expected);
    // a reader that hands out irregular pieces and is never ready: the same words
    assertThat(pulled(SEG.words(StreamSegmentationTest.trickle(text, 7)), text)).isEqualTo(expected);
  }

  @Test
  void withLearnedTransitionsALongLineIsPulledAsItIsSegmented() throws IOException {
    Segmenter crf = Segmenter.of(TestModels.randomCrf(5));
    String text = "你好\n" + TestTexts.unpunctuated(50_000) + "\r\n"
        + TestTexts.withSupplementary(TestTexts.unpunctuated(20_000), 3);
    List<String> words = new ArrayList<>();
    WordCursor c = crf.words(new StringReader(text));
    while (c.next()) {
      words.add(c.word());
    }
    assertThat(String.join("", words)).isEqualTo(text);
    assertThat(StreamSegmentationTest.nonSpace(words))
        .isEqualTo(StreamSegmentationTest.nonSpace(StreamSegmentationTest.lineByLine(crf, text)));
  }

  @Test
  void aWordsPartsComeFromTheDictionaryItWasSegmentedWith() throws IOException {
    dev.fenci.dict.UserDictionary dict = dev.fenci.dict.UserDictionary.empty();
    Segmenter seg = SEG.withDictionary(dict);
    String text = "中华人民共和国成立了。社会主义国家\n";
    WordCursor c = seg.words(new StringReader(text));
    while (c.next()) {
      assertThat(c.subwords()).as(c.word()).isEqualTo(seg.subwords(c.word()));
    }
    c.reset(new StringReader(text));
    assertThat(c.next()).isTrue();
    assertThat(c.word()).isEqualTo("中华人民共和国");
    dict.add("华人", 0.01); // after the block was segmented: not this word's dictionary
    assertThat(c.subwords()).extracting(Token::word).contains("华人", "共和国");
    assertThat(seg.subwords(c.word())).extracting(Token::word).doesNotContain("华人");
    c.reset(new StringReader(text));
    assertThat(c.next()).isTrue();
    assertThat(c.subwords()).extracting(Token::word).doesNotContain("华人").contains("共和国");
    assertThatThrownBy(() -> {
      WordCursor fresh = seg.words(new StringReader(text));
      fresh.subwords();
    }).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resetStartsOverOnAnotherStream() throws IOException {
    WordCursor c = SEG.words(new StringReader("扫描二维码，关注微信号。"));
    assertThat(c.next()).isTrue();
    c.reset(new StringReader("中文分词\n"));
    assertThat(pulled(c, "中文分词\n")).isEqualTo(pushed(SEG, "中文分词\n"));
    c.reset(new StringReader(""));
    assertThat(c.next()).isFalse();
    String again = StreamSegmentationTest.mixed(2);
    c.reset(new StringReader(again));
    assertThat(pulled(c, again)).isEqualTo(pushed(SEG, again));
  }

  @Test
  void withoutACurrentWordItSaysWhy() throws IOException {
    WordCursor c = SEG.words(new StringReader("你好"));
    assertThatThrownBy(c::word).isInstanceOf(IllegalStateException.class).hasMessageContaining("call next() first");
    assertThat(c.next()).isTrue();
    assertThat(c.word()).isEqualTo("你好");
    assertThat(c.next()).isFalse();
    assertThat(c.next()).isFalse();
    assertThatThrownBy(c::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("ended");
    assertThatThrownBy(() -> SEG.words(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("reader");
  }

  /**
   * A failing reader that is always ready (as a file's is): the words given before the failure
   * are those of the complete lines read, pushed (one thread or three) or pulled alike; then the
   * failure, again at every call of the cursor, which has no current word.
   */
  @Test
  void whenReadingFailsTheCompleteLinesReadBeforeAreGiven() throws IOException {
    StringBuilder b = new StringBuilder();
    while (b.length() < 40_000) {
      b.append("扫描二维码，关注微信号。\n").append(b.length() % 7 == 0 ? "中共中央总书记江泽民发表新年讲话\r\n" : "");
    }
    assertTheLinesBeforeTheFailureAreGiven(b.toString(), new int[] {10_000, 10_001, 25_000}, false);
  }

  /**
   * {@code text} read through a reader that fails at each of {@code failAts} (in {@code read}, or
   * in {@code ready} with {@code inReady}): the stream on 1 and 3 threads and the cursor give the
   * words of the complete lines before the failure, then the failure, and the cursor keeps failing.
   */
  private static void assertTheLinesBeforeTheFailureAreGiven(String text, int[] failAts, boolean inReady) throws IOException {
    for (int failAt : failAts) {
      String expected = text.substring(0, text.lastIndexOf('\n', failAt - 1) + 1);
      for (int way = 0; way < 3; way++) {
        Reader failing = failingReader(text, failAt, inReady);
        StringBuilder got = new StringBuilder();
        if (way == 2) {
          WordCursor c = SEG.words(failing);
          assertThatThrownBy(() -> {
            while (c.next()) {
              got.append(c.word());
            }
          }).hasMessage("disk error");
          assertThatThrownBy(c::next).hasMessage("disk error");
          assertThatThrownBy(c::word).isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
        } else {
          int threads = way == 0 ? 1 : 3;
          assertThatThrownBy(() -> SEG.segment(failing, (t, s, e) -> got.append(t, s, e), threads))
              .hasMessage("disk error");
        }
        assertThat(got.toString()).as("fail at %d, way %d", failAt, way).isEqualTo(expected);
      }
    }
  }

  /**
   * A reader can fail when asked whether it is {@link Reader#ready() ready} too (a reset socket's
   * {@code available()}, a reader closed meanwhile): the words of the complete lines read before
   * are given first, as when {@code read} fails. They had been dropped: the failure came out of
   * the stream at once, with the lines read but not yet handed out.
   */
  @Test
  void whenAskingWhetherTheReaderIsReadyFailsTheCompleteLinesReadBeforeAreGiven() throws IOException {
    assertTheLinesBeforeTheFailureAreGiven("扫描二维码，关注微信号。\n".repeat(2_000), new int[] {10_000, 10_001}, true);
  }

  /**
   * A reader of {@code text} that is always ready and fails once {@code failAt} characters are read
   * (when {@code readyFails}, already when asked whether it is ready then).
   */
  private static Reader failingReader(String text, int failAt, boolean readyFails) {
    return new Reader() {
      int at;

      @Override
      public int read(char[] cbuf, int off, int len) throws IOException {
        if (at >= failAt) {
          throw new IOException("disk error");
        }
        int n = Math.min(Math.min(len, 4096), failAt - at);
        text.getChars(at, at + n, cbuf, off);
        at += n;
        return n;
      }

      @Override
      public boolean ready() throws IOException {
        if (readyFails && at >= failAt) {
          throw new IOException("disk error");
        }
        return true;
      }

      @Override
      public void close() {}
    };
  }
}
