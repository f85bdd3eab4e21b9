package dev.fenci.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AnalysisRegistry;
import org.elasticsearch.index.analysis.IndexAnalyzers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's components as an index's settings configure them, built by Elasticsearch's analysis registry. */
class FenciAnalysisTest {
  @TempDir
  static Path home;
  private static AnalysisRegistry registry;

  @BeforeAll
  static void registry() throws IOException {
    registry = Es.registry(home);
  }

  private static IndexAnalyzers analyzers(Settings.Builder analysis) throws IOException {
    return Es.analyzers(registry, analysis.build());
  }

  @Test
  void theAnalyzersByName() throws IOException {
    IndexAnalyzers a = analyzers(Settings.builder()
        .put("index.analysis.analyzer.words.type", "fenci")
        .put("index.analysis.analyzer.parts.type", "fenci_index"));
    assertThat(Es.tokens(a.get("words"), "中华人民共和国成立了。ＩＰＨＯＮＥ")).containsExactly("中华人民共和国", "成立", "了", "iphone");
    assertThat(Es.tokens(a.get("parts"), "中华人民共和国成立了"))
        .containsExactly("中华人民共和国", "中华", "华人", "人民", "共和", "共和国", "成立", "了");
    // unconfigured, as a mapping names them: Elasticsearch builds both for every index
    assertThat(Es.tokens(a.get("fenci"), "中华人民共和国成立了")).containsExactly("中华人民共和国", "成立", "了");
    assertThat(Es.tokens(a.get("fenci_index"), "社会主义")).containsExactly("社会主义", "社会", "主义");
  }

  /** fenci_search: the words of a query and, as alternatives, the joins of adjacent words. */
  @Test
  void theSearchAnalyzerJoinsAdjacentWords() throws IOException {
    IndexAnalyzers a = analyzers(Settings.builder()
        .put("index.analysis.analyzer.q.type", "fenci_search")
        .putList("index.analysis.analyzer.q.stopwords", "的"));
    assertThat(Es.tokens(a.get("q"), "充电桩")).containsExactly("充电", "充电桩", "桩");
    assertThat(Es.tokens(a.get("fenci_search"), "充电桩")).containsExactly("充电", "充电桩", "桩");
    assertThat(Es.tokens(a.get("q"), "我的书")).containsExactly("我", "书"); // the stop word first: 我 and 书 are not adjacent
    for (boolean subwords : new boolean[] {true, false}) { // not a setting of it, whatever its value
      Throwable[] thrown = new Throwable[1];
      assertThatThrownBy(() -> analyzers(Settings.builder()
          .put("index.analysis.analyzer.x.type", "fenci_search").put("index.analysis.analyzer.x.subwords", subwords)))
          .satisfies(t -> thrown[0] = t);
      assertThat(thrown[0]).isInstanceOf(IllegalArgumentException.class);
      assertThat(thrown[0].getMessage()).contains("[subwords] is not a setting of the fenci_search analyzer");
    }
  }

  @Test
  void aCustomAnalyzerWithTheTokenizer() throws IOException {
    IndexAnalyzers a = analyzers(Settings.builder()
        .put("index.analysis.analyzer.my.type", "custom")
        .put("index.analysis.analyzer.my.tokenizer", "my_tok")
        .put("index.analysis.tokenizer.my_tok.type", "fenci")
        .put("index.analysis.tokenizer.my_tok.model", "fast")
        .putList("index.analysis.tokenizer.my_tok.dictionary_entries", "二维码,10", "# a comment", "微信号")
        .put("index.analysis.tokenizer.my_tok.keep_punctuation", true));
    assertThat(Es.tokens(a.get("my"), "扫描二维码。")).containsExactly("扫描", "二维码", "。");
  }

