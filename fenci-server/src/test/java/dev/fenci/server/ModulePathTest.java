package dev.fenci.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module {@code dev.fenci.server} on the module path: an application module that requires only
 * it compiles, starts a server and calls it (its module brings {@code dev.fenci} along). Run in a
 * process of its own.
 */
class ModulePathTest {
  @TempDir
  Path dir;

  @Test
  void anApplicationModuleRequiresDevFenciServer() throws Exception {
    List<String> path = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.contains("fenci-core") || e.contains("fenci-server"))
        .filter(e -> !e.contains("test-classes"))
        .toList();
    assertThat(path).hasSize(2);
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    assumeThat(Files.isExecutable(javac)).as("a JDK's compiler").isTrue();
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("app"));
    Files.writeString(src.resolve("module-info.java"), "module app { requires dev.fenci.server; requires java.net.http; }\n");
    Files.writeString(src.resolve("app/Main.java"), """
        package app;
        import java.net.InetSocketAddress;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.nio.charset.StandardCharsets;
        public class Main {
          public static void main(String[] args) throws Exception {
            try (var server = dev.fenci.server.SegmentServer.start(dev.fenci.Segmenter.load("seed"),
                new InetSocketAddress("127.0.0.1", 0), 1, 1000)) {
              var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/segment"))
                  .POST(HttpRequest.BodyPublishers.ofString("扫描二维码", StandardCharsets.UTF_8)).build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
              System.out.println(r.statusCode() + " " + r.body());
            }
          }
        }
        """, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    String modulePath = String.join(File.pathSeparator, path);
    Process c = new ProcessBuilder(javac.toString(), "-encoding", "UTF-8", "-p", modulePath, "-d", out.toString(),
        src.resolve("module-info.java").toString(), src.resolve("app/Main.java").toString())
        .redirectErrorStream(true).start();
    String compiled = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(c.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(c.exitValue()).as(compiled).isZero();
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dstdout.encoding=UTF-8", "-p", modulePath + File.pathSeparator + out, "-m", "app/app.Main"))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("200 {\"words\":[");
  }
}
