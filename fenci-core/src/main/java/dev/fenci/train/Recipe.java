package dev.fenci.train;

/**
 * The training settings an architecture is trained with unless told otherwise: those its preset
 * was trained with (docs/results.md), so that {@code fenci train --train FILE --model OUT} trains
 * the default model's recipe, and {@code --arch seed} the seed's.
 *
 * @param epochs    epochs to run
 * @param batch     most pieces per batch
 * @param schedule  learning-rate schedule, "constant" or "cosine"
 * @param ema       decay of the moving average of the weights (0: none)
 * @param wordModel whether the model gets a word bigram language model of its training words
 * @param pretrain  epochs of skip-gram over the training text that the embeddings start from
 *                  ({@link TrainingOptions#pretrain()}; 0: none)
 */
public record Recipe(int epochs, int batch, String schedule, float ema, boolean wordModel, int pretrain) {

  /** The recipe of architecture {@code name} (see {@link Architectures#names()}). */
  public static Recipe of(String name) {
    if (!Architectures.names().contains(name)) {
      throw new IllegalArgumentException("unknown architecture '" + name + "' (known: "
          + String.join(", ", Architectures.names()) + ")");
    }
    if (Architectures.hasLexicon(name)) {
      // accurate and fast: 20 epochs of a cosine schedule over small batches, the moving average
      // beside the weights; the word model only where the preset decodes with one (accurate). No
      // pretraining (--pretrain): the shipped presets but accurate (fiftieth session: --pretrain 3
      // --lattice-loss, docs/training.md) were trained without it
      return new Recipe(20, 256, "cosine", 0.999f, name.equals("accurate-lex"), 0);
    }
    // the seed's Adam at a constant rate over batches of one length; the ablation architectures
    // before the lexicon were compared with their schedules given explicitly (docs/results.md)
    return new Recipe(30, 1024, "constant", 0f, false, 0);
  }
}
