package dev.fenci.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToldWordsTest {
  @Test
  void holdsWhatWasAddedShortAndLong() {
    ToldWords t = new ToldWords(100);
    t.add(3, 5);
    t.add(3, 3 + ToldWords.SHORT);
    t.add(50, 90); // longer than SHORT
    t.add(10, 60);
    t.add(7, 8); // one character: not a word here
    t.done();
    assertThat(t.contains(3, 5)).isTrue();
    assertThat(t.contains(3, 3 + ToldWords.SHORT)).isTrue();
    assertThat(t.contains(50, 90)).isTrue();
    assertThat(t.contains(10, 60)).isTrue();
    assertThat(t.contains(3, 4)).isFalse();
    assertThat(t.contains(3, 6)).isFalse();
    assertThat(t.contains(4, 6)).isFalse();
    assertThat(t.contains(50, 89)).isFalse();
    assertThat(t.contains(7, 8)).isFalse();
    assertThat(t.contains(90, 101)).isFalse();
  }

  /** Nested entries can have far more occurrences than the text has characters; memory stays bounded by the text. */
  @Test
  void longOccurrencesBeyondOnePerCharacterAreNotKept() {
    int n = 200;
    ToldWords t = new ToldWords(n);
    for (int s = 0; s < n; s++) {
      for (int e = s + ToldWords.SHORT + 1; e <= n; e++) {
        t.add(s, e);
      }
    }
    t.done();
    int kept = 0;
    for (int s = 0; s < n; s++) {
      for (int e = s + ToldWords.SHORT + 1; e <= n; e++) {
        kept += t.contains(s, e) ? 1 : 0;
      }
    }
    assertThat(kept).isEqualTo(n);
    for (int s = 0; s + 2 <= n; s++) {
      assertThat(t.contains(s, s + 2)).isFalse();
    }
  }
}
