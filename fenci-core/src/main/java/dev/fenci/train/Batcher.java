package dev.fenci.train;

import java.util.List;
import java.util.SplittableRandom;

/** Splits the training pieces into batches, anew for every epoch. */
interface Batcher {
  /** This epoch's batches, in the order to train on them. */
  List<List<TrainingData.Piece>> epoch(SplittableRandom rnd);
}
