package dev.fenci.eval;

import java.util.Locale;

/**
 * The figures of the SIGHAN bakeoff's {@code score} script.
 *
 * @param goldWords  words in the gold standard ("TRUE WORDS")
 * @param testWords  words in the output ("TEST WORDS")
 * @param correct    output words whose span equals a gold word's span
 * @param oovWords   gold words not in the training word list
 * @param oovCorrect of those, correctly segmented
 */
public record Score(long goldWords, long testWords, long correct, long oovWords, long oovCorrect) {
  public double recall() {
    return goldWords == 0 ? 0 : (double) correct / goldWords;
  }

  public double precision() {
    return testWords == 0 ? 0 : (double) correct / testWords;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public double oovRate() {
    return goldWords == 0 ? 0 : (double) oovWords / goldWords;
  }

  public double oovRecall() {
    return oovWords == 0 ? 0 : (double) oovCorrect / oovWords;
  }

  public double ivRecall() {
    long iv = goldWords - oovWords;
    return iv == 0 ? 0 : (double) (correct - oovCorrect) / iv;
  }

  public Score plus(Score o) {
    return new Score(goldWords + o.goldWords, testWords + o.testWords, correct + o.correct,
        oovWords + o.oovWords, oovCorrect + o.oovCorrect);
  }

  /** The summary in the script's layout. */
  public String summary() {
    return summary(true);
  }

  /**
   * The summary in the script's layout; without a training word list ({@code withOov} false) the
   * OOV and IV lines, which would count every word as unknown, are left out.
   */
  public String summary(boolean withOov) {
    // as the script: "--" for a recall over no words
    String oov = withOov ? String.format(Locale.ROOT, "=== OOV Rate:\t%.3f%n=== OOV Recall Rate:\t%s%n=== IV Recall Rate:\t%s%n",
        oovRate(), oovWords == 0 ? "--" : String.format(Locale.ROOT, "%.3f", oovRecall()),
        goldWords == oovWords ? "--" : String.format(Locale.ROOT, "%.3f", ivRecall()))
        : "";
    return String.format(Locale.ROOT, "=== TOTAL TRUE WORDS RECALL:\t%.3f%n=== TOTAL TEST WORDS PRECISION:\t%.3f%n"
        + "=== F MEASURE:\t%.3f%n", recall(), precision(), f1()) + oov
        + String.format(Locale.ROOT, "=== TOTAL TRUE WORDS:\t%d%n=== TOTAL TEST WORDS:\t%d%n=== TOTAL CORRECT WORDS:\t%d%n",
        goldWords, testWords, correct);
  }
}
