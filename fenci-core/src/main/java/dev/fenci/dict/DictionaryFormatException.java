package dev.fenci.dict;

import java.io.IOException;

/** A dictionary line that cannot be read: file, line number, the line, and what is wrong. */
public final class DictionaryFormatException extends IOException {
  public DictionaryFormatException(String file, int line, String text, String problem) {
    super(file + ":" + line + ": " + problem + ": '" + text + "'");
  }
}
