package dev.fenci.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {
  private static String readAll(Reader r) throws IOException {
    StringBuilder b = new StringBuilder();
    char[] buf = new char[37]; // odd size: reads end in the middle of sequences and buffers
    int n;
    while ((n = r.read(buf)) >= 0) {
      b.append(buf, 0, n);
    }
    return b.toString();
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        for (int b : (int[]) p) {
          out.write(b);
        }
      }
    }
    return out.toByteArray();
  }

  @Test
  void decodesValidTextOfAnySizeAndSkipsTheByteOrderMark() throws IOException {
    // one- to four-byte sequences, so that buffer edges fall inside every kind
    String t = "中文\uD83D\uDE00a\n\uD840\uDC00é".repeat(20_000);
    byte[] b = bytes(new int[] {0xEF, 0xBB, 0xBF}, t);
    assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(b), "t", false))).isEqualTo(t);
  }

  @Test
  void strictModeNamesTheLineAndByteOffsetOfTheFirstBadSequence() {
    // line 3 starts at byte 2 + 7 = 9 ("a\n" + "中文\n"); the bad byte follows "ok" there: offset 11, 2 in its line
    byte[] b = bytes("a\n中文\nok", new int[] {0xC3, 0x28}, "rest\n");
    assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(b), "in.txt", false)))
        .isInstanceOf(InvalidUtf8Exception.class)
        .hasMessageStartingWith("in.txt:3: invalid UTF-8 at byte offset 11 of the file, offset 2 in line 3 (byte 0xc3)")
        .hasMessageContaining("--lenient");
    // standard input is not a file; on line 1 the two offsets are one
    assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(bytes("ok", new int[] {0xFF})), "<stdin>",
        false))).hasMessageStartingWith("<stdin>:1: invalid UTF-8 at byte offset 2 of the input (byte 0xff); ");
  }

  @Test
  void aLoneCrEndsALineInErrorsAsItDoesInTheOutput() {
    // lines: "a", "b", "" (CRLF), "c" + the bad byte: line 4, CR, LF and CRLF each ending one
    byte[] b = bytes("a\rb\r\n\nc", new int[] {0xFF}, "\r");
    assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(b), "cr.txt", false)))
        .hasMessageStartingWith("cr.txt:4: invalid UTF-8 at byte offset 7 of the file, offset 1 in line 4 (byte 0xff)");
  }

  @Test
  void strictModeFindsBadBytesFarIntoALongLine() {
    String head = "中".repeat(100_000); // 300,000 bytes, several buffers
    byte[] b = bytes("x\n", head, new int[] {0xFF}, "y");
    assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(b), "f", false)))
        .hasMessageStartingWith("f:2: invalid UTF-8 at byte offset 300002 of the file, offset 300000 in line 2 (byte 0xff)");
  }

  @Test
  void aTruncatedSequenceAtTheEndIsAnErrorToo() {
    byte[] b = bytes("中", new int[] {0xE4, 0xB8});
    assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(b), "f", false)))
        .hasMessageStartingWith("f:1: invalid UTF-8 at byte offset 3");
  }

  @Test
  void lenientModeReplacesEachBadSequenceAndCountsThem() throws IOException {
    byte[] b = bytes("a", new int[] {0xFF}, "中", new int[] {0xC3, 0x28}, "b", new int[] {0xED, 0xA0, 0x80}, "c",
        new int[] {0xE4, 0xB8});
    Utf8Reader r = new Utf8Reader(new ByteArrayInputStream(b), "f", true);
    String s = readAll(r);
    assertThat(s).startsWith("a\uFFFD中\uFFFD(b").contains("c").endsWith("\uFFFD").doesNotContain("\uD800");
    assertThat(r.replacements()).isEqualTo(s.chars().filter(c -> c == 0xFFFD).count()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void emptyInputAndOnlyAByteOrderMark() throws IOException {
    assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(new byte[0]), "f", false))).isEmpty();
    assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(bytes(new int[] {0xEF, 0xBB, 0xBF})), "f", false))).isEmpty();
  }
  @Test
  void readyWhenCharactersOrBytesAreAtHandAndNotWhenTheStreamCannotTell() throws IOException {
    Utf8Reader r = new Utf8Reader(new ByteArrayInputStream(bytes("扫描二维码")), "t", false);
    assertThat(r.ready()).isTrue(); // bytes available
    char[] one = new char[1];
    assertThat(r.read(one)).isEqualTo(1);
    assertThat(r.ready()).isTrue(); // decoded characters waiting
    assertThat(r.read(new char[10])).isEqualTo(4);
    assertThat(r.ready()).isFalse();
    java.io.InputStream cannotTell = new java.io.InputStream() {
      @Override
      public int read() {
        return -1;
      }

      @Override
      public int available() throws IOException {
        throw new IOException("Illegal seek");
      }
    };
    assertThat(new Utf8Reader(cannotTell, "pipe", false).ready()).isFalse();
    // the bytes at hand are half a character: a read would wait for the rest
    byte[] tian = "天".getBytes(StandardCharsets.UTF_8);
    java.io.InputStream half = new java.io.InputStream() {
      boolean given;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (given) {
          throw new AssertionError("ready() read beyond what was available");
        }
        given = true;
        b[off] = tian[0];
        return 1;
      }

      @Override
      public int available() {
        return given ? 0 : 1;
      }
    };
    assertThat(new Utf8Reader(half, "pipe", false).ready()).isFalse();
    // invalid UTF-8 at hand is the read's error, and the reader is left as a read leaves it
    Utf8Reader bad = new Utf8Reader(new ByteArrayInputStream(bytes(new int[] {0xFF}, "好")), "bad.txt", false);
    assertThatThrownBy(bad::ready).isInstanceOf(InvalidUtf8Exception.class).hasMessageContaining("bad.txt:1: invalid UTF-8 at byte offset 0");
    assertThatThrownBy(() -> bad.read(new char[4])).isInstanceOf(InvalidUtf8Exception.class)
        .hasMessageContaining("bad.txt:1: invalid UTF-8 at byte offset 0");
    // the characters before invalid bytes are read first, then the error, as often as asked
    Utf8Reader late = new Utf8Reader(new ByteArrayInputStream(bytes("好\n", new int[] {0xFF}, "好")), "late.txt", false);
    assertThat(late.ready()).isTrue();
    char[] two = new char[8];
    assertThat(late.read(two)).isEqualTo(2);
    assertThat(new String(two, 0, 2)).isEqualTo("好\n");
    for (int k = 0; k < 2; k++) {
      assertThatThrownBy(() -> late.read(new char[4])).isInstanceOf(InvalidUtf8Exception.class)
          .hasMessageContaining("late.txt:2: invalid UTF-8 at byte offset 4");
    }
    Utf8Reader ended = new Utf8Reader(new ByteArrayInputStream(new byte[0]), "t", false);
    assertThat(ended.read(new char[4])).isEqualTo(-1);
    assertThat(ended.ready()).isTrue(); // a read answers at once
  }
  @Test
  void leniencyDoesNotHideAGzipOrUtf16File() {
    Object[][] cases = {
        {new int[] {0x1F, 0x8B, 0x08, 0x00}, "gzip-compressed"},
        {new int[] {0xFF, 0xFE, 'a', 0}, "UTF-16"},
        {new int[] {0xFE, 0xFF, 0, 'a'}, "UTF-16"},
        {new int[] {0xFF, 0xFE}, "UTF-16"}, // only the byte order mark
    };
    for (Object[] c : cases) {
      byte[] b = bytes(c[0]);
      assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(b), "f.txt", true)))
          .as(String.valueOf(c[1])).isInstanceOf(InvalidUtf8Exception.class).hasMessageStartingWith("f.txt:1: ")
          .hasMessageContaining(String.valueOf(c[1])).hasMessageNotContaining("--lenient");
    }
  }

  /** UTF-16 without a byte order mark is valid UTF-8 byte for byte when it is ASCII: said, not read as text full of NULs. */
  @Test
  void utf16WithoutAByteOrderMarkIsSaid() throws Exception {
    for (boolean lenient : new boolean[] {false, true}) {
      byte[] le = "hello, world\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
      assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(le), "f.txt", lenient)))
          .isInstanceOf(InvalidUtf8Exception.class).hasMessageStartingWith("f.txt:1: invalid UTF-8 at byte offset 1")
          .hasMessageContaining("UTF-16 without a byte order mark").hasMessageContaining("iconv -f UTF-16LE -t UTF-8")
          .hasMessageNotContaining("--lenient");
      byte[] be = "hello, world\n".getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
      assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(be), "f.txt", lenient)))
          .hasMessageContaining("iconv -f UTF-16BE -t UTF-8");
    }
    // with its byte order mark it is said to have one
    byte[] marked = "\uFEFFhello, world\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(marked), "f.txt", false)))
        .hasMessageContaining("starts with a UTF-16 byte order mark");
    // a NUL or two in UTF-8 text, and binary zeros at both parities, are not called UTF-16
    byte[] text = "中文\0文本 with a NUL\0 or two, long enough to count".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(text), "t", false))).contains("文本");
    byte[] zeros = new byte[64];
    assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(zeros), "z", false))).hasSize(64);
  }

  /** A file starting with FF or FE but no byte order mark (a JPEG: FF D8) is not said to be UTF-16. */
  @Test
  void onlyAByteOrderMarkIsCalledUtf16() {
    for (int[] start : new int[][] {{0xFF, 0xD8, 0xFF, 0xE0}, {0xFE, 'a'}, {0xFF}}) {
      byte[] b = bytes(start);
      assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(b), "f.jpg", false)))
          .isInstanceOf(InvalidUtf8Exception.class).hasMessageStartingWith("f.jpg:1: invalid UTF-8 at byte offset 0")
          .hasMessageNotContaining("UTF-16").hasMessageContaining(InvalidUtf8Exception.REMEDY);
    }
    for (int[] start : new int[][] {{0xFF, 0xFE, 'a', 0}, {0xFE, 0xFF, 0, 'a'}}) {
      byte[] b = bytes(start);
      assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(b), "f.txt", false)))
          .isInstanceOf(InvalidUtf8Exception.class).hasMessageContaining("UTF-16");
    }
  }

  @Test
  void leniencyReadsWhatOnlyStartsLikeAGzipOrUtf16File() throws IOException {
    Object[][] cases = {
        {bytes(new int[] {0x1F}, "好"), "\u001F好"},
        {bytes(new int[] {0xFF}, "好"), "\uFFFD好"},
        {bytes(new int[] {0xFE}, "好"), "\uFFFD好"},
        {bytes("好", new int[] {0x1F, 0x8B}), "好\u001F\uFFFD"}, // the gzip magic, but not at the start
    };
    for (Object[] c : cases) {
      assertThat(readAll(new Utf8Reader(new ByteArrayInputStream((byte[]) c[0]), "f", true))).isEqualTo(c[1]);
    }
  }

  @Test
  void closingTheReaderClosesTheStream() throws IOException {
    java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    java.io.InputStream in = new ByteArrayInputStream(bytes("好")) {
      @Override
      public void close() {
        closed.set(true);
      }
    };
    new Utf8Reader(in, "f", false).close();
    assertThat(closed).isTrue();
  }
}
