package dev.fenci.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed set of threads that split a range of rows into contiguous parts, one per thread. The
 * split never changes what is computed for a row, so results are the same for any thread count.
 */
public final class Parallel implements AutoCloseable {
  /** One thread, no pool. */
  public static final Parallel SERIAL = new Parallel(1);

  /** Work on the rows {@code [lo, hi)}. */
  @FunctionalInterface
  public interface RangeTask {
    void run(int lo, int hi);
  }

  private final int threads;
  private final ExecutorService pool;

  public Parallel(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
      Thread t = new Thread(r, "fenci-worker");
      t.setDaemon(true);
      return t;
    });
  }

  public int threads() {
    return threads;
  }

  /** Runs {@code task} over {@code [0, n)} split into parts whose bounds are multiples of grain. */
  public void forRange(int n, int grain, RangeTask task) {
    if (threads == 1 || n <= grain) {
      task.run(0, n);
      return;
    }
    int blocks = (n + grain - 1) / grain;
    int parts = Math.min(threads, blocks);
    List<Future<?>> futures = new ArrayList<>(parts - 1);
    int[] bounds = new int[parts + 1];
    for (int p = 0; p <= parts; p++) {
      bounds[p] = Math.min(n, (int) ((long) blocks * p / parts) * grain);
    }
    for (int p = 1; p < parts; p++) {
      int lo = bounds[p];
      int hi = bounds[p + 1];
      futures.add(pool.submit(() -> task.run(lo, hi)));
    }
    Throwable failure = null;
    try {
      task.run(bounds[0], bounds[1]);
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = e;
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
