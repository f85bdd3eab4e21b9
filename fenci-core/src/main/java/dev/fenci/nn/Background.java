package dev.fenci.nn;

import java.util.function.BiFunction;

/**
 * fenci's optional background threads (the matrix kernels' warm-up, a preset's word list read
 * while its model loads): started when the JVM allows it. A search engine's sandbox may refuse a
 * plugin's threads: a security manager with a {@code SecurityException}, Elasticsearch's
 * entitlements with an exception of their own that recent releases derive from
 * {@code RuntimeException}; the caller then does the work itself.
 */
public final class Background {
  private Background() {}

  /** How threads are made; tests replace it with one that refuses, as a sandbox does. */
  static volatile BiFunction<Runnable, String, Thread> threads = Thread::new;

  /**
   * Starts {@code work} on a daemon thread named {@code name} (of the lowest priority if
   * {@code low}); false, with nothing started, if the JVM refuses it.
   */
  public static boolean start(Runnable work, String name, boolean low) {
    try {
      Thread t = threads.apply(work, name);
      t.setDaemon(true);
      if (low) {
        t.setPriority(Thread.MIN_PRIORITY);
      }
      t.start();
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }
}
