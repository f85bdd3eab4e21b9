package dev.fenci.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This module's jar, built against Lucene 9.12 for Java 17, on Lucene 10: its own tests (Lucene's
 * {@code BaseTokenStreamTestCase} with random text, the factory, index and search), compiled
 * against Lucene 9.12 too, run in a Java 21+ process whose class path holds Lucene 10's jars
 * (copied by the build into {@code target/lucene10}) and none of 9.12's. Skipped when no Java 21+
 * is found: set {@code -Dfenci.jdk21=/path/to/jdk} (or {@code FENCI_JDK21}) to point at one.
 */
class Lucene10IT {
  @TempDir
  Path tmp;

  /** A JDK of version 21 or more: the one named, else one under /usr/lib/jvm, else this one. */
  private static Optional<Path> jdk21() throws IOException {
    String named = System.getProperty("fenci.jdk21", System.getenv("FENCI_JDK21"));
    if (named != null && !named.isBlank()) {
      Path home = Path.of(named);
      if (feature(home) < 21) {
        throw new IllegalArgumentException("fenci.jdk21 (or FENCI_JDK21) names " + home
            + ", which is not a JDK 21 or later (its release file says otherwise, or it has none)");
      }
      return Optional.of(home);
    }
    if (Runtime.version().feature() >= 21) {
      return Optional.of(Path.of(System.getProperty("java.home")));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && feature(h) >= 21).sorted().findFirst();
    }
  }

  /** The Java feature version a JDK's {@code release} file gives, or 0. */
  private static int feature(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(v.split("[.+-]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  /** fenci's own entries of this JVM's class path (its jars, or class directories) and this module's test classes. */
  private static List<String> fenciEntries() {
    List<String> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e);
      String name = p.getFileName().toString();
      String module = p.getParent() != null && p.getParent().getParent() != null
          ? p.getParent().getParent().getFileName().toString() : "";
      boolean jar = name.startsWith("fenci-core-") || name.startsWith("fenci-lucene-");
      boolean classes = (name.equals("classes") || name.equals("test-classes"))
          && (module.equals("fenci-core") || module.equals("fenci-lucene"));
      if (jar || classes) {
        out.add(e);
      }
    }
    return out;
  }

  private static String run(List<String> command, Path log) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        throw new AssertionError("timed out: " + command);
      }
    } finally {
      if (p.isAlive()) { // timed out, or this thread was interrupted: the child goes too
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void theJarAndItsTestsRunOnLucene10() throws Exception {
    Optional<Path> jdk = jdk21();
    assumeTrue(jdk.isPresent(), "no Java 21+ found (Lucene 10 needs one): set -Dfenci.jdk21");
    Path java = jdk.get().resolve("bin/java");
    Path lucene10 = Path.of(System.getProperty("fenci.lucene10.dir", "target/lucene10"));
    String version = System.getProperty("fenci.lucene10.version", "10");
    List<String> path = new ArrayList<>(fenciEntries());
    assertThat(path).as("fenci's jars and this module's test classes").hasSizeGreaterThanOrEqualTo(3)
        .noneMatch(e -> e.contains("lucene-core") || e.contains("lucene-test-framework"));
    try (Stream<Path> jars = Files.list(lucene10)) {
      jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(j -> path.add(j.toString()));
    }
    String classPath = String.join(File.pathSeparator, path);

    // which Lucene the process sees
    Path probe = tmp.resolve("Probe.java");
    Files.writeString(probe, "public class Probe { public static void main(String[] a) {"
        + " System.out.println(\"lucene \" + org.apache.lucene.util.Version.LATEST); } }\n");
    String seen = run(List.of(java.toString(), "-cp", classPath, probe.toString()), tmp.resolve("probe.log"));
    assertThat(seen).contains("lucene " + version);

    // this module's tests, as compiled here, on it (ModulePathTest checks Lucene 9's module path: not here;
    // QueryParserTest needs lucene-queryparser, which is not copied for Lucene 10: it tests Lucene's
    // parser with fenci's analyzer, not fenci's jar)
    Path testClasses = Path.of(path.stream().filter(e -> e.endsWith("test-classes")).findFirst().orElseThrow());
    List<String> tests;
    try (Stream<Path> files = Files.list(testClasses.resolve("dev/fenci/lucene"))) {
      tests = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Test.class") && !n.contains("$"))
          .filter(n -> !n.equals("ModulePathTest.class") && !n.equals("QueryParserTest.class")).sorted()
          .map(n -> "dev.fenci.lucene." + n.substring(0, n.length() - ".class".length())).toList();
    }
    assertThat(tests).contains("dev.fenci.lucene.FenciTokenizerTest", "dev.fenci.lucene.FenciSearchTest");
    List<String> command = new ArrayList<>(Arrays.asList(java.toString(), "-ea", "-Xmx1g",
        "--add-modules", "jdk.incubator.vector", "-cp", classPath, "org.junit.runner.JUnitCore"));
    command.addAll(tests);
    String out = run(command, tmp.resolve("tests.log"));
    Matcher ok = Pattern.compile("OK \\((\\d+) tests\\)").matcher(out);
    assertThat(ok.find()).as(out).isTrue();
    assertThat(Integer.parseInt(ok.group(1))).as("tests run on Lucene 10").isGreaterThan(tests.size());
  }
}
