package dev.fenci.text;

/**
 * Finds emoji, which the chunker makes words of their own: the network, trained on newspaper text
 * without any, reads them as unknown characters and joined them with their neighbours
 * ({@code 👍🏻点}) or cut a family sequence in two ({@code 👨‍ 👩‍👧}). One emoji is what a user
 * sees as one picture (an extended grapheme cluster of Unicode's UAX #29, for the shapes emoji
 * take):
 *
 * <ul>
 *   <li>a pictograph ({@code 😀}, {@code ★}, {@code ☀}) with the modifiers that may follow it: a
 *       variation selector ({@code U+FE0E}, {@code U+FE0F}), a skin tone ({@code 👍🏻}), an
 *       enclosing keycap ({@code U+20E3}) or tag characters (the flag of a region, {@code U+E0020}
 *       to {@code U+E007F}), and, after a zero-width joiner ({@code U+200D}), another such
 *       pictograph ({@code 👨‍👩‍👧});</li>
 *   <li>a pair of regional indicator letters, a flag ({@code 🇨🇳}); a lone one stands alone;</li>
 *   <li>a keycap: {@code 0-9 # *}, an optional {@code U+FE0F}, then {@code U+20E3} ({@code 1️⃣}).</li>
 * </ul>
 *
 * <p>The pictographs are every symbol of the blocks where emoji live and Chinese text has no other
 * use for them: U+1F000 to U+1FAFF, the miscellaneous symbols and dingbats U+2600 to U+27BF (so
 * also {@code ☆ ✓ ➀}, words of their own in the corpora too), and the few emoji among the
 * technical symbols, arrows and stars ({@code ⌚ ⏰ ⬆ ⭐}). The geometric shapes that Chinese
 * text uses as marks and digits ({@code ● ○ ▲}), the circled numbers ({@code ①}) and the
 * letterlike symbols ({@code ℃ ™}) stay where they were; any other symbol or mark followed by the
 * emoji presentation selector {@code U+FE0F} ({@code ‼️}, {@code ▶️}, {@code ㊗️}) is an emoji
 * with it.
 */
final class Emoji {
  private static final int ZWJ = 0x200D;
  private static final int KEYCAP = 0x20E3;
  /** The emoji presentation selector. */
  private static final char VS16 = '\uFE0F';

  private Emoji() {}

  /** Whether {@code cp} is a pictograph that starts an emoji. */
  static boolean isPictograph(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF && !isRegionalIndicator(cp) && !isSkinTone(cp))
        || (cp >= 0x2600 && cp <= 0x27BF)
        || cp == 0x231A || cp == 0x231B || (cp >= 0x23E9 && cp <= 0x23F3) || (cp >= 0x23F8 && cp <= 0x23FA)
        || (cp >= 0x2B05 && cp <= 0x2B07) || cp == 0x2B1B || cp == 0x2B1C || cp == 0x2B50 || cp == 0x2B55;
  }

  static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  private static boolean isSkinTone(int cp) {
    return cp >= 0x1F3FB && cp <= 0x1F3FF;
  }

  private static boolean isModifier(int cp) {
    return cp == 0xFE0E || cp == 0xFE0F || isSkinTone(cp) || cp == KEYCAP || (cp >= 0xE0020 && cp <= 0xE007F);
  }

  /** {@code end} + 1 if symbol {@code cp}, ending at {@code end}, asks for emoji presentation; else -1. */
  private static int presented(CharSequence text, int cp, int end) {
    return end < text.length() && text.charAt(end) == VS16 && !Character.isLetterOrDigit(cp)
        && !Character.isWhitespace(cp) && !Chunker.isCombiningMark(cp) ? end + 1 : -1;
  }

  /**
   * The end (UTF-16 index) of the emoji that starts at {@code i}, or -1 if none starts there.
   * Linear in the emoji's length.
   */
  static int end(CharSequence text, int i) {
    char c = text.charAt(i);
    int n = text.length();
    if (c >= 0x2C00 ? !Character.isHighSurrogate(c) : c < 0x231A && c > '9') {
      // the common case, Chinese text and ASCII letters: no pictograph starts there, but a symbol
      // may ask for emoji presentation
      return Character.isSurrogate(c) ? -1 : presented(text, c, i + 1);
    }
    int cp = Character.codePointAt(text, i);
    int end = i + Character.charCount(cp);
    if (isRegionalIndicator(cp)) {
      if (end < n && isRegionalIndicator(Character.codePointAt(text, end))) {
        end += 2;
      }
      return end;
    }
    if ((cp >= '0' && cp <= '9') || cp == '#' || cp == '*') {
      int k = end < n && text.charAt(end) == VS16 ? end + 1 : end;
      return k < n && text.charAt(k) == KEYCAP ? k + 1 : -1;
    }
    if (!isPictograph(cp)) {
      return presented(text, cp, end);
    }
    while (end < n) {
      int next = Character.codePointAt(text, end);
      if (isModifier(next)) {
        end += Character.charCount(next);
      } else if (next == ZWJ && end + 1 < n && isPictograph(Character.codePointAt(text, end + 1))) {
        end += 1 + Character.charCount(Character.codePointAt(text, end + 1));
      } else {
        break;
      }
    }
    return end;
  }
}
