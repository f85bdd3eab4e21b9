package dev.fenci.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects and reads the CoNLL-U (Universal Dependencies) and CoNLL-X layout: a token a line, its
 * ID first and its word (FORM) second; a blank line ends a sentence.
 */
final class ConllReader {
  /** A CoNLL token line's ID: a number, a multiword token's range, or an empty node's decimal (up to 9 digits each). */
  private static final Pattern CONLL_ID = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9})|\\.\\d{1,9})?");

  /** Columns of a CoNLL token line (CoNLL-U and CoNLL-X have 10; CoNLL 2009 has more). */
  static final int CONLL_COLUMNS = 10;

  private ConllReader() {}

  /**
   * Whether the file is CoNLL: it starts with a {@code # sent_id} or {@code # text} comment, or, of
   * its first {@value Corpus#LAYOUT_LINES} non-blank lines other than {@code #} comments, at least two
   * and at least half are token lines (an ID, then {@value #CONLL_COLUMNS} or more columns, separated
   * by tabs or, in a line without a tab, by spaces), all with the same number of columns, the first
   * with ID 1 (or a range from 1). Numbered segmented text has as many columns as its line has
   * words.
   */
  static boolean looksConll(List<String> lines) {
    int inspected = 0;
    int tokenLines = 0;
    int columns = -1;
    boolean first = true;
    for (String l : lines) {
      if (Corpus.isBlankLine(l)) {
        continue;
      }
      String t = l.strip();
      if (t.startsWith("#")) {
        if (first && t.matches("#\\s*(sent_id|text)\\s*=.*")) {
          return true;
        }
        continue;
      }
      first = false;
      inspected++;
      String[] f = conllFields(l);
      Matcher m = CONLL_ID.matcher(f[0]);
      if (f.length >= CONLL_COLUMNS && m.matches()) {
        if (tokenLines == 0 && Integer.parseInt(m.group(1)) != 1) {
          return false;
        }
        if (columns >= 0 && f.length != columns) {
          return false;
        }
        columns = f.length;
        tokenLines++;
      }
      if (inspected == Corpus.LAYOUT_LINES) {
        break;
      }
    }
    return tokenLines >= 2 && tokenLines * 2 >= inspected;
  }

  /** A CoNLL line's columns: split at tabs, or, in a line without a tab, at runs of whitespace. */
  private static String[] conllFields(String line) {
    String l = line.strip();
    return l.indexOf('\t') >= 0 ? l.split("\t", -1) : Corpus.splitWhitespace(l).toArray(new String[0]);
  }

  /**
   * The sentences of a CoNLL file's lines (the FORM column of its token lines; see {@link Corpus}),
   * each with the line on which it starts; a malformed line is an error naming it.
   */
  static Corpus.Sentences read(List<String> lines, String source) throws CorpusFormatException {
    List<List<String>> out = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    List<String> words = new ArrayList<>();
    int expected = 1; // the next word's ID
    int skipThrough = 0; // the last ID covered by a multiword token's range
    int start = 0;
    for (int i = 0; i <= lines.size(); i++) {
      String l = i < lines.size() ? lines.get(i) : "";
      int lineNo = i + 1;
      if (Corpus.isBlankLine(l)) {
        if (expected > 1 || skipThrough > 0) {
          if (skipThrough >= expected) {
            throw new CorpusFormatException(source, start, "the sentence ends before the words " + expected + "-"
                + skipThrough + " that its multiword token covers");
          }
          out.add(words);
          at.add(start);
          words = new ArrayList<>();
          expected = 1;
          skipThrough = 0;
        }
        continue;
      }
      if (l.strip().startsWith("#")) {
        if (expected == 1 && skipThrough == 0) {
          continue; // a comment before a sentence
        }
        throw new CorpusFormatException(source, lineNo, "a # comment inside a sentence; is a blank line missing "
            + "before it, after the sentence that starts on line " + start + "?");
      }
      String[] f = conllFields(l);
      Matcher m = CONLL_ID.matcher(f[0]);
      if (f.length < 2 || !m.matches()) {
        throw new CorpusFormatException(source, lineNo, "expected a CoNLL token line (ID, FORM and the other columns, "
            + "separated by tabs), a blank line between sentences or a # comment before one, found '" + Corpus.shorten(l) + "'");
      }
      if (f[0].indexOf('.') >= 0) {
        continue; // an empty node: no word of the text
      }
      int id = Integer.parseInt(m.group(1));
      if (id != expected) {
        throw new CorpusFormatException(source, lineNo, "token " + f[0] + " where " + expected + " was expected (IDs "
            + "count from 1 in each sentence; is a blank line missing between two sentences?)");
      }
      if (expected == 1 && skipThrough == 0) {
        start = lineNo;
      }
      List<String> form = Corpus.splitWhitespace(f[1]);
      if (m.group(2) != null) { // a multiword token: the word as written; its parts' lines follow
        int last = Integer.parseInt(m.group(2));
        if (last < id) {
          throw new CorpusFormatException(source, lineNo, "the range " + f[0] + " ends before it starts");
        }
        if (id <= skipThrough) {
          throw new CorpusFormatException(source, lineNo, "the range " + f[0] + " starts inside the range before it,"
              + " which covers the words up to " + skipThrough);
        }
        requireForm(form, f[0], source, lineNo);
        words.addAll(form);
        skipThrough = last;
        continue;
      }
      expected++;
      if (id > skipThrough) {
        requireForm(form, f[0], source, lineNo);
        words.addAll(form);
      }
    }
    return new Corpus.Sentences(out, at, Corpus.Format.CONLL);
  }

  private static void requireForm(List<String> form, String id, String source, int lineNo) throws CorpusFormatException {
    if (form.isEmpty()) {
      throw new CorpusFormatException(source, lineNo, "token " + id + " has an empty FORM (the second column): "
          + "expected the word as written");
    }
  }
}
