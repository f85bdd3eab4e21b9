package dev.fenci.nn;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The tables of the first convolution, for inference (characters; bigrams when they fit, and then
 * the lexicon features' patterns too): see {@link Network}'s {@code firstLayerTable()}.
 */
final class FirstLayerTable {
  final RowTable chars;
  final RowTable bigramRows;
  /** Row p: the lexicon feature bits p (0 to 255) times the weights of each tap. */
  final RowTable lexiconRows;

  /**
   * The tables of {@code first}, the first convolution of a network of {@code config} with
   * character embedding {@code embedding}; {@code bigramTable} gives the bigram table or null
   * (asked after the character table is made), and a network with {@code lexicon} features has
   * the table of their patterns beside a bigram table.
   */
  FirstLayerTable(Conv1d first, Param embedding, NetworkConfig config, Supplier<RowTable> bigramTable, boolean lexicon) {
    chars = new RowTable(first, embedding.value, config.vocabSize(), config.embedDim(), 0, false);
    bigramRows = bigramTable.get();
    if (bigramRows != null && lexicon) {
      int n = config.lexiconDim();
      float[] patterns = new float[(1 << n) * n];
      for (int p = 0; p < 1 << n; p++) {
        Network.features((byte) p, patterns, p * n, n);
      }
      lexiconRows = new RowTable(first, patterns, 1 << n, n, config.embedDim() + config.bigramDim(), false);
      // all 256 rows at once (a few thousand multiply-adds), so that no batch has to check them
      int[] every = new int[1 << n];
      Arrays.setAll(every, p -> p);
      lexiconRows.ensure(every);
    } else {
      lexiconRows = null;
    }
  }
}