  /**
   * A custom analyzer built from the plugin's parts does what the fenci analyzers do: width folded
   * before segmenting (fenci_width), terms folded (fenci_fold), and for queries the joins and splits
   * (fenci_query, search time only).
   */
  @Test
  void customAnalyzersFromThePluginsParts() throws IOException {
    IndexAnalyzers a = analyzers(Settings.builder()
        .put("index.analysis.analyzer.plain.type", "custom")
        .put("index.analysis.analyzer.plain.tokenizer", "fenci")
        .put("index.analysis.analyzer.folded.type", "custom")
        .putList("index.analysis.analyzer.folded.char_filter", "fenci_width")
        .put("index.analysis.analyzer.folded.tokenizer", "fenci")
        .putList("index.analysis.analyzer.folded.filter", "fenci_fold")
        .put("index.analysis.analyzer.query.type", "custom")
        .put("index.analysis.analyzer.query.tokenizer", "fenci")
        .putList("index.analysis.analyzer.query.filter", "fenci_query"));
    // without the char filter the text is segmented as written, full width (docs/elasticsearch.md's example)
    assertThat(Es.tokens(a.get("plain"), "ｘ８６＿６４架构")).containsExactly("ｘ", "８６", "６４", "架构");
    assertThat(Es.tokens(a.get("folded"), "ｘ８６＿６４架构")).containsExactly("x86_64", "架构");
    assertThat(Es.tokens(a.get("folded"), "１６ＧＢ内存")).containsExactly("16GB", "内存");
    assertThat(Es.tokens(a.get("folded"), "臺灣的馬克‧吐溫")).containsExactly("台湾", "的", "马克·吐温");
    assertThat(Es.tokens(a.get("query"), "充电桩")).containsExactly("充电", "充电桩", "桩");
    // the offsets stay those of the text as written
    try (var ts = a.get("folded").tokenStream("body", "１６ＧＢ内存")) {
      var offset = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      assertThat(ts.incrementToken()).isTrue();
      assertThat(new int[] {offset.startOffset(), offset.endOffset()}).containsExactly(0, 4);
      ts.end();
    }
    // fenci_query is for queries: Elasticsearch refuses an index analyzer with it
    a.get("query").checkAllowedInMode(org.elasticsearch.index.analysis.AnalysisMode.SEARCH_TIME);
    assertThatThrownBy(() -> a.get("query").checkAllowedInMode(org.elasticsearch.index.analysis.AnalysisMode.INDEX_TIME))
        .hasMessageContaining("fenci_query");
    a.get("folded").checkAllowedInMode(org.elasticsearch.index.analysis.AnalysisMode.INDEX_TIME);
  }

  @Test
  void theTokenizerAlone() throws IOException {
    var t = Es.tokenizers(registry, Settings.builder()
        .put("index.analysis.tokenizer.plain.type", "fenci")
        .put("index.analysis.tokenizer.parts.type", "fenci")
        .put("index.analysis.tokenizer.parts.subwords", "true").build());
    assertThat(Es.tokens(t.get("plain").create(), "中华人民共和国成立了。")).containsExactly("中华人民共和国", "成立", "了");
    assertThat(Es.tokens(t.get("parts").create(), "社会主义。")).containsExactly("社会主义", "社会", "主义");
    assertThat(Es.tokens(t.get("fenci").create(), "中华人民共和国成立了")).containsExactly("中华人民共和国", "成立", "了");
  }

  @Test
  void analyzerSettings() throws IOException {
    IndexAnalyzers a = analyzers(Settings.builder()
        .put("index.analysis.analyzer.s.type", "fenci")
        .putList("index.analysis.analyzer.s.stopwords", "的", "了")
        .put("index.analysis.analyzer.q.type", "fenci_index")
        .put("index.analysis.analyzer.q.subwords", false)
        .put("index.analysis.analyzer.d.type", "fenci")
        .put("index.analysis.analyzer.d.model", "accurate+jieba")
        .putList("index.analysis.analyzer.d.dictionary_entries", "扫描二维码,inf"));
    assertThat(Es.tokens(a.get("s"), "我的书到了")).containsExactly("我", "书", "到");
    assertThat(Es.tokens(a.get("q"), "社会主义")).containsExactly("社会主义");
    assertThat(Es.tokens(a.get("d"), "请扫描二维码")).containsExactly("请", "扫描二维码");
  }

