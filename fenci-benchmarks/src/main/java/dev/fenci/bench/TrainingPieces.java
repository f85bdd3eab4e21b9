package dev.fenci.bench;

import dev.fenci.corpus.Corpus;
import dev.fenci.text.TextRules;
import dev.fenci.train.TrainingData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the pieces {@code fenci train} builds from a training file (default text rules, characters
 * seen at least twice, as the trainer does) as {@code ids<TAB>tags} lines, numbers separated by
 * spaces, with a first line {@code vocab N}. The PyTorch reference
 * ({@code scripts/torch_seed_train.py}) trains on exactly these pieces, so that both frameworks
 * see the same batches of the same lengths.
 *
 * <pre>java -cp benchmarks.jar dev.fenci.bench.TrainingPieces TRAIN.utf8 OUT.tsv</pre>
 */
public final class TrainingPieces {
  private TrainingPieces() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: TrainingPieces TRAIN.utf8 OUT.tsv");
      System.exit(2);
    }
    List<List<String>> sentences = Corpus.read(Path.of(args[0]));
    TrainingData data = TrainingData.build(sentences, TextRules.parse("fold"), 2);
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      w.write("vocab " + data.vocabulary().size() + "\n");
      StringBuilder sb = new StringBuilder();
      for (TrainingData.Piece p : data.pieces()) {
        sb.setLength(0);
        join(sb, p.ids());
        sb.append('\t');
        join(sb, p.tags());
        w.write(sb.append('\n').toString());
      }
    }
    System.err.printf("%,d pieces, %,d characters, vocabulary %,d%n", data.pieces().size(), data.characters(),
        data.vocabulary().size());
  }

  private static void join(StringBuilder sb, int[] xs) {
    for (int i = 0; i < xs.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(xs[i]);
    }
  }
}
