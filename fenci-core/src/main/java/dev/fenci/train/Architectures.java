package dev.fenci.train;

import dev.fenci.nn.NetworkConfig;
import java.util.List;

/** Named network shapes that {@code fenci train --arch NAME} can train. */
public final class Architectures {
  private Architectures() {}

  public static List<String> names() {
    return List.of("seed");
  }

  /** The network of architecture {@code name} for a vocabulary of {@code vocabSize} ids. */
  public static NetworkConfig config(String name, int vocabSize, String embedInit) {
    switch (name) {
      case "seed":
        return NetworkConfig.seed(vocabSize, embedInit);
      default:
        throw new IllegalArgumentException("unknown architecture '" + name + "' (known: "
            + String.join(", ", names()) + ")");
    }
  }
}
