package dev.fenci.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.Permission;
import java.security.URIParameter;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.opensearch.Version;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.test.OpenSearchTestCase;

/**
 * The files the plugin zip carries beside its jars, read as {@code opensearch-plugin install}
 * reads them: the descriptor names this OpenSearch version and the plugin class, and the security
 * policy parses and asks for nothing beyond thread permissions.
 */
public class PluginPackagingTest extends OpenSearchTestCase {
  /** Maven's filtered copy of src/main/plugin-metadata, which the zip takes. */
  private static Path metadata() {
    Path dir = Path.of("target", "plugin-metadata");
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

  /** Parsed by the JDK's policy reader, as OpenSearch's installer does, less what an empty policy grants. */
  public void testThePolicyAsksOnlyForThreads() throws Exception {
    Path empty = createTempDir().resolve("empty.policy");
    Files.writeString(empty, "grant {\n};\n");
    Set<String> permissions = permissions(metadata().resolve(PluginInfo.OPENSEARCH_PLUGIN_POLICY));
    permissions.removeAll(permissions(empty));
    assertEquals(Set.of("RuntimePermission modifyThread", "RuntimePermission modifyThreadGroup"), permissions);
  }

  @SuppressWarnings("removal")
  private static Set<String> permissions(Path policyFile) throws Exception {
    java.security.Policy policy = java.security.Policy.getInstance("JavaPolicy", new URIParameter(policyFile.toUri()));
    Set<String> out = new TreeSet<>();
    for (Permission p : Collections.list(policy.getPermissions(new CodeSource(null, (Certificate[]) null)).elements())) {
      out.add(p.getClass().getSimpleName() + " " + p.getName());
    }
    return out;
  }
}
