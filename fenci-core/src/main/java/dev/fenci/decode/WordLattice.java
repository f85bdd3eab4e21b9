package dev.fenci.decode;

import static dev.fenci.decode.Viterbi.B;
import static dev.fenci.decode.Viterbi.E;
import static dev.fenci.decode.Viterbi.M;
import static dev.fenci.decode.Viterbi.NEG;
import static dev.fenci.decode.Viterbi.S;

import dev.fenci.model.WordLanguageModel;
import dev.fenci.nn.Lexicon;
import dev.fenci.nn.Transitions;
import dev.fenci.tag.Tag;
import java.util.Arrays;

/**
 * Best segmentation of one sequence under the network's tag scores plus a word language model:
 * each word scores the tags that make it one word (S, or B M.. E, with their transitions, as in
 * {@link Viterbi}) plus {@code weight * log P(word | previous word) + wordBonus}. The search runs
 * over the words that could be on a good tag path: a word stays a candidate while the best tag
 * path through it is at most {@link #PRUNE} below the best path overall (every one-character
 * word stays too), so that with weight 0 and no bonus the result is exactly Viterbi's.
 */
final class WordLattice {
  /** Candidate words: the best tag path through them is at most this far below the best. */
  static final double PRUNE = 6;
  /**
   * Longest candidate word, except the words of the best tag path, which are always candidates
   * (a long run of ASCII letters and digits is one word): a text of one repeated character can
   * keep very long words within {@link #PRUNE} of the best, and the candidates must stay linear
   * in the text's length.
   */
  static final int LONGEST = 16;

  /**
   * Per thread, the arrays of a decode, kept from one sequence to the next and grown as needed:
   * new ones for every sequence (a clause of some ten characters) were fresh memory to zero and
   * bring into cache each time. The thread keeps the arrays alone, in an {@code Object[]}: a pool
   * thread of a host that loads fenci in a class loader of its own and drops it (a Solr core reload)
   * would otherwise keep a {@code Work}, and through its class the loader, every fenci class and the
   * presets' cache, for as long as the thread lives.
   */
  private static final ThreadLocal<Object[]> KEPT = new ThreadLocal<>();

  /**
   * The longest sequence whose work arrays a thread keeps for the next: a longer one (an unpunctuated
   * line of thousands of characters) decodes in arrays of its own that go when it returns, as every
   * sequence's did before the arrays were kept. Kept, a thread's arrays grew to its longest sequence and
   * stayed so while the thread lived (some 9 MB per thread after one line of 16,000 characters, 35 MB
   * for the 4 threads of a pool); up to this length they stay under a megabyte.
   */
  static final int KEPT_LENGTH = 1024;

  private WordLattice() {}

  /**
   * Tags of the {@code n} positions of {@code scores[4 * from ..]}, one sequence (start and end
   * scores at its edges), whose character ids are {@code ids[from .. from + n)}; {@code allowed}
   * (indexed from {@code from}, or null) limits the tags as in {@link Viterbi}. Returns null when
   * the limits leave no path (the caller relaxes them as Viterbi does).
   */
  static int[] decode(float[] scores, int from, int n, byte[] allowed, Transitions transitions, int[] ids,
      WordLanguageModel lm) {
    return decode(scores, from, n, allowed, transitions, ids, lm, null, null);
  }

  /**
   * As {@link #decode(float[], int, int, byte[], Transitions, int[], WordLanguageModel)}, where
   * the words the network is told after training are words, those added to its {@code lexicon}
   * ({@link Lexicon#isAdded}; the lexicon may be null) and those of a user dictionary
   * ({@code dictionaryWords}, in the positions {@code scores} is indexed by; may be null), count for the word model as words it has seen once when it never
   * saw them: else the model would spell them as unseen words and push them apart.
   */
  static int[] decode(float[] scores, int from, int n, byte[] allowed, Transitions transitions, int[] ids,
      WordLanguageModel lm, Lexicon lexicon, ToldWords dictionaryWords) {
    Object[] kept = n <= KEPT_LENGTH ? keptArrays() : null;
    Work work = new Work(kept);
    try {
      return decode(work, scores, from, n, allowed, transitions, ids, lm, lexicon, dictionaryWords);
    } finally {
      if (kept != null) {
        work.keepIn(kept); // the arrays only: no line, lexicon or dictionary stays reachable from the thread
      }
    }
  }

