package dev.fenci.tag;

import java.util.List;

/** The four character tags: a one-character word, or the begin, middle and end of a longer one. */
public enum Tag {
  S, B, M, E;

  public static final int COUNT = 4;
  private static final Tag[] VALUES = values();

  public static Tag of(int index) {
    return VALUES[index];
  }

  /** True when a word ends at a character with this tag. */
  public boolean endsWord() {
    return this == S || this == E;
  }

  /** True when a word starts at a character with this tag. */
  public boolean startsWord() {
    return this == S || this == B;
  }

  /** Whether {@code next} may follow this tag: S and E go to S or B; B and M go to M or E. */
  public boolean canPrecede(Tag next) {
    return endsWord() == next.startsWord();
  }

  /** Tag of the character at {@code index} of a word of {@code length} characters. */
  public static Tag inWord(int index, int length) {
    if (length == 1) {
      return S;
    }
    return index == 0 ? B : index == length - 1 ? E : M;
  }

  /**
   * Tags of the characters (code points) of the words, in order: for each word of n code points,
   * S or B, M..., E.
   */
  public static int[] ofWords(List<String> words) {
    int n = 0;
    for (String w : words) {
      n += w.codePointCount(0, w.length());
    }
    int[] tags = new int[n];
    int i = 0;
    for (String w : words) {
      int len = w.codePointCount(0, w.length());
      for (int k = 0; k < len; k++) {
        tags[i++] = inWord(k, len).ordinal();
      }
    }
    return tags;
  }
}
