package dev.fenci.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batches of pieces of any length: all pieces shuffled anew each epoch, then cut into batches of
 * about the same number of characters. A batch is a {@link dev.fenci.nn.PackedBatch}, whose
 * padding rows keep the pieces apart, so no piece needs padding to another's length. An epoch has
 * as many batches as {@link LengthBatcher}'s for the same pieces and batch size (so that the two
 * are compared at the same number of optimiser steps): batch k ends with the piece that takes the
 * running count of characters to {@code k * characters / batches} or past it. Only a piece longer
 * than a batch's share, which passes two such marks at once, makes one batch fewer.
 */
final class MixedBatcher implements Batcher {
  private final List<TrainingData.Piece> pieces;
  private final long characters;
  private final int batches;

  MixedBatcher(List<TrainingData.Piece> pieces, int maxPieces) {
    this.pieces = List.copyOf(pieces);
    long chars = 0;
    for (TrainingData.Piece p : pieces) {
      chars += p.ids().length;
    }
    this.characters = chars;
    this.batches = Math.max(1, new LengthBatcher(pieces, maxPieces).batchCount());
  }

  /** Batches an epoch is cut into. */
  int batches() {
    return batches;
  }

  @Override
  public List<List<TrainingData.Piece>> epoch(SplittableRandom rnd) {
    List<TrainingData.Piece> all = new ArrayList<>(pieces);
    LengthBatcher.shuffle(all, rnd);
    List<List<TrainingData.Piece>> out = new ArrayList<>(batches);
    List<TrainingData.Piece> current = new ArrayList<>();
    long chars = 0;
    for (TrainingData.Piece p : all) {
      current.add(p);
      chars += p.ids().length;
      // the mark of batch out.size() + 1, in exact integer arithmetic
      if (chars * batches >= (out.size() + 1L) * characters) {
        out.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