  private static int[] decode(Work work, float[] scores, int from, int n, byte[] allowed, Transitions transitions,
      int[] ids, WordLanguageModel lm, Lexicon lexicon, ToldWords dictionaryWords) {
    float[] tr = Viterbi.scores(transitions);
    int st = Transitions.START * Tag.COUNT;
    int en = Transitions.END * Tag.COUNT;
    work.ensure(n);
    double[] em = work.em;
    for (int i = 0; i < n; i++) {
      int al = allowed == null ? 0xF : allowed[from + i];
      for (int t = 0; t < 4; t++) {
        em[4 * i + t] = (al & (1 << t)) != 0 ? scores[4 * (from + i) + t] : NEG;
      }
    }
    // best tag path scores: alpha up to and with position i's emission, beta after it (with the end)
    double[] alpha = work.alpha;
    double[] beta = work.beta;
    for (int t = 0; t < 4; t++) {
      alpha[t] = Tag.of(t).startsWord() ? tr[st + t] + em[t] : NEG;
      beta[4 * (n - 1) + t] = Tag.of(t).endsWord() ? tr[en + t] : NEG;
    }
    for (int i = 1; i < n; i++) {
      int o = 4 * i;
      int p = o - 4;
      double ends = Math.max(alpha[p + S] + tr[4 * S + S], alpha[p + E] + tr[4 * E + S]);
      alpha[o + S] = ends + em[o + S];
      alpha[o + B] = Math.max(alpha[p + S] + tr[4 * S + B], alpha[p + E] + tr[4 * E + B]) + em[o + B];
      alpha[o + M] = Math.max(alpha[p + B] + tr[4 * B + M], alpha[p + M] + tr[4 * M + M]) + em[o + M];
      alpha[o + E] = Math.max(alpha[p + B] + tr[4 * B + E], alpha[p + M] + tr[4 * M + E]) + em[o + E];
    }
    for (int i = n - 2; i >= 0; i--) {
      int o = 4 * i;
      int q = o + 4;
      double toS = em[q + S] + beta[q + S];
      double toB = em[q + B] + beta[q + B];
      double toM = em[q + M] + beta[q + M];
      double toE = em[q + E] + beta[q + E];
      beta[o + S] = Math.max(tr[4 * S + S] + toS, tr[4 * S + B] + toB);
      beta[o + E] = Math.max(tr[4 * E + S] + toS, tr[4 * E + B] + toB);
      beta[o + B] = Math.max(tr[4 * B + M] + toM, tr[4 * B + E] + toE);
      beta[o + M] = Math.max(tr[4 * M + M] + toM, tr[4 * M + E] + toE);
    }
    int l = 4 * (n - 1);
    double best = Math.max(alpha[l + S] + beta[l + S], alpha[l + E] + beta[l + E]);
    if (best == NEG) {
      return null;
    }
    double floor = best - PRUNE;
    // the best tag path's word ends, from its last tag back: bestEnd[s] is the end of its word starting at s
    int[] bestEnd = work.bestEnd;
    Arrays.fill(bestEnd, 0, n, -1);
    int tag = alpha[l + S] + beta[l + S] >= alpha[l + E] + beta[l + E] ? S : E;
    int end = n;
    for (int i = n - 1; i >= 0; i--) {
      if (tag == S || tag == B) {
        bestEnd[i] = end;
        end = i;
      }
      if (i > 0) {
        int p = 4 * (i - 1);
        boolean starts = tag == S || tag == B;
        int a = starts ? S : B;
        int b2 = starts ? E : M;
        tag = alpha[p + a] + tr[4 * a + tag] >= alpha[p + b2] + tr[4 * b2 + tag] ? a : b2;
      }
    }
    WordLanguageModel.Settings set = lm.settings();
    double weight = set.weight();
    // candidate words, grouped by end: start, internal score, word index, log P1
    Candidates cands = work.candidates;
    cands.reset(n, from, ids, lexicon, dictionaryWords);
    for (int s = 0; s < n; s++) {
      double entryB = s == 0 ? tr[st + B] : Math.max(alpha[4 * (s - 1) + S] + tr[4 * S + B],
          alpha[4 * (s - 1) + E] + tr[4 * E + B]);
      long key = WordLanguageModel.extendKey(WordLanguageModel.startKey(), ids[from + s]);
      double chars = lm.logChar(ids[from + s]);
      if (em[4 * s + S] != NEG) {
        cands.add(s, s + 1, em[4 * s + S], lm, key, chars);
      }
      if (entryB == NEG || em[4 * s + B] == NEG) {
        continue;
      }
      double run = em[4 * s + B]; // B, then M.. up to position k - 1
      int last = B;
      int longest = Math.max(Math.min(n, s + LONGEST), bestEnd[s]);
      for (int k = s + 1; k < longest; k++) {
        key = WordLanguageModel.extendKey(key, ids[from + k]);
        chars += lm.logChar(ids[from + k]);
        double asEnd = run + tr[4 * last + E] + em[4 * k + E];
        if ((k < s + LONGEST && entryB + asEnd + beta[4 * k + E] >= floor) || k + 1 == bestEnd[s]) {
          cands.add(s, k + 1, asEnd, lm, key, chars);
        }
        run += tr[4 * last + M] + em[4 * k + M];
        last = M;
        if (!(entryB + run + beta[4 * k + M] >= floor) && bestEnd[s] <= k + 1) {
          break;
        }
      }
    }
    // best path over the words: per candidate, the best score of a segmentation ending with it
    work.ensureScores(cands.size);
    double[] score = work.score;
    int[] back = work.back;
    for (int c = 0; c < cands.size; c++) {
      int s = cands.start[c];
      int first = cands.end[c] - s == 1 ? S : B;
      double own = cands.internal[c] + set.wordBonus();
      double bestHere = NEG;
      int arg = -1;
      if (s == 0) {
        bestHere = tr[st + first] + weight * lm.logProbability(WordLanguageModel.BOUNDARY, cands.word[c], cands.unigram[c]);
      } else {
        for (int p = cands.firstEndingAt[s]; p >= 0; p = cands.nextEndingAt[p]) {
          if (score[p] == NEG) {
            continue;
          }
          int lastTag = s - cands.start[p] == 1 ? S : E;
          double v = score[p] + tr[4 * lastTag + first];
          if (v <= bestHere) {
            continue; // a log-probability is at most 0: this predecessor cannot win
          }
          v += weight * lm.logProbability(cands.word[p], cands.word[c], cands.unigram[c]);
          if (v > bestHere) {
            bestHere = v;
            arg = p;
          }
        }
      }
      score[c] = bestHere == NEG ? NEG : bestHere + own;
      back[c] = arg;
    }
    double bestScore = NEG;
    int arg = -1;
    for (int c = cands.firstEndingAt[n]; c >= 0; c = cands.nextEndingAt[c]) {
      if (score[c] == NEG) {
        continue;
      }
      int lastTag = n - cands.start[c] == 1 ? S : E;
      double v = score[c] + tr[en + lastTag]
          + weight * lm.logProbability(cands.word[c], WordLanguageModel.BOUNDARY, endUnigram(lm));
      if (v > bestScore) {
        bestScore = v;
        arg = c;
      }
    }
    if (arg < 0) {
      return null;
    }
    int[] tags = new int[n];
    for (int c = arg; c >= 0; c = back[c]) {
      int s = cands.start[c];
      int e = cands.end[c];
      for (int k = s; k < e; k++) {
        tags[k] = Tag.inWord(k - s, e - s).ordinal();
      }
    }
    return tags;
  }

