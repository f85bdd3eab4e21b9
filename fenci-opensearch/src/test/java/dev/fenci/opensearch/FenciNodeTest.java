package dev.fenci.opensearch;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import java.util.Collection;
import java.util.List;
import org.opensearch.action.admin.indices.analyze.AnalyzeAction;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;

/** A node with the plugin: a mapping names the analyzers, documents are indexed and searched. */
@ThreadLeakFilters(defaultFilters = true, filters = {FenciThreads.class})
public class FenciNodeTest extends OpenSearchSingleNodeTestCase {
  @Override
  protected Collection<Class<? extends Plugin>> getPlugins() {
    return pluginList(FenciPlugin.class);
  }

  public void testAnalyzeApi() {
    AnalyzeAction.Response r = client().admin().indices().prepareAnalyze("扫描二维码，关注微信号。").setAnalyzer("fenci").get();
    // the default model's words, without the punctuation (whatever the model: 扫描 二维码 关注 微 信号 for this one)
    List<String> words = dev.fenci.Segmenter.load().segment("扫描二维码，关注微信号。").stream()
        .filter(w -> !w.equals("，") && !w.equals("。")).toList();
    assertEquals(words, r.getTokens().stream().map(AnalyzeAction.AnalyzeToken::getTerm).toList());
  }

  public void testIndexWithPartsAndSearchWithWords() {
    client().admin().indices().prepareCreate("news")
        .setMapping("{\"properties\": {\"body\": {\"type\": \"text\", \"analyzer\": \"fenci_index\", \"search_analyzer\": \"fenci\"},"
            + " \"plain\": {\"type\": \"text\", \"analyzer\": \"fenci\"}}}")
        .get();
    String[] docs = {"中华人民共和国成立了", "社会主义现代化建设", "他在北京大学读书"};
    for (int i = 0; i < docs.length; i++) {
      client().prepareIndex("news").setId(Integer.toString(i))
          .setSource("{\"body\": \"" + docs[i] + "\", \"plain\": \"" + docs[i] + "\"}", XContentType.JSON).get();
    }
    client().admin().indices().prepareRefresh("news").get();
    assertEquals(1, hits("body", "共和国"));
    assertEquals(0, hits("plain", "共和国"));
    assertEquals(1, hits("body", "中华人民共和国"));
    assertEquals(1, hits("plain", "中华人民共和国"));
    assertEquals(1, hits("body", "社会"));
    SearchResponse phrase = client().prepareSearch("news").setQuery(QueryBuilders.matchPhraseQuery("body", "社会主义现代化")).get();
    assertEquals(1, OpenSearchLines.totalHits(phrase.getHits()));
  }

  /** A mistake in the index's analysis settings is the request's fault: 400, with what was wrong. */
  public void testAMistakeIsABadRequest() {
    Exception e = expectThrows(Exception.class, () -> client().admin().indices().prepareCreate("bad")
        .setSettings(org.opensearch.common.settings.Settings.builder()
            .put("index.analysis.analyzer.zh.type", "fenci").put("index.analysis.analyzer.zh.dictionary", "none.dict"))
        .get());
    assertEquals(org.opensearch.core.rest.RestStatus.BAD_REQUEST, org.opensearch.ExceptionsHelper.status(e));
    assertTrue(e.getMessage(), org.opensearch.ExceptionsHelper.unwrapCause(e).getMessage().contains("none.dict"));
  }

  private long hits(String field, String text) {
    return OpenSearchLines.totalHits(client().prepareSearch("news").setQuery(QueryBuilders.matchQuery(field, text)).get().getHits());
  }
}
