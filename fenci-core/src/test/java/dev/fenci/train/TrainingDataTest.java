package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.tag.Tag;
import dev.fenci.text.TextRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingDataTest {
  private static final String[] WORDS = {"我们", "中国", "的", "社会主义", "发展", "𠀀𠀁"}; // a word of two surrogate pairs too

  /** A line without punctuation longer than MAX_PIECE becomes pieces of at most that, cut only between words. */
  @Test
  void aLongChunkIsCutBetweenWordsIntoPiecesOfBoundedLength() {
    List<String> words = new ArrayList<>();
    List<Integer> gold = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String w = WORDS[i % WORDS.length];
      words.add(w);
      int n = w.codePointCount(0, w.length());
      for (int k = 0; k < n; k++) {
        Tag t = n == 1 ? Tag.S : k == 0 ? Tag.B : k == n - 1 ? Tag.E : Tag.M;
        gold.add(t.ordinal());
      }
    }
    List<TrainingData.Piece> pieces = TrainingData.build(List.of(words), TextRules.FOLD, 1).pieces();
    assertThat(pieces.size()).isGreaterThan(5);
    List<Integer> tags = new ArrayList<>();
    for (TrainingData.Piece p : pieces) {
      assertThat(p.ids().length).isBetween(p == pieces.get(pieces.size() - 1) ? 1 : TrainingData.MAX_PIECE - 3,
          TrainingData.MAX_PIECE); // each but the last full up to its last whole word
      for (int t : p.tags()) {
        tags.add(t);
      }
    }
    // every cut falls between two words: the pieces' tags, one after another, are the line's own
    assertThat(tags).isEqualTo(gold);
  }

  /** A word longer than a piece is cut where the limit falls; a short line stays one piece. */
  @Test
  void aWordLongerThanAPieceIsCutAtTheLimit() {
    List<List<String>> sentences = List.of(List.of("长".repeat(TrainingData.MAX_PIECE + 10)), List.of("短", "句"));
    List<TrainingData.Piece> pieces = TrainingData.build(sentences, TextRules.FOLD, 1).pieces();
    assertThat(pieces).extracting(p -> p.ids().length).containsExactly(TrainingData.MAX_PIECE, 10, 2);
    assertThat(pieces.get(2).tags()).containsExactly(Tag.S.ordinal(), Tag.S.ordinal());
  }
}
