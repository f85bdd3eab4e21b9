package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.fenci.model.WordLanguageModel;
import dev.fenci.nn.CrfLoss;
import dev.fenci.nn.PackedBatch;
import dev.fenci.nn.SoftmaxCrossEntropy;
import dev.fenci.nn.Transitions;
import dev.fenci.tag.Tag;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The semi-Markov loss over the word lattice: the CRF's at weight 0, its gradients those of its value. */
class WordLatticeLossTest {
  /** Gold words of 1, 2, 3, 1 and 2 characters. */
  static final TrainingData.Piece PIECE = new TrainingData.Piece(new int[] {3, 4, 5, 6, 7, 8, 3, 4, 5},
      new int[] {0, 1, 3, 1, 2, 3, 0, 1, 3});
  /** A second piece, with a gold word of 5 characters. */
  static final TrainingData.Piece LONG = new TrainingData.Piece(new int[] {4, 5, 6, 7, 8, 9, 3},
      new int[] {1, 3, 1, 2, 2, 2, 3});

  static WordLanguageModel model() {
    List<List<int[]>> seqs = List.of(List.of(new int[] {3}, new int[] {4, 5}, new int[] {6, 7, 8}),
        List.of(new int[] {4, 5}, new int[] {3}, new int[] {4, 5}));
    return WordLanguageModel.build(WordLanguageModel.Settings.DEFAULT, seqs, 20);
  }

  static float[] logits(int rows, long seed) {
    Random r = new Random(seed);
    float[] x = new float[rows * Tag.COUNT];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }

  static Transitions transitions(long seed) {
    Random r = new Random(seed);
    float[] v = new float[6 * Tag.COUNT];
    for (int i = 0; i < v.length; i++) {
      v[i] = Transitions.legal(i / Tag.COUNT, i % Tag.COUNT) ? (float) r.nextGaussian() * 0.5f : Float.NEGATIVE_INFINITY;
    }
    Transitions t = Transitions.of(v);
    t.param().zeroGrad();
    return t;
  }

  static int[] gold(PackedBatch pb, List<TrainingData.Piece> pieces) {
    int[] gold = new int[pb.rows()];
    java.util.Arrays.fill(gold, -1);
    for (int i = 0; i < pieces.size(); i++) {
      System.arraycopy(pieces.get(i).tags(), 0, gold, pb.start(i), pb.length(i));
    }
    return gold;
  }

  @Test
  void atWeightZeroWithNoLengthLimitItIsTheCrfLoss() {
    List<TrainingData.Piece> pieces = List.of(PIECE, LONG);
    PackedBatch pb = PackedBatch.of(0, List.of(PIECE.ids(), LONG.ids()));
    int[] gold = gold(pb, pieces);
    float[] x = logits(pb.rows(), 1);
    Transitions t1 = transitions(2);
    Transitions t2 = transitions(2);
    float[] g1 = new float[x.length];
    float[] g2 = new float[x.length];
    SoftmaxCrossEntropy.Result crf = CrfLoss.lossAndGrad(x, pb, gold, t1, g1);
    SoftmaxCrossEntropy.Result lattice = new WordLatticeLoss(model(), 0, 100, pieces).lossAndGrad(x, pb, gold, pieces,
        t2, g2);
    assertThat(lattice.loss()).isCloseTo(crf.loss(), offset(1e-5));
    assertThat(lattice.count()).isEqualTo(crf.count()).isEqualTo(16);
    for (int i = 0; i < x.length; i++) {
      assertThat(g2[i]).as("logit " + i).isCloseTo(g1[i], offset(1e-5f));
    }
    for (int i = 0; i < t1.param().grad().length; i++) {
      if (Transitions.legal(i / Tag.COUNT, i % Tag.COUNT)) {
        assertThat(t2.param().grad()[i]).as("transition " + i).isCloseTo(t1.param().grad()[i], offset(1e-4f));
      }
    }
  }

