package dev.fenci.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimplifiedFormsTest {
  @Test
  void traditionalOnlyCharactersHaveTheirSimplifiedForm() {
    assertThat(SimplifiedForms.size()).isEqualTo(4099);
    assertThat(Character.toString(SimplifiedForms.of("會".codePointAt(0)))).isEqualTo("会");
    assertThat(Character.toString(SimplifiedForms.of("學".codePointAt(0)))).isEqualTo("学");
    assertThat(Character.toString(SimplifiedForms.of("壽".codePointAt(0)))).isEqualTo("寿");
  }

  @Test
  void everythingElseIsItself() {
    for (String s : new String[] {"会", "学", "著", "台", "a", "１", "，", "😀"}) {
      assertThat(SimplifiedForms.of(s.codePointAt(0))).as(s).isEqualTo(s.codePointAt(0));
    }
    for (int cp = 0; cp < 0x3400; cp++) {
      assertThat(SimplifiedForms.of(cp)).isEqualTo(cp);
    }
  }
}
