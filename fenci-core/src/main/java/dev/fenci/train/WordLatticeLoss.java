package dev.fenci.train;

import dev.fenci.model.WordLanguageModel;
import dev.fenci.nn.PackedBatch;
import dev.fenci.nn.SoftmaxCrossEntropy;
import dev.fenci.nn.Transitions;
import dev.fenci.tag.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loss of a network decoded with a word language model ({@code fenci train --lattice-loss}): a
 * semi-Markov CRF over the decoder's word lattice. A segmentation of a piece scores what the decoder's
 * {@code WordLattice} gives it: the tag path's score (the network's logits and the {@link Transitions}, exactly as
 * {@link dev.fenci.nn.CrfLoss}) plus {@code weight * log P(word | previous word)} for every word and for the end.
 * The loss is the negative log-likelihood of the gold segmentation, normalised over every segmentation into words
 * of at most {@link #LONGEST} characters (and the gold words, whatever their length); forward-backward over the
 * words gives the gradients: at the logits, each character's tag marginal less its gold one-hot, at the transitions
 * the expected counts less the gold path's. With weight 0 and no length limit it is the CRF loss.
 *
 * <p>The network so learns what the word model does not already give, instead of being trained alone and then
 * added to it. The word model of a piece is counted from the other {@link LexiconFeatures#FOLDS} - 1 folds of the
 * training pieces, as its lexicon features are: counted from all, it would know every training word and pair, which
 * the decoder's model of the test text never does.
 */
final class WordLatticeLoss {
  /**
   * Longest word in the normalising sum (gold words longer than this are in too): 99.9% of pd1998's words are
   * at most this long, and the sum costs the square of it per character.
   */
  static final int LONGEST = 8;

  private static final int T = Tag.COUNT;
  private static final int S = Tag.S.ordinal();
  private static final int B = Tag.B.ordinal();
  private static final int M = Tag.M.ordinal();
  private static final int E = Tag.E.ordinal();
  private static final double NEG = Double.NEGATIVE_INFINITY;

  private final double weight;
  private final int longest;
  private final Map<TrainingData.Piece, WordLanguageModel> models;

  /**
   * The loss for {@code pieces} (the training pieces, in the order their lexicon folds were cut): each piece's word
   * model counts the pieces of the other folds, with {@code settings} (whose weight is the loss's).
   */
  WordLatticeLoss(List<TrainingData.Piece> pieces, int vocabSize, WordLanguageModel.Settings settings) {
    this.weight = settings.weight();
    this.longest = LONGEST;
    this.models = new IdentityHashMap<>(2 * pieces.size());
    int n = pieces.size();
    for (int f = 0; f < LexiconFeatures.FOLDS; f++) {
      List<TrainingData.Piece> rest = new ArrayList<>(n);
      for (int p = 0; p < n; p++) {
        if (LexiconFeatures.fold(p, n) != f) {
          rest.add(pieces.get(p));
        }
      }
      WordLanguageModel model = Trainer.wordModel(rest, vocabSize, settings);
      for (int p = 0; p < n; p++) {
        if (LexiconFeatures.fold(p, n) == f) {
          models.put(pieces.get(p), model);
        }
      }
    }
  }

  /** For tests: one word model for every piece, words up to {@code longest} characters in the sum. */
  WordLatticeLoss(WordLanguageModel model, double weight, int longest, List<TrainingData.Piece> pieces) {
    this.weight = weight;
    this.longest = longest;
    this.models = new IdentityHashMap<>();
    for (TrainingData.Piece p : pieces) {
      models.put(p, model);
    }
  }

  /**
   * Loss of a packed batch of {@code batch}'s pieces (their ids as the word model reads them, before any
   * unknown-character replacement); {@code correct} counts the characters whose most probable tag is the gold one.
   *
   * @param logits      {@code rows x 4} tag scores of the batch's rows
   * @param gold        gold tag per row (negative on padding rows)
   * @param transitions the transition scores; d(loss)/d(scores) is added to their gradient
   * @param grad        receives d(loss)/d(logits); zero on padding rows
   */
  SoftmaxCrossEntropy.Result lossAndGrad(float[] logits, PackedBatch pb, int[] gold, List<TrainingData.Piece> batch,
      Transitions transitions, float[] grad) {
    Arrays.fill(grad, 0f);
    float[] tv = transitions.param().value;
    double[] expected = new double[tv.length];
    double loss = 0;
    int correct = 0;
    int count = 0;
    for (int q = 0; q < pb.sequences(); q++) {
      int r0 = pb.start(q);
      int n = pb.length(q);
      if (n == 0) {
        continue;
      }
      TrainingData.Piece piece = batch.get(q);
      WordLanguageModel model = models.get(piece);
      if (model == null) {
        throw new IllegalArgumentException("piece " + q + " of the batch is not one of the training pieces");
      }
      Lattice lattice = new Lattice(logits, r0, n, gold, piece.ids(), model, tv);
      loss += lattice.addMarginals(grad, expected);
      for (int i = 0; i < n; i++) {
        int o = (r0 + i) * T;
        int arg = 0;
        for (int t = 1; t < T; t++) {
          if (grad[o + t] > grad[o + arg]) {
            arg = t;
          }
        }
        int g = gold[r0 + i];
        if (arg == g) {
          correct++;
        }
        grad[o + g] -= 1f;
      }
      count += n;
    }
    float[] tg = transitions.param().grad();
    for (int k = 0; k < tg.length; k++) {
      tg[k] += (float) expected[k];
    }
    return new SoftmaxCrossEntropy.Result(loss, correct, count);
  }

  /**
   * The words of one piece: every span of at most the longest length (and the gold words), in the order of their
   * ends and, per end, of their lengths, so that the word of length {@code len} ending at {@code e} is
   * {@code endStart[e] + len - 1}.
   */
  private final class Lattice {
    private final float[] x;
    private final int off;
    private final int n;
    private final float[] tv;
    private final int[] goldTags;
    private final int g0;
    private final WordLanguageModel model;
    private int size;
    private final int[] start;
    private final int[] end;
    private final double[] own; // the word's tags' scores and the transitions inside it
    private final int[] word; // the word model's index
    private final double[] unigram;
    private final int[] endStart;
    /** Per word, where its predecessors' scores start in {@link #pair}: the words ending where it starts, in order. */
    private final int[] pairStart;
    /** The transition and word model score from each predecessor (or the start) into each word. */
    private final double[] pair;

    Lattice(float[] logits, int r0, int n, int[] goldTags, int[] ids, WordLanguageModel model, float[] tv) {
      this.x = logits;
      this.off = r0 * T;
      this.n = n;
      this.tv = tv;
      this.goldTags = goldTags;
      this.g0 = r0;
      this.model = model;
      int l = Math.max(longest, longestGoldWord());
      int cap = 0;
      for (int e = 1; e <= n; e++) {
        cap += Math.min(l, e);
      }
      start = new int[cap];
      end = new int[cap];
      own = new double[cap];
      word = new int[cap];
      unigram = new double[cap];
      endStart = new int[n + 2];
      for (int e = 1; e <= n; e++) {
        endStart[e] = size;
        double tail = 0; // the scores of positions s + 1 .. e - 1 as M.. E, with the transitions between them
        for (int len = 1; len <= Math.min(l, e); len++) {
          int s = e - len;
          double score;
          if (len == 1) {
            score = x[off + s * T + S];
          } else {
            tail = x[off + (s + 1) * T + (len == 2 ? E : M)] + (len == 2 ? 0 : tv[M * T + (len == 3 ? E : M)]) + tail;
            score = x[off + s * T + B] + tv[B * T + (len == 2 ? E : M)] + tail;
          }
          long key = WordLanguageModel.startKey();
          double chars = 0;
          for (int k = s; k < e; k++) {
            key = WordLanguageModel.extendKey(key, ids[k]);
            chars += model.logChar(ids[k]);
          }
          int index = model.index(key);
          start[size] = s;
          end[size] = e;
          own[size] = score;
          word[size] = index;
          unigram[size] = model.logUnigram(index, model.spelling(chars, len));
          size++;
        }
      }
      endStart[n + 1] = size;
      pairStart = new int[size + 1];
      for (int c = 0; c < size; c++) {
        pairStart[c + 1] = pairStart[c] + (start[c] == 0 ? 1 : endStart[start[c] + 1] - endStart[start[c]]);
      }
      pair = new double[pairStart[size]];
      double w = weight;
      for (int c = 0; c < size; c++) {
        int s = start[c];
        int first = firstTag(c);
        if (s == 0) {
          pair[pairStart[c]] = tv[Transitions.START * T + first]
              + w * model.logProbability(WordLanguageModel.BOUNDARY, word[c], unigram[c]);
        } else {
          for (int p = endStart[s], k = pairStart[c]; p < endStart[s + 1]; p++, k++) {
            pair[k] = tv[lastTag(p) * T + first] + w * model.logProbability(word[p], word[c], unigram[c]);
          }
        }
      }
    }

    private int longestGoldWord() {
      int longestGold = 0;
      int s = 0;
      for (int i = 0; i < n; i++) {
        if (Tag.of(goldTags[g0 + i]).endsWord()) {
          longestGold = Math.max(longestGold, i + 1 - s);
          s = i + 1;
        }
      }
      return longestGold;
    }

    private int firstTag(int c) {
      return end[c] - start[c] == 1 ? S : B;
    }

    private int lastTag(int c) {
      return end[c] - start[c] == 1 ? S : E;
    }

    /** The end transition and the word model's score of the sequence's end after word {@code c}. */
    private double endScore(int c) {
      return tv[Transitions.END * T + lastTag(c)] + weight * model.logProbability(word[c], WordLanguageModel.BOUNDARY,
          model.logUnigram(WordLanguageModel.BOUNDARY, 0));
    }

    /**
     * Adds each character's tag marginals to {@code grad}'s rows and the expected transition counts less the gold
     * path's to {@code expected}; returns log Z less the gold segmentation's score.
     */
    double addMarginals(float[] grad, double[] expected) {
      double[] alpha = new double[size]; // log-sum over the segmentations up to and with word c
      double[] beta = new double[size]; // log-sum over the rest after word c
      double[] terms = new double[longestPredecessors()];
      for (int c = 0; c < size; c++) {
        int s = start[c];
        int m = 0;
        for (int k = pairStart[c]; k < pairStart[c + 1]; k++, m++) {
          terms[m] = pair[k] + (s == 0 ? 0 : alpha[endStart[s] + m]);
        }
        alpha[c] = logSumExp(terms, m) + own[c];
      }
      int m = 0;
      for (int c = endStart[n]; c < endStart[n + 1]; c++, m++) {
        terms[m] = alpha[c] + endScore(c);
      }
      double logZ = logSumExp(terms, m);
      for (int c = size - 1; c >= 0; c--) {
        int e = end[c];
        if (e == n) {
          beta[c] = endScore(c);
          continue;
        }
        int rank = c - endStart[e];
        for (m = 0; e + m + 1 <= n; m++) {
          int d = endStart[e + m + 1] + m; // the word of length m + 1 that starts at e
          if (d >= endStart[e + m + 2]) {
            break;
          }
          terms[m] = pair[pairStart[d] + rank] + own[d] + beta[d];
        }
        beta[c] = logSumExp(terms, m);
      }
      for (int c = 0; c < size; c++) {
        double mg = Math.exp(alpha[c] + beta[c] - logZ);
        if (mg == 0) {
          continue;
        }
        int s = start[c];
        int e = end[c];
        if (e - s == 1) {
          grad[off + s * T + S] += (float) mg;
        } else {
          grad[off + s * T + B] += (float) mg;
          for (int k = s + 1; k < e - 1; k++) {
            grad[off + k * T + M] += (float) mg;
          }
          grad[off + (e - 1) * T + E] += (float) mg;
        }
        countInside(expected, e - s, mg);
        if (e == n) {
          expected[Transitions.END * T + lastTag(c)] += mg;
        }
        if (s == 0) {
          expected[Transitions.START * T + firstTag(c)] += mg;
        } else {
          for (int p = endStart[s], k = pairStart[c]; p < endStart[s + 1]; p++, k++) {
            expected[lastTag(p) * T + firstTag(c)] += Math.exp(alpha[p] + pair[k] + own[c] + beta[c] - logZ);
          }
        }
      }
      return logZ - goldScore(expected);
    }

    /** The most predecessors (or successors) of a word: the words ending (or starting) at one position. */
    private int longestPredecessors() {
      int most = 1;
      for (int e = 1; e <= n; e++) {
        most = Math.max(most, endStart[e + 1] - endStart[e]);
      }
      return most;
    }

    /** The gold segmentation's score; its transition counts are taken off {@code expected}. */
    private double goldScore(double[] expected) {
      double score = 0;
      int s = 0;
      int previous = -1;
      for (int i = 0; i < n; i++) {
        int g = goldTags[g0 + i];
        if (g < 0 || g >= T || (i == 0 || Tag.of(goldTags[g0 + i - 1]).endsWord()) != Tag.of(g).startsWord()) {
          throw new IllegalArgumentException("gold tags are not a legal path (position " + i + ")");
        }
        if (!Tag.of(g).endsWord()) {
          if (i == n - 1) {
            throw new IllegalArgumentException("gold tags are not a legal path (the last one ends no word)");
          }
          continue;
        }
        int e = i + 1;
        int c = endStart[e] + (e - s) - 1;
        score += own[c];
        if (previous < 0) {
          score += pair[pairStart[c]];
          expected[Transitions.START * T + firstTag(c)] -= 1;
        } else {
          score += pair[pairStart[c] + previous - endStart[s]];
          expected[lastTag(previous) * T + firstTag(c)] -= 1;
        }
        countInside(expected, e - s, -1);
        if (e == n) {
          score += endScore(c);
          expected[Transitions.END * T + lastTag(c)] -= 1;
        }
        previous = c;
        s = e;
      }
      return score;
    }
  }

  /** Adds {@code times} the transitions inside a word of {@code length} characters (B M.. E) to {@code expected}. */
  private static void countInside(double[] expected, int length, double times) {
    if (length == 2) {
      expected[B * T + E] += times;
    } else if (length > 2) {
      expected[B * T + M] += times;
      expected[M * T + M] += times * (length - 3);
      expected[M * T + E] += times;
    }
  }

  private static double logSumExp(double[] v, int n) {
    double best = NEG;
    for (int i = 0; i < n; i++) {
      best = Math.max(best, v[i]);
    }
    if (best == NEG) {
      return NEG;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.exp(v[i] - best);
    }
    return best + Math.log(sum);
  }
}
