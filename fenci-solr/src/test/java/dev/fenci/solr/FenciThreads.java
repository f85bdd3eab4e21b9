package dev.fenci.solr;

import com.carrotsearch.randomizedtesting.ThreadFilter;

/**
 * fenci's own daemon threads (the matrix kernels' warm-up, which runs once per JVM and may outlive
 * the first test that loads a model) are not leaks of the code under test. (The same filter as
 * fenci-lucene's and fenci-opensearch's: test classes are not shared between modules.)
 */
public final class FenciThreads implements ThreadFilter {
  @Override
  public boolean reject(Thread t) {
    return t.getName().startsWith("fenci-");
  }
}
