package dev.fenci.opensearch;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opensearch.Version;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.test.OpenSearchTestCase;

/**
 * The descriptor the plugin zip carries beside its jars, read as {@code opensearch-plugin install}
 * reads it: it names this OpenSearch line (every patch release from this one on) and the plugin class. (The zip itself is checked by
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
    // every patch release of this line, none of the next minor one: users need not rebuild for 2.19.7
    assertEquals(1, info.getOpenSearchVersionRanges().size());
    org.opensearch.semver.SemverRange range = info.getOpenSearchVersionRanges().get(0);
    Version v = Version.CURRENT;
    assertTrue(range.isSatisfiedBy(v));
    assertTrue(range.isSatisfiedBy(v.major + "." + v.minor + "." + (v.revision + 3)));
    assertFalse(range.isSatisfiedBy(v.major + "." + (v.minor + 1) + ".0"));
    assertFalse(v.revision > 0 && range.isSatisfiedBy(v.major + "." + v.minor + "." + (v.revision - 1)));
  }


}