  private static double endUnigram(WordLanguageModel lm) {
    return lm.logUnigram(WordLanguageModel.BOUNDARY, 0);
  }

  /**
   * The lengths of this thread's kept work arrays (for tests): positions of the tag path scores,
   * candidates, word path scores.
   */
  static int[] keptSizes() {
    Work work = new Work(keptArrays());
    return new int[] {work.bestEnd.length, work.candidates.start.length, work.score.length};
  }

  /** This thread's kept arrays ({@link Work#keepIn}), all null the first time. */
  private static Object[] keptArrays() {
    Object[] kept = KEPT.get();
    if (kept == null) {
      kept = new Object[Work.KEPT_ARRAYS];
      KEPT.set(kept);
    }
    return kept;
  }

  /** A thread's arrays for {@link #decode}: emissions, tag path scores, candidates, word path scores. */
  private static final class Work {
    /** How many arrays {@link #keepIn} stores. */
    static final int KEPT_ARRAYS = 6 + Candidates.KEPT_ARRAYS;

    double[] em;
    double[] alpha;
    double[] beta;
    int[] bestEnd;
    final Candidates candidates;
    double[] score;
    int[] back;

    /** The arrays that {@link #keepIn} stored in {@code kept}, or new ones if it is null or empty. */
    Work(Object[] kept) {
      if (kept == null || kept[0] == null) {
        em = alpha = beta = score = new double[0];
        bestEnd = back = new int[0];
        candidates = new Candidates(null);
      } else {
        em = (double[]) kept[0];
        alpha = (double[]) kept[1];
        beta = (double[]) kept[2];
        bestEnd = (int[]) kept[3];
        score = (double[]) kept[4];
        back = (int[]) kept[5];
        candidates = new Candidates(kept);
      }
    }

