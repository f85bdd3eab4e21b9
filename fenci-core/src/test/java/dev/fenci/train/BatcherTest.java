package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatcherTest {
  /** Pieces of lengths 1 to 40, more of the short ones, as in real text cut at punctuation. */
  private static List<TrainingData.Piece> pieces() {
    SplittableRandom r = new SplittableRandom(3);
    List<TrainingData.Piece> out = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      int n = 1 + (int) Math.min(39, -Math.log(1 - r.nextDouble()) * 9);
      out.add(new TrainingData.Piece(new int[n], new int[n]));
    }
    return out;
  }

  private static void assertEveryPieceOnce(List<TrainingData.Piece> pieces, List<List<TrainingData.Piece>> batches) {
    Map<TrainingData.Piece, Integer> seen = new IdentityHashMap<>();
    for (List<TrainingData.Piece> b : batches) {
      assertThat(b).isNotEmpty();
      for (TrainingData.Piece p : b) {
        seen.merge(p, 1, Integer::sum);
      }
    }
    assertThat(seen).hasSize(pieces.size());
    assertThat(seen.values()).containsOnly(1);
  }

  @Test
  void lengthBatchesHoldOneLengthAndAtMostTheBatchSize() {
    List<TrainingData.Piece> pieces = pieces();
    LengthBatcher b = new LengthBatcher(pieces, 64);
    List<List<TrainingData.Piece>> batches = b.epoch(new SplittableRandom(1));
    assertEveryPieceOnce(pieces, batches);
    assertThat(batches).hasSize(b.batchCount());
    for (List<TrainingData.Piece> batch : batches) {
      assertThat(batch.size()).isLessThanOrEqualTo(64);
      assertThat(batch.stream().mapToInt(p -> p.ids().length).distinct().count()).isEqualTo(1);
    }
  }

  @Test
  void mixedBatchesMixLengthsAtTheSameNumberOfStepsAndAreSeeded() {
    List<TrainingData.Piece> pieces = pieces();
    int steps = new LengthBatcher(pieces, 64).batchCount();
    MixedBatcher b = new MixedBatcher(pieces, 64);
    assertThat(b.batches()).isEqualTo(steps);
    List<List<TrainingData.Piece>> batches = b.epoch(new SplittableRandom(1));
    assertEveryPieceOnce(pieces, batches);
    // pieces are at most 40 characters, far shorter than a batch's share: exactly as many batches,
    // each within a piece of its share
    assertThat(batches).hasSize(steps);
    long total = pieces.stream().mapToInt(p -> p.ids().length).sum();
    long share = total / steps;
    for (List<TrainingData.Piece> batch : batches) {
      int chars = batch.stream().mapToInt(p -> p.ids().length).sum();
      assertThat((long) chars).isBetween(share - 40, share + 41);
    }
    assertThat(batches.stream().filter(x -> x.stream().mapToInt(p -> p.ids().length).distinct().count() > 1))
        .hasSizeGreaterThan(batches.size() * 9 / 10);
    // the same seed gives the same batches, another seed others
    assertThat(b.epoch(new SplittableRandom(1))).isEqualTo(batches);
    assertThat(b.epoch(new SplittableRandom(2))).isNotEqualTo(batches);
  }

  @Test
  void aPieceLongerThanABatchsShareIsKeptWhole() {
    List<TrainingData.Piece> pieces = List.of(new TrainingData.Piece(new int[100], new int[100]),
        new TrainingData.Piece(new int[1], new int[1]), new TrainingData.Piece(new int[1], new int[1]));
    MixedBatcher b = new MixedBatcher(pieces, 1); // three length batches: marks at 34, 68 and 102 characters
    assertThat(b.batches()).isEqualTo(3);
    java.util.Set<Integer> counts = new java.util.TreeSet<>();
    for (int seed = 0; seed < 20; seed++) {
      List<List<TrainingData.Piece>> batches = b.epoch(new SplittableRandom(seed));
      assertEveryPieceOnce(pieces, batches);
      counts.add(batches.size());
    }
    // first, the long piece passes two marks and the short ones follow one by one (3 batches);
    // last, it passes all three at once (1 batch)
    assertThat(counts).contains(1, 3).isSubsetOf(1, 2, 3);
  }
}
