package dev.fenci.opensearch;

import com.carrotsearch.randomizedtesting.ThreadFilter;

/**
 * fenci's own daemon threads (the matrix kernels' warm-up, which runs once per JVM and may outlive
 * the first test that loads a model) are not leaks of the code under test.
 */
public final class FenciThreads implements ThreadFilter {
  @Override
  public boolean reject(Thread t) {
    return t.getName().startsWith("fenci-");
  }
}
