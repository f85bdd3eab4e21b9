package dev.fenci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StdoutTest {
  /** The system's words for a closed pipe, in whatever language it speaks, are learnt from a pipe of our own. */
  @Test
  void theMessageOfAClosedPipeIsLearnt() {
    String message = Stdout.brokenPipe();
    assertThat(message).isNotBlank();
    assertThat(Stdout.brokenPipe()).isEqualTo(message);
  }
}
