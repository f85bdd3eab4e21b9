package dev.fenci.decode;

import dev.fenci.model.WordLanguageModel;
import dev.fenci.text.Chunker;

/**
 * Where a window of a long text starts, continuing at a settled word boundary: early enough that
 * the network, the chunker and the word language model read the text after the boundary as they
 * do in the whole text. Needs no network, only its receptive radius.
 */
final class WindowStarts {
  /** Characters of settled text before a window, seen by the network (at least its receptive radius + 2). */
  static final int CONTEXT = 16;

  /**
   * How far (code points) {@link #betweenIdeographs} looks back for a place to start a window (with
   * the default sizes; a quarter of what a window keeps for a small one). A window re-decodes that
   * much more text only where no two Chinese characters meet nearer, in long Latin text.
   */
  static final int SAFE_SEARCH = 1024;

  /** The network's receptive radius (characters). */
  private final int radius;
  /** The word language model decoded with, or null. */
  private final WordLanguageModel wordModel;
  private final int longText;
  private final int margin;

  WindowStarts(int radius, WordLanguageModel wordModel, int longText, int margin) {
    this.radius = radius;
    this.wordModel = wordModel;
    this.longText = longText;
    this.margin = margin;
  }

  /**
   * Where the window continuing at {@code pos} starts: a little before, so that it has context
   * ({@link #CONTEXT} or the receptive radius + 2 characters, whichever is more, counted in code
   * points: the network's radius is in characters, and a character outside the BMP takes two
   * UTF-16 units).
   */
  int contextStart(CharSequence text, int pos) {
    int from = back(text, pos, Math.max(CONTEXT, radius + 2), 0);
    return pairedFlags(text, from > 0 && Character.isLowSurrogate(text.charAt(from)) ? from - 1 : from, pos);
  }

  /**
   * {@code from}, or one code point earlier where the context {@code [from, pos)} is all regional
   * indicators, an odd number of them with one more before: the chunker pairs them into flags
   * from the left, and pairs must meet at {@code pos}, a word boundary, as they do in the whole text.
   */
  private static int pairedFlags(CharSequence text, int from, int pos) {
    int k = pos;
    while (k - 2 >= from && Chunker.isRegionalIndicator(Character.codePointBefore(text, k))) {
      k -= 2;
    }
    return k == from && (pos - from) % 4 == 2 && from >= 2
        && Chunker.isRegionalIndicator(Character.codePointBefore(text, from)) ? from - 2 : from;
  }

  /** {@code pos} moved back by {@code codePoints} code points of {@code text}, not before {@code floor}. */
  private static int back(CharSequence text, int pos, int codePoints, int floor) {
    int from = pos;
    for (int i = codePoints; i > 0 && from > floor; i--) {
      from -= from >= 2 && Character.isLowSurrogate(text.charAt(from - 1))
          && Character.isHighSurrogate(text.charAt(from - 2)) ? 2 : 1;
    }
    return from;
  }

  /**
   * As {@link Decoder#contextStart(CharSequence, int, int)}, never before {@code floor}, where the window
   * before this one started (a stream's buffer starts there: the two must choose alike).
   */
  int contextStart(CharSequence text, int pos, int lastWordStart, int floor) {
    int from = Math.min(contextStart(text, pos), pairedFlags(text, wordModelContextStart(text, pos, lastWordStart), pos));
    from = Math.max(from, floor);
    return betweenIdeographs(text, from, Math.min(SAFE_SEARCH, (longText - 2 * margin) / 4), floor);
  }

  /**
   * {@code from}, or the nearest place before it, at most {@code limit} code points back and not
   * before {@code floor}, that lies between two Chinese characters, where the chunker starts as it
   * does in the whole text: a window whose context starts inside a web address would read its
   * tail as text ({@code ...fghij}) joined to the Chinese after it, and the network would see that
   * chunk differently from the whole line's ({@code 海 合会} instead of {@code 海合会}). {@code from}
   * itself when there is no such place so near (a run of Latin text, or an address, longer than
   * the limit).
   */
  private static int betweenIdeographs(CharSequence text, int from, int limit, int floor) {
    int k = from;
    for (int i = 0; i <= limit && k > floor; i++) {
      int before = Character.codePointBefore(text, k);
      if (k - Character.charCount(before) < floor) {
        break;
      }
      if (k < text.length() && isIdeograph(Character.codePointAt(text, k)) && isIdeograph(before)) {
        return k;
      }
      k -= Character.charCount(before);
    }
    return from;
  }

  private static boolean isIdeograph(int cp) {
    return Character.isIdeographic(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  /**
   * Where a window continuing at {@code pos} must start for the word language model to read the
   * settled word before it, starting at {@code lastStart}, as it does in the whole text: at that
   * word's start (a word of up to twice the longest dictionary word, and a quarter of what a small
   * decoder's window keeps), or, for a longer word, early enough that the part the window sees is
   * longer than any word the model knows (unknown to the model either way). A word that starts
   * before the text ({@code lastStart} negative) is read from the text's start: its caller keeps
   * {@link WordLanguageModel#longestWord()} + 1 characters of it, as {@link Decoder#contextStart(CharSequence,
   * int, int)} leaves them. {@code pos} when there is no word model.
   */
  private int wordModelContextStart(CharSequence text, int pos, int lastStart) {
    if (wordModel == null) {
      return pos;
    }
    int start = Math.max(lastStart, 0);
    if (Character.codePointCount(text, start, pos) <= Math.min(2 * dev.fenci.dict.Entry.MAX_LENGTH,
        (longText - 2 * margin) / 4)) {
      // the whole word, if it is not too long: a forced dictionary word across chunks (iPhone 15 and 30 Chinese
      // characters) is then seen to hold a non-TEXT character, and the text after it restarts as in the whole line
      return start;
    }
    return Math.max(back(text, pos, wordModel.longestWord() + 1, start), start);
  }
}
