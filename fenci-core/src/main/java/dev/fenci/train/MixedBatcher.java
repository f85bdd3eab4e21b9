package dev.fenci.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batches of pieces of any length: all pieces shuffled anew each epoch, then cut into batches of
 * about the same number of characters. A batch is a {@link dev.fenci.nn.PackedBatch}, whose
 * padding rows keep the pieces apart, so no piece needs padding to another's length. An epoch has
 * as many batches as {@link LengthBatcher}'s would for the same pieces and batch size (so that
 * the two are compared at the same number of optimiser steps); a batch holds at least one piece.
 */
final class MixedBatcher implements Batcher {
  private final List<TrainingData.Piece> pieces;
  private final long charsPerBatch;

  MixedBatcher(List<TrainingData.Piece> pieces, int maxPieces) {
    this.pieces = List.copyOf(pieces);
    long chars = 0;
    for (TrainingData.Piece p : pieces) {
      chars += p.ids().length;
    }
    int batches = Math.max(1, new LengthBatcher(pieces, maxPieces).batchCount());
    this.charsPerBatch = Math.max(1, (chars + batches - 1) / batches);
  }

  /** Characters a batch is filled to (the last one of an epoch may hold fewer). */
  long charsPerBatch() {
    return charsPerBatch;
  }

  @Override
  public List<List<TrainingData.Piece>> epoch(SplittableRandom rnd) {
    List<TrainingData.Piece> all = new ArrayList<>(pieces);
    LengthBatcher.shuffle(all, rnd);
    List<List<TrainingData.Piece>> batches = new ArrayList<>();
    List<TrainingData.Piece> current = new ArrayList<>();
    long chars = 0;
    for (TrainingData.Piece p : all) {
      current.add(p);
      chars += p.ids().length;
      if (chars >= charsPerBatch) {
        batches.add(current);
        current = new ArrayList<>();
        chars = 0;
      }
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }
}
