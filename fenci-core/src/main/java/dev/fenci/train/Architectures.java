package dev.fenci.train;

import dev.fenci.nn.NetworkConfig;
import java.util.List;

/** Named network shapes that {@code fenci train --arch NAME} can train. */
public final class Architectures {
  private Architectures() {}

  /** The architecture of the default preset ({@code accurate}), which {@code fenci train} trains unless told otherwise. */
  public static final String DEFAULT = "accurate-lex";

  /** The names of the architectures {@code fenci train --arch} takes. */
  public static List<String> names() {
    return List.of("seed", "bigram", "bigram-deep", "accurate", "accurate-crf", "fast", "fast-wide", "fast-deep",
        "accurate-dil", "accurate-dil-wide", "accurate-wide", "accurate-lex", "accurate-lex-deep", "fast-lex");
  }

  /**
   * The network of architecture {@code name} for a vocabulary of {@code vocabSize} ids (the
   * number of bigram ids is filled in by the trainer from the data, see {@link #bigramMinCount}).
   */
  public static NetworkConfig config(String name, int vocabSize, String embedInit) {
    switch (name) {
      case "seed":
        return NetworkConfig.seed(vocabSize, embedInit);
      case "bigram": // the seed plus a 32-wide embedding of the bigram at each position
        return new NetworkConfig(vocabSize, 128, 1, 32, new int[] {128, 32}, 4, 0.5f, embedInit);
      case "bigram-deep": // wider bigram embedding, one more layer (receptive field 4 + 1 characters)
        return new NetworkConfig(vocabSize, 128, 1, 48, new int[] {160, 64, 32}, 4, 0.5f, embedInit);
      case "accurate": // the shipped default: bigram-deep's extra layer, narrower for speed
      case "accurate-crf": // accurate plus learned transition scores (see hasTransitions)
      case "accurate-lex": // accurate-crf plus lexicon features of the training words (see hasLexicon)
        return new NetworkConfig(vocabSize, 128, 1, 48, new int[] {128, 48, 32}, 4, 0.5f, embedInit);
      case "accurate-lex-deep": // accurate-lex with one more convolution (one character more context each side)
        return new NetworkConfig(vocabSize, 128, 1, 48, new int[] {128, 96, 48, 32}, 4, 0.5f, embedInit);
      case "accurate-dil": // accurate-crf with dilated middle layers: 6 + 1 characters each side, same cost
        return config("accurate", vocabSize, embedInit).withDilations(1, 2, 2, 1);
      case "accurate-dil-wide": // dilations 1, 2, 4, 1: 8 + 1 characters each side, same cost
        return config("accurate", vocabSize, embedInit).withDilations(1, 2, 4, 1);
      case "accurate-wide": // accurate-crf with wider middle layers, still above 300,000 chars/s
        return new NetworkConfig(vocabSize, 128, 1, 48, new int[] {144, 56, 32}, 4, 0.5f, embedInit);
      case "fast": // narrow layers after the first, whose cost at inference is table lookups
        return new NetworkConfig(vocabSize, 64, 1, 32, new int[] {32, 16}, 4, 0.5f, embedInit);
      case "fast-wide": // fast with accurate's wider embeddings (free at inference: tables)
      case "fast-lex": // fast-wide plus lexicon features (at inference a table of their 256 patterns)
        return new NetworkConfig(vocabSize, 128, 1, 64, new int[] {32, 16}, 4, 0.5f, embedInit);
      case "fast-deep": // fast-wide with one more narrow layer (receptive field 4 + 1 characters)
        return new NetworkConfig(vocabSize, 128, 1, 64, new int[] {32, 16, 16}, 4, 0.5f, embedInit);
      default:
        throw new IllegalArgumentException("unknown architecture '" + name + "' (known: "
            + String.join(", ", names()) + ")");
    }
  }

  /** Bigrams seen fewer times in the training data share the unknown bigram's embedding. */
  public static int bigramMinCount(String name) {
    // 3 keeps the shipped model's table (and heap) smaller
    return name.startsWith("accurate") || name.startsWith("fast") ? 3 : 2;
  }

  /**
   * Whether architecture {@code name} has a linear-chain CRF output layer: learned transition
   * scores ({@link dev.fenci.nn.Transitions}) trained with the CRF loss
   * ({@link dev.fenci.nn.CrfLoss}) instead of per-character cross-entropy.
   */
  public static boolean hasTransitions(String name) {
    return name.equals("accurate-crf") || name.equals("accurate-wide") || name.startsWith("accurate-lex") || name.startsWith("accurate-dil") || name.startsWith("fast");
  }

  /**
   * Whether architecture {@code name} reads lexicon features: for every character, whether a
   * training word of each length starts or ends there ({@link dev.fenci.nn.Lexicon}).
   */
  public static boolean hasLexicon(String name) {
    return name.startsWith("accurate-lex") || name.equals("fast-lex");
  }
}
