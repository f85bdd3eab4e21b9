package dev.fenci.train;

import dev.fenci.model.Vocabulary;
import dev.fenci.nn.Lexicon;
import dev.fenci.tag.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lexicon of a training run and the lexicon features of its pieces. The lexicon holds every
 * gold word of two to {@link Lexicon#MAX_LENGTH} characters in the training pieces (words with an
 * unknown character left out). A piece's features come from the words of the other
 * {@link #FOLDS} - 1 folds only (folds are contiguous runs of pieces, so roughly stretches of
 * time): at segmentation time some words are missing from the lexicon, and the network must see
 * that in training too, or it would learn to trust the lexicon blindly.
 *
 * <p>With more than one word class, a word's class says how far its occurrences can be trusted,
 * counted in the data the lexicon comes from (the other folds for a training piece, all of it for
 * the model): with 2 or 4 classes, class bit 0 is set when the word's characters are that word in
 * fewer than half of their occurrences ({@code 面的} is a word 4 times in 627); with 4, class bit
 * 1 is set when the word was seen only once.
 */
final class LexiconFeatures {
  static final int FOLDS = 10;

  private final Lexicon lexicon;
  private final List<TrainingData.Piece> pieces;

  LexiconFeatures(List<TrainingData.Piece> pieces, int classes) {
    if (classes != 1 && classes != 2 && classes != 4) {
      throw new IllegalArgumentException("lexicon word classes must be 1, 2 or 4, got " + classes);
    }
    // per word (by hash): its count as a word in every fold, then the total
    Map<Long, int[]> counts = new HashMap<>();
    Map<Long, int[]> words = new LinkedHashMap<>();
    int n = pieces.size();
    for (int p = 0; p < n; p++) {
      int fold = fold(p, n);
      int[] ids = pieces.get(p).ids();
      int[] tags = pieces.get(p).tags();
      int start = 0;
      for (int i = 0; i < ids.length; i++) {
        if (tags[i] == Tag.B.ordinal() || tags[i] == Tag.S.ordinal()) {
          start = i;
        }
        if (tags[i] == Tag.E.ordinal()) {
          int len = i - start + 1;
          if (len <= Lexicon.MAX_LENGTH && known(ids, start, len)) {
            long h = Lexicon.hash(ids, start, len);
            int[] c = counts.computeIfAbsent(h, k -> new int[FOLDS + 1]);
            c[fold]++;
            c[FOLDS]++;
            if (!words.containsKey(h)) {
              words.put(h, java.util.Arrays.copyOfRange(ids, start, start + len));
            }
          }
        }
      }
    }
    // per word: how often its characters occur in every fold, as the word or not
    Map<Long, int[]> occurrences = new HashMap<>();
    if (classes > 1) {
      int[] scratch = new int[0];
      for (int p = 0; p < n; p++) {
        int fold = fold(p, n);
        int[] ids = pieces.get(p).ids();
        if (scratch.length < ids.length) {
          scratch = new int[ids.length];
        }
        Lexicon.features(ids, 0, ids.length, scratch, 0, h -> {
          if (counts.containsKey(h)) {
            int[] c = occurrences.computeIfAbsent(h, k -> new int[FOLDS + 1]);
            c[fold]++;
            c[FOLDS]++;
          }
          return -1;
        });
      }
    }
    int[] classOf = new int[words.size()];
    int w = 0;
    for (Long h : words.keySet()) {
      classOf[w++] = classes == 1 ? 0 : wordClass(counts.get(h)[FOLDS], occurrences.get(h)[FOLDS], classes);
    }
    this.lexicon = Lexicon.of(new ArrayList<>(words.values()), classOf, classes);
    List<TrainingData.Piece> out = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      int fold = fold(p, n);
      TrainingData.Piece piece = pieces.get(p);
      int[] f = new int[piece.ids().length];
      Lexicon.features(piece.ids(), 0, f.length, f, 0, h -> {
        int[] c = counts.get(h);
        if (c == null || c[FOLDS] == c[fold]) {
          return -1;
        }
        if (classes == 1) {
          return 0;
        }
        int[] o = occurrences.get(h);
        return wordClass(c[FOLDS] - c[fold], o[FOLDS] - o[fold], classes);
      });
      out.add(new TrainingData.Piece(piece.ids(), piece.tags(), f));
    }
    this.pieces = out;
  }

  /** The class of a word seen {@code asWord} times among {@code occurrences} of its characters. */
  static int wordClass(int asWord, int occurrences, int classes) {
    int c = 2 * asWord < occurrences ? 1 : 0;
    if (classes == 4 && asWord < 2) {
      c |= 2;
    }
    return c;
  }

  private static int fold(int piece, int pieces) {
    return (int) ((long) piece * FOLDS / pieces);
  }

  private static boolean known(int[] ids, int from, int len) {
    for (int i = from; i < from + len; i++) {
      if (ids[i] == Vocabulary.UNKNOWN) {
        return false;
      }
    }
    return true;
  }

  /** Every training word: the lexicon the model keeps for segmentation. */
  Lexicon lexicon() {
    return lexicon;
  }

  /** The pieces, in the same order, each with its features from the other folds' words. */
  List<TrainingData.Piece> pieces() {
    return pieces;
  }
}
