package dev.fenci.dict;

import java.io.IOException;

/** A dictionary line that cannot be read: file, line number, the line, and what is wrong. */
public final class DictionaryFormatException extends IOException {
  /** Longest part of a line quoted in a message; a longer line is cut there, with its length. */
  static final int QUOTED = 80;

  /** A message {@code file:line: problem: the line} (a long line cut, with its length). */
  public DictionaryFormatException(String file, int line, String text, String problem) {
    super(file + ":" + line + ": " + problem + ": " + quote(text));
  }

  /** The line in quotes, its first {@link #QUOTED} characters and its length if it is longer. */
  static String quote(String text) {
    if (text.length() <= QUOTED) {
      return "'" + text + "'";
    }
    int cut = Character.isHighSurrogate(text.charAt(QUOTED - 1)) ? QUOTED - 1 : QUOTED;
    return "'" + text.substring(0, cut) + "...' (" + text.codePointCount(0, text.length()) + " characters)";
  }
}
