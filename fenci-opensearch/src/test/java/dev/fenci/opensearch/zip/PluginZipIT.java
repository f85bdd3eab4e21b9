package dev.fenci.opensearch.zip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.Test;

/**
 * The plugin zip as built ({@code verify}): what it holds, and OpenSearch's own plugin loader
 * ({@code PluginsService}: the descriptor, the jar-hell check against the server's classes, the
 * plugin's class loader) loading it from a plugins folder in a JVM whose class path is the
 * server's, without fenci, then analysing with its analyzers.
 */
public class PluginZipIT {
  private static Path zip() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("fenci.build.dir", "target")))) {
      List<Path> zips = files.filter(f -> f.getFileName().toString().matches("fenci-opensearch-.*-opensearch-.*\\.zip")).toList();
      assertEquals("one plugin zip in target/: " + zips, 1, zips.size());
      return zips.get(0);
    }
  }

  @Test
  public void theZipHoldsTheDescriptorAndFencisJarsOnly() throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (ZipFile z = new ZipFile(zip().toFile())) {
      for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        names.add(entry.getName().replaceAll("-[0-9][^/]*\\.jar$", ".jar"));
        if (entry.getName().endsWith(".jar")) {
          try (ZipInputStream jar = new ZipInputStream(z.getInputStream(entry))) {
            for (ZipEntry c; (c = jar.getNextEntry()) != null; ) {
              if (c.getName().endsWith(".class") && !c.getName().endsWith("module-info.class")) {
                assertTrue(entry.getName() + " holds " + c.getName(), c.getName().startsWith("dev/fenci/"));
              }
            }
          }
        }
      }
    }
    assertEquals(new TreeSet<>(List.of("plugin-descriptor.properties", "fenci-core.jar", "fenci-lucene.jar",
        "fenci-opensearch.jar")), names);
  }

  /** Whether a class path entry holds fenci's classes (which the server's class path must not). */
  private static boolean holdsFenci(String entry) throws IOException {
    File f = new File(entry);
    if (f.isDirectory()) {
      return new File(f, "dev/fenci/Segmenter.class").exists() || new File(f, "dev/fenci/lucene/FenciTokenizer.class").exists()
          || new File(f, "dev/fenci/opensearch/FenciPlugin.class").exists();
    }
    if (!f.isFile()) {
      return false;
    }
    try (ZipFile z = new ZipFile(f)) {
      return z.getEntry("dev/fenci/Segmenter.class") != null || z.getEntry("dev/fenci/lucene/FenciTokenizer.class") != null
          || z.getEntry("dev/fenci/opensearch/FenciPlugin.class") != null;
    }
  }

  @Test
  public void openSearchsPluginLoaderLoadsItAndItsAnalyzersWork() throws Exception {
    Path home = Files.createTempDirectory("fenci-plugin-home");
    Path plugin = home.resolve("plugins").resolve("analysis-fenci");
    Files.createDirectories(plugin);
    for (String dir : new String[] {"config", "modules", "lib", "data", "logs"}) {
      Files.createDirectories(home.resolve(dir));
    }
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip()))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Files.copy(in, plugin.resolve(e.getName()));
      }
    }
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!holdsFenci(entry)) {
        classPath.add(entry);
      }
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, classPath),
        LoadPlugin.class.getName(), home.toString()).redirectErrorStream(true).start();
    String out;
    try (InputStream s = p.getInputStream()) {
      out = new String(s.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(out, 0, p.waitFor());
    assertTrue(out, out.contains("plugin analysis-fenci dev.fenci.opensearch.FenciPlugin"));
    assertTrue(out, out.contains("fenci_index: 中华人民共和国 中华 华人 人民 共和 共和国 成立 了\n"));
    assertTrue(out, out.contains("fenci: 中华人民共和国 成立 了\n"));
  }
}
