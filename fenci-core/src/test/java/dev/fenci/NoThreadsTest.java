package dev.fenci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Permission;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fenci under a security manager that forbids new threads (a search engine's plugin sandbox, say):
 * the matrix kernels' warm-up and a preset's word-list reader, which run on threads of their own,
 * run without them and the words are the same. A JVM of its own, since a security manager stays.
 */
class NoThreadsTest {
  /** Run in the child JVM: segments with the default and a {@code +jieba} preset, printing the words. */
  public static void main(String[] args) throws IOException {
    System.setSecurityManager(new SecurityManager() {
      @Override
      public void checkPermission(Permission p) {}

      @Override
      public void checkPermission(Permission p, Object context) {}

      @Override
      public void checkAccess(ThreadGroup g) {
        throw new SecurityException("no threads here");
      }
    });
    try {
      new Thread(() -> {}).start();
      throw new AssertionError("the security manager let a thread start");
    } catch (SecurityException expected) {
      // as meant
    }
    for (String preset : new String[] {"accurate", "accurate+jieba"}) {
      System.out.println(String.join(" ", Segmenter.load(preset).segment(TEXT)));
    }
  }

  static final String TEXT = "扫描二维码，关注微信号。中华人民共和国成立了";

  @Test
  void segmentsWithoutStartingThreads() throws Exception {
    // Java 24 and later cannot run a security manager at all
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 24, "no security manager after Java 23");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classPath = Path.of(Segmenter.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        + File.pathSeparator
        + Path.of(NoThreadsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process p = new ProcessBuilder(java.toString(), "-Djava.security.manager=allow", "--add-modules",
        "jdk.incubator.vector", "-cp", classPath, NoThreadsTest.class.getName())
        .redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(err).isZero();
    List<String> expected = List.of(String.join(" ", Segmenter.load("accurate").segment(TEXT)),
        String.join(" ", Segmenter.load("accurate+jieba").segment(TEXT)));
    assertThat(out.lines().toList()).as(err).isEqualTo(expected);
  }
}
