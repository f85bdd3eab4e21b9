package dev.fenci;

/**
 * A word of the input and where it is: {@code input.substring(start, end).equals(word)}, offsets
 * in UTF-16 units as everywhere in Java.
 */
public record Token(String word, int start, int end) {
  /** True for a word made only of whitespace. */
  public boolean isSpace() {
    return dev.fenci.text.Chunker.isSpaceWord(word);
  }

  /** True for a word made only of punctuation ({@code ，。、“”（）……}, {@code % #}; not symbols such as {@code ℃ +}). */
  public boolean isPunctuation() {
    return dev.fenci.text.Chunker.isPunctuationWord(word);
  }
}
