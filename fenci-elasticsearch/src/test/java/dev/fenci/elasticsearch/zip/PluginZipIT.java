package dev.fenci.elasticsearch.zip;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin zip as built ({@code verify}): what it holds, and Elasticsearch's own plugin loader
 * ({@code PluginsLoader} and {@code PluginsService}: the stable descriptor and its version check,
 * the jar-hell check against the server's classes, the plugin's class loader, named_components.json
 * into the stable plugins registry) loading it from a plugins folder in a JVM whose class path is
 * the server's, without fenci, then building an index's analyzers from its settings.
 */
class PluginZipIT {
  private static final String VERSION = System.getProperty("fenci.elasticsearch.version", "8.19.7");

  /** The stable plugin API version the plugin is compiled against, which its descriptor names. */
  private static final String API_VERSION = System.getProperty("fenci.elasticsearch.api.version", "8.7.0");

  /** VERSION's parts, and versions around it that the server's version check is asked about. */
  private static final int MAJOR = Integer.parseInt(VERSION.split("\\.")[0]);
  private static final int MINOR = Integer.parseInt(VERSION.split("\\.")[1]);
  private static final int PATCH = Integer.parseInt(VERSION.split("\\.")[2]);
  private static final String EARLIER = PATCH > 0 ? MAJOR + "." + MINOR + "." + (PATCH - 1) : MAJOR + "." + MINOR + ".0";
  private static final String LATER = MAJOR + "." + MINOR + "." + (PATCH + 1);
  private static final String NEXT_MINOR = MAJOR + "." + (MINOR + 1) + ".0";

  /** The test's own libraries, which are not the server's. */
  private static final java.util.regex.Pattern TEST_LIBRARIES =
      java.util.regex.Pattern.compile("junit|opentest4j|apiguardian|assertj|byte-buddy|surefire|failsafe");

  private static Path zip() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("fenci.build.dir", "target")))) {
      // named by the version its descriptor names (a zip of an earlier build may sit beside it)
      String name = "-elasticsearch-" + API_VERSION + ".zip";
      List<Path> zips = files.filter(f -> f.getFileName().toString().matches("fenci-elasticsearch-.*" + java.util.regex.Pattern.quote(name))).toList();
      assertThat(zips).as("one plugin zip *" + name + " in target/").hasSize(1);
      return zips.get(0);
    }
  }

  @Test
  void theZipHoldsTheDescriptorsAndFencisJarsOnly() throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (ZipFile z = new ZipFile(zip().toFile())) {
      for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        names.add(entry.getName().replaceAll("-[0-9][^/]*\\.jar$", ".jar"));
        if (entry.getName().endsWith(".jar")) {
          try (ZipInputStream jar = new ZipInputStream(z.getInputStream(entry))) {
            for (ZipEntry c; (c = jar.getNextEntry()) != null; ) {
              if (c.getName().endsWith(".class") && !c.getName().endsWith("module-info.class")) {
                assertThat(c.getName()).as(entry.getName() + " holds " + c.getName()).startsWith("dev/fenci/");
              }
            }
          }
        }
      }
    }
    assertThat(names).containsExactly("fenci-core.jar", "fenci-elasticsearch.jar", "fenci-lucene.jar",
        "named_components.json", "stable-plugin-descriptor.properties");
  }

  /** Whether a class path entry holds fenci's main classes (which the server's class path must not). */
  private static boolean holdsFenci(String entry) throws IOException {
    String[] classes = {"dev/fenci/Segmenter.class", "dev/fenci/lucene/FenciTokenizer.class",
        "dev/fenci/elasticsearch/FenciTokenizerFactory.class"};
    File f = new File(entry);
    if (f.isDirectory()) {
      return Stream.of(classes).anyMatch(c -> new File(f, c).exists());
    }
    if (!f.isFile()) {
      return false;
    }
    try (ZipFile z = new ZipFile(f)) {
      return Stream.of(classes).anyMatch(c -> z.getEntry(c) != null);
    }
  }

  @Test
  void elasticsearchsPluginLoaderLoadsItAndItsAnalyzersWork(@TempDir Path home) throws Exception {
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
    // as a node starts (bin/elasticsearch: --module-path lib --add-modules=ALL-MODULE-PATH): the
    // server and its libraries as modules, the loader (this module's test classes) on the class path
    List<String> modulePath = new ArrayList<>();
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (holdsFenci(entry) || TEST_LIBRARIES.matcher(entry).find()) {
        continue;
      }
      (entry.endsWith(".jar") ? modulePath : classPath).add(entry);
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // with the Vector API, as Elasticsearch's jvm.options add it: fenci's vector kernels, warmed up on
    // a thread of their own, inside the plugin's class loader
    Process p = new ProcessBuilder(java.toString(), "--module-path", String.join(File.pathSeparator, modulePath),
        "--add-modules=ALL-MODULE-PATH", "--add-modules=jdk.incubator.vector", "-cp", String.join(File.pathSeparator, classPath),
        LoadPlugin.class.getName(), home.toString(), (MAJOR - 1) + ".17.0", MAJOR + ".0.0", API_VERSION, EARLIER, VERSION, LATER, NEXT_MINOR,
        (MAJOR + 1) + ".0.0").redirectErrorStream(true).start();
    String out;
    try (InputStream s = p.getInputStream()) {
      out = new String(s.readAllBytes(), StandardCharsets.UTF_8);
    }
    // kept for a reader of the build (what the node-like JVM printed)
    Files.writeString(Path.of(System.getProperty("fenci.build.dir", "target"), "load-plugin.out"), out, StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).as(out)
        .contains("elasticsearch " + VERSION + "\n")
        // the descriptor names the API it is compiled against (API_VERSION), older than the server
        .contains("plugin analysis-fenci stable=true elasticsearch.version=" + API_VERSION + "\n")
        .contains("my: 中华人民共和国 成立 了\n")
        .contains("fenci: 中华人民共和国 成立 了\n")
        .contains("fenci_index: 中华人民共和国 中华 华人 人民 共和 共和国 成立 了\n")
        .contains("zh_index: 中华人民共和国 中华 华人 人民 共和 共和国 成立\n")
        .contains("mine: 请 扫描二维码 。\n")
        .contains("fenci_search: 充电 充电桩 桩\n")
        .contains("parts: 16 16GB GB 内存 充电 充电桩 桩\n")
        .contains("tokenizer dev.fenci.lucene.FenciTokenizer in module synthetic.analysis.fenci of UberModuleClassLoader\n")
        .contains("matrix kernels vector-")
        // the server's check of a stable plugin, with the running version (VERSION) fixed: a plugin
        // built for it or an earlier version of its major version loads (so this plugin, built for
        // API_VERSION, loads on the later ones), a later or another major's does not
        .contains("compatible " + VERSION + ": yes\n")
        .contains("compatible " + API_VERSION + ": yes\n")
        .contains("compatible " + EARLIER + ": yes\n")
        .contains("compatible " + MAJOR + ".0.0: yes\n")
        .contains("compatible " + LATER + ": no (Stable Plugin [analysis-fenci] was built for Elasticsearch version " + LATER
            + " but earlier version " + VERSION + " is running)\n")
        .contains("compatible " + NEXT_MINOR + ": no (")
        .contains("compatible " + (MAJOR + 1) + ".0.0: no (Stable Plugin [analysis-fenci] was built for Elasticsearch major version "
            + (MAJOR + 1) + " but version " + VERSION + " is running)\n")
        .contains("compatible " + (MAJOR - 1) + ".17.0: no (");
  }
}
