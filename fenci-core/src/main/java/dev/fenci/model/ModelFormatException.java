package dev.fenci.model;

import java.io.IOException;

/** A model or checkpoint file that cannot be read: names the file and what is wrong with it. */
public final class ModelFormatException extends IOException {
  public ModelFormatException(String source, String problem) {
    super(source + ": " + problem);
  }
}
