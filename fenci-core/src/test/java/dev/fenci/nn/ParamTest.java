package dev.fenci.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamTest {
  @Test
  void valuesThatAreHalvesAreKeptAsHalvesAndReadBackBitForBit() {
    Param p = new Param("bigram.weight", 3, 4);
    for (int i = 0; i < p.size(); i++) {
      p.value[i] = Half.toFloat(Half.fromFloat((i - 5) * 0.3712f));
    }
    float[] before = p.value.clone();
    assertThat(p.compactToHalves()).isTrue();
    assertThat(p.isCompact()).isTrue();
    assertThat(p.value).isNull();
    assertThat(p.size()).isEqualTo(12);
    assertThat(p.floats()).containsExactly(before);
    float[] row = new float[6];
    p.copy(4, 4, row, 1);
    assertThat(row).containsExactly(0f, before[4], before[5], before[6], before[7], 0f);
    assertThat(p.compactToHalves()).isTrue(); // again: nothing to do
  }

  @Test
  void valuesThatAreNotHalvesStayFloats() {
    Param p = new Param("w", 2);
    p.value[0] = 0.1f; // not a 16-bit float
    assertThat(p.compactToHalves()).isFalse();
    assertThat(p.isCompact()).isFalse();
    assertThat(p.value[0]).isEqualTo(0.1f);
    assertThat(p.floats()).isSameAs(p.value);
  }

  @Test
  void aCompactedParameterCannotBeTrained() {
    Param p = new Param("bigram.weight", 2);
    p.compactToHalves();
    p.grad()[0] = 1f;
    Adam adam = new Adam(List.of(p));
    assertThatThrownBy(() -> adam.step(Parallel.SERIAL)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bigram.weight").hasMessageContaining("segmentation only");
  }
}
