package dev.fenci.elasticsearch.zip;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.Build;
import org.elasticsearch.cluster.metadata.IndexMetadata;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.index.analysis.IndexAnalyzers;
import org.elasticsearch.indices.analysis.AnalysisModule;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.PluginBundle;
import org.elasticsearch.plugins.PluginDescriptor;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;
import org.elasticsearch.plugins.PluginsUtils;

/**
 * Run by {@link PluginZipIT} in a JVM of its own: loads the plugins of {@code HOME/plugins} as an
 * Elasticsearch node does ({@code PluginsLoader}, {@code PluginsService}, the stable plugins
 * registry), builds an index's analyzers from analysis settings as a user writes them, and prints
 * the tokens; then asks the server's compatibility check about the plugin's descriptor with other
 * Elasticsearch versions written in it (the arguments after the home).
 */
public final class LoadPlugin {
  private LoadPlugin() {}

  public static void main(String[] args) throws Exception {
    LogConfigurator.configureESLogging();
    Path home = Path.of(args[0]);
    Settings node = Settings.builder().put(Environment.PATH_HOME_SETTING.getKey(), home.toString()).build();
    Environment env = new Environment(node, home.resolve("config"));
    PluginsLoader loader = PluginsLoader.createPluginsLoader(bundles("loadModulesBundles", env.modulesDir()),
        bundles("loadPluginsBundles", env.pluginsDir()), Map.of());
    PluginsService plugins = new PluginsService(node, env.configDir(), loader);
    System.out.println("elasticsearch " + Build.current().version());
    for (PluginDescriptor d : loader.pluginDescriptors()) {
      System.out.println("plugin " + d.getName() + " stable=" + d.isStable() + " elasticsearch.version=" + d.getElasticsearchVersion());
    }
    AnalysisModule analysis = new AnalysisModule(env, plugins.filterPlugins(AnalysisPlugin.class).toList(),
        plugins.getStablePluginRegistry());
    Settings index = Settings.builder()
        .put(IndexMetadata.SETTING_VERSION_CREATED, IndexVersion.current())
        .put(IndexMetadata.SETTING_NUMBER_OF_SHARDS, 1)
        .put(IndexMetadata.SETTING_NUMBER_OF_REPLICAS, 0)
        .put("index.analysis.analyzer.my.type", "custom")
        .put("index.analysis.analyzer.my.tokenizer", "my_tok")
        .put("index.analysis.tokenizer.my_tok.type", "fenci")
        .put("index.analysis.analyzer.mine.type", "custom")
        .put("index.analysis.analyzer.mine.tokenizer", "mine_tok")
        .put("index.analysis.tokenizer.mine_tok.type", "fenci")
        .put("index.analysis.tokenizer.mine_tok.model", "fast")
        .putList("index.analysis.tokenizer.mine_tok.dictionary_entries", "扫描二维码,inf")
        .put("index.analysis.tokenizer.mine_tok.keep_punctuation", "true")
        .put("index.analysis.analyzer.zh_index.type", "fenci_index")
        .putList("index.analysis.analyzer.zh_index.stopwords", "了")
        // the plugin's parts, as a custom analyzer takes them: its char filter and token filters
        .put("index.analysis.analyzer.parts.type", "custom")
        .putList("index.analysis.analyzer.parts.char_filter", "fenci_width")
        .put("index.analysis.analyzer.parts.tokenizer", "fenci")
        .putList("index.analysis.analyzer.parts.filter", "fenci_fold", "fenci_query")
        .build();
    IndexSettings settings = new IndexSettings(IndexMetadata.builder("news").settings(index).build(), node);
    try (IndexAnalyzers analyzers = analysis.getAnalysisRegistry().build(IndexService.IndexCreationContext.CREATE_INDEX, settings)) {
      for (String name : new String[] {"my", "fenci", "fenci_index", "zh_index"}) {
        print(name, analyzers.get(name), "中华人民共和国成立了");
      }
      print("mine", analyzers.get("mine"), "请扫描二维码。");
      print("fenci_search", analyzers.get("fenci_search"), "充电桩");
      print("parts", analyzers.get("parts"), "１６ＧＢ內存，充电桩");
      try (TokenStream ts = analyzers.get("my").tokenStream("body", "")) {
        // the custom analyzer without filters: its stream is fenci's tokenizer, from the plugin's class loader
        System.out.println("tokenizer " + ts.getClass().getName() + " in module " + ts.getClass().getModule().getName()
            + " of " + ts.getClass().getClassLoader().getClass().getSimpleName());
        // fenci's matrix kernels as the plugin's module sees them (vector ones need jdk.incubator.vector)
        Class<?> gemm = Class.forName("dev.fenci.nn.Gemm", true, ts.getClass().getClassLoader());
        System.out.println("matrix kernels " + gemm.getMethod("name").invoke(gemm.getMethod("best").invoke(null)));
      }
    }
    for (int i = 1; i < args.length; i++) {
      String version = args[i];
      System.out.println("compatible " + version + ": " + compatible(home, version));
    }
  }

  /**
   * {@code PluginsLoader.loadModulesBundles} or {@code loadPluginsBundles} of a folder: 8.x takes
   * the folder; 9.x also takes whether the node is stateless (serverless), false for a node as
   * users run it (plugins whose descriptor says {@code deployment.target=STATELESS_ONLY} are left out).
   */
  @SuppressWarnings("unchecked")
  private static Set<PluginBundle> bundles(String method, Path dir) throws Exception {
    try {
      return (Set<PluginBundle>) PluginsLoader.class.getMethod(method, Path.class).invoke(null, dir);
    } catch (NoSuchMethodException e) {
      return (Set<PluginBundle>) PluginsLoader.class.getMethod(method, Path.class, boolean.class).invoke(null, dir, false);
    }
  }

  private static void print(String name, Analyzer a, String text) throws Exception {
    StringBuilder b = new StringBuilder(name + ":");
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        b.append(' ').append(term);
      }
      ts.end();
    }
    System.out.println(b);
  }

  /** What the server's check says of the plugin's descriptor with {@code version} as its Elasticsearch version. */
  private static String compatible(Path home, String version) throws Exception {
    Path plugin = home.resolve("plugins").resolve("analysis-fenci");
    Path dir = Files.createDirectories(home.resolve("descriptor-" + version));
    String descriptor = Files.readString(plugin.resolve(PluginDescriptor.STABLE_DESCRIPTOR_FILENAME), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(PluginDescriptor.STABLE_DESCRIPTOR_FILENAME),
        descriptor.replaceAll("(?m)^elasticsearch\\.version=.*$", "elasticsearch.version=" + version), StandardCharsets.UTF_8);
    try {
      PluginsUtils.verifyCompatibility(PluginDescriptor.readFromProperties(dir));
      return "yes";
    } catch (IllegalArgumentException e) {
      return "no (" + e.getMessage() + ")";
    }
  }
}
