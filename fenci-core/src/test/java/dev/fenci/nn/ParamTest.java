package dev.fenci.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamTest {
  @Test
  void halvesAreKeptAndReadBackAsTheirFloats() {
    short[] h = new short[12];
    float[] expected = new float[12];
    for (int i = 0; i < h.length; i++) {
      h[i] = Half.fromFloat((i - 5) * 0.3712f);
      expected[i] = Half.toFloat(h[i]);
    }
    Param p = Param.compact("bigram.weight", h, 3, 4);
    assertThat(p.isCompact()).isTrue();
    assertThat(p.value).isNull();
    assertThat(p.size()).isEqualTo(12);
    assertThat(p.floats()).containsExactly(expected);
    float[] row = new float[6];
    p.copy(4, 4, row, 1);
    assertThat(row).containsExactly(0f, expected[4], expected[5], expected[6], expected[7], 0f);
    assertThatThrownBy(() -> Param.compact("bigram.weight", new short[11], 3, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 values");
  }

  @Test
  void floatsAreTheArrayItselfUntilThen() {
    Param p = new Param("w", 2);
    p.value[0] = 0.1f;
    assertThat(p.isCompact()).isFalse();
    assertThat(p.floats()).isSameAs(p.value);
  }

  @Test
  void aCompactedParameterCannotBeTrained() {
    Param w = new Param("embedding.weight", 2);
    Param p = Param.compact("bigram.weight", new short[2], 2);
    // refused before any step, so that no parameter is half updated
    assertThatThrownBy(() -> new Adam(List.of(w, p))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bigram.weight").hasMessageContaining("segmentation only");
    assertThatThrownBy(() -> new Ema(List.of(w, p), 0.999f)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bigram.weight").hasMessageContaining("segmentation only");
  }

  @Test
  void aNetworkLoadedWithCompactBigramsCannotBeInitialisedForTraining() {
    NetworkConfig c = new NetworkConfig(5, 4, 1, 2, new int[] {4}, 4, 0.5f, "normal").withBigramVocab(3);
    Bigrams bigrams = new Bigrams(5, new int[] {7, 8});
    Network net = new Network(c, bigrams, null, Param.compact("bigram.weight", new short[3 * 2], 3, 2));
    assertThat(net.params().get(1).isCompact()).isTrue();
    assertThatThrownBy(() -> net.initialise(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bigram.weight");
    Network q = new Network(c, bigrams, null, Param.quantised("bigram.weight", new byte[6], new float[3], 3, 2));
    assertThatThrownBy(() -> q.initialise(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bigram.weight");
    assertThatThrownBy(() -> new Network(c, bigrams, null, Param.compact("bigram.weight", new short[4], 2, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
  }

  @Test
  void levelsAreKeptAndReadBackAsLevelTimesTheirRowsScale() {
    byte[] levels = {-127, 0, 5, 127, 1, -2, 3, -4};
    float[] scales = {0.5f, 0.01f};
    Param p = Param.quantised("bigram.weight", levels, scales, 2, 4);
    assertThat(p.isCompact()).isTrue();
    assertThat(p.value).isNull();
    assertThat(p.floats()).containsExactly(-63.5f, 0f, 2.5f, 63.5f, 0.01f, -0.02f, 3 * 0.01f, -4 * 0.01f);
    float[] row = new float[4];
    p.copy(2, 3, row, 1);
    assertThat(row).containsExactly(0f, 2.5f, 63.5f, 0.01f);
    assertThatThrownBy(() -> Param.quantised("bigram.weight", levels, new float[3], 2, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 scales");
    assertThatThrownBy(() -> new Adam(List.of(p))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("segmentation only");
  }
}
