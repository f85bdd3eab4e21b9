package dev.fenci.lucene;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.tests.util.LuceneTestCase;

/**
 * The module {@code dev.fenci.lucene} on the module path: an application module that requires only
 * it compiles, finds the factory {@code fenci} through Lucene's service loader and tokenizes (its
 * module brings {@code dev.fenci} and Lucene's along). Run in a process of its own.
 */
@ThreadLeakFilters(defaultFilters = true, filters = {FenciThreads.class})
public class ModulePathTest extends LuceneTestCase {
  public void testAnApplicationModuleRequiresDevFenciLucene() throws Exception {
    List<String> path = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.contains("fenci-core") || e.contains("fenci-lucene") || e.contains("lucene-core")
            || e.contains("lucene-analysis-common"))
        .filter(e -> !e.contains("test-classes"))
        .toList();
    assertEquals(path.toString(), 4, path.size());
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    assumeTrue("a JDK's compiler", Files.isExecutable(javac));
    Path dir = createTempDir("modules");
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("app"));
    Files.writeString(src.resolve("module-info.java"), "module app { requires dev.fenci.lucene; }\n");
    Files.writeString(src.resolve("app/Main.java"), """
        package app;
        import java.io.StringReader;
        import java.util.HashMap;
        import java.util.Map;
        import org.apache.lucene.analysis.TokenStream;
        import org.apache.lucene.analysis.Tokenizer;
        import org.apache.lucene.analysis.TokenizerFactory;
        import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
        import org.apache.lucene.util.ClasspathResourceLoader;
        import org.apache.lucene.util.ResourceLoaderAware;
        public class Main {
          public static void main(String[] args) throws Exception {
            TokenizerFactory f = TokenizerFactory.forName("fenci", new HashMap<>(Map.of("model", "seed")));
            ((ResourceLoaderAware) f).inform(new ClasspathResourceLoader(Main.class));
            Tokenizer t = f.create();
            t.setReader(new StringReader("扫描二维码，关注微信号。"));
            print(t);
            print(new dev.fenci.lucene.FenciAnalyzer(dev.fenci.Segmenter.load("seed")).tokenStream("f", "ＡＢＣ公司"));
          }
          static void print(TokenStream ts) throws Exception {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            StringBuilder b = new StringBuilder();
            while (ts.incrementToken()) {
              b.append(term).append('|');
            }
            ts.end();
            ts.close();
            System.out.println(b);
          }
        }
        """, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    String modulePath = String.join(File.pathSeparator, path);
    Process c = new ProcessBuilder(javac.toString(), "-encoding", "UTF-8", "-p", modulePath, "-d", out.toString(),
        src.resolve("module-info.java").toString(), src.resolve("app/Main.java").toString())
        .redirectErrorStream(true).start();
    String compiled = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(c.waitFor(120, TimeUnit.SECONDS));
    assertEquals("javac of a module requiring dev.fenci.lucene: " + compiled, 0, c.exitValue());
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dstdout.encoding=UTF-8", "-p", modulePath + File.pathSeparator + out, "-m", "app/app.Main"))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(output, 0, p.exitValue());
    assertTrue(output, output.contains("扫描|") && output.contains("关注|") && output.contains("abc|"));
  }
}
