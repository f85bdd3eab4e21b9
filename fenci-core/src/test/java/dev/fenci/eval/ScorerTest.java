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
}
