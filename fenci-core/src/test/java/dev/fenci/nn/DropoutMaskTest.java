package dev.fenci.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The dropout mask is drawn from the training's random stream in a fixed order, so that a seed
 * gives the same model with this code as with the code that wrote it first: one {@code nextLong}
 * per 64 inputs of a row at keep 0.5, one {@code nextInt} per input otherwise, rows in order, gap
 * rows skipped. This test rebuilds that mask the original way and compares the network's input.
 */
class DropoutMaskTest {
  @Test
  void theMaskIsTheOriginalOneAtKeepOneHalf() {
    check(0.5f);
  }

  @Test
  void theMaskIsTheOriginalOneAtOtherKeepProbabilities() {
    check(0.8f);
  }

  private void check(float keep) {
    int vocab = 50;
    int dim = 100; // not a multiple of 64: the last mask word is partly used
    Network net = new Network(new NetworkConfig(vocab, dim, new int[] {8}, 4, keep, "uniform"));
    net.initialise(3);
    SplittableRandom ids = new SplittableRandom(4);
    List<int[]> seqs = new ArrayList<>();
    for (int len : new int[] {7, 1, 12, 3}) {
      int[] s = new int[len];
      for (int j = 0; j < len; j++) {
        s[j] = ids.nextInt(vocab);
      }
      seqs.add(s);
    }
    PackedBatch b = PackedBatch.of(net.pad(), seqs);
    float[] x;
    try (Parallel par = new Parallel(2)) {
      x = net.forward(par, b, new SplittableRandom(99)).activations.get(0);
    }
    // the original: a float mask drawn row by row, then the embedding rows times the mask
    SplittableRandom rnd = new SplittableRandom(99);
    float scale = 1f / keep;
    int threshold = (int) (keep * (1 << 24));
    float[] e = net.params().get(0).value;
    int kept = 0;
    for (int r = 0; r < b.rows; r++) {
      int id = b.ids[r];
      if (id == PackedBatch.GAP) {
        for (int j = 0; j < dim; j++) {
          assertThat(x[r * dim + j]).isZero();
        }
        continue;
      }
      float[] mask = new float[dim];
      if (keep == 0.5f) {
        for (int j = 0; j < dim; j += 64) {
          long bits = rnd.nextLong();
          for (int k = 0; k < Math.min(64, dim - j); k++) {
            mask[j + k] = ((bits >>> k) & 1L) != 0 ? scale : 0f;
          }
        }
      } else {
        for (int j = 0; j < dim; j++) {
          mask[j] = (rnd.nextInt() >>> 8) < threshold ? scale : 0f;
        }
      }
      for (int j = 0; j < dim; j++) {
        float expected = e[id * dim + j] * mask[j];
        assertThat(Float.floatToIntBits(x[r * dim + j])).as("row %d input %d", r, j)
            .isEqualTo(Float.floatToIntBits(expected));
        kept += mask[j] != 0f ? 1 : 0;
      }
    }
    // and the mask did drop about 1 - keep of the inputs
    assertThat((double) kept / (23 * dim)).isBetween(keep - 0.1, keep + 0.1);
  }
}
