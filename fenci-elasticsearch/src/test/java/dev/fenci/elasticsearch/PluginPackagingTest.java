package dev.fenci.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.TreeMap;
import org.elasticsearch.Build;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugins.PluginDescriptor;
import org.elasticsearch.plugins.PluginsUtils;
import org.junit.jupiter.api.Test;

/**
 * The files the plugin zip carries beside its jars, read as Elasticsearch reads them: the stable
 * descriptor, and named_components.json, which must list each component under its name and
 * interface as the classes declare them (Elasticsearch's Gradle plugin writes that file from the
 * classes; this build keeps a written one, held to them here). The zip itself is checked by
 * {@code PluginZipIT}, after it is built.
 */
class PluginPackagingTest {
  /** The stable plugin API version the plugin is compiled against, which its descriptor names. */
  private static final String API_VERSION = System.getProperty("fenci.elasticsearch.api.version", "8.7.0");

  @Test
  void theDescriptorIsAStableOneForThisElasticsearch() throws Exception {
    PluginDescriptor info = PluginDescriptor.readFromProperties(Es.metadata());
    assertThat(info.isStable()).isTrue();
    assertThat(info.getName()).isEqualTo("analysis-fenci");
    // the API it is compiled against, not the server's: it loads on that version and later ones
    assertThat(info.getElasticsearchVersion()).isEqualTo(API_VERSION);
    assertThat(info.getJavaVersion()).isEqualTo("17");
    assertThat(info.isModular()).isFalse();
    // the test server's own check accepts it (throws if not)
    PluginsUtils.verifyCompatibility(info);
  }

  @Test
  void theTestsRunWithTheServersPluginApi() {
    // the plugin is compiled against API_VERSION's jars; the tests put the server's in their place, as in a node's lib/
    for (Class<?> c : new Class<?>[] {NamedComponent.class, org.elasticsearch.plugin.analysis.TokenizerFactory.class}) {
      assertThat(c.getProtectionDomain().getCodeSource().getLocation().getPath())
          .as(c.getName()).endsWith("-" + Build.current().version() + ".jar");
    }
  }

  @Test
  void namedComponentsListTheAnnotatedClasses() throws Exception {
    Map<String, Map<String, String>> expected = new TreeMap<>(Map.of(
        org.elasticsearch.plugin.analysis.TokenizerFactory.class.getName(),
        Map.of("fenci", FenciTokenizerFactory.class.getName()),
        org.elasticsearch.plugin.analysis.AnalyzerFactory.class.getName(),
        Map.of("fenci", FenciAnalyzerFactory.class.getName(), "fenci_index", FenciIndexAnalyzerFactory.class.getName(),
            "fenci_search", FenciSearchAnalyzerFactory.class.getName()),
        org.elasticsearch.plugin.analysis.CharFilterFactory.class.getName(),
        Map.of("fenci_width", FenciWidthCharFilterFactory.class.getName()),
        org.elasticsearch.plugin.analysis.TokenFilterFactory.class.getName(),
        Map.of("fenci_fold", FenciFoldFilterFactory.class.getName(), "fenci_query", FenciQueryFilterFactory.class.getName())));
    assertThat(new TreeMap<>(Es.namedComponents())).isEqualTo(expected);
    for (var byInterface : expected.entrySet()) {
      Class<?> extensible = Class.forName(byInterface.getKey());
      for (var component : byInterface.getValue().entrySet()) {
        Class<?> c = Class.forName(component.getValue());
        assertThat(extensible).isAssignableFrom(c);
        assertThat(c.getAnnotation(NamedComponent.class).value()).isEqualTo(component.getKey());
        // what the server's StableApiWrappers asks: one public constructor, without parameters or
        // with @Inject and settings interfaces
        Constructor<?>[] constructors = c.getConstructors();
        assertThat(constructors).hasSize(1);
        assertThat(constructors[0].getParameterCount() == 0 || constructors[0].getAnnotation(Inject.class) != null).isTrue();
        for (Class<?> p : constructors[0].getParameterTypes()) {
          assertThat(p.isInterface() && p.isAnnotationPresent(AnalysisSettings.class)).as(p.getName()).isTrue();
        }
      }
    }
  }
}
