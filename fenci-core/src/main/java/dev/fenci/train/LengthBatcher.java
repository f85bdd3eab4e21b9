package dev.fenci.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The seed's batching: pieces of exactly one length per batch, at most {@code maxPieces} of them,
 * pieces and batches shuffled anew each epoch. No padding is ever needed inside a batch.
 */
public final class LengthBatcher implements Batcher {
  private final TreeMap<Integer, List<TrainingData.Piece>> byLength = new TreeMap<>();
  private final int maxPieces;

  public LengthBatcher(List<TrainingData.Piece> pieces, int maxPieces) {
    if (maxPieces < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + maxPieces);
    }
    this.maxPieces = maxPieces;
    for (TrainingData.Piece p : pieces) {
      byLength.computeIfAbsent(p.ids().length, k -> new ArrayList<>()).add(p);
    }
  }

  @Override
  public List<List<TrainingData.Piece>> epoch(SplittableRandom rnd) {
    List<List<TrainingData.Piece>> batches = new ArrayList<>();
    for (List<TrainingData.Piece> group : byLength.values()) {
      List<TrainingData.Piece> g = new ArrayList<>(group);
      shuffle(g, rnd);
      for (int i = 0; i < g.size(); i += maxPieces) {
        batches.add(g.subList(i, Math.min(g.size(), i + maxPieces)));
      }
    }
    shuffle(batches, rnd);
    return batches;
  }

  /** How many batches an epoch has. */
  int batchCount() {
    int n = 0;
    for (List<TrainingData.Piece> group : byLength.values()) {
      n += (group.size() + maxPieces - 1) / maxPieces;
    }
    return n;
  }

  static <T> void shuffle(List<T> list, SplittableRandom rnd) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
