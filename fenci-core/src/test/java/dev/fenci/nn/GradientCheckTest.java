package dev.fenci.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every weight's gradient (embedding, each convolution's weights and bias, through ReLU, dropout
 * and the softmax cross-entropy) against central finite differences of the loss.
 */
class GradientCheckTest {
  private static final int[][] SEQS = {{1, 2, 3, 4, 5}, {6}, {2, 2, 0, 1}};
  private static final int[][] GOLD = {{1, 2, 2, 2, 3}, {0}, {1, 3, 0, 0}};

  /** Keep probability of dropout on the hidden convolutions' outputs in {@link #check}. */
  private float hiddenKeep = 1f;

  private static double loss(Network net, PackedBatch b, int[] gold, long dropoutSeed, float hiddenKeep, float[] grad) {
    Network.Trace t = net.forward(Parallel.SERIAL, b, dropoutSeed < 0 ? null : new SplittableRandom(dropoutSeed),
        hiddenKeep);
    float[] g = grad == null ? new float[t.logits().length] : grad;
    double l = SoftmaxCrossEntropy.lossAndGrad(t.logits(), gold, 4, g).loss();
    if (grad != null) {
      net.zeroGrad();
      net.backward(Parallel.SERIAL, t, grad);
    }
    return l;
  }

  private static int[] gold(PackedBatch b) {
    int[] gold = new int[b.rows()];
    java.util.Arrays.fill(gold, -1);
    for (int i = 0; i < b.sequences(); i++) {
      System.arraycopy(GOLD[i], 0, gold, b.start(i), b.length(i));
    }
    return gold;
  }

  /** Bigrams of SEQS and a few more: some positions hit a known bigram, some the unknown one. */
  static Bigrams bigrams() {
    return new Bigrams(7, new int[] {1 * 8 + 2, 2 * 8 + 3, 6 * 8 + 7, 2 * 8 + 2, 5 * 8 + 7, 3 * 8 + 3});
  }

  static NetworkConfig bigramConfig(float keep) {
    return new NetworkConfig(7, 5, 7, 3, new int[] {6, 3}, 4, keep, "normal");
  }

  private void check(float keep, long dropoutSeed) {
    check(new Network(new NetworkConfig(7, 5, new int[] {6, 3}, 4, keep, "normal")), dropoutSeed, 228);
  }

  private void check(Network net, long dropoutSeed, int expectedWeights) {
    check(net, dropoutSeed, expectedWeights, 6);
  }