    /** Stores the arrays, as grown, in {@code kept} for the next {@link #Work(Object[])}. */
    void keepIn(Object[] kept) {
      kept[0] = em;
      kept[1] = alpha;
      kept[2] = beta;
      kept[3] = bestEnd;
      kept[4] = score;
      kept[5] = back;
      candidates.keepIn(kept);
    }

    /** Room for a sequence of {@code n} characters. */
    void ensure(int n) {
      if (bestEnd.length < n) {
        int cap = Math.max(n, 2 * bestEnd.length);
        em = new double[4 * cap];
        alpha = new double[4 * cap];
        beta = new double[4 * cap];
        bestEnd = new int[cap];
      }
    }

    /** Room for the word path scores of {@code candidates} candidates. */
    void ensureScores(int candidates) {
      if (score.length < candidates) {
        int cap = Math.max(candidates, 2 * score.length);
        score = new double[cap];
        back = new int[cap];
      }
    }
  }

  /** Candidate words in the order of their starts, each end's list linked from the latest added. */
  private static final class Candidates {
    /** How many arrays {@link #keepIn} stores, after the work's own. */
    static final int KEPT_ARRAYS = 7;
    private static final int FIRST = 6;

    int size;
    int[] start;
    int[] end;
    double[] internal;
    int[] word;
    double[] unigram;
    int[] nextEndingAt;
    int[] firstEndingAt;
    private int from;
    private int[] ids;
    private Lexicon lexicon;
    private ToldWords dictionaryWords;

    /** The arrays {@link #keepIn} stored in {@code kept}, or new ones if it is null. */
    Candidates(Object[] kept) {
      if (kept == null) {
        start = new int[64];
        end = new int[64];
        internal = new double[64];
        word = new int[64];
        unigram = new double[64];
        nextEndingAt = new int[64];
        firstEndingAt = new int[64];
      } else {
        start = (int[]) kept[FIRST];
        end = (int[]) kept[FIRST + 1];
        internal = (double[]) kept[FIRST + 2];
        word = (int[]) kept[FIRST + 3];
        unigram = (double[]) kept[FIRST + 4];
        nextEndingAt = (int[]) kept[FIRST + 5];
        firstEndingAt = (int[]) kept[FIRST + 6];
      }
    }

    void keepIn(Object[] kept) {
      kept[FIRST] = start;
      kept[FIRST + 1] = end;
      kept[FIRST + 2] = internal;
      kept[FIRST + 3] = word;
      kept[FIRST + 4] = unigram;
      kept[FIRST + 5] = nextEndingAt;
      kept[FIRST + 6] = firstEndingAt;
    }

    /** Empties the list for a sequence of {@code n} characters. */
    void reset(int n, int from, int[] ids, Lexicon lexicon, ToldWords dictionaryWords) {
      size = 0;
      if (firstEndingAt.length < n + 1) {
        firstEndingAt = new int[Math.max(n + 1, 2 * firstEndingAt.length)];
      }
      Arrays.fill(firstEndingAt, 0, n + 1, -1);
      this.from = from;
      this.ids = ids;
      this.lexicon = lexicon;
      this.dictionaryWords = dictionaryWords;
    }

    /** Whether the network was told that the unseen word {@code [s, e)} is a word. */
    private boolean told(int s, int e) {
      return lexicon != null && e - s >= 2 && e - s <= Lexicon.MAX_LENGTH && lexicon.isAdded(ids, from + s, e - s)
          || dictionaryWords != null && dictionaryWords.contains(from + s, from + e);
    }

    void add(int s, int e, double score, WordLanguageModel lm, long key, double chars) {
      if (size == start.length) {
        int cap = size * 2;
        start = Arrays.copyOf(start, cap);
        end = Arrays.copyOf(end, cap);
        internal = Arrays.copyOf(internal, cap);
        word = Arrays.copyOf(word, cap);
        unigram = Arrays.copyOf(unigram, cap);
        nextEndingAt = Arrays.copyOf(nextEndingAt, cap);
      }
      int index = lm.index(key);
      start[size] = s;
      end[size] = e;
      internal[size] = score;
      word[size] = index;
      double spelling = lm.spelling(chars, e - s);
      unigram[size] = index == WordLanguageModel.UNKNOWN && told(s, e) ? lm.logUnigramSeenOnce(spelling)
          : lm.logUnigram(index, spelling);
      nextEndingAt[size] = firstEndingAt[e];
      firstEndingAt[e] = size;
      size++;
    }
  }
}
