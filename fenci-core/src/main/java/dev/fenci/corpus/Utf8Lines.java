package dev.fenci.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines of a UTF-8 file, strictly decoded: LF, CRLF or lone CR endings (as the segmenter ends
 * lines), an optional BOM, and a
 * {@link CorpusFormatException} naming the line and byte offset of any invalid byte sequence.
 */
public final class Utf8Lines {
  private Utf8Lines() {}

  public static List<String> read(Path path) throws IOException {
    return decode(readBytes(path), path.toString(), "");
  }

  /**
   * As {@link #read(Path)}; when {@code lenient}, each invalid byte sequence becomes U+FFFD instead
   * of an error, and the number replaced is reported on {@code warnings} (none when it is null).
   */
  public static List<String> read(Path path, boolean lenient, java.io.PrintStream warnings) throws IOException {
    return decode(readBytes(path), path.toString(), lenient, warnings);
  }

  /**
   * A file's bytes, read once (a pipe such as {@code <(zcat f)} can be read only once: hash and
   * decode these). A directory is refused with its name.
   */
  public static byte[] readBytes(Path path) throws IOException {
    checkFile(path);
    return Files.readAllBytes(path);
  }

  /** {@link #read(Path, boolean, java.io.PrintStream)} of bytes already read; {@code source} names them. */
  public static List<String> decode(byte[] bytes, String source, boolean lenient, java.io.PrintStream warnings)
      throws IOException {
    if (!lenient) {
      return decode(bytes, source, dev.fenci.text.InvalidUtf8Exception.LENIENT_HINT);
    }
    String text;
    long replaced;
    try (dev.fenci.text.Utf8Reader r = new dev.fenci.text.Utf8Reader(new java.io.ByteArrayInputStream(bytes), source, true)) {
      java.io.StringWriter w = new java.io.StringWriter();
      r.transferTo(w);
      text = w.toString();
      replaced = r.replacements();
    }
    if (replaced > 0 && warnings != null) {
      warnings.println("fenci: " + source + ": replaced " + replaced + " invalid UTF-8 sequence"
          + (replaced == 1 ? "" : "s") + " with U+FFFD");
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      lines.add(text.substring(start, end));
      start = end + (end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
    }
    return lines;
  }

  /** A directory is refused with its name (reading one fails with a message that names nothing). */
  static void checkFile(Path path) throws IOException {
    if (path.toString().isEmpty()) {
      throw new IOException("a file name is empty; give the file's path");
    }
    if (Files.isDirectory(path)) {
      throw new java.nio.file.FileSystemException(path.toString(), null, "is a directory, not a file");
    }
  }

  public static List<String> decode(byte[] bytes, String source) throws CorpusFormatException {
    return decode(bytes, source, "");
  }

  /** As {@link #decode(byte[], String)}, with {@code otherRemedy} added to the advice of an invalid byte's error. */
  private static List<String> decode(byte[] bytes, String source, String otherRemedy) throws CorpusFormatException {
    List<String> lines = new ArrayList<>();
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    int lineNo = 1;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
        end++;
      }
      try {
        CharBuffer cb = dec.reset().decode(ByteBuffer.wrap(bytes, start, end - start));
        lines.add(cb.toString());
      } catch (CharacterCodingException e) {
        int bad = firstInvalid(bytes, start, end);
        int next = bad + 1 < bytes.length ? bytes[bad + 1] & 0xFF : -1;
        throw new CorpusFormatException(source, lineNo, "invalid UTF-8 "
            + dev.fenci.text.InvalidUtf8Exception.position(source, lineNo, bad, bad - start, bytes[bad] & 0xFF) + "; "
            + dev.fenci.text.InvalidUtf8Exception.remedy(bad, bytes[bad] & 0xFF, next)
            + (dev.fenci.text.InvalidUtf8Exception.lenientHelps(bad, bytes[bad] & 0xFF, next) ? otherRemedy : ""));
      }
      start = end + (end + 1 < bytes.length && bytes[end] == '\r' && bytes[end + 1] == '\n' ? 2 : 1);
      lineNo++;
    }
    return lines;
  }

  private static int firstInvalid(byte[] b, int from, int to) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
    CharBuffer out = CharBuffer.allocate(to - from + 1);
    dec.decode(in, out, true);
    return in.position();
  }
}
