package dev.fenci.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorerTest {
  @Test
  void countsWordsWithTheSameSpan() {
    Scorer s = new Scorer(Set.of("扫描", "二维码"));
    Score sc = s.score(List.of(List.of("扫描", "二维码", "，", "关注", "微信号")),
        List.of(List.of("扫描", "二维", "码", "，", "关注", "微信号")));
    assertThat(sc.goldWords()).isEqualTo(5);
    assertThat(sc.testWords()).isEqualTo(6);
    assertThat(sc.correct()).isEqualTo(4);
    assertThat(sc.recall()).isEqualTo(0.8);
    assertThat(sc.precision()).isEqualTo(4.0 / 6);
    assertThat(sc.oovWords()).isEqualTo(3);
    assertThat(sc.oovCorrect()).isEqualTo(3);
    assertThat(sc.ivRecall()).isEqualTo(0.5);
  }

  @Test
  void identicalSegmentationScoresOne() {
    List<List<String>> g = List.of(List.of("a", "bc", "d"), List.of(), List.of("ef"));
    assertThat(new Scorer(Set.of()).score(g, g).f1()).isEqualTo(1.0);
  }

  @Test
  void differentCharactersFailWithLineAndBothTexts() {
    assertThatThrownBy(() -> new Scorer(Set.of()).score(List.of(List.of("ab"), List.of("cd")),
        List.of(List.of("ab"), List.of("c", "e"))))
        .hasMessageContaining("line 2, character 2").hasMessageContaining("cd").hasMessageContaining("ce");
  }

  @Test
  void aDifferenceInALongLineIsShownAroundWhereItIsNotAsTheWholeLine() {
    String head = "甲".repeat(100) + "😀";
    String g = head + "乙" + "丙".repeat(100);
    String t = head + "丁" + "丙".repeat(100);
    assertThatThrownBy(() -> new Scorer(Set.of()).score(List.of(List.of(g)), List.of(List.of(t))))
        .hasMessageContaining("line 1, character 102")
        .hasMessageContaining("...甲甲甲甲甲甲甲甲甲甲😀乙丙丙丙丙丙丙丙丙丙丙丙...")
        .hasMessageContaining("...甲甲甲甲甲甲甲甲甲甲😀丁丙丙丙丙丙丙丙丙丙丙丙...");
  }

  @Test
  void linesOfDifferentCountsSayWhereTheTextsFirstDrift() {
    List<List<String>> gold = List.of(List.of("ab"), List.of("cd"), List.of("ef"));
    List<List<String>> test = List.of(List.of("ab"), List.of("ef"));
    assertThatThrownBy(() -> new Scorer(Set.of()).score(gold, test))
        .hasMessageContaining("gold has 3 lines, the output has 2; they first differ at line 2, character 1");
  }

  /**
   * The bakeoff's MSR and AS gold files differ from their test input on a few lines (a quotation
   * mark moved to the line before); the script aligns the words of such lines as of any other, and
   * so does the scorer, up to 1% of the lines.
   */
  @Test
  void aFewLinesWithOtherCharactersAreAlignedAsTheScriptDoes() {
    List<List<String>> gold = new java.util.ArrayList<>();
    List<List<String>> test = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      gold.add(List.of("ab", "c"));
      test.add(List.of("ab", "c"));
    }
    gold.set(10, List.of("远望号", "”", "航天"));
    test.set(10, List.of("“", "远望号", "”", "航天"));
    gold.set(20, List.of("x", "yz"));
    test.set(20, List.of("x", "y", "w"));
    List<String> differing = new java.util.ArrayList<>();
    Score s = new Scorer(Set.of()).score(gold, test, differing);
    assertThat(differing).hasSize(2);
    assertThat(differing.get(0)).startsWith("line 11, character 1");
    assertThat(s.goldWords()).isEqualTo(198 * 2 + 3 + 2);
    assertThat(s.testWords()).isEqualTo(198 * 2 + 4 + 3);
    assertThat(s.correct()).isEqualTo(198 * 2 + 3 + 1);
    test.set(30, List.of("a", "bd"));
    assertThatThrownBy(() -> new Scorer(Set.of()).score(gold, test))
        .hasMessageContaining("on 3 of 200 lines").hasMessageContaining("line 11, character 1");
  }

  @Test
  void aDifferenceIsShownExactlyWithMarksOnlyWhereTextIsLeftOut() {
    assertThat(Scorer.difference("line 4", "ab", "abc")).isEqualTo("line 4, character 3:\n  gold:   ab\n  output: abc");
    assertThat(Scorer.difference("line 1", "abc", "ab")).isEqualTo("line 1, character 3:\n  gold:   abc\n  output: ab");
    assertThat(Scorer.difference("line 2", "", "a")).isEqualTo("line 2, character 1:\n  gold:   (an empty line)\n  output: a");
    // a window that would start or end inside a surrogate pair takes the whole pair
    String emoji = "\uD83D\uDE00";
    String head = emoji + "甲".repeat(11);
    assertThat(Scorer.difference("line 1", head + "乙", head + "丙"))
        .isEqualTo("line 1, character 13:\n  gold:   " + head + "乙\n  output: " + head + "丙");
    String tail = "甲".repeat(10) + emoji + "丁";
    assertThat(Scorer.difference("line 1", "乙" + tail, "丙" + tail))
        .isEqualTo("line 1, character 1:\n  gold:   乙" + "甲".repeat(10) + emoji + "...\n  output: 丙" + "甲".repeat(10) + emoji + "...");
  }

  @Test
  void linesOfDifferentCountsThatAgreeAsFarAsTheShorterGoesSaySoWithoutAPlace() {
    List<List<String>> gold = List.of(List.of("ab"), List.of("cd"), List.of("ef"));
    List<List<String>> test = List.of(List.of("ab"), List.of("c", "d"));
    assertThatThrownBy(() -> new Scorer(Set.of()).score(gold, test)).isInstanceOf(Scorer.MismatchException.class)
        .hasMessage("gold has 3 lines, the output has 2");
  }

  @Test
  void aLineThatEndsInSplitWordsCountsOnlyTheWordsBeforeThem() {
    Score s = new Scorer(Set.of("a")).score(List.of(List.of("a", "bc")), List.of(List.of("a", "b", "c")));
    assertThat(s.correct()).isEqualTo(1);
    assertThat(s.oovCorrect()).isZero();
    assertThat(s.oovWords()).isEqualTo(1);
  }

  /** The words a longest common subsequence pairs up, whichever side runs out of words first. */
  @Test
  void theAlignmentEndsWhenEitherSideRunsOutOfWords() {
    assertThat(Scorer.lcs(List.of("a", "b"), List.of("a"))).containsExactly(true, false);
    assertThat(Scorer.lcs(List.of("a"), List.of("a", "b"))).containsExactly(true);
    assertThat(Scorer.lcs(List.of("x", "a", "b"), List.of("a", "y", "b"))).containsExactly(false, true, true);
  }

  @Test
  void scoreLineScoresOneLineAndRefusesOtherCharacters() {
    Scorer scorer = new Scorer(Set.of());
    Score s = scorer.scoreLine(List.of("扫描", "二维码"), List.of("扫描", "二维", "码"), 7);
    assertThat(s.goldWords()).isEqualTo(2);
    assertThat(s.testWords()).isEqualTo(3);
    assertThat(s.correct()).isEqualTo(1);
    assertThatThrownBy(() -> scorer.scoreLine(List.of("ab"), List.of("ac"), 7)).isInstanceOf(Scorer.MismatchException.class)
        .hasMessageContaining("line 7, character 2");
  }

  @Test
  void wordsWithTheSameSpanAreThoseThatStartAndEndWhereAGoldWordDoes() {
    assertThat(Scorer.sameSpans(List.of("ab", "c", "de"), List.of("a", "b", "c", "de"))).containsExactly(false, true, true);
    assertThat(Scorer.sameSpans(List.of("a", "bc"), List.of("ab", "c"))).containsExactly(false, false);
    assertThat(Scorer.sameSpans(List.of("a", "b"), List.of("a", "b"))).containsExactly(true, true);
    assertThat(Scorer.sameSpans(List.of("a", "b"), List.of("ab"))).containsExactly(false, false);
  }

  /**
   * A line whose word counts multiply past {@link Scorer#MAX_CELLS} is scored by spans when its
   * characters are the gold's and refused, with its number, when they are not; one of exactly that
   * many cells is still aligned.
   */
  @Test
  void aLineTooLongToAlignIsScoredBySpansOrRefused() {
    Scorer scorer = new Scorer(Set.of());
    List<String> gold = java.util.Collections.nCopies(4001, "ab");
    List<String> split = new java.util.ArrayList<>(gold);
    split.set(0, "b");
    split.add(0, "a"); // the same characters, the first word split: 4001 x 4002 cells
    Score s = scorer.score(List.of(gold), List.of(split));
    assertThat(s.correct()).isEqualTo(4000);
    List<List<String>> goldLines = new java.util.ArrayList<>(java.util.Collections.nCopies(99, List.of("x")));
    List<List<String>> testLines = new java.util.ArrayList<>(goldLines);
    goldLines.add(gold);
    List<String> other = new java.util.ArrayList<>(gold);
    other.set(4000, "ac"); // other characters, 4001 x 4001 cells
    testLines.add(other);
    assertThatThrownBy(() -> scorer.score(goldLines, testLines)).isInstanceOf(Scorer.MismatchException.class)
        .hasMessageContaining("on line 100, too long to align (4001 and 4001 words)");
    // 4000 x 4000 cells, exactly the limit: aligned
    goldLines.set(99, gold.subList(0, 4000));
    testLines.set(99, other.subList(1, 4001));
    assertThat(scorer.score(goldLines, testLines).correct()).isEqualTo(99 + 3999);
  }
}
