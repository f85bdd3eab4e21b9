package dev.fenci.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code fenci} process and its standard streams: a full disk is an error, a pipe is an
 * input like any file, a live stream is answered line by line. (In-process tests replace {@link System#out}, so these need a process.)
 */
class ProcessOutputTest {
  @TempDir
  Path dir;

  private ProcessBuilder fenci(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  private static String finish(Process p) throws Exception {
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void aFullDiskIsAnErrorNotASilentSuccess() throws Exception {
    Path full = Path.of("/dev/full");
    assumeThat(Files.exists(full)).as("/dev/full (Linux)").isTrue();
    Path in = dir.resolve("in.txt");
    Files.writeString(in, "扫描二维码，关注微信号。\n".repeat(100), StandardCharsets.UTF_8);
    for (String[] args : new String[][] {{"segment", "--model", "seed", in.toString()}, {"models"}}) {
      Process p = fenci(args).redirectOutput(full.toFile()).start();
      String err = finish(p);
      assertThat(p.exitValue()).as(String.join(" ", args) + ": " + err).isEqualTo(Main.EXIT_DATA);
      assertThat(err).contains("fenci: cannot write the output");
    }
  }

  @Test
  void aPipeNamedAsAnInputFileIsRead() throws Exception {
    Path out = dir.resolve("out.txt");
    Process p = fenci("segment", "--model", "seed", "/dev/stdin").redirectOutput(out.toFile()).start();
    p.getOutputStream().write("扫描二维码\n".getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String err = finish(p);
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("扫描");
  }
  /** {@code tail -f log | fenci segment}: each line comes out when it goes in, not when a block fills. */
  @Test
  void aLiveStreamIsSegmentedLineByLine() throws Exception {
    Process p = fenci("segment", "--model", "seed").start();
    java.io.BufferedReader out = new java.io.BufferedReader(
        new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      for (String line : new String[] {"扫描二维码", "关注微信号"}) {
        p.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        String got = reader.submit(out::readLine).get(120, TimeUnit.SECONDS);
        assertThat(got.replace(" ", "")).isEqualTo(line);
      }
      p.getOutputStream().close();
      String err = finish(p);
      assertThat(p.exitValue()).as(err).isZero();
    } finally {
      p.destroyForcibly();
      reader.shutdownNow();
    }
  }
}
