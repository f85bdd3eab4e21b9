package dev.fenci.opensearch.zip;

import java.nio.file.Path;
import dev.fenci.opensearch.OpenSearchLines;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.indices.analysis.AnalysisModule;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.plugins.PluginsService;

/**
 * Run by {@link PluginZipIT} in a JVM of its own: loads the plugins of {@code HOME/plugins} as
 * OpenSearch does and prints each plugin and the tokens of fenci's analyzers.
 */
public final class LoadPlugin {
  private LoadPlugin() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    Settings settings = Settings.builder().put("path.home", home.toString()).build();
    Environment env = new Environment(settings, home.resolve("config"));
    PluginsService plugins = new PluginsService(settings, OpenSearchLines.folder(env, "config"), OpenSearchLines.folder(env, "modules"),
        OpenSearchLines.folder(env, "plugins"), List.of());
    for (PluginInfo info : plugins.info().getPluginInfos()) {
      System.out.println("plugin " + info.getName() + " " + info.getClassname());
    }
    AnalysisModule analysis = new AnalysisModule(env, plugins.filterPlugins(AnalysisPlugin.class));
    for (String name : new String[] {"fenci_index", "fenci"}) {
      Analyzer a = analysis.getAnalysisRegistry().getAnalyzer(name);
      StringBuilder b = new StringBuilder(name + ":");
      try (TokenStream ts = a.tokenStream("body", "中华人民共和国成立了")) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          b.append(' ').append(term);
        }
        ts.end();
      }
      System.out.println(b);
    }
  }
}
