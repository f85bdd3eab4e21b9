package dev.fenci.opensearch;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opensearch.Version;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.test.OpenSearchTestCase;

/**
 * The descriptor the plugin zip carries beside its jars, read as {@code opensearch-plugin install}
 * reads it: it names this OpenSearch version and the plugin class. (The zip itself is checked by
 * {@code PluginZipIT}, after it is built.)
 */
@ThreadLeakFilters(defaultFilters = true, filters = {FenciThreads.class})
public class PluginPackagingTest extends OpenSearchTestCase {
  /** Maven's filtered copy of src/main/plugin-metadata, which the zip takes. */
  private static Path metadata() {
    Path dir = Path.of(System.getProperty("fenci.build.dir", "target"), "plugin-metadata");
    assertTrue("run through Maven (process-resources writes " + dir.toAbsolutePath() + ")",
        Files.isRegularFile(dir.resolve(PluginInfo.OPENSEARCH_PLUGIN_PROPERTIES)));
    return dir;
  }

  public void testTheDescriptorIsOneOpenSearchAccepts() throws Exception {
    PluginInfo info = PluginInfo.readFromProperties(metadata());
    assertEquals("analysis-fenci", info.getName());
    assertEquals(FenciPlugin.class.getName(), info.getClassname());
    assertEquals(Version.CURRENT.toString(), info.getOpenSearchVersionRangesString().replaceAll("[^0-9.]", ""));
    assertEquals("17", info.getJavaVersion());
  }


}
