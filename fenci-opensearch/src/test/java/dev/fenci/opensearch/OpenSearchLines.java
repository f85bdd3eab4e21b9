package dev.fenci.opensearch;

import java.nio.file.Path;
import org.opensearch.env.Environment;
import org.opensearch.plugins.Plugin;
import org.opensearch.search.SearchHits;

/**
 * What the tests call that differs between OpenSearch 2 (Lucene 9) and 3 (Lucene 10), so that one
 * test source runs on both lines (the {@code opensearch3} profile builds the plugin for 3).
 */
public final class OpenSearchLines {
  private OpenSearchLines() {}

  /**
   * The node's {@code config}, {@code plugins} or {@code modules} folder, as {@code
   * FenciSettings.folder} finds it (not called from here: {@code LoadPlugin} runs where fenci's
   * classes come only from the plugin's zip).
   */
  public static Path folder(Environment env, String which) {
    for (String name : new String[] {which + "Dir", which + "File"}) {
      try {
        return (Path) Environment.class.getMethod(name).invoke(env);
      } catch (NoSuchMethodException e) {
        // the other line's name
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no " + which + " folder in this OpenSearch's Environment");
  }

  /** The number of hits: Lucene 9's field {@code TotalHits.value}, Lucene 10's method {@code value()}. */
  public static long totalHits(SearchHits hits) {
    Object total = hits.getTotalHits();
    try {
      return (long) total.getClass().getMethod("value").invoke(total);
    } catch (NoSuchMethodException e) {
      try {
        return total.getClass().getField("value").getLong(total);
      } catch (ReflectiveOperationException f) {
        throw new IllegalStateException(f);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** OpenSearch's common analysis plugin: {@code CommonAnalysisPlugin} in 2, {@code CommonAnalysisModulePlugin} in 3. */
  @SuppressWarnings("unchecked")
  public static Class<? extends Plugin> commonAnalysisPlugin() {
    for (String name : new String[] {"CommonAnalysisModulePlugin", "CommonAnalysisPlugin"}) {
      try {
        return (Class<? extends Plugin>) Class.forName("org.opensearch.analysis.common." + name);
      } catch (ClassNotFoundException e) {
        // the other line's name
      }
    }
    throw new IllegalStateException("no common analysis plugin on the class path");
  }
}
