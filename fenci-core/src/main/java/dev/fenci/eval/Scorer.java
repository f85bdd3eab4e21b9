package dev.fenci.eval;

import java.util.List;
import java.util.Set;

/**
 * Word-level precision, recall and F1 of a segmentation against a gold standard, line by line. A
 * word is correct when gold has a word with the same characters at the same place. Lines must
 * hold the same characters once whitespace is removed.
 */
public final class Scorer {
  private final Set<String> trainingWords;

  /** @param trainingWords words of the training data, to tell in-vocabulary from OOV words */
  public Scorer(Set<String> trainingWords) {
    this.trainingWords = trainingWords;
  }

  /** Thrown when a prediction line's characters differ from the gold line's. */
  public static final class MismatchException extends IllegalArgumentException {
    public MismatchException(String message) {
      super(message);
    }
  }

  public Score score(List<List<String>> gold, List<List<String>> test) {
    if (gold.size() != test.size()) {
      throw new MismatchException("gold has " + gold.size() + " lines, the output has " + test.size());
    }
    Score total = new Score(0, 0, 0, 0, 0);
    for (int i = 0; i < gold.size(); i++) {
      total = total.plus(scoreLine(gold.get(i), test.get(i), i + 1));
    }
    return total;
  }

  public Score scoreLine(List<String> gold, List<String> test, int lineNo) {
    String g = String.join("", gold);
    String t = String.join("", test);
    if (!g.equals(t)) {
      throw new MismatchException("line " + lineNo + ": the output's characters differ from gold's\n  gold: "
          + g + "\n  test: " + t);
    }
    int gi = 0;
    int ti = 0;
    int gEnd = 0;
    int tEnd = 0;
    long correct = 0;
    long oov = 0;
    long oovCorrect = 0;
    // walk both word lists by character offset; a word is correct when both start and end agree
    while (gi < gold.size()) {
      String gw = gold.get(gi);
      int gStart = gEnd;
      gEnd += gw.length();
      while (ti < test.size() && tEnd < gStart) {
        tEnd += test.get(ti++).length();
      }
      boolean isOov = !trainingWords.contains(gw);
      if (isOov) {
        oov++;
      }
      if (tEnd == gStart && ti < test.size() && test.get(ti).length() == gw.length()) {
        correct++;
        if (isOov) {
          oovCorrect++;
        }
      }
      gi++;
    }
    return new Score(gold.size(), test.size(), correct, oov, oovCorrect);
  }
}
