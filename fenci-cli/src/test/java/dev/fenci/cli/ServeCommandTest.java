package dev.fenci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fenci serve} as a process: it says where it listens, answers with its dictionary, stops on SIGTERM. */
class ServeCommandTest {
  @TempDir
  Path dir;

  private static Process fenci(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).start();
  }

  @Test
  void itServesTheModelWithItsDictionaryAndStopsOnSigterm() throws Exception {
    Path dict = dir.resolve("my.dict");
    Files.writeString(dict, "扫描二维,inf\n", StandardCharsets.UTF_8);
    Process p = fenci("serve", "--port", "0", "--model", "seed", "--dict", dict.toString(), "--threads", "2",
        "--cors", "http://localhost:3000");
    try {
      BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      String line;
      Matcher m = null;
      while ((line = err.readLine()) != null) {
        m = Pattern.compile("fenci: serving seed at (http://127\\.0\\.0\\.1:\\d+/) ").matcher(line);
        if (m.find()) {
          assertThat(line).contains("CORS: http://localhost:3000;");
          break;
        }
      }
      assertThat(line).as("the line that says where it listens").isNotNull();
      URI base = URI.create(m.group(1));
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/segment"))
          .header("Origin", "http://localhost:3000")
          .POST(HttpRequest.BodyPublishers.ofString("扫描二维码", StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("{\"words\":[\"扫描二维\",\"码\"]}\n");
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
      long stop = System.nanoTime();
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("stopped").isTrue();
      assertThat(System.nanoTime() - stop).as("stopped at once when idle").isLessThan(5_000_000_000L);
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aBadSettingIsAUsageErrorAndATakenPortADataError() throws Exception {
    Process p = fenci("serve", "--port", "70000");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(Main.EXIT_USAGE);
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--port must be from 0 to 65535");
    p = fenci("serve", "--max-body", "2MB", "--port", "70000"); // a size with its unit is read: the port is the error
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--port must be from 0");
    p = fenci("serve", "--max-body", "300M");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(Main.EXIT_USAGE);
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--max-body must be from 1 to");
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      p = fenci("serve", "--model", "seed", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(Main.EXIT_DATA);
      assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
          .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("another server uses the port");
    }
    p = fenci("serve", "--cors", "http://localhost:3000,http://localhost:8000/");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(Main.EXIT_USAGE);
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("--cors: 'http://localhost:8000/' has a path (a trailing /)").contains("did you mean http://localhost:8000?");
    p = fenci("serve", "--host", "no-such-host.invalid");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(Main.EXIT_USAGE);
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("no such host");
  }

  @Test
  void aBodySizeIsReadWithOrWithoutItsUnit() {
    ServeCommand.ByteSize size = new ServeCommand.ByteSize();
    assertThat(size.convert("1048576")).isEqualTo(1_048_576L);
    assertThat(size.convert("512K")).isEqualTo(524_288L);
    assertThat(size.convert("2MB")).isEqualTo(2_097_152L);
    assertThat(size.convert("2 MiB")).isEqualTo(2_097_152L);
    assertThat(size.convert("1g")).isEqualTo(1L << 30);
    assertThat(size.convert("100b")).isEqualTo(100L);
    for (String bad : new String[] {"", "2T", "-1", "1.5M", "M", "2MBB"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> size.convert(bad)).as(bad)
          .isInstanceOf(picocli.CommandLine.TypeConversionException.class).hasMessageContaining("no size");
    }
  }

  /** --cors is repeatable and takes comma-separated lists (checked when the command runs, before the model loads). */
  @Test
  void corsOriginsAreRepeatableOrCommaSeparated() {
    ServeCommand serve = new ServeCommand();
    new picocli.CommandLine(serve).parseArgs("--cors", "http://localhost:3000,https://example.com", "--cors", "*");
    assertThat(serve.cors).containsExactly("http://localhost:3000", "https://example.com", "*");
    serve = new ServeCommand();
    new picocli.CommandLine(serve).parseArgs();
    assertThat(serve.cors).isNull();
  }
}
