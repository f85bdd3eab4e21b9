package dev.fenci.train;

import dev.fenci.text.TextRules;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Trainer} trains and how.
 *
 * @param train     segmented training files (or People's Daily format)
 * @param dev       segmented development file: scored after each epoch, selects the kept model;
 *                  null: every 20th line of the training data is held out for it
 * @param model     where the best model goes; its checkpoint is {@code model + ".ckpt"}
 * @param arch      architecture name (see {@link Architectures})
 * @param embedInit "uniform" (the seed's uniform(-1, 1)) or "normal" (N(0, 1))
 * @param rules     text rules (see {@link TextRules})
 * @param epochs    epochs to run in all (a resumed run continues up to this number)
 * @param batch     most pieces in one batch
 * @param threads   threads for the matrix products
 * @param seed      seed of every random choice (initialisation, shuffling, dropout)
 * @param minCount  characters seen fewer times share the unknown id (with {@code init}: characters
 *                  that the model's vocabulary cannot read, see {@link dev.fenci.model.Vocabulary#read})
 * @param resume    continue from the checkpoint if there is one
 * @param lr        Adam's learning rate (the seed: 0.001)
 * @param schedule  "constant" (the seed) or "cosine": the learning rate of epoch e (1-based) of E is
 *                  {@code lr * (0.05 + 0.95 * (1 + cos(pi * (e - 1) / E)) / 2)}
 * @param lenient   invalid UTF-8 in the training and dev files becomes U+FFFD (counted) instead of an error
 * @param unkRate   each training character is replaced, with this probability and afresh in every
 *                  batch, by the unknown id (so is the bigram it starts): the network learns to
 *                  segment around characters and pairs it has not seen, as in text outside the
 *                  training data; 0 (the seed) keeps every character
 * @param keep      dropout keep probability on the embeddings; 0 keeps the architecture's (0.5 for all)
 * @param ema       decay of a moving average of the weights, updated after every step and scored on
 *                  dev beside them after every epoch (the better of the two is kept); 0 (the seed): none
 * @param batches   "length" (the seed: pieces of one length per batch, see {@link LengthBatcher}) or
 *                  "mixed" (pieces of any length, as many batches per epoch, see {@link MixedBatcher})
 * @param hiddenKeep dropout keep probability on the outputs of the hidden convolutions (after their
 *                  ReLU, before the next convolution); 1 (the seed): no dropout there
 * @param weightDecay decoupled weight decay (AdamW) on the weights and embeddings, not the biases or
 *                  transition scores; 0 (the seed): none
 * @param init      a preset name or model file to start from (fine-tuning), or null: random weights.
 *                  The run keeps that model's network, weights and text rules ({@code arch} and
 *                  {@code rules} must be its own; {@code embedInit} plays no part); its vocabulary
 *                  grows by the new characters seen at least {@code minCount} times, its bigram table by
 *                  the new bigrams seen as often as the architecture asks (each new row starting as
 *                  the row the model read in its place), and its lexicon by the new training words
 * @param wordModel whether the model gets a word bigram language model of the training words,
 *                  decoded with over a word lattice (and so scored on dev), see
 *                  {@link dev.fenci.model.WordLanguageModel}; a run from a model ({@code init})
 *                  that has one gets one of its own training words either way
 */
public record TrainingOptions(List<Path> train, Path dev, Path model, String arch, String embedInit,
    TextRules rules, int epochs, int batch, int threads, long seed, int minCount, boolean resume,
    float lr, String schedule, boolean lenient, float unkRate, float keep, float ema, String batches,
    float hiddenKeep, float weightDecay, String init, boolean wordModel) {

  public TrainingOptions {
    if (!(lr > 0 && lr < 1)) {
      throw new IllegalArgumentException("learning rate must be in (0, 1), got " + lr);
    }
    if (!schedule.equals("constant") && !schedule.equals("cosine")) {
      throw new IllegalArgumentException("learning-rate schedule must be 'constant' or 'cosine', got " + schedule);
    }
    if (!(unkRate >= 0 && unkRate < 1)) {
      throw new IllegalArgumentException("unknown-character rate must be in [0, 1), got " + unkRate);
    }
    if (!(keep == 0 || (keep > 0 && keep <= 1))) {
      throw new IllegalArgumentException("dropout keep probability must be in (0, 1] (or 0: the architecture's), got " + keep);
    }
    if (!(ema == 0 || (ema > 0 && ema < 1))) {
      throw new IllegalArgumentException("moving-average decay must be in (0, 1) (or 0: none), got " + ema);
    }
    if (!"length".equals(batches) && !"mixed".equals(batches)) {
      throw new IllegalArgumentException("batches must be 'length' or 'mixed', got " + batches);
    }
    if (!(weightDecay >= 0 && lr * weightDecay < 1)) {
      throw new IllegalArgumentException("weight decay must be at least 0 and below 1 / learning rate ("
          + 1 / lr + "), got " + weightDecay);
    }
    if (!(hiddenKeep > 0 && hiddenKeep <= 1)) {
      throw new IllegalArgumentException("hidden dropout keep probability must be in (0, 1] (1: none), got " + hiddenKeep);
    }
  }

  /** Options without a word language model. */
  public TrainingOptions(List<Path> train, Path dev, Path model, String arch, String embedInit,
      TextRules rules, int epochs, int batch, int threads, long seed, int minCount, boolean resume,
      float lr, String schedule, boolean lenient, float unkRate, float keep, float ema, String batches,
      float hiddenKeep, float weightDecay, String init) {
    this(train, dev, model, arch, embedInit, rules, epochs, batch, threads, seed, minCount, resume, lr, schedule,
        lenient, unkRate, keep, ema, batches, hiddenKeep, weightDecay, init, false);
  }

  /** Options that start from random weights. */
  public TrainingOptions(List<Path> train, Path dev, Path model, String arch, String embedInit,
      TextRules rules, int epochs, int batch, int threads, long seed, int minCount, boolean resume,
      float lr, String schedule, boolean lenient, float unkRate, float keep, float ema, String batches,
      float hiddenKeep, float weightDecay) {
    this(train, dev, model, arch, embedInit, rules, epochs, batch, threads, seed, minCount, resume, lr, schedule,
        lenient, unkRate, keep, ema, batches, hiddenKeep, weightDecay, null);
  }

  /** Options without dropout on the hidden layers. */
  public TrainingOptions(List<Path> train, Path dev, Path model, String arch, String embedInit,
      TextRules rules, int epochs, int batch, int threads, long seed, int minCount, boolean resume,
      float lr, String schedule, boolean lenient, float unkRate, float keep, float ema, String batches) {
    this(train, dev, model, arch, embedInit, rules, epochs, batch, threads, seed, minCount, resume, lr, schedule,
        lenient, unkRate, keep, ema, batches, 1f, 0f);
  }

  /** Options with the seed's batches (pieces of one length per batch). */
  public TrainingOptions(List<Path> train, Path dev, Path model, String arch, String embedInit,
      TextRules rules, int epochs, int batch, int threads, long seed, int minCount, boolean resume,
      float lr, String schedule, boolean lenient, float unkRate, float keep, float ema) {
    this(train, dev, model, arch, embedInit, rules, epochs, batch, threads, seed, minCount, resume, lr, schedule,
        lenient, unkRate, keep, ema, "length");
  }

  /** This epoch's batches of {@code pieces}, made as {@link #batches} says. */
  Batcher batcher(List<TrainingData.Piece> pieces) {
    return batches.equals("mixed") ? new MixedBatcher(pieces, batch) : new LengthBatcher(pieces, batch);
  }

  /** The seed's optimiser settings: Adam at a constant learning rate of 0.001. */
  public TrainingOptions(List<Path> train, Path dev, Path model, String arch, String embedInit,
      TextRules rules, int epochs, int batch, int threads, long seed, int minCount, boolean resume) {
    this(train, dev, model, arch, embedInit, rules, epochs, batch, threads, seed, minCount, resume, 1e-3f, "constant",
        false, 0f, 0f, 0f);
  }

  /** The learning rate of epoch {@code epoch} (1-based). */
  public float learningRate(int epoch) {
    if (schedule.equals("constant")) {
      return lr;
    }
    double f = 0.05 + 0.95 * (1 + Math.cos(Math.PI * (epoch - 1) / epochs)) / 2;
    return (float) (lr * f);
  }

  public Path checkpoint() {
    return model.resolveSibling(model.getFileName() + ".ckpt");
  }
}
