package dev.fenci.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {
  @Test
  void firstStepMovesEachWeightByTheLearningRateAgainstItsGradient() {
    Param p = new Param("w", 3);
    p.value[0] = 1;
    p.value[1] = 1;
    p.value[2] = 1;
    p.grad()[0] = 5;
    p.grad()[1] = -0.001f;
    p.grad()[2] = 0;
    Adam adam = new Adam(List.of(p));
    adam.step(Parallel.SERIAL);
    assertThat(p.value[0]).isCloseTo(0.999f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(p.value[1]).isCloseTo(1.001f, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(p.value[2]).isEqualTo(1f);
  }

  @Test
  void minimisesAQuadratic() {
    Param p = new Param("w", 1);
    p.value[0] = 3;
    Adam adam = new Adam(List.of(p), 0.05f, 0.9f, 0.999f, 1e-8f);
    for (int i = 0; i < 2000; i++) {
      p.grad()[0] = 2 * (p.value[0] - 1);
      adam.step(Parallel.SERIAL);
    }
    assertThat(p.value[0]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-2f));
  }

  @Test
  void weightDecayShrinksWeightsButNotBiases() {
    Param w = new Param("conv1.weight", 2);
    Param b = new Param("conv1.bias", 2);
    w.value[0] = 2;
    w.value[1] = -4;
    b.value[0] = 2;
    Adam adam = new Adam(List.of(w, b), 0.01f, 0.9f, 0.999f, 1e-8f);
    adam.setWeightDecay(0.5f);
    adam.step(Parallel.SERIAL); // zero gradients: only the decay moves anything
    assertThat(w.value[0]).isCloseTo(1.99f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(w.value[1]).isCloseTo(-3.98f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(b.value[0]).isEqualTo(2f);
  }

  @Test
  void weightDecayLeavesForbiddenTransitionsForbidden() {
    Param t = new Param("crf.transitions", 2);
    t.value[0] = Float.NEGATIVE_INFINITY;
    t.value[1] = 0.5f;
    Adam adam = new Adam(List.of(t), 0.01f, 0.9f, 0.999f, 1e-8f);
    adam.setWeightDecay(0.5f);
    adam.step(Parallel.SERIAL);
    assertThat(t.value).containsExactly(Float.NEGATIVE_INFINITY, 0.5f);
  }
}
