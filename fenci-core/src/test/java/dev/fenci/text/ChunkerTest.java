package dev.fenci.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  private static List<String> show(String s, TextRules rules) {
    return new Chunker(rules).chunk(s).stream()
        .map(c -> c.kind().name().charAt(0) + ":" + s.substring(c.start(), c.end()))
        .collect(Collectors.toList());
  }

  @Test
  void punctuationAndSpacesAreWordsOfTheirOwn() {
    assertThat(show("扫描二维码，关注微信号。", TextRules.SEED))
        .containsExactly("T:扫描二维码", "P:，", "T:关注微信号", "P:。");
    assertThat(show("你好\u3000 世界……！！", TextRules.SEED))
        .containsExactly("T:你好", "S:\u3000 ", "T:世界", "P:……", "P:！", "P:！");
  }

  @Test
  void aRunOfAMarkIsOneWordOnlyForTheEllipsis() {
    assertThat(show("好！！！吗？？。。。!!‥‥", TextRules.FOLD))
        .containsExactly("T:好", "P:！", "P:！", "P:！", "T:吗", "P:？", "P:？", "P:。", "P:。", "P:。",
            "P:!", "P:!", "P:‥‥");
    assertThat(show("……“……”", TextRules.SEED)).containsExactly("P:……", "P:“", "P:……", "P:”");
  }

  @Test
  void seedRulesEmitAsciiRunsWhole() {
    assertThat(show("2001年iPhone15发布", TextRules.SEED))
        .containsExactly("A:2001", "T:年", "A:iPhone15", "T:发布");
  }

  @Test
  void foldRulesLeaveAsciiRunsToTheNetwork() {
    assertThat(show("2001年55.6亿", TextRules.FOLD)).containsExactly("T:2001年55.6亿");
    assertThat(TextRules.FOLD.normalize('5')).isEqualTo('５');
    assertThat(TextRules.FOLD.normalize('年')).isEqualTo('年');
    assertThat(TextRules.SEED.normalize('5')).isEqualTo('5');
  }

  @Test
  void wordInternalMarksGoToTheNetwork() {
    assertThat(show("３．５％和阿·布托", TextRules.SEED)).containsExactly("T:３．５％和阿·布托");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String s = "𠀀，𠀁\uD83D\uDE00";
    assertThat(show(s, TextRules.SEED)).containsExactly("T:𠀀", "P:，", "T:𠀁\uD83D\uDE00");
  }

  @Property
  void chunksCoverTheInputExactly(@ForAll String s) {
    for (TextRules rules : TextRules.values()) {
      int at = 0;
      for (Chunk c : new Chunker(rules).chunk(s)) {
        assertThat(c.start()).isEqualTo(at);
        assertThat(c.end()).isGreaterThan(c.start());
        at = c.end();
      }
      assertThat(at).isEqualTo(s.length());
    }
  }
}
