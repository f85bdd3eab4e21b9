package dev.fenci.text;

/**
 * How text is prepared for the network; saved with each model because decoding must use the
 * rules the model was trained with. The chunker's finer rules (which marks are cuts, emoji, kana
 * and Hangul runs, see {@link Chunker}) may change between versions without retraining: they
 * decide what the network never sees, and every change is measured on the shipped models.
 *
 * <ul>
 *   <li>{@link #SEED}: the seed method's rules. Whitespace and punctuation are words of their own;
 *       runs of ASCII letters and digits are words of their own and never reach the network; the
 *       network sees characters as written.</li>
 *   <li>{@link #FOLD}: as SEED, but ASCII letters, digits and symbols are shown to the network in
 *       their full-width forms (the People's Daily corpus writes them full-width; Unicode's hyphen,
 *       non-breaking hyphen and minus sign as the full-width hyphen-minus too) and a run of
 *       ASCII letters and digits, though never split, may join its neighbours ({@code 2001年},
 *       {@code 55.6亿}). Output always keeps the original characters.</li>
 * </ul>
 */
public enum TextRules {
  SEED, FOLD;

  /** Whether ASCII letter/digit runs bypass the network as words of their own. */
  public boolean asciiRunsAreWords() {
    return this == SEED;
  }

  /** The character the network sees for code point {@code cp}. */
  public int normalize(int cp) {
    if (this == FOLD && cp > 0x20 && cp < 0x7f) {
      return cp - 0x21 + 0xFF01;
    }
    if (this == FOLD && cp > 0x7f && cp < 0x10000 && (Chunker.isHyphen((char) cp) || cp == 0x2212)) {
      return 0xFF0D; // Unicode's hyphens and minus sign read as the hyphen-minus
    }
    return cp;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static TextRules parse(String s) {
    for (TextRules r : values()) {
      if (r.id().equals(s)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown text rules '" + s + "' (expected seed or fold)");
  }
}
