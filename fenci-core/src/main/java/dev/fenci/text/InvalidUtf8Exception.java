package dev.fenci.text;

import java.io.IOException;

/** Bytes that are not UTF-8, with where they are: source, line (from 1) and byte offset (from 0). */
public final class InvalidUtf8Exception extends IOException {
  /** What to do about a file that is not UTF-8: most often one in a Chinese legacy encoding. */
  public static final String REMEDY = "convert a file in another encoding to UTF-8 first (GBK: iconv -f GBK -t UTF-8)";

  /**
   * The advice added where reading leniently helps, worded for both a command line user (its
   * {@code --lenient}) and a library user (the {@code lenient} parameter of the library's readers:
   * {@code UserDictionary.load(files, true, warnings)}, {@code TrainingOptions.Builder.lenient(true)},
   * {@code new Utf8Reader(in, source, true)}).
   */
  public static final String LENIENT_HINT =
      ", or read it leniently (--lenient on the command line, lenient = true in the library) to replace bad bytes with U+FFFD";

  private final long line;
  private final long byteOffset;

  /**
   * What to do about an invalid byte ({@code firstByte}, then {@code nextByte}, -1 if none or
   * unknown): {@link #REMEDY}, or, for a file that starts with a UTF-16 byte order mark (FF FE or
   * FE FF, as Windows' Notepad writes "Unicode"; not any file that starts with FF: a JPEG starts
   * FF D8), how to convert that, for a gzip-compressed file (1F 8B), how to decompress it, and for a
   * zero byte (0x00, said by {@link Utf8Reader} for UTF-16 without a byte order mark), how to convert that.
   */
  public static String remedy(long byteOffset, int firstByte, int nextByte) {
    if (byteOffset == 0 && isUtf16Mark(firstByte, nextByte)) {
      return "the file starts with a UTF-16 byte order mark: convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)";
    }
    if (firstByte == 0x00) { // said by Utf8Reader for text whose every other byte is zero: no decoder calls NUL invalid
      return "the file looks like UTF-16 without a byte order mark (a zero byte beside each ASCII character): convert it"
          + " to UTF-8 first (iconv -f UTF-16" + (byteOffset % 2 == 1 ? "LE" : "BE") + " -t UTF-8)";
    }
    if (byteOffset == 1 && firstByte == 0x8B) { // after 0x1F, which is valid on its own
      return "the file looks gzip-compressed: decompress it first (gunzip -k FILE)";
    }
    return REMEDY;
  }

  /** Whether two bytes are a UTF-16 byte order mark, FF FE (little-endian) or FE FF (big-endian). */
  static boolean isUtf16Mark(int first, int next) {
    return first == 0xFF && next == 0xFE || first == 0xFE && next == 0xFF;
  }

  /** Whether reading leniently (invalid bytes as U+FFFD) is worth suggesting: not for UTF-16 or gzip. */
  public static boolean lenientHelps(long byteOffset, int firstByte, int nextByte) {
    return remedy(byteOffset, firstByte, nextByte).equals(REMEDY);
  }

  /**
   * Where an invalid byte is, as the messages say it: {@code at byte offset 6 of the file, offset 3
   * in line 2 (byte 0xff)} (both from 0; the offset in the line is left out on line 1, where the
   * two are the same, and when unknown, -1). Standard input ({@code <stdin>}) is "the input".
   */
  public static String position(String source, long line, long byteOffset, long inLine, int firstByte) {
    return "at byte offset " + byteOffset + " of the " + ("<stdin>".equals(source) ? "input" : "file")
        + (line > 1 && inLine >= 0 ? ", offset " + inLine + " in line " + line : "")
        + " (byte 0x" + String.format("%02x", firstByte) + ")";
  }

  public InvalidUtf8Exception(String source, long line, long byteOffset, int firstByte) {
    this(source, line, byteOffset, -1, firstByte, -1);
  }

  /**
   * @param inLine   the byte's offset in its line (from 0), -1 if unknown
   * @param nextByte the byte after it, -1 if none or unknown (for the UTF-16 byte order mark FF FE)
   */
  public InvalidUtf8Exception(String source, long line, long byteOffset, long inLine, int firstByte, int nextByte) {
    super(source + ":" + line + ": invalid UTF-8 " + position(source, line, byteOffset, inLine, firstByte) + "; "
        + remedy(byteOffset, firstByte, nextByte) + (lenientHelps(byteOffset, firstByte, nextByte) ? LENIENT_HINT : ""));
    this.line = line;
    this.byteOffset = byteOffset;
  }

  public long line() {
    return line;
  }

  public long byteOffset() {
    return byteOffset;
  }
}
