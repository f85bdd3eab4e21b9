package dev.fenci.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects and reads the layout of a character a line with its tag ({@code 迈 B}: BMES, BIES or BI,
 * see {@link Corpus}); a blank line ends a sentence.
 */
final class CharacterTagReader {
  /**
   * A character's tag: B, M, I, E or S, optionally followed by a suffix after '-' or '_'; or O
   * (outside a name, in named-entity BIO files), recognised only to be refused by name.
   */
  private static final Pattern CHARACTER_TAG = Pattern.compile("([BMIESObmieso])(?:[-_]\\S*)?");

  private CharacterTagReader() {}

  /**
   * Whether the file is a character a line with its tag: of its first {@value Corpus#LAYOUT_LINES}
   * non-blank lines, at least two and at least half are one character and a tag, so that a header
   * or a malformed line among them is named when the file is read, not taken for segmented text.
   */
  static boolean looksCharacterTagged(List<String> lines) {
    int inspected = 0;
    int tagged = 0;
    for (String l : lines) {
      if (Corpus.isBlankLine(l)) {
        continue;
      }
      inspected++;
      if (characterAndTag(Corpus.splitWhitespace(l)) != null) {
        tagged++;
      }
      if (inspected == Corpus.LAYOUT_LINES) {
        break;
      }
    }
    return tagged >= 2 && tagged * 2 >= inspected;
  }

  /**
   * The character and the tag letter (upper case: B, M, I, E, S or O) of a line's tokens when they
   * are one character and a tag, else null.
   */
  private static String[] characterAndTag(List<String> t) {
    String tag = t.size() == 2 && isOneCharacter(t.get(0)) ? tagLetter(t.get(1)) : null;
    return tag == null ? null : new String[] {t.get(0), tag};
  }

  /** The letter of a tag (upper case), or null if {@code token} is not one. */
  static String tagLetter(String token) {
    Matcher m = CHARACTER_TAG.matcher(token);
    return m.matches() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : null;
  }

  /** Whether a token is one character (one code point). */
  static boolean isOneCharacter(String token) {
    return token.codePointCount(0, token.length()) == 1;
  }

  /**
   * The sentences of a file of a character a line with its tag (see {@link Corpus}), each with the
   * line on which it starts; a malformed line is an error naming it.
   */
  static Corpus.Sentences read(List<String> lines, String source) throws CorpusFormatException {
    // a file that ever ends a word with E or S marks every word's end: a word left open (a B after an
    // open word, or a sentence's end) is then an error, thrown after the pass, at the first such line
    boolean endsMarked = false;
    CorpusFormatException unended = null;
    List<List<String>> out = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null; // the word being read; null after E or S, or at a sentence's start
    int wordLine = 0;
    String previous = null;
    int start = 0;
    for (int i = 0; i <= lines.size(); i++) {
      String l = i < lines.size() ? lines.get(i) : "";
      int lineNo = i + 1;
      if (Corpus.isBlankLine(l)) {
        if (word != null) {
          if (unended == null) {
            unended = new CorpusFormatException(source, wordLine, "the word that starts here is not ended (by E) "
                + "before the sentence ends");
          }
          words.add(word.toString());
          word = null;
        }
        if (!words.isEmpty()) {
          out.add(words);
          at.add(start);
          words = new ArrayList<>();
        }
        previous = null;
        continue;
      }
      String[] ct = characterAndTag(Corpus.splitWhitespace(l));
      if (ct == null) {
        throw new CorpusFormatException(source, lineNo, "expected a character and its tag (B, M, I, E or S), "
            + "separated by a space or tab, or a blank line between sentences, found '" + Corpus.shorten(l) + "'");
      }
      if (ct[1].equals("O")) {
        throw new CorpusFormatException(source, lineNo, "tag O (outside a name, as in named-entity files) is not a "
            + "segmentation tag; expected B, M, I, E or S");
      }
      endsMarked |= ct[1].equals("E") || ct[1].equals("S");
      if (words.isEmpty() && word == null) {
        start = lineNo;
      }
      switch (ct[1]) {
        case "B", "S" -> {
          if (word != null) {
            if (unended == null) {
              unended = new CorpusFormatException(source, lineNo, "tag " + ct[1] + " starts a word, but the word "
                  + "that starts on line " + wordLine + " is not ended (by E): this file ends its words with E and S");
            }
            words.add(word.toString()); // B after B or I: the scheme without E
          }
          word = new StringBuilder(ct[0]);
          wordLine = lineNo;
          if (ct[1].equals("S")) {
            words.add(word.toString());
            word = null;
          }
        }
        default -> { // M, I, E: the word goes on
          if (word == null) {
            throw new CorpusFormatException(source, lineNo, "tag " + ct[1] + " continues a word, but "
                + (previous == null ? "it starts the sentence" : "the tag before it (" + previous + ") ended one")
                + "; a word starts with B (or is S)");
          }
          word.append(ct[0]);
          if (ct[1].equals("E")) {
            words.add(word.toString());
            word = null;
          }
        }
      }
      previous = ct[1];
    }
    if (endsMarked && unended != null) {
      throw unended;
    }
    return new Corpus.Sentences(out, at, Corpus.Format.CHARACTER_TAGS);
  }
}
