package dev.fenci;

/**
 * A word of the input and where it is: {@code input.substring(start, end).equals(word)}, offsets
 * in UTF-16 units as everywhere in Java.
 */
public record Token(String word, int start, int end) {
  /**
   * @throws NullPointerException if {@code word} is null
   * @throws IllegalArgumentException if the offsets cannot be those of {@code word}: {@code start}
   *     negative or after {@code end}, or {@code end - start} not the word's length
   */
  public Token {
    java.util.Objects.requireNonNull(word, "word is null");
    if (start < 0 || start > end) {
      throw new IllegalArgumentException("a token's offsets must have 0 <= start <= end, got start "
          + start + ", end " + end);
    }
    if (end - start != word.length()) {
      throw new IllegalArgumentException("a token's offsets must span its word: end - start is "
          + (end - start) + " (" + start + " to " + end + "), the word has " + word.length() + " UTF-16 units");
    }
  }

  /** True for a word made only of whitespace. */
  public boolean isSpace() {
    return dev.fenci.text.Chunker.isSpaceWord(word);
  }

  /**
   * True for a word made only of punctuation ({@code ，。、“”（）……}, {@code % #}; not symbols such as
   * {@code ℃ +}, nor an emoticon such as {@code -_-} or {@code :)}), and for an HTML character reference that
   * stands for whitespace or punctuation ({@code &nbsp;}, {@code &quot;}, {@code &#12290;}).
   */
  public boolean isPunctuation() {
    return dev.fenci.text.Chunker.isPunctuationWord(word);
  }
}