  @Test
  void stopWordsTheirCaseAndNamedLists() throws IOException {
    IndexAnalyzers a = analyzers(Settings.builder()
        .put("index.analysis.analyzer.exact.type", "fenci")
        .putList("index.analysis.analyzer.exact.stopwords", "The", "的")
        .put("index.analysis.analyzer.any.type", "fenci")
        .putList("index.analysis.analyzer.any.stopwords", "The", "的")
        .put("index.analysis.analyzer.any.stopwords_case", true)
        .put("index.analysis.analyzer.en.type", "fenci")
        .put("index.analysis.analyzer.en.stopwords", "_english_")
        .put("index.analysis.analyzer.none.type", "fenci")
        .put("index.analysis.analyzer.none.stopwords", "_none_"));
    // tokens are lower-cased before the stop words: "The" matches only whatever its case
    assertThat(Es.tokens(a.get("exact"), "The iPhone的书")).containsExactly("the", "iphone", "书");
    assertThat(Es.tokens(a.get("any"), "The iPhone的书")).containsExactly("iphone", "书");
    assertThat(Es.tokens(a.get("en"), "the iPhone is 好的")).containsExactly("iphone", "好", "的");
    assertThat(Es.tokens(a.get("none"), "the _none_")).contains("the");
  }

  @Test
  void settingsOfTheOtherKindOfComponentAreRefused() {
    assertThat(failure(Settings.builder().put("index.analysis.analyzer.x.type", "fenci")
        .put("index.analysis.analyzer.x.keep_punctuation", true)))
        .contains("[keep_punctuation] is not a setting of a fenci analyzer: it belongs to the fenci tokenizer");
    for (String key : new String[] {"stopwords", "stopwords_case", "stopwords_path"}) {
      assertThat(failure(Settings.builder().put("index.analysis.tokenizer.x.type", "fenci")
          .put("index.analysis.tokenizer.x." + key, key.equals("stopwords_case") ? "true" : "的")))
          .contains("[" + key + "] is not a setting of a fenci tokenizer: stop words belong to fenci's analyzers");
    }
    assertThat(failure(Settings.builder().put("index.analysis.analyzer.x.type", "fenci")
        .put("index.analysis.analyzer.x.stopwords", "_chinese_")))
        .contains("[stopwords] of a fenci analyzer names the list _chinese_, which this plugin does not have");
  }

  /**
   * Elasticsearch reads a list setting given as one string as the list of its comma-separated
   * parts (docs/elasticsearch.md says so): an entry with a multiplier goes in a JSON list.
   */
  @Test
  void aSingleStringIsSplitAtCommasByElasticsearchButIsOneEntryHere() throws IOException {
    assertThat(Settings.builder().put("dictionary_entries", "扫描二维码,inf").build().getAsList("dictionary_entries"))
        .containsExactly("扫描二维码", "inf");
    assertThat(Settings.builder().putList("dictionary_entries", "扫描二维码,inf").build().getAsList("dictionary_entries"))
        .containsExactly("扫描二维码,inf");
    // 微信号 below 1 is pushed apart; split at its comma it would be a bare word (10) and a word 0.01
    IndexAnalyzers a = analyzers(Settings.builder()
        .put("index.analysis.analyzer.one.type", "fenci")
        .put("index.analysis.analyzer.one.dictionary_entries", "微信号,0.01")
        .put("index.analysis.analyzer.list.type", "fenci")
        .putList("index.analysis.analyzer.list.dictionary_entries", "微信号,0.01", "二维码"));
    assertThat(Es.tokens(a.get("one"), "关注微信号")).containsExactly("关注", "微", "信号");
    assertThat(Es.tokens(a.get("list"), "关注微信号")).containsExactly("关注", "微", "信号");
    var t = Es.tokenizers(registry, Settings.builder()
        .put("index.analysis.tokenizer.one.type", "fenci")
        .put("index.analysis.tokenizer.one.dictionary_entries", "微信号,0.01").build());
    assertThat(Es.tokens(t.get("one").create(), "关注微信号")).containsExactly("关注", "微", "信号");
  }

