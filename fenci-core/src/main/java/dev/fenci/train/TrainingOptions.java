package dev.fenci.train;

import dev.fenci.text.TextRules;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Trainer} trains and how.
 *
 * @param train     segmented training files (or People's Daily format)
 * @param dev       segmented development file: scored after each epoch, selects the kept model
 * @param model     where the best model goes; its checkpoint is {@code model + ".ckpt"}
 * @param arch      architecture name (see {@link Architectures})
 * @param embedInit "uniform" (the seed's uniform(-1, 1)) or "normal" (N(0, 1))
 * @param rules     text rules (see {@link TextRules})
 * @param epochs    epochs to run in all (a resumed run continues up to this number)
 * @param batch     most pieces in one batch
 * @param threads   threads for the matrix products
 * @param seed      seed of every random choice (initialisation, shuffling, dropout)
 * @param minCount  characters seen fewer times share the unknown id
 * @param resume    continue from the checkpoint if there is one
 */
public record TrainingOptions(List<Path> train, Path dev, Path model, String arch, String embedInit,
    TextRules rules, int epochs, int batch, int threads, long seed, int minCount, boolean resume) {

  public Path checkpoint() {
    return model.resolveSibling(model.getFileName() + ".ckpt");
  }
}
