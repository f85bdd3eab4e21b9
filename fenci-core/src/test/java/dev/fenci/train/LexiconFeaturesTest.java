package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconFeaturesTest {
  private static final int S = 0;
  private static final int B = 1;
  private static final int M = 2;
  private static final int E = 3;

  /** Ten folds of one piece each: word 1-2 in every fold, word 3-4-5 only in the first. */
  private static List<TrainingData.Piece> pieces() {
    List<TrainingData.Piece> ps = new ArrayList<>();
    ps.add(new TrainingData.Piece(new int[] {1, 2, 3, 4, 5}, new int[] {B, E, B, M, E}));
    for (int i = 1; i < LexiconFeatures.FOLDS; i++) {
      ps.add(new TrainingData.Piece(new int[] {1, 2, 3, 4, 5, 0, 7}, new int[] {B, E, S, S, S, B, E}));
    }
    return ps;
  }

  @Test
  void theLexiconHoldsEveryTrainingWordButThoseWithAnUnknownCharacter() {
    LexiconFeatures lf = new LexiconFeatures(pieces());
    assertThat(lf.lexicon().size()).isEqualTo(2);
    assertThat(lf.lexicon().contains(new int[] {1, 2}, 0, 2)).isTrue();
    assertThat(lf.lexicon().contains(new int[] {3, 4, 5}, 0, 3)).isTrue();
    assertThat(lf.lexicon().contains(new int[] {0, 7}, 0, 2)).isFalse();
  }

  @Test
  void aPieceSeesOnlyTheWordsOfTheOtherFolds() {
    LexiconFeatures lf = new LexiconFeatures(pieces());
    // the first fold: 1-2 is known from the others, 3-4-5 only from itself, so not marked
    assertThat(lf.pieces().get(0).lexicon()).containsExactly(1, 1 << 4, 0, 0, 0);
    // the others: 1-2 from every fold, 3-4-5 from the first (although not a word here)
    assertThat(lf.pieces().get(1).lexicon()).containsExactly(1, 1 << 4, 1 << 1, 0, 1 << 5, 0, 0);
  }

  @Test
  void aBaseLexiconsWordsAreKnownToEveryPieceAndKept() {
    // the base knows 3-4-5 and 8-9 (not in the pieces); 1-2 is in both
    dev.fenci.nn.Lexicon base = dev.fenci.nn.Lexicon.of(List.of(new int[] {3, 4, 5}, new int[] {8, 9}, new int[] {1, 2}));
    LexiconFeatures lf = new LexiconFeatures(pieces(), base);
    assertThat(lf.lexicon().size()).isEqualTo(3);
    assertThat(lf.lexicon().contains(new int[] {8, 9}, 0, 2)).isTrue();
    assertThat(lf.lexicon().contains(new int[] {3, 4, 5}, 0, 3)).isTrue();
    assertThat(lf.lexicon().contains(new int[] {1, 2}, 0, 2)).isTrue();
    // the first fold now sees 3-4-5 through the base, though only its own fold holds it
    assertThat(lf.pieces().get(0).lexicon()).containsExactly(1, 1 << 4, 1 << 1, 0, 1 << 5);
    assertThat(lf.pieces().get(1).lexicon()).containsExactly(1, 1 << 4, 1 << 1, 0, 1 << 5, 0, 0);
  }

  /** Fine-tuning trains with every word, the base's added ones too: none is an added word afterwards. */
  @Test
  void afterFineTuningEveryWordIsATrainedWord() {
    dev.fenci.nn.Lexicon base = dev.fenci.nn.Lexicon.of(List.of(new int[] {1, 2})).with(List.of(new int[] {8, 9}));
    assertThat(base.isAdded(new int[] {8, 9}, 0, 2)).isTrue();
    LexiconFeatures lf = new LexiconFeatures(pieces(), base);
    assertThat(lf.lexicon().trained()).isEqualTo(lf.lexicon().size());
    assertThat(lf.lexicon().isAdded(new int[] {8, 9}, 0, 2)).isFalse();
  }
}
