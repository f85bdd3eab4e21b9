package dev.fenci.train;

import dev.fenci.model.Vocabulary;
import dev.fenci.nn.Lexicon;
import dev.fenci.tag.Tag;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>A run that starts from a trained model (fine-tuning) keeps that model's lexicon: its words are
 * known to every piece, and the lexicon kept holds them and the new training words.
 */
final class LexiconFeatures {
  static final int FOLDS = 10;

  private final Lexicon lexicon;
  private final List<TrainingData.Piece> pieces;

  LexiconFeatures(List<TrainingData.Piece> pieces) {
    this(pieces, null);
  }

  /** As {@link #LexiconFeatures(List)}, with the words of {@code base} (null: none) known to every piece. */
  LexiconFeatures(List<TrainingData.Piece> pieces, Lexicon base) {
    // per word (by hash): its count in every fold, then the total
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
            if (!words.containsKey(h) && (base == null || !base.containsHash(h))) {
              words.put(h, Arrays.copyOfRange(ids, start, start + len));
            }
          }
        }
      }
    }
    List<int[]> added = new ArrayList<>(words.values());
    // the network trains with every word of it, the base's added words too: all of them are trained words
    this.lexicon = base == null ? Lexicon.of(added) : new Lexicon(base.with(added).words());
    List<TrainingData.Piece> out = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      int fold = fold(p, n);
      TrainingData.Piece piece = pieces.get(p);
      byte[] f = new byte[piece.ids().length];
      // every length is looked up: the fold's words are not kept with their prefixes
      Lexicon.features(piece.ids(), 0, f.length, f, 0, h -> {
        int[] c = counts.get(h);
        boolean known = (c != null && c[FOLDS] - c[fold] > 0) || (base != null && base.containsHash(h));
        return (known ? Lexicon.WORD : 0) | Lexicon.PREFIX;
      });
      out.add(new TrainingData.Piece(piece.ids(), piece.tags(), f));
    }
    this.pieces = out;
  }

  static int fold(int piece, int pieces) {
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

  /** Every training word (and the base lexicon's): the lexicon the model keeps for segmentation. */
  Lexicon lexicon() {
    return lexicon;
  }

  /** The pieces, in the same order, each with its features from the other folds' words. */
  List<TrainingData.Piece> pieces() {
    return pieces;
  }
}
