package dev.fenci;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A host that loads fenci in a class loader of its own and later drops it (a Solr core reload, an
 * application server redeploying) must get the loader back, although its own long-lived threads
 * segmented with it: nothing fenci leaves in such a thread (its per-thread buffers) may reach a
 * fenci class.
 */
class ClassLoaderReleaseTest {

  @Test
  void aDroppedLoaderIsCollectedWhileTheThreadThatSegmentedWithItLives() throws Exception {
    ExecutorService hostThread = Executors.newSingleThreadExecutor();
    try {
      WeakReference<ClassLoader> loader = hostThread.submit(ClassLoaderReleaseTest::segmentInOwnLoader).get();
      // up to some 10 seconds: on a busy machine the loader may go only after a second or more of collections
      // (a second had failed about half the runs of this test alone, the loader collected a second later
      // with the host thread still alive); the old code keeps it for as long as the thread lives
      for (int i = 0; i < 500 && loader.get() != null; i++) {
        System.gc();
        Thread.sleep(20);
      }
      assertThat(loader.get()).as("fenci's class loader, collected after the host dropped it").isNull();
      // the thread is alive and still works for the host
      assertThat(hostThread.submit(() -> "alive").get()).isEqualTo("alive");
    } finally {
      hostThread.shutdownNow();
    }
  }

  /**
   * Loads fenci's classes (not its tests') in a loader of their own, segments with the default
   * model, whose word model decodes through the per-thread lattice arrays, and with {@code fast},
   * and drops the loader.
   */
  @SuppressWarnings("unchecked")
  private static WeakReference<ClassLoader> segmentInOwnLoader() throws Exception {
    URL classes = Segmenter.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader own = new OwnFenci(classes)) {
      Class<?> segmenter = own.loadClass(Segmenter.class.getName());
      assertThat(segmenter.getClassLoader()).isSameAs(own);
      for (String preset : new String[] {"accurate", "fast"}) {
        Object s = segmenter.getMethod("load", String.class).invoke(null, preset);
        List<String> words = (List<String>) segmenter.getMethod("segment", String.class)
            .invoke(s, "扫描二维码，关注微信号。研究生命起源");
        assertThat(String.join("", words)).isEqualTo("扫描二维码，关注微信号。研究生命起源");
      }
      return new WeakReference<>(own);
    }
  }

  /**
   * Defines the {@code dev.fenci} classes itself, as a plugin's loader does: these tests run with
   * fenci's module on the module path, where asking a parent would return the test's own classes.
   */
  private static final class OwnFenci extends URLClassLoader {
    OwnFenci(URL classes) {
      super(new URL[] {classes}, ClassLoaderReleaseTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.fenci.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
