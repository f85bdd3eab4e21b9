package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.tag.Tag;
import dev.fenci.text.TextRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingDataTest {
  /** A line without punctuation longer than MAX_PIECE becomes several pieces, cut at word starts, tags legal. */
  @Test
  void aLongChunkIsCutAtWordStartsIntoPiecesOfBoundedLength() {
    List<String> words = new ArrayList<>();
    String[] vocab = {"我们", "中国", "的", "社会主义", "发展", "𠀀𠀁"}; // a pair of surrogate pairs too
    for (int i = 0; i < 3000; i++) {
      words.add(vocab[i % vocab.length]);
    }
    words.add("长".repeat(TrainingData.MAX_PIECE + 10)); // one word longer than a piece: cut where the limit falls
    TrainingData d = TrainingData.build(List.of(words, List.of("短", "句")), TextRules.FOLD, 1);
    List<TrainingData.Piece> pieces = d.pieces();
    assertThat(pieces.size()).isGreaterThan(5);
    long total = 0;
    for (TrainingData.Piece p : pieces) {
      assertThat(p.ids().length).isBetween(1, TrainingData.MAX_PIECE);
      total += p.ids().length;
      int first = p.tags()[0];
      int last = p.tags()[p.tags().length - 1];
      assertThat(first).isIn(Tag.B.ordinal(), Tag.S.ordinal());
      assertThat(last).isIn(Tag.E.ordinal(), Tag.S.ordinal());
    }
    long expected = String.join("", words).codePoints().count() + 2;
    assertThat(total).isEqualTo(expected);
    // the cuts before the long word fall between words: every piece but the long word's ends a word
    assertThat(pieces.get(0).ids().length).isLessThanOrEqualTo(TrainingData.MAX_PIECE).isGreaterThan(TrainingData.MAX_PIECE - 4);
    assertThat(pieces.get(pieces.size() - 1).ids()).hasSize(2); // the short line, untouched
  }
}
