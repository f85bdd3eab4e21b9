package dev.fenci.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.xcontent.XContentHelper;
import org.elasticsearch.index.analysis.AnalysisRegistry;
import org.elasticsearch.index.analysis.IndexAnalyzers;
import org.elasticsearch.xcontent.XContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code PUT news} examples of docs/elasticsearch.md, as written: their analysis settings
 * build an index's analyzers, and the analyzers their mapping names for {@code body} make the
 * terms a search needs (the index analyzer the parts, {@code 共和国}; the query analyzer the words).
 */
class DocsExamplesTest {
  /** The bodies of the doc's {@code PUT news} requests. */
  private static List<String> examples() throws Exception {
    Path doc = Path.of("..", "docs", "elasticsearch.md");
    List<String> out = new ArrayList<>();
    String[] parts = Files.readString(doc, StandardCharsets.UTF_8).split("```json\n");
    for (int i = 1; i < parts.length; i++) {
      String block = parts[i].substring(0, parts[i].indexOf("```"));
      if (block.startsWith("PUT news\n")) {
        out.add(block.substring("PUT news\n".length()));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static String analyzer(Map<String, Object> body, String which) {
    Map<String, Object> mappings = (Map<String, Object>) body.get("mappings");
    Map<String, Object> field = (Map<String, Object>) ((Map<String, Object>) mappings.get("properties")).get("body");
    return (String) field.get(which);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDocsIndexDefinitionsWork(@TempDir Path home) throws Exception {
    AnalysisRegistry registry = Es.registry(home);
    List<String> examples = examples();
    assertThat(examples).as("the doc's PUT news examples").hasSize(2);
    for (String json : examples) {
      Map<String, Object> body = XContentHelper.convertToMap(XContentType.JSON.xContent(), json, false);
      Settings.Builder settings = Settings.builder();
      if (body.containsKey("settings")) {
        // as the create-index API reads them: flattened, "index." in front
        settings.loadFromMap((Map<String, Object>) body.get("settings")).normalizePrefix("index.");
      }
      try (IndexAnalyzers a = Es.analyzers(registry, settings.build())) {
        String text = "中华人民共和国成立了，扫描二维码";
        List<String> indexed = Es.tokens(a.get(analyzer(body, "analyzer")), text);
        List<String> searched = Es.tokens(a.get(analyzer(body, "search_analyzer")), text);
        assertThat(indexed).contains("中华人民共和国", "共和国");
        assertThat(searched).contains("中华人民共和国").doesNotContain("共和国");
        // the search analyzer joins 充电 桩 (a query alone) as 充电桩 too, the word a sentence writes
        assertThat(Es.tokens(a.get(analyzer(body, "search_analyzer")), "充电桩")).containsExactly("充电", "充电桩", "桩");
        if (json.contains("\"微信号,10\"")) { // the dictionary entry makes it one word (the default model writes 微 信号)
          assertThat(Es.tokens(a.get(analyzer(body, "analyzer")), "关注微信号")).contains("微信号");
          assertThat(Es.tokens(a.get(analyzer(body, "search_analyzer")), "关注微信号")).contains("微信号");
          assertThat(dev.fenci.Segmenter.load().segment("关注微信号")).doesNotContain("微信号");
        }
        if (a.get("zh_custom") != null) {
          assertThat(Es.tokens(a.get("zh_custom"), "扫描二维码，关注微信号")).containsExactly("扫描", "二维码", "关注", "微信号");
          assertThat(Es.tokens(a.get("zh_index"), "我的书到了")).containsExactly("我", "书", "到");
        }
      }
    }
  }
}
