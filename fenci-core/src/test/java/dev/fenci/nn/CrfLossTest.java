package dev.fenci.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.tag.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The CRF loss against brute force over every tag path (log-partition, loss) and its gradients
 * (at the logits and at the transitions) against central finite differences.
 */
class CrfLossTest {
  /** Transitions with every legal entry drawn from N(0, scale^2). */
  static Transitions randomTransitions(SplittableRandom r, double scale) {
    float[] v = new Transitions().param().value.clone();
    for (int i = 0; i < v.length; i++) {
      if (Transitions.legal(i / 4, i % 4)) {
        v[i] = (float) (Network.gaussian(r) * scale);
      }
    }
    return Transitions.of(v);
  }

  private static float[] randomScores(SplittableRandom r, int n) {
    float[] x = new float[n * 4];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (Network.gaussian(r) * 2);
    }
    return x;
  }

  /** Score of a path (start, tag scores, transitions, end); -inf when illegal. */
  static double pathScore(float[] x, int off, int[] tags, Transitions tr) {
    int n = tags.length;
    double s = tr.start(tags[0]) + (double) tr.end(tags[n - 1]);
    for (int i = 0; i < n; i++) {
      s += x[off + 4 * i + tags[i]];
      if (i > 0) {
        s += tr.transition(tags[i - 1], tags[i]);
      }
    }
    return s;
  }

  /** Every tag sequence of length n (legal or not). */
  static List<int[]> allPaths(int n) {
    List<int[]> out = new ArrayList<>();
    for (int code = 0; code < 1 << (2 * n); code++) {
      int[] tags = new int[n];
      for (int i = 0; i < n; i++) {
        tags[i] = (code >> (2 * i)) & 3;
      }
      out.add(tags);
    }
    return out;
  }

  static boolean legal(int[] tags) {
    if (!Tag.of(tags[0]).startsWord() || !Tag.of(tags[tags.length - 1]).endsWord()) {
      return false;
    }
    for (int i = 1; i < tags.length; i++) {
      if (!Tag.of(tags[i - 1]).canPrecede(Tag.of(tags[i]))) {
        return false;
      }
    }
    return true;
  }

  private static double bruteLogPartition(float[] x, int off, int n, Transitions tr) {
    double max = Double.NEGATIVE_INFINITY;
    List<Double> scores = new ArrayList<>();
    for (int[] path : allPaths(n)) {
      double s = pathScore(x, off, path, tr);
      if (legal(path)) {
        assertThat(s).isFinite();
      } else {
        assertThat(s).as("an illegal path scores -inf").isEqualTo(Double.NEGATIVE_INFINITY);
        continue;
      }
      scores.add(s);
      max = Math.max(max, s);
    }
    double sum = 0;
    for (double s : scores) {
      sum += Math.exp(s - max);
    }
    return max + Math.log(sum);
  }

  @Test
  void logPartitionEqualsTheSumOverEveryLegalPath() {
    SplittableRandom r = new SplittableRandom(11);
    for (int n = 1; n <= 6; n++) {
      for (int rep = 0; rep < 20; rep++) {
        float[] x = randomScores(r, n + 2);
        Transitions tr = rep == 0 ? new Transitions() : randomTransitions(r, 1.5);
        double expected = bruteLogPartition(x, 4, n, tr);
        assertThat(CrfLoss.logPartition(x, 4, n, tr)).as("n %d rep %d", n, rep)
            .isCloseTo(expected, Offset.offset(1e-9 * Math.max(1, Math.abs(expected))));
      }
    }
  }

  @Test
  void untrainedTransitionsCountLegalPaths() {
    // all-zero scores and transitions: Z is the number of legal paths, 2^(n-1) (one per segmentation)
    for (int n = 1; n <= 10; n++) {
      assertThat(CrfLoss.logPartition(new float[4 * n], 0, n, new Transitions()))
          .isCloseTo((n - 1) * Math.log(2), Offset.offset(1e-12));
    }
  }

  private static final int[][] GOLD = {{1, 2, 2, 3, 0}, {0}, {1, 3, 0, 1, 3, 0}};

  private static PackedBatch batch() {
    int[][] ids = new int[GOLD.length][];
    for (int i = 0; i < GOLD.length; i++) {
      ids[i] = new int[GOLD[i].length];
    }
    return PackedBatch.of(1, ids);
  }

  private static int[] gold(PackedBatch b) {
    int[] gold = new int[b.rows()];
    Arrays.fill(gold, -1);
    for (int i = 0; i < b.sequences(); i++) {
      System.arraycopy(GOLD[i], 0, gold, b.start(i), b.length(i));
    }
    return gold;
  }

  @Test
  void lossIsTheSumOfEachPiecesNegativeLogLikelihood() {
    SplittableRandom r = new SplittableRandom(5);
    PackedBatch b = batch();
    float[] x = randomScores(r, b.rows());
    Transitions tr = randomTransitions(r, 1);
    double expected = 0;
    for (int i = 0; i < b.sequences(); i++) {
      expected += bruteLogPartition(x, 4 * b.start(i), b.length(i), tr) - pathScore(x, 4 * b.start(i), GOLD[i], tr);
    }
    SoftmaxCrossEntropy.Result res = CrfLoss.lossAndGrad(x, b, gold(b), tr, new float[x.length]);
    assertThat(res.loss()).isCloseTo(expected, Offset.offset(1e-9));
    assertThat(res.count()).isEqualTo(12);
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(7);
    PackedBatch b = batch();
    int[] gold = gold(b);
    float[] x = randomScores(r, b.rows());
    Transitions tr = randomTransitions(r, 1);
    float[] grad = new float[x.length];
    Arrays.fill(grad, 99f); // overwritten, zero on padding rows
    float[] tg = tr.param().grad();
    Arrays.fill(tg, 0.5f); // added to
    CrfLoss.lossAndGrad(x, b, gold, tr, grad);
    float[] tGrad = tg.clone();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (int k = 0; k < x.length; k++) {
      if (b.isGap(k / 4)) {
        assertThat(grad[k]).as("padding row gradient").isZero();
        continue;
      }
      double numeric = numeric(x, k, () -> CrfLoss.lossAndGrad(x, b, gold, tr, new float[x.length]).loss());
      if (Math.abs(numeric - grad[k]) > 1e-3) {
        wrong.add(String.format("logit %d: analytic %f numeric %f", k, grad[k], numeric));
      }
      checked++;
    }
    float[] tv = tr.param().value;
    for (int k = 0; k < tv.length; k++) {
      if (!Transitions.legal(k / 4, k % 4)) {
        assertThat(tGrad[k]).as("illegal entry %d gets no gradient", k).isEqualTo(0.5f);
        continue;
      }
      double numeric = numeric(tv, k, () -> CrfLoss.lossAndGrad(x, b, gold, tr, new float[x.length]).loss());
      if (Math.abs(numeric - (tGrad[k] - 0.5f)) > 1e-3) {
        wrong.add(String.format("transition %d: analytic %f numeric %f", k, tGrad[k] - 0.5f, numeric));
      }
      checked++;
    }
    assertThat(checked).isEqualTo(12 * 4 + 12);
    assertThat(wrong).isEmpty();
  }

  /** Central difference of {@code loss} in {@code v[k]}, with the step actually taken in float. */
  private static double numeric(float[] v, int k, java.util.function.DoubleSupplier loss) {
    float old = v[k];
    float up = (float) (old + 1e-2);
    float down = (float) (old - 1e-2);
    v[k] = up;
    double lu = loss.getAsDouble();
    v[k] = down;
    double ld = loss.getAsDouble();
    v[k] = old;
    return (lu - ld) / ((double) up - down);
  }

  @Test
  void gradientsThroughTheNetworkMatchFiniteDifferences() {
    // the whole chain: network weights through the CRF loss (conv weights, a sample of them)
    Network net = new Network(new NetworkConfig(7, 5, new int[] {6, 3}, 4, 1f, "normal"));
    net.initialise(3);
    int[][] seqs = {{1, 2, 3, 4, 5}, {6}, {2, 2, 0, 1, 3, 3}};
    PackedBatch b = PackedBatch.of(net.pad(), seqs);
    int[] gold = gold(b);
    Transitions tr = randomTransitions(new SplittableRandom(2), 1);
    java.util.function.DoubleSupplier loss = () -> {
      Network.Trace t = net.forward(Parallel.SERIAL, b, null);
      return CrfLoss.lossAndGrad(t.logits(), b, gold, tr, new float[t.logits().length]).loss();
    };
    Network.Trace t = net.forward(Parallel.SERIAL, b, null);
    float[] g = new float[t.logits().length];
    CrfLoss.lossAndGrad(t.logits(), b, gold, tr, g);
    net.zeroGrad();
    net.backward(Parallel.SERIAL, t, g);
    List<String> wrong = new ArrayList<>();
    for (Param p : net.params()) {
      float[] analytic = p.grad().clone();
      for (int i = 0; i < p.size(); i += 3) {
        float old = p.value[i];
        p.value[i] = old + 1e-3f;
        net.refresh();
        double up = loss.getAsDouble();
        p.value[i] = old - 1e-3f;
        net.refresh();
        double down = loss.getAsDouble();
        p.value[i] = old;
        net.refresh();
        double numeric = (up - down) / ((double) (old + 1e-3f) - (old - 1e-3f));
        if (Math.abs(numeric - analytic[i]) > 2e-2 * Math.max(1, Math.abs(numeric))) {
          wrong.add(String.format("%s[%d]: analytic %f numeric %f", p.name(), i, analytic[i], numeric));
        }
      }
    }
    assertThat(wrong).as("a few may sit at a ReLU kink").hasSizeLessThan(3);
  }

  @Test
  void marginalsOfEachCharacterSumToOne() {
    SplittableRandom r = new SplittableRandom(9);
    PackedBatch b = batch();
    int[] gold = gold(b);
    float[] x = randomScores(r, b.rows());
    float[] grad = new float[x.length];
    CrfLoss.lossAndGrad(x, b, gold, randomTransitions(r, 2), grad);
    for (int row = 0; row < b.rows(); row++) {
      if (!b.isGap(row)) {
        double sum = 0;
        for (int t = 0; t < 4; t++) {
          sum += grad[4 * row + t] + (gold[row] == t ? 1 : 0);
        }
        assertThat(sum).isCloseTo(1, Offset.offset(1e-6));
      }
    }
  }

  @Test
  void aGoldPathThatIsNotLegalIsRefused() {
    PackedBatch b = PackedBatch.of(1, new int[3]);
    int[] gold = {-1, 0, 2, 3, -1}; // S then M
    assertThatThrownBy(() -> CrfLoss.lossAndGrad(new float[20], b, gold, new Transitions(), new float[20]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("legal");
  }

  @Test
  void transitionsRefuseFiniteIllegalEntriesAndInfiniteLegalOnes() {
    float[] v = new Transitions().param().value.clone();
    v[0 * 4 + 2] = 0f; // S -> M
    assertThatThrownBy(() -> Transitions.of(v)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0][2]");
    float[] w = new Transitions().param().value.clone();
    w[Transitions.START * 4 + 0] = Float.NaN;
    assertThatThrownBy(() -> Transitions.of(w)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    assertThatThrownBy(() -> Transitions.of(new float[16])).isInstanceOf(IllegalArgumentException.class);
  }
}
