package dev.fenci.opensearch;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.opensearch.action.admin.indices.analyze.AnalyzeAction;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.env.Environment;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;

/** The index definitions of docs/opensearch.md, run as written on a node with the plugin. */
@ThreadLeakFilters(defaultFilters = true, filters = {FenciThreads.class})
public class DocsExamplesTest extends OpenSearchSingleNodeTestCase {
  @Override
  protected Collection<Class<? extends Plugin>> getPlugins() {
    return pluginList(FenciPlugin.class, OpenSearchLines.commonAnalysisPlugin());
  }

  /** The bodies of the doc's {@code PUT news} requests. */
  private static List<String> examples() throws Exception {
    Path doc = Path.of("..", "docs", "opensearch.md");
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

  /** Creates the index {@code news} from a REST request's body (whose mappings the REST layer puts under {@code _doc}). */
  private void createNews(String body) {
    java.util.Map<String, Object> source = new java.util.HashMap<>(
        org.opensearch.common.xcontent.XContentHelper.convertToMap(XContentType.JSON.xContent(), body, false));
    Object mappings = source.remove("mappings");
    if (mappings != null) {
      source.put("mappings", java.util.Map.of("_doc", mappings));
    }
    client().admin().indices().prepareCreate("news").setSource(source).get();
  }

  public void testTheDocsIndexDefinitionsWork() throws Exception {
    Path config = OpenSearchLines.folder(getInstanceFromNode(Environment.class), "config");
    Files.createDirectories(config.resolve("fenci"));
    Files.writeString(config.resolve("fenci").resolve("my.dict"), "二维码,10\n", StandardCharsets.UTF_8);
    List<String> examples = examples();
    assertEquals("the doc's PUT news examples", 3, examples.size());
    for (String body : examples) {
      createNews(body);
      client().prepareIndex("news").setId("1").setSource("{\"body\": \"中华人民共和国成立了，扫描二维码\"}", XContentType.JSON).get();
      client().admin().indices().prepareRefresh("news").get();
      for (String q : new String[] {"共和国", "中华人民共和国", "二维码"}) {
        assertEquals(q, 1, OpenSearchLines.totalHits(client().prepareSearch("news").setQuery(QueryBuilders.matchQuery("body", q)).get()
            .getHits()));
      }
      // the search analyzer's joins: the phrase 充电 桩 (the query alone) or 充电桩 (the sentence's word)
      client().prepareIndex("news").setId("2").setSource("{\"body\": \"小区新装了一批充电桩和路灯\"}", XContentType.JSON).get();
      client().admin().indices().prepareRefresh("news").get();
      assertEquals(1, OpenSearchLines.totalHits(client().prepareSearch("news")
          .setQuery(QueryBuilders.matchPhraseQuery("body", "充电桩")).get().getHits()));
      client().admin().indices().prepareDelete("news").get();
    }
  }

  public void testTheCustomAnalyzerOfTheSettingsExample() throws Exception {
    Path config = OpenSearchLines.folder(getInstanceFromNode(Environment.class), "config");
    Files.createDirectories(config.resolve("fenci"));
    Files.writeString(config.resolve("fenci").resolve("my.dict"), "二维码,10\n", StandardCharsets.UTF_8);
    createNews(examples().get(1));
    AnalyzeAction.Response r = client().admin().indices().prepareAnalyze("news", "扫描二维码，ＩＰＨＯＮＥ")
        .setAnalyzer("zh_custom").get();
    assertEquals(List.of("扫描", "二维码", "iphone"), r.getTokens().stream().map(AnalyzeAction.AnalyzeToken::getTerm).toList());
    r = client().admin().indices().prepareAnalyze("news", "我的书到了").setAnalyzer("zh_index").get();
    assertEquals(List.of("我", "书", "到"), r.getTokens().stream().map(AnalyzeAction.AnalyzeToken::getTerm).toList());
  }

  /** The custom analyzers of the synonyms example: width folded before segmenting, synonyms both ways. */
  public void testTheCustomAnalyzersWithSynonyms() throws Exception {
    createNews(examples().get(2));
    AnalyzeAction.Response r = client().admin().indices().prepareAnalyze("news", "１６ＧＢ內存").setAnalyzer("zh_index").get();
    assertEquals(List.of("16gb", "16", "内存"), r.getTokens().stream().map(AnalyzeAction.AnalyzeToken::getTerm).toList());
    client().prepareIndex("news").setId("1").setSource("{\"body\": \"我的移动电话坏了\"}", XContentType.JSON).get();
    client().prepareIndex("news").setId("2").setSource("{\"body\": \"新手机到了\"}", XContentType.JSON).get();
    client().admin().indices().prepareRefresh("news").get();
    for (String q : new String[] {"手机", "移动电话"}) {
      assertEquals(q, 2, OpenSearchLines.totalHits(client().prepareSearch("news")
          .setQuery(QueryBuilders.matchPhraseQuery("body", q)).get().getHits()));
    }
  }
}
