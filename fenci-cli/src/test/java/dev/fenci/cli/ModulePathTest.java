package dev.fenci.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core library as a named module: an application module that {@code requires dev.fenci} compiles
 * against it, loads a preset from inside it (a resource of a named module) and segments, and sees
 * the API packages exported and the network's not. Run in a process of its own with only the
 * core on the module path.
 */
class ModulePathTest {
  @TempDir
  Path dir;

  @Test
  void anApplicationModuleRequiresDevFenciAndSegments() throws Exception {
    String core = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> Path.of(e).toString().contains("fenci-core")).findFirst().orElse(null);
    assumeThat(core).as("fenci-core on the test class path").isNotNull();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assumeThat(javac).as("a JDK's compiler").isNotNull();
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("app"));
    Files.writeString(src.resolve("module-info.java"), "module app { requires dev.fenci; }\n");
    Files.writeString(src.resolve("app/Main.java"), """
        package app;
        public class Main {
          public static void main(String[] args) throws Exception {
            System.out.println(String.join(" ", dev.fenci.Segmenter.load("seed").segment("扫描二维码，关注微信号。")));
            Module m = dev.fenci.Segmenter.class.getModule();
            System.out.println(m.getName() + " " + m.isExported("dev.fenci.dict") + " " + m.isExported("dev.fenci.nn"));
          }
        }
        """, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    int rc = javac.run(null, null, null, "-encoding", "UTF-8", "-p", core, "-d", out.toString(),
        src.resolve("module-info.java").toString(), src.resolve("app/Main.java").toString());
    assertThat(rc).as("javac of a module requiring dev.fenci").isZero();
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dstdout.encoding=UTF-8", "-p", core + File.pathSeparator + out, "-m", "app/app.Main"))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("扫描 ").contains("关注 ").contains("dev.fenci true false");
  }
}
