package dev.fenci.eval;

import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Word-level precision, recall and F1 of a segmentation against a gold standard, line by line,
 * counted as the bakeoff's {@code score} script counts them: the correct words of a line are a
 * longest common subsequence of the gold and output word sequences (the script runs {@code diff}
 * on them). Lines hold the same characters once whitespace is removed, but for a few: the bakeoff's
 * own gold files differ from their test input on some lines (16 of MSR's 3,985, one of AS's
 * 14,432, a quotation mark moved to the line before, a letter of another width), which the script
 * scores by its alignment like any other; so are they here, up to {@link #MAX_DIFFERING_SHARE} of
 * the lines (more means the wrong file, and is refused with the first difference).
 *
 * <p>GNU diff sets aside "confusing" lines before it compares (words that occur very often on
 * the other side, when they sit among unmatched ones), so on degenerate outputs, such as one
 * character per word, the script counts slightly fewer correct words than a longest common
 * subsequence (PKU, one character a word: recall 0.429 by the script, 0.441 here). On the output
 * of a good segmenter the two agree to the script's three decimals (see OfficialScriptAgreementTest);
 * the weaker the output, the more they may differ (a model trained on 300 lines: F 0.621 here,
 * 0.619 by the script).
 * For a line whose word counts multiply past {@value #MAX_CELLS}, words with the same span are
 * counted instead.
 */
public final class Scorer {
  static final long MAX_CELLS = 16_000_000L;

  private final Set<String> trainingWords;
  /** What one of the gold's items is called in messages ("line"). */
  private final String unit;
  /** Names the gold's item {@code i} (from 1) in messages ("line 12"). */
  private final IntFunction<String> place;

  /** @param trainingWords words of the training data, to tell in-vocabulary from OOV words */
  public Scorer(Set<String> trainingWords) {
    this(trainingWords, "line", i -> "line " + i);
  }

  private Scorer(Set<String> trainingWords, String unit, IntFunction<String> place) {
    this.trainingWords = trainingWords;
    this.unit = unit;
    this.place = place;
  }

  /**
   * This scorer with messages that call each of the gold's items a {@code unit} ("sentence") and
   * name item {@code i} (from 1) {@code place.apply(i)} ("sentence 3 (line 40)"): for a gold
   * whose sentences are not its lines (CoNLL-U, a character a line).
   */
  public Scorer naming(String unit, IntFunction<String> place) {
    return new Scorer(trainingWords, unit, place);
  }

  /** Thrown when a prediction line's characters differ from the gold line's. */
  public static final class MismatchException extends IllegalArgumentException {
    public MismatchException(String message) {
      super(message);
    }
  }

  /** Most lines whose characters may differ from the gold's: this share of the lines, rounded down (none of fewer than 100). */
  public static final double MAX_DIFFERING_SHARE = 0.01;

  public Score score(List<List<String>> gold, List<List<String>> test) {
    return score(gold, test, null);
  }

  /**
   * As {@link #score(List, List)}; {@code differing}, if not null, receives where each line whose
   * characters differ from the gold's first does ({@link #difference}), in order.
   */
  public Score score(List<List<String>> gold, List<List<String>> test, List<String> differing) {
    if (gold.size() != test.size()) {
      String where = "";
      for (int i = 0; i < Math.min(gold.size(), test.size()); i++) {
        String g = String.join("", gold.get(i));
        String t = String.join("", test.get(i));
        if (!g.equals(t)) {
          where = "; they first differ at " + difference(place.apply(i + 1), g, t);
          break;
        }
      }
      throw new MismatchException("gold has " + count(gold.size()) + ", the output has " + test.size() + where);
    }
    List<String> found = new java.util.ArrayList<>();
    boolean[] other = new boolean[gold.size()];
    long allowed = (long) Math.floor(gold.size() * MAX_DIFFERING_SHARE);
    for (int i = 0; i < gold.size(); i++) {
      String g = String.join("", gold.get(i));
      String t = String.join("", test.get(i));
      if (!g.equals(t)) {
        other[i] = true;
        found.add(difference(place.apply(i + 1), g, t));
      }
    }
    if (found.size() > allowed) {
      throw new MismatchException("the output's characters differ from gold's on " + found.size() + " of " + gold.size()
          + " " + unit + "s (up to 1% of them are scored all the same, as the bakeoff's own gold files differ from their"
          + " input on a few), first at " + found.get(0));
    }
    if (differing != null) {
      differing.addAll(found);
    }
    Score total = new Score(0, 0, 0, 0, 0);
    for (int i = 0; i < gold.size(); i++) {
      total = total.plus(score(gold.get(i), test.get(i), !other[i], i + 1));
    }
    return total;
  }

  /** {@code n} of the gold's items: "1 line", "2 lines". */
  private String count(int n) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  /** Which gold words a longest common subsequence with the output pairs up. */
  static boolean[] lcs(List<String> gold, List<String> test) {
    int n = gold.size();
    int m = test.size();
    int[][] len = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        len[i][j] = gold.get(i).equals(test.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
      }
    }
    boolean[] matched = new boolean[n];
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (gold.get(i).equals(test.get(j)) && len[i][j] == len[i + 1][j + 1] + 1) {
        matched[i] = true;
        i++;
        j++;
      } else if (len[i + 1][j] >= len[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return matched;
  }

  /** Which gold words the output has at the same place. */
  static boolean[] sameSpans(List<String> gold, List<String> test) {
    boolean[] matched = new boolean[gold.size()];
    int ti = 0;
    int gEnd = 0;
    int tEnd = 0;
    for (int gi = 0; gi < gold.size(); gi++) {
      String gw = gold.get(gi);
      int gStart = gEnd;
      gEnd += gw.length();
      while (ti < test.size() && tEnd < gStart) {
        tEnd += test.get(ti++).length();
      }
      matched[gi] = tEnd == gStart && ti < test.size() && test.get(ti).length() == gw.length();
    }
    return matched;
  }

  /** Characters shown on each side of the first difference of two lines. */
  private static final int CONTEXT = 12;

  /** Where lines {@code g} and {@code t} first differ: {@code where} (the line), character and a window of each around it. */
  static String difference(String where, String g, String t) {
    int at = 0;
    while (at < g.length() && at < t.length() && g.charAt(at) == t.charAt(at)) {
      at++;
    }
    int col = g.codePointCount(0, at) + 1;
    return where + ", character " + col + ":\n  gold:   " + window(g, at) + "\n  output: " + window(t, at);
  }

  private static String window(String s, int at) {
    int from = Math.max(0, at - CONTEXT);
    int to = Math.min(s.length(), at + CONTEXT);
    if (from > 0 && Character.isLowSurrogate(s.charAt(from))) {
      from--;
    }
    if (to < s.length() && Character.isLowSurrogate(s.charAt(to))) {
      to++;
    }
    return (from > 0 ? "..." : "") + s.substring(from, to) + (to < s.length() ? "..." : "")
        + (s.isEmpty() ? "(an empty line)" : "");
  }

  /** The figures of one line, which must hold the gold line's characters. */
  public Score scoreLine(List<String> gold, List<String> test, int lineNo) {
    String g = String.join("", gold);
    String t = String.join("", test);
    if (!g.equals(t)) {
      throw new MismatchException("the output's characters differ from gold's at " + difference(place.apply(lineNo), g, t));
    }
    return score(gold, test, true, lineNo);
  }

  /** The figures of one line, its characters the gold line's or not (then its words are aligned, never compared by span). */
  private Score score(List<String> gold, List<String> test, boolean sameText, int lineNo) {
    boolean small = (long) gold.size() * test.size() <= MAX_CELLS;
    if (!sameText && !small) {
      throw new MismatchException("the output's characters differ from gold's on " + place.apply(lineNo) + ", too long"
          + " to align (" + gold.size() + " and " + test.size() + " words)");
    }
    long oov = 0;
    for (String w : gold) {
      if (!trainingWords.contains(w)) {
        oov++;
      }
    }
    boolean[] matched = small ? lcs(gold, test) : sameSpans(gold, test);
    long correct = 0;
    long oovCorrect = 0;
    for (int i = 0; i < gold.size(); i++) {
      if (matched[i]) {
        correct++;
        if (!trainingWords.contains(gold.get(i))) {
          oovCorrect++;
        }
      }
    }
    return new Score(gold.size(), test.size(), correct, oov, oovCorrect);
  }
}
