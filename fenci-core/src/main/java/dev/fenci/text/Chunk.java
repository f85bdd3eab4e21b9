package dev.fenci.text;

/**
 * A piece of the input: {@code [start, end)} in UTF-16 indices.
 *
 * @param kind what the piece is
 */
public record Chunk(int start, int end, Kind kind) {
  /** What a chunk is and whether the network tags it. */
  public enum Kind {
    /** A run of whitespace: one word. */
    SPACE,
    /** A run of one punctuation character: one word. */
    PUNCT,
    /** A run of Latin letters and ASCII digits kept whole without the network (seed rules). */
    ASCII,
    /** A web or e-mail address ({@link Links}): one word, not shown to the network. */
    LINK,
    /** An emoji with its modifiers, a joined sequence or a flag ({@link Emoji}): one word, not shown to the network. */
    EMOJI,
    /**
     * An emoticon, a face written with characters ({@code ^_^}, {@code (╯‵□′)╯︵┻━┻}, {@code :)};
     * {@link Emoticons}): one word, not shown to the network.
     */
    EMOTICON,
    /**
     * A run of one script that Chinese text does not write: Hangul, hiragana or katakana, or two
     * letters or more of an alphabet such as Cyrillic, Greek, Arabic or Thai. One word, not shown
     * to the network.
     */
    SCRIPT,
    /**
     * A temperature unit, {@code ℃} or {@code ℉}, or the degree sign and a letter ({@code °C},
     * {@code °F}): one word, as People's Daily 1998 writes {@code ℃} (24 times in 25: {@code １０ ℃})
     * and the micro-blogs {@code ℃} (26 times in 35) and {@code °C}; not shown to the network.
     */
    UNIT,
    /**
     * HTML or XML as text scraped from web pages keeps it: a character reference ({@code &nbsp;},
     * {@code &quot;}, {@code &#165;}, {@code &#x4E2D;}; {@link HtmlEntities}) or a tag ({@code <p>},
     * {@code </p>}, {@code <br/>}, {@code <a href="http://a.cn">}; {@link HtmlTags}), and a backslash with the
     * letters after it, an escape sequence or a TeX command ({@code \n}, {@code \frac}; {@link Escapes}), and a
     * template's placeholder ({@code ${JAVA_HOME}}, {@code #{id}}; {@link Placeholders}). One word, not shown to the
     * network.
     */
    MARKUP,
    /** Text the network segments. */
    TEXT
  }

  /** The chunk's length in UTF-16 units, {@code end - start}. */
  public int length() {
    return end - start;
  }
}