  @Test
  void anEntryThatReadsTwoWaysIsRefused() {
    assertThat(failure(Settings.builder().put("index.analysis.analyzer.x.type", "fenci")
        .putList("index.analysis.analyzer.x.dictionary_entries", "二维码,10", "iPhone 15")))
        .contains("entry:2: 'iPhone 15' is read as the word 'iPhone' with multiplier 15; write 'iPhone 15,10'")
        .contains("refused here");
  }

  private static String failure(Settings.Builder analysis) {
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(() -> analyzers(analysis)).satisfies(t -> thrown[0] = t);
    return Es.messages(thrown[0]);
  }

  @Test
  void analyzerMistakesAreIllegalArguments() {
    for (String[] mistake : new String[][] {
        {"subwords", "yes", "[subwords] of a fenci analyzer is true or false, not [yes]"},
        {"stopwords_case", "1", "[stopwords_case] of a fenci analyzer is true or false, not [1]"},
        {"model", "acurate", "[model] of a fenci analyzer is 'acurate', not a preset: give one of accurate, "},
        {"model", "fast ", "'fast ' (the name has a space around it), not a preset"},
        {"model", "my.safetensors", "reads no model files"},
        {"dictionary", "fenci/my.dict", "[dictionary] of a fenci analyzer names dictionary files [fenci/my.dict], which this"
            + " Elasticsearch plugin cannot read"},
        {"stopwords_path", "stop.txt", "list the words in [stopwords]"}}) {
      Throwable[] thrown = new Throwable[1];
      assertThatThrownBy(() -> analyzers(Settings.builder()
          .put("index.analysis.analyzer.x.type", "fenci_index").put("index.analysis.analyzer.x." + mistake[0], mistake[1])))
          .satisfies(t -> thrown[0] = t);
      assertThat(thrown[0]).as(Es.messages(thrown[0])).isInstanceOf(IllegalArgumentException.class);
      assertThat(thrown[0].getMessage()).contains(mistake[2]);
    }
    String bad = failure(Settings.builder().put("index.analysis.analyzer.x.type", "fenci")
        .putList("index.analysis.analyzer.x.dictionary_entries", "好词,2", "坏词,0"));
    assertThat(bad).contains("IllegalArgumentException: [dictionary_entries] of a fenci analyzer, entry:2: ")
        .contains("'坏词,0'").contains("\"二维码,10\"");
  }

  /**
   * Elasticsearch wraps what a tokenizer factory's constructor throws in an IllegalStateException
   * ("Cannot create instance of ..."): the plugin's message is its cause.
   */
  @Test
  void tokenizerMistakesAreTheCauseOfTheServersFailure() {
    for (String[] mistake : new String[][] {
        {"keep_punctuation", "True", "IllegalArgumentException: [keep_punctuation] of a fenci tokenizer is true or false, not [True]"},
        {"subwords", "yes", "IllegalArgumentException: [subwords] of a fenci tokenizer is true or false, not [yes]"},
        {"model", "acurate", "IllegalArgumentException: [model] of a fenci tokenizer is 'acurate', not a preset"},
        {"dictionary", "my.dict", "IllegalArgumentException: [dictionary] of a fenci tokenizer names dictionary files [my.dict]"},
        {"dictionary_entries", "坏词\t0", "IllegalArgumentException: [dictionary_entries] of a fenci tokenizer, entry:1: "}}) {
      String messages = failure(Settings.builder()
          .put("index.analysis.tokenizer.x.type", "fenci").put("index.analysis.tokenizer.x." + mistake[0], mistake[1]));
      assertThat(messages).contains("Cannot create instance of class " + FenciTokenizerFactory.class.getName())
          .contains(mistake[2]);
    }
  }

  @Test
  void presetsAreListedInTheMessage() {
    String messages = failure(Settings.builder()
        .put("index.analysis.tokenizer.x.type", "fenci").put("index.analysis.tokenizer.x.model", "nope"));
    for (dev.fenci.Presets.Preset p : dev.fenci.Presets.list()) {
      assertThat(messages).contains(p.name());
    }
    assertThat(List.of(messages.split("\n"))).anyMatch(l -> l.contains("give one of accurate"));
  }
}
