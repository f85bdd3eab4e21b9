package dev.fenci.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Background threads: started where the JVM allows them, refused without harm where it does not. */
class BackgroundTest {
  @Test
  void aThreadStartsAsADaemon() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    boolean[] daemon = {false};
    assertThat(Background.start(() -> {
      daemon[0] = Thread.currentThread().isDaemon();
      ran.countDown();
    }, "fenci-test", true)).isTrue();
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(daemon[0]).isTrue();
  }

  @Test
  void aSandboxThatRefusesThreadsGetsFalseAndNothingRuns() {
    BiFunction<Runnable, String, Thread> before = Background.threads;
    // as Elasticsearch's entitlements refuse Thread.start: a RuntimeException that is no SecurityException
    class NotEntitled extends RuntimeException {
      NotEntitled() {
        super("not entitled: manage_threads");
      }
    }
    boolean[] ran = {false};
    try {
      Background.threads = (r, name) -> new Thread(r, name) {
        @Override
        public synchronized void start() {
          throw new NotEntitled();
        }
      };
      assertThat(Background.start(() -> ran[0] = true, "fenci-test", false)).isFalse();
      Background.threads = (r, name) -> {
        throw new SecurityException("a security manager's refusal");
      };
      assertThat(Background.start(() -> ran[0] = true, "fenci-test", false)).isFalse();
    } finally {
      Background.threads = before;
    }
    assertThat(ran[0]).isFalse();
  }
}