  /** With the word model and a length limit that the long gold word passes, the gradients are the loss's. */
  @Test
  void gradientsAreThoseOfTheLoss() {
    List<TrainingData.Piece> pieces = List.of(PIECE, LONG);
    PackedBatch pb = PackedBatch.of(0, List.of(PIECE.ids(), LONG.ids()));
    int[] gold = gold(pb, pieces);
    float[] x = logits(pb.rows(), 3);
    Transitions t = transitions(4);
    WordLatticeLoss loss = new WordLatticeLoss(model(), 0.7, 3, pieces);
    float[] g = new float[x.length];
    double at = loss.lossAndGrad(x, pb, gold, pieces, t, g).loss();
    assertThat(at).isPositive();
    float[] tg = t.param().grad().clone();
    double h = 1e-2;
    for (int i = 0; i < x.length; i++) {
      float keep = x[i];
      x[i] = (float) (keep + h);
      double up = loss.lossAndGrad(x, pb, gold, pieces, t, new float[x.length]).loss();
      x[i] = (float) (keep - h);
      double down = loss.lossAndGrad(x, pb, gold, pieces, t, new float[x.length]).loss();
      x[i] = keep;
      assertThat((double) g[i]).as("logit " + i).isCloseTo((up - down) / (2 * h), offset(2e-3));
    }
    float[] v = t.param().value;
    for (int i = 0; i < v.length; i++) {
      if (Transitions.legal(i / Tag.COUNT, i % Tag.COUNT)) {
        float keep = v[i];
        v[i] = (float) (keep + h);
        double up = loss.lossAndGrad(x, pb, gold, pieces, t, new float[x.length]).loss();
        v[i] = (float) (keep - h);
        double down = loss.lossAndGrad(x, pb, gold, pieces, t, new float[x.length]).loss();
        v[i] = keep;
        assertThat((double) tg[i]).as("transition " + i).isCloseTo((up - down) / (2 * h), offset(2e-3));
      }
    }
  }

  /** The word model moves the loss: a gold segmentation of seen words and pairs costs less than without it. */
  @Test
  void theWordModelFavoursSeenWordsAndPairs() {
    List<TrainingData.Piece> pieces = List.of(PIECE);
    PackedBatch pb = PackedBatch.of(0, List.of(PIECE.ids()));
    int[] gold = gold(pb, pieces);
    float[] x = new float[pb.rows() * Tag.COUNT];
    double plain = new WordLatticeLoss(model(), 0, 8, pieces).lossAndGrad(x, pb, gold, pieces, transitions(5),
        new float[x.length]).loss();
    double told = new WordLatticeLoss(model(), 1, 8, pieces).lossAndGrad(x, pb, gold, pieces, transitions(5),
        new float[x.length]).loss();
    assertThat(told).isLessThan(plain);
  }

  @Test
  void aPieceWithoutAWordModelOrWithAnIllegalGoldPathIsRefused() {
    List<TrainingData.Piece> pieces = List.of(PIECE);
    PackedBatch pb = PackedBatch.of(0, List.of(PIECE.ids()));
    int[] gold = gold(pb, pieces);
    float[] x = new float[pb.rows() * Tag.COUNT];
    WordLatticeLoss loss = new WordLatticeLoss(model(), 0.1, 8, List.of(LONG));
    assertThatThrownBy(() -> loss.lossAndGrad(x, pb, gold, pieces, transitions(6), new float[x.length]))
        .hasMessageContaining("not one of the training pieces");
    gold[1] = Tag.M.ordinal(); // S then M
    WordLatticeLoss own = new WordLatticeLoss(model(), 0.1, 8, pieces);
    assertThatThrownBy(() -> own.lossAndGrad(x, pb, gold, pieces, transitions(6), new float[x.length]))
        .hasMessageContaining("not a legal path");
  }

  /** Each piece's word model is counted from the other folds: a word seen in its own fold only is unseen to it. */
  @Test
  void eachPieceReadsTheWordModelOfTheOtherFolds() {
    List<TrainingData.Piece> pieces = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      // piece 0 alone holds the word (9 9); every piece holds (3) (4 5)
      pieces.add(i == 0 ? new TrainingData.Piece(new int[] {9, 9, 3}, new int[] {1, 3, 0})
          : new TrainingData.Piece(new int[] {3, 4, 5}, new int[] {0, 1, 3}));
    }
    WordLatticeLoss folds = new WordLatticeLoss(pieces, 20, WordLanguageModel.Settings.DEFAULT);
    WordLatticeLoss all = new WordLatticeLoss(Trainer.wordModel(pieces, 20, WordLanguageModel.Settings.DEFAULT), 0.1,
        WordLatticeLoss.LONGEST, pieces);
    List<TrainingData.Piece> first = List.of(pieces.get(0));
    PackedBatch pb = PackedBatch.of(0, List.of(pieces.get(0).ids()));
    int[] gold = gold(pb, first);
    float[] x = new float[pb.rows() * Tag.COUNT];
    double unseen = folds.lossAndGrad(x, pb, gold, first, transitions(7), new float[x.length]).loss();
    double seen = all.lossAndGrad(x, pb, gold, first, transitions(7), new float[x.length]).loss();
    assertThat(unseen).isGreaterThan(seen);
  }
}
