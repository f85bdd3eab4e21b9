package dev.fenci.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.cluster.metadata.IndexMetadata;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.index.analysis.AnalysisRegistry;
import org.elasticsearch.index.analysis.IndexAnalyzers;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule;
import org.elasticsearch.plugins.scanners.NameToPluginInfo;
import org.elasticsearch.plugins.scanners.NamedComponentReader;
import org.elasticsearch.plugins.scanners.PluginInfo;
import org.elasticsearch.plugins.scanners.StablePluginsRegistry;
import org.elasticsearch.xcontent.XContentParserConfiguration;
import org.elasticsearch.xcontent.XContentType;

/**
 * Elasticsearch's analysis registry with this plugin's components, in the test's JVM: the
 * components of the plugin's named_components.json (as Maven filtered it into
 * target/plugin-metadata, the zip's copy), registered as the server registers a stable plugin's,
 * and an index's analyzers built from its settings as a node builds them.
 */
final class Es {
  private Es() {}

  static {
    // what a node does first (and Elasticsearch's test framework before any test): its logging
    // facade has no back end until it is configured
    LogConfigurator.configureESLogging();
  }

  /** Maven's copy of src/main/plugin-metadata, which the zip takes. */
  static Path metadata() {
    Path dir = Path.of(System.getProperty("fenci.build.dir", "target"), "plugin-metadata");
    if (!Files.isRegularFile(dir.resolve("named_components.json"))) {
      throw new IllegalStateException("run through Maven (process-resources writes " + dir.toAbsolutePath() + ")");
    }
    return dir;
  }

  /** The extensible interfaces and their components, by name, as named_components.json lists them. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, String>> namedComponents() throws IOException {
    try (InputStream in = Files.newInputStream(metadata().resolve("named_components.json"));
        var parser = XContentType.JSON.xContent().createParser(XContentParserConfiguration.EMPTY, in)) {
      Map<String, Map<String, String>> out = new HashMap<>();
      parser.map().forEach((k, v) -> out.put(k, (Map<String, String>) v));
      return out;
    }
  }

  static AnalysisRegistry registry(Path home) throws IOException {
    Map<String, NameToPluginInfo> components = new HashMap<>();
    namedComponents().forEach((extensible, byName) -> {
      NameToPluginInfo n = new NameToPluginInfo();
      byName.forEach((name, className) -> n.put(name, new PluginInfo(name, className, Es.class.getClassLoader())));
      components.put(extensible, n);
    });
    StablePluginsRegistry stable = new StablePluginsRegistry(new NamedComponentReader(), components);
    Settings node = Settings.builder().put(Environment.PATH_HOME_SETTING.getKey(), home.toString()).build();
    return new AnalysisModule(new Environment(node, null), List.of(), stable).getAnalysisRegistry();
  }

  static IndexSettings index(Settings analysis) {
    Settings settings = Settings.builder()
        .put(IndexMetadata.SETTING_VERSION_CREATED, IndexVersion.current())
        .put(IndexMetadata.SETTING_NUMBER_OF_SHARDS, 1)
        .put(IndexMetadata.SETTING_NUMBER_OF_REPLICAS, 0)
        .put(analysis)
        .build();
    return new IndexSettings(IndexMetadata.builder("test").settings(settings).build(), Settings.EMPTY);
  }

  /** The index's analyzers, as a node builds them when the index is created. */
  static IndexAnalyzers analyzers(AnalysisRegistry registry, Settings analysis) throws IOException {
    return registry.build(IndexService.IndexCreationContext.CREATE_INDEX, index(analysis));
  }

  static Map<String, TokenizerFactory> tokenizers(AnalysisRegistry registry, Settings analysis) throws IOException {
    return registry.buildTokenizerFactories(index(analysis));
  }

  static List<String> tokens(Analyzer a, String text) throws IOException {
    try (TokenStream ts = a.tokenStream("body", text)) {
      return terms(ts);
    }
  }

  static List<String> tokens(Tokenizer t, String text) throws IOException {
    t.setReader(new java.io.StringReader(text));
    try (t) {
      return terms(t);
    }
  }

  private static List<String> terms(TokenStream ts) throws IOException {
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    List<String> out = new ArrayList<>();
    ts.reset();
    while (ts.incrementToken()) {
      out.add(term.toString());
    }
    ts.end();
    return out;
  }

  /** The messages of {@code t} and its causes, one per line. */
  static String messages(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      b.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n');
    }
    return b.toString();
  }
}
