package dev.fenci.corpus;

import java.io.IOException;

/** A corpus file that cannot be read, with the file, the line and what was expected. */
public final class CorpusFormatException extends IOException {
  public CorpusFormatException(String file, long line, String problem) {
    super(file + ":" + line + ": " + problem);
  }
}