  private void check(Network net, long dropoutSeed, int expectedWeights, int maxKinks) {
    net.initialise(3);
    PackedBatch b = PackedBatch.of(net.pad(), SEQS);
    int[] gold = gold(b);
    loss(net, b, gold, dropoutSeed, hiddenKeep, new float[b.rows() * 4]);
    List<float[]> analytic = new ArrayList<>();
    for (Param p : net.params()) {
      analytic.add(p.grad().clone());
    }
    double eps = 1e-3;
    int checked = 0;
    int kinks = 0;
    List<String> worst = new ArrayList<>();
    for (int pi = 0; pi < net.params().size(); pi++) {
      Param p = net.params().get(pi);
      for (int i = 0; i < p.size(); i++) {
        float old = p.value[i];
        p.value[i] = (float) (old + eps);
        net.refresh();
        double up = loss(net, b, gold, dropoutSeed, hiddenKeep, null);
        p.value[i] = (float) (old - eps);
        net.refresh();
        double down = loss(net, b, gold, dropoutSeed, hiddenKeep, null);
        p.value[i] = old;
        net.refresh();
        double numeric = (up - down) / (2 * eps);
        double a = analytic.get(pi)[i];
        double mid = loss(net, b, gold, dropoutSeed, hiddenKeep, null);
        if (Math.abs((up - mid) - (mid - down)) / eps > 1e-2 * Math.max(1, Math.abs(numeric))) {
          kinks++; // a ReLU switched inside [-eps, eps]: the loss is not differentiable there
          checked++;
          continue;
        }
        if (Math.abs(a - numeric) > 1e-2 * Math.max(1, Math.abs(numeric))) {
          worst.add(String.format("%s[%d]: analytic %f, numeric %f", p.name(), i, a, numeric));
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(expectedWeights);
    assertThat(worst).as("weights whose gradient differs from finite differences").isEmpty();
    assertThat(kinks).as("weights skipped at a ReLU kink").isLessThan(maxKinks);
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    check(1f, -1);
  }

  @Test
  void gradientsMatchFiniteDifferencesWithDropout() {
    check(0.5f, 42);
  }

  @Test
  void gradientsMatchFiniteDifferencesWithHiddenDropout() {
    hiddenKeep = 0.6f;
    check(new Network(bigramConfig(0.5f), bigrams()), 11, 228 + 21 + 54);
    check(new Network(bigramConfig(1f).withDilations(1, 2, 1), bigrams()), 3, 228 + 21 + 54);
  }

  @Test
  void hiddenDropoutDropsAndScalesOnlyTheHiddenOutputs() {
    Network net = new Network(bigramConfig(1f), bigrams());
    net.initialise(3);
    PackedBatch b = PackedBatch.of(net.pad(), SEQS);
    Network.Trace plain = net.forward(Parallel.SERIAL, b, new SplittableRandom(4));
    Network.Trace dropped = net.forward(Parallel.SERIAL, b, new SplittableRandom(4), 0.5f);
    // the first convolution's output (its input is not dropped: keep 1 on the embeddings); the
    // later ones read the dropped outputs and differ as a whole
    float[] p = plain.activations.get(1);
    float[] d = dropped.activations.get(1);
    int zeroed = 0;
    int scaled = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0 && d[i] == 0) {
        zeroed++;
      } else {
        assertThat(d[i]).isEqualTo(2 * p[i]);
        scaled += p[i] > 0 ? 1 : 0;
      }
    }
    assertThat(zeroed).isPositive();
    assertThat(scaled).isPositive();
    // without a random source (inference), nothing is dropped
    assertThat(net.forward(Parallel.SERIAL, b, null, 0.5f).logits()).containsExactly(
        net.forward(Parallel.SERIAL, b, null).logits());
  }

  @Test
  void gradientsMatchFiniteDifferencesWithBigrams() {
    // 228 as above, plus 7 x 3 bigram embedding weights and 3 x 3 x 6 more first-layer weights
    check(new Network(bigramConfig(1f), bigrams()), -1, 228 + 21 + 54);
  }

  @Test
  void gradientsMatchFiniteDifferencesWithBigramsAndDropout() {
    check(new Network(bigramConfig(0.5f), bigrams()), 7, 228 + 21 + 54);
  }

  @Test
  void gradientsMatchFiniteDifferencesWithDilations() {
    // dilation 2 and 3 reach past the ends of every sequence (one is a single character)
    check(new Network(bigramConfig(1f).withDilations(1, 2, 3), bigrams()), -1, 228 + 21 + 54);
    check(new Network(bigramConfig(0.5f).withDilations(1, 3, 2), bigrams()), 5, 228 + 21 + 54);
  }

  /** A lexicon with words of SEQS (so that features are set) and one that never occurs. */
  static Lexicon lexicon() {
    return Lexicon.of(List.of(new int[] {1, 2}, new int[] {3, 4, 5}, new int[] {2, 2, 0, 1}, new int[] {6, 6}));
  }

  @Test
  void gradientsMatchFiniteDifferencesWithLexiconFeatures() {
    // the features have no weights: the embeddings' gradients must not take theirs. A first-layer
    // unit at a ReLU kink skips every weight into it, 3 x 8 more with the features: more skipped
    check(new Network(bigramConfig(1f).withLexiconDim(Lexicon.FEATURES), bigrams(), lexicon()), -1,
        228 + 21 + 54 + 3 * Lexicon.FEATURES * 6, 16);
    check(new Network(bigramConfig(0.5f).withLexiconDim(Lexicon.FEATURES), bigrams(), lexicon()), 7,
        228 + 21 + 54 + 3 * Lexicon.FEATURES * 6, 16);
  }

  @Test
  void inferencePathEqualsTheTrainingPathWithLexiconFeatures() {
    // a narrow first layer: bigram and lexicon features both from tables
    Network narrow = new Network(bigramConfig(0.5f).withLexiconDim(Lexicon.FEATURES), bigrams(), lexicon());
    assertThat(narrow.bigramTableFits()).isTrue();
    tablePathEqualsTrainingPath(narrow);
    // a wide one: both multiplied by their weights
    Network wide = new Network(new NetworkConfig(7, 5, 7, 3, new int[] {70, 3}, 4, 0.5f, "normal")
        .withLexiconDim(Lexicon.FEATURES), bigrams(), lexicon());
    assertThat(wide.bigramTableFits()).isFalse();
    tablePathEqualsTrainingPath(wide);
    // a wide one allowed a table (-Dfenci.bigramTableMB, as accurate-lex with it): both from tables
    Network allowed = new Network(wide.config(), bigrams(), lexicon());
    allowed.allowAnyWidthTable(Long.MAX_VALUE);
    assertThat(allowed.bigramTableFits()).isTrue();
    tablePathEqualsTrainingPath(allowed);
    // without bigrams, and with a narrow first layer (whose bigrams would otherwise come from a table)
    tablePathEqualsTrainingPath(new Network(new NetworkConfig(7, 5, new int[] {6, 3}, 4, 0.5f, "normal")
        .withLexiconDim(Lexicon.FEATURES), null, lexicon()));
  }

  /**
   * With lexicon features a character's scores depend on the words through its neighbours, up to
   * {@link Lexicon#MAX_LENGTH} - 1 characters away: the radius grows by that, exactly.
   */
  @Test
  void theReceptiveRadiusIsExactWithLexiconFeatures() {
    SplittableRandom r = new SplittableRandom(8);
    int[] seq = new int[80];
    for (int i = 0; i < seq.length; i++) {
      seq[i] = r.nextInt(7);
    }
    for (long lexSeed = 1; lexSeed <= 3; lexSeed++) {
      Network net = new Network(bigramConfig(1f).withLexiconDim(Lexicon.FEATURES), bigrams(),
          LexiconTest.lexiconOf(seq, lexSeed));
      net.initialise(4);
      int radius = net.receptiveRadius();
      assertThat(radius).isEqualTo(Lexicon.MAX_LENGTH - 1 + 3);
      PackedBatch whole = PackedBatch.of(net.pad(), seq);
      float[] all = net.logits(Parallel.SERIAL, whole);
      for (int from = 20; from < 50; from++) {
        int[] piece = java.util.Arrays.copyOfRange(seq, from - radius, from + 10 + radius);
        PackedBatch pb = PackedBatch.of(net.pad(), piece);
        float[] part = net.logits(Parallel.SERIAL, pb);
        for (int i = 0; i < 10 * 4; i++) {
          assertThat(part[(pb.start(0) + radius) * 4 + i]).as("lexicon %d, piece at %d, logit %d", lexSeed, from, i)
              .isCloseTo(all[(whole.start(0) + from) * 4 + i], org.assertj.core.data.Offset.offset(1e-5f));
        }
      }
    }
  }

  @Test
  void dilatedConvolutionsReadRowsDilationApart() {
    NetworkConfig c = new NetworkConfig(7, 5, new int[] {6, 3}, 4, 1f, "normal").withDilations(1, 2, 3);
    Network net = new Network(c);
    net.initialise(11);
    assertThat(net.pad()).isEqualTo(3);
    assertThat(net.receptiveRadius()).isEqualTo(6);
    int[] seq = {1, 2, 3, 4, 5, 6, 0, 2, 1};
    float[] expected = referenceLogits(net, seq, c.dilations());
    PackedBatch b = PackedBatch.of(net.pad(), new int[] {3}, seq, new int[] {4, 4});
    float[] got = net.logits(Parallel.SERIAL, b);
    for (int i = 0; i < seq.length * 4; i++) {
      assertThat(got[b.start(1) * 4 + i]).as("logit %d", i).isCloseTo(expected[i],
          org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  /**
   * The network's definition, written out: embedding rows, then per layer
   * {@code y[r] = bias + sum_t x[r + (t - 1) * d] W_t} with zeros outside the sequence, ReLU
   * between layers.
   */
  private static float[] referenceLogits(Network net, int[] seq, int[] dilations) {
    List<Param> p = net.params();
    int dim = p.get(0).shape()[1];
    float[][] x = new float[seq.length][];
    for (int r = 0; r < seq.length; r++) {
      x[r] = java.util.Arrays.copyOfRange(p.get(0).value, seq[r] * dim, (seq[r] + 1) * dim);
    }
    int layers = (p.size() - 1) / 2;
    for (int l = 0; l < layers; l++) {
      float[] w = p.get(1 + 2 * l).value;
      float[] bias = p.get(2 + 2 * l).value;
      int in = x[0].length;
      int out = bias.length;
      float[][] y = new float[seq.length][out];
      for (int r = 0; r < seq.length; r++) {
        for (int o = 0; o < out; o++) {
          double v = bias[o];
          for (int t = 0; t < 3; t++) {
            int q = r + (t - 1) * dilations[l];
            if (q < 0 || q >= seq.length) {
              continue;
            }
            for (int i = 0; i < in; i++) {
              v += x[q][i] * w[(t * in + i) * out + o];
            }
          }
          y[r][o] = l < layers - 1 ? (float) Math.max(0, v) : (float) v;
        }
      }
      x = y;
    }
    float[] flat = new float[seq.length * 4];
    for (int r = 0; r < seq.length; r++) {
      System.arraycopy(x[r], 0, flat, r * 4, 4);
    }
    return flat;
  }

  @Test
  void inferenceTablePathEqualsTheTrainingPathWithDilations() {
    tablePathEqualsTrainingPath(new Network(bigramConfig(0.5f).withDilations(1, 2, 4), bigrams()));
    // a first layer wider than 64: the bigram part goes through a product, as in accurate-dil
    NetworkConfig c = bigramConfig(0.5f);
    Network wide = new Network(new NetworkConfig(c.vocabSize(), c.embedDim(), c.bigramVocab(), c.bigramDim(),
        new int[] {65, 3}, 4, 0.5f, "normal").withDilations(1, 3, 2), bigrams());
    assertThat(wide.bigramTableFits()).isFalse();
    tablePathEqualsTrainingPath(wide);
  }

  /**
   * A piece of a sequence with {@link Network#receptiveRadius()} characters of context on each
   * side scores its middle exactly as the whole sequence does, and one character less of context
   * changes some score: the radius is neither too small nor too large.
   */
  @Test
  void theReceptiveRadiusIsExactWithDilationsAndBigrams() {
    for (int[] d : new int[][] {{1, 1, 1}, {1, 2, 3}, {1, 4, 1}}) {
      Network net = new Network(bigramConfig(1f).withDilations(d), bigrams());
      net.initialise(4);
      int radius = net.receptiveRadius();
      assertThat(radius).isEqualTo(1 + d[0] + d[1] + d[2]);
      SplittableRandom r = new SplittableRandom(8);
      int[] seq = new int[60];
      for (int i = 0; i < seq.length; i++) {
        seq[i] = r.nextInt(7);
      }
      PackedBatch whole = PackedBatch.of(net.pad(), seq);
      float[] all = net.logits(Parallel.SERIAL, whole);
      boolean shorterDiffers = false;
      for (int ctx : new int[] {radius, radius - 1}) {
        for (int from = 20; from < 30; from++) {
          int[] piece = java.util.Arrays.copyOfRange(seq, from - ctx, from + 10 + ctx);
          PackedBatch pb = PackedBatch.of(net.pad(), piece);
          float[] part = net.logits(Parallel.SERIAL, pb);
          for (int i = 0; i < 10 * 4; i++) {
            float expected = all[(whole.start(0) + from) * 4 + i];
            float got = part[(pb.start(0) + ctx) * 4 + i];
            if (ctx == radius) {
              assertThat(got).as("dilations %s, piece at %d, logit %d", java.util.Arrays.toString(d), from, i)
                  .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5f));
            } else if (Math.abs(got - expected) > 1e-4f) {
              shorterDiffers = true;
            }
          }
        }
      }
      assertThat(shorterDiffers).as("dilations %s: one character less of context changes a score",
          java.util.Arrays.toString(d)).isTrue();
    }
  }

  @Test
  void scoresOfASequenceDoNotDependOnItsNeighboursWithDilations() {
    Network net = new Network(new NetworkConfig(7, 5, new int[] {6, 3}, 4, 1f, "normal").withDilations(1, 4, 2));
    net.initialise(1);
    assertNeighboursDoNotMatter(net);
  }

  @Test
  void aDilationMustBeOneFirstAndWithinRange() {
    NetworkConfig c = new NetworkConfig(7, 5, new int[] {6, 3}, 4, 1f, "normal");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.withDilations(2, 1, 1))
        .hasMessageContaining("first convolution's dilation must be 1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.withDilations(1, 1))
        .hasMessageContaining("one value per convolution (3)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.withDilations(1, 0, 1))
        .hasMessageContaining("dilations must be in [1, 16]");
    assertThat(c.isDilated()).isFalse();
    assertThat(c.withDilations(1, 1, 2).isDilated()).isTrue();
    assertThat(c.withDilations(1, 1, 2)).isNotEqualTo(c).isEqualTo(c.withDilations(1, 1, 2));
  }

  @Test
  void inferenceTablePathEqualsTheTrainingPath() {
    tablePathEqualsTrainingPath(new Network(new NetworkConfig(7, 5, new int[] {6, 3}, 4, 0.5f, "normal")));
  }

  @Test
  void inferenceTablePathEqualsTheTrainingPathWithBigrams() {
    // a narrow first layer: the bigram part is read from a table too
    Network narrow = new Network(bigramConfig(0.5f), bigrams());
    assertThat(narrow.bigramTableFits()).isTrue();
    tablePathEqualsTrainingPath(narrow);
    // a wide one: the bigram embeddings are multiplied by their weights
    NetworkConfig c = bigramConfig(0.5f);
    Network wide = new Network(new NetworkConfig(c.vocabSize(), c.embedDim(), c.bigramVocab(), c.bigramDim(),
        new int[] {65, 3}, 4, 0.5f, "normal"), bigrams());
    assertThat(wide.bigramTableFits()).isFalse();
    tablePathEqualsTrainingPath(wide);
    // a wide one allowed a table (-Dfenci.bigramTableMB)
    Network allowed = new Network(wide.config(), bigrams());
    allowed.allowAnyWidthTable(3L * (c.bigramVocab() + 1) * 65);
    assertThat(allowed.bigramTableFits()).isTrue();
    tablePathEqualsTrainingPath(allowed);
    allowed.allowAnyWidthTable(3L * (c.bigramVocab() + 1) * 65 - 1);
    assertThat(allowed.bigramTableFits()).isFalse();
  }

  @Test
  void theBigramTablePropertyIsAWholeNumberOfMegabytes() {
    assertThat(Network.anyWidthLimit(null)).isEqualTo(-1);
    assertThat(Network.anyWidthLimit(" ")).isEqualTo(-1);
    assertThat(Network.anyWidthLimit("100")).isEqualTo(100L << 19); // 16-bit values
    assertThat(Network.anyWidthLimit(" 0 ")).isZero();
    assertThat(Network.anyWidthLimit("-1")).isEqualTo(-1);
    assertThat(Network.anyWidthLimit("1.5")).isEqualTo(-1);
    assertThat(Network.anyWidthLimit("lots")).isEqualTo(-1);
  }

  @Test
  void bigramLookupFindsEveryKeyAndNothingElse() {
    Bigrams b = bigrams();
    int[] keys = b.keys();
    for (int first = 0; first < 7; first++) {
      for (int next = 0; next <= 7; next++) {
        int k = first * 8 + next;
        int expected = 0;
        for (int i = 0; i < keys.length; i++) {
          if (keys[i] == k) {
            expected = i + 1;
          }
        }
        assertThat(b.id(first, next)).as("bigram %d %d", first, next).isEqualTo(expected);
      }
    }
    // SEQS hold 10 distinct bigrams (ends included), each once
    assertThat(Bigrams.count(java.util.Arrays.asList(SEQS), 7, 1).size()).isEqualTo(11);
    assertThat(Bigrams.count(java.util.Arrays.asList(SEQS), 7, 1).id(5, 7)).isPositive();
    assertThat(Bigrams.count(java.util.Arrays.asList(SEQS), 7, 2).size()).isEqualTo(1);
  }

  /**
   * The table path against the training path: equal up to float rounding, or, where the bigram
   * rows are a table of 16-bit floats (11 significant bits), up to that rounding.
   */
  private static void tablePathEqualsTrainingPath(Network net) {
    net.initialise(9);
    PackedBatch b = PackedBatch.of(net.pad(), SEQS);
    float[] fast = net.logits(Parallel.SERIAL, b);
    float[] plain = net.forward(Parallel.SERIAL, b, null).logits();
    assertThat(fast).hasSameSizeAs(plain);
    float tolerance = net.bigramTableFits() ? 2e-3f : 1e-5f;
    double worst = 0;
    for (int i = 0; i < fast.length; i++) {
      assertThat(fast[i]).isCloseTo(plain[i], org.assertj.core.data.Offset.offset(tolerance));
      worst = Math.max(worst, Math.abs(fast[i] - plain[i]));
    }
    if (net.bigramTableFits()) {
      assertThat(worst).as("the 16-bit rounding shows").isGreaterThan(0);
    }
  }

  @Test
  void gapRowsStayZero() {
    Network net = new Network(new NetworkConfig(7, 5, new int[] {6, 3}, 4, 1f, "normal"));
    net.initialise(1);
    PackedBatch b = PackedBatch.of(net.pad(), SEQS);
    float[] logits = net.logits(Parallel.SERIAL, b);
    for (int r = 0; r < b.rows(); r++) {
      if (b.isGap(r)) {
        for (int j = 0; j < 4; j++) {
          assertThat(logits[r * 4 + j]).isZero();
        }
      }
    }
  }

  @Test
  void scoresOfASequenceDoNotDependOnItsNeighbours() {
    Network net = new Network(new NetworkConfig(7, 5, new int[] {6, 3}, 4, 1f, "normal"));
    net.initialise(1);
    assertNeighboursDoNotMatter(net);
  }

  private static void assertNeighboursDoNotMatter(Network net) {
    PackedBatch alone = PackedBatch.of(net.pad(), SEQS[0]);
    PackedBatch together = PackedBatch.of(net.pad(), SEQS[2], SEQS[0], SEQS[1]);
    float[] a = net.logits(Parallel.SERIAL, alone);
    float[] t = net.logits(Parallel.SERIAL, together);
    float[] x = java.util.Arrays.copyOfRange(a, alone.start(0) * 4, (alone.start(0) + 5) * 4);
    float[] y = java.util.Arrays.copyOfRange(t, together.start(1) * 4, (together.start(1) + 5) * 4);
    assertThat(y).containsExactly(x);
  }
}
