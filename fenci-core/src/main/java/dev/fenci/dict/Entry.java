package dev.fenci.dict;

/**
 * A dictionary word and its multiplier. The multiplier scales, wherever the word occurs, the
 * probability of the tags that make that occurrence one word; {@code +Infinity} forces it.
 * Whitespace around the word (what the segmenter takes for whitespace, U+3000, U+00A0 and U+200B
 * too) is dropped.
 */
public record Entry(String word, double multiplier) {
  /** The multiplier a line with a bare word gets. */
  public static final double DEFAULT_MULTIPLIER = 10.0;

  /**
   * The longest dictionary word, in code points: half the text a long line's window decodes
   * beyond the words it keeps ({@link dev.fenci.decode.Decoder#MARGIN}), so that an occurrence is
   * always whole in some window.
   */
  public static final int MAX_LENGTH = 256;

  /**
   * @throws NullPointerException if the word is null
   * @throws IllegalArgumentException if the word is empty or only whitespace, holds a line break or
   *     half of a surrogate pair, begins with a combining mark or variation selector (which belongs
   *     to the character before it, so the word could never match), or is longer than {@link
   *     #MAX_LENGTH} code points, or if the multiplier is not a positive number (NaN, zero or negative)
   */
  public Entry {
    word = checkWord(java.util.Objects.requireNonNull(word, "dictionary word is null"));
    if (!(multiplier > 0) || Double.isNaN(multiplier)) {
      throw new IllegalArgumentException("multiplier of '" + word + "' must be a positive number or inf, got " + multiplier);
    }
  }

  /**
   * {@code word} without the whitespace around it, if it can be a dictionary word (see the
   * constructor), else an {@link IllegalArgumentException} saying why: what {@link
   * UserDictionary#remove} checks too, so that it refuses what {@code add} refuses.
   */
  static String checkWord(String word) {
    if (word.isEmpty()) {
      throw new IllegalArgumentException("a dictionary word cannot be empty");
    }
    if (dev.fenci.text.Chunker.isSpaceWord(word)) { // U+00A0, U+3000, U+200B too: what the chunker takes for space
      throw new IllegalArgumentException("a dictionary word cannot be only whitespace (whitespace is a word of its own)");
    }
    word = stripSpace(word); // " 微信号 " would otherwise take the spaces around it into the word
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean paired = Character.isHighSurrogate(c) ? i + 1 < word.length() && Character.isLowSurrogate(word.charAt(i + 1))
          : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(word.charAt(i - 1));
      if (!paired) {
        throw new IllegalArgumentException("dictionary word '" + word + "' holds half of a surrogate pair (U+"
            + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at character " + (i + 1) + "): not text");
      }
    }
    if (word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a dictionary word cannot hold a line break (lines are segmented apart)");
    }
    int first = word.codePointAt(0);
    if (dev.fenci.text.Chunker.isCombiningMark(first)) {
      throw new IllegalArgumentException("dictionary word '" + word + "' begins with "
          + String.format(java.util.Locale.ROOT, "U+%04X", first) + ", a combining mark or variation selector, which belongs to the character before it:"
          + " no occurrence starts there, so the word could never match (write the character it goes with first)");
    }
    if (word.codePointCount(0, word.length()) > MAX_LENGTH) {
      throw new IllegalArgumentException("dictionary word '" + word.substring(0, word.offsetByCodePoints(0, 20)) + "...' is longer than "
          + MAX_LENGTH + " characters");
    }
    return word;
  }

  /** {@code word} without what the segmenter takes for whitespace at its ends. */
  static String stripSpace(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && dev.fenci.text.Chunker.isSpace(word.codePointAt(start))) {
      start += Character.charCount(word.codePointAt(start));
    }
    while (end > start && dev.fenci.text.Chunker.isSpace(word.codePointBefore(end))) {
      end -= Character.charCount(word.codePointBefore(end));
    }
    return word.substring(start, end);
  }

  /** An entry that keeps the word whole wherever it occurs. */
  public static Entry forced(String word) {
    return new Entry(word, Double.POSITIVE_INFINITY);
  }

  /** Whether the entry keeps the word whole wherever it occurs (multiplier positive infinity). */
  public boolean isForced() {
    return multiplier == Double.POSITIVE_INFINITY;
  }
}
