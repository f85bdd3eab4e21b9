package dev.fenci.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagTest {
  @Test
  void tagsWordsByPosition() {
    int[] t = Tag.ofWords(List.of("扫描", "二维码", "，", "𠀀𠀁"));
    assertThat(t).containsExactly(1, 3, 1, 2, 3, 0, 1, 3);
  }

  @Test
  void legalTransitionsAreExactlyTheEightOfTheSeed() {
    int legal = 0;
    for (Tag a : Tag.values()) {
      for (Tag b : Tag.values()) {
        if (a.canPrecede(b)) {
          legal++;
          assertThat(a.endsWord()).isEqualTo(b.startsWord());
        }
      }
    }
    assertThat(legal).isEqualTo(8);
    assertThat(Tag.S.canPrecede(Tag.M)).isFalse();
    assertThat(Tag.B.canPrecede(Tag.S)).isFalse();
    assertThat(Tag.M.canPrecede(Tag.B)).isFalse();
    assertThat(Tag.E.canPrecede(Tag.E)).isFalse();
  }
}
