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
  /**
   * {@code java -jar fenci.jar} under the POSIX locale (LANG unset: Docker, cron): the JVM decodes
   * a Chinese file name as U+FFFD; refused with the fix (it had been "Unmatched argument '??????.txt'",
   * and a Chinese delimiter had silently become U+FFFD). Messages are UTF-8 as the output is (they
   * had printed Chinese as '?').
   */
  @Test
  void underThePosixLocaleDamagedArgumentsAreRefusedAndMessagesAreUtf8() throws Exception {
    assumeThat(System.getProperty("sun.jnu.encoding")).as("a UTF-8 test JVM, to pass Chinese arguments").isEqualTo("UTF-8");
    Path chinese = dir.resolve("中文.txt");
    Files.writeString(chinese, "扫描二维码\n", StandardCharsets.UTF_8);
    ProcessBuilder pb = posix(fenci("segment", "--model", "seed", chinese.toString()));
    Process p = pb.start();
    p.getOutputStream().close();
    String err = withoutJdkWarning(finish(p));
    assertThat(p.exitValue()).as(err).isEqualTo(Main.EXIT_USAGE);
    assertThat(err).startsWith("fenci: the argument '").contains("\uFFFD.txt' was damaged before fenci got it")
        .contains("LC_ALL=C.UTF-8").contains("./fenci").hasLineCount(1);
    Process delimiter = posix(fenci("segment", "--model", "seed", "--delimiter", "，")).start();
    delimiter.getOutputStream().write("扫描二维码\n".getBytes(StandardCharsets.UTF_8));
    delimiter.getOutputStream().close();
    String delimiterErr = finish(delimiter);
    assertThat(delimiter.exitValue()).as(delimiterErr).isEqualTo(Main.EXIT_USAGE);
    assertThat(new String(delimiter.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    // a message naming a dictionary line in Chinese, on standard error, in UTF-8
    Path dict = dir.resolve("d.dict");
    Files.writeString(dict, "二维码,abc\n", StandardCharsets.UTF_8);
    Process bad = posix(fenci("segment", "--model", "seed", "--dict", dict.toString())).start();
    bad.getOutputStream().close();
    String badErr = finish(bad);
    assertThat(bad.exitValue()).as(badErr).isEqualTo(Main.EXIT_DATA);
    assertThat(badErr).contains(dict + ":1: ").contains("'二维码,abc'");
  }

  /** Standard error without the JDK's line about the Vector API's incubator module. */
  private static String withoutJdkWarning(String err) {
    return err.replaceFirst("^WARNING: Using incubator modules: [^\n]*\n", "");
  }

  /** {@code pb} with the POSIX locale: LC_ALL=C, no other locale variable. */
  private static ProcessBuilder posix(ProcessBuilder pb) {
    pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.equals("LANGUAGE") || k.startsWith("LC_"));
    pb.environment().put("LC_ALL", "C");
    return pb;
  }

  /** {@code fenci segment <&-}: the JVM's own lib/modules lands on descriptor 0 and had been read as the input. */
  @Test
  void aClosedStandardInputIsSaid() throws Exception {
    Path bash = Path.of("/bin/bash");
    assumeThat(Files.isExecutable(bash) && Files.isDirectory(Path.of("/proc/self/fd"))).as("bash and /proc (Linux)").isTrue();
    List<String> cmd = new ArrayList<>(List.of(bash.toString(), "-c", "exec \"$@\" <&-", "fenci"));
    cmd.addAll(fenci("segment", "--model", "seed", "--lenient").command());
    Path out = dir.resolve("out.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).start();
    String err = withoutJdkWarning(finish(p));
    assertThat(p.exitValue()).as(err).isEqualTo(Main.EXIT_DATA);
    assertThat(err.strip()).startsWith("fenci: standard input is closed").hasLineCount(1);
    assertThat(out).isEmptyFile();
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
