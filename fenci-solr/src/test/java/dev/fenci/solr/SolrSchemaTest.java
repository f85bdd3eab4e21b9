package dev.fenci.solr;

import com.carrotsearch.randomizedtesting.annotations.ThreadLeakFilters;
import dev.fenci.Segmenter;
import dev.fenci.Token;
import dev.fenci.dict.UserDictionary;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.SolrTestCaseJ4;
import org.apache.lucene.tests.util.QuickPatchThreadsFilter;
import org.apache.solr.SolrIgnoredThreadsFilter;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The Solr field types of docs/lucene.md, as written there, in a Solr core: the factory is found by
 * its name, the dictionary and a model file are read through the core's resource loader (its conf
 * directory), and documents are indexed and found with them.
 */
@ThreadLeakFilters(defaultFilters = true,
    filters = {SolrIgnoredThreadsFilter.class, QuickPatchThreadsFilter.class, FenciThreads.class})
public class SolrSchemaTest extends SolrTestCaseJ4 {
  /** The field types of the docs, in order: the subwords one, then the one with a model and a dictionary. */
  private static List<String> docsFieldTypes() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "lucene.md"));
    List<String> types = new ArrayList<>();
    Matcher m = Pattern.compile("```xml\n(<fieldType .*?</fieldType>)\n```", Pattern.DOTALL).matcher(doc);
    while (m.find()) {
      types.add(m.group(1));
    }
    return types;
  }

  @BeforeClass
  public static void startCore() throws Exception {
    List<String> types = docsFieldTypes();
    assertEquals("docs/lucene.md's Solr field types", 2, types.size());
    StringBuilder fieldTypes = new StringBuilder();
    for (int i = 0; i < types.size(); i++) {
      fieldTypes.append(types.get(i).replace("name=\"text_zh\"", "name=\"text_zh_" + (i + 1) + "\"")).append('\n');
    }
    Path home = createTempDir("solr-home");
    Path conf = Files.createDirectories(home.resolve("collection1").resolve("conf"));
    Files.writeString(conf.resolve("solrconfig.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <config>
          <luceneMatchVersion>${tests.luceneMatchVersion:LATEST}</luceneMatchVersion>
          <dataDir>${solr.data.dir:}</dataDir>
          <directoryFactory name="DirectoryFactory" class="${solr.directoryFactory:solr.NRTCachingDirectoryFactory}"/>
          <schemaFactory class="ClassicIndexSchemaFactory"/>
          <indexConfig>
            <lockType>${solr.tests.lockType:single}</lockType>
          </indexConfig>
          <updateHandler class="solr.DirectUpdateHandler2"/>
          <requestHandler name="/select" class="solr.SearchHandler"/>
        </config>
        """, StandardCharsets.UTF_8);
    Files.writeString(conf.resolve("schema.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <schema name="fenci-test" version="1.6">
          <fieldType name="string" class="solr.StrField"/>
          <fieldType name="plong" class="solr.LongPointField"/>
        """ + fieldTypes + """
          <fieldType name="text_zh_file" class="solr.TextField">
            <analyzer>
              <tokenizer name="fenci" model="models/seed-copy.safetensors"/>
            </analyzer>
          </fieldType>
          <field name="id" type="string" indexed="true" stored="true" required="true"/>
          <field name="_version_" type="plong" indexed="false" stored="false" docValues="true"/>
          <field name="title" type="text_zh_1" indexed="true" stored="true"/>
          <field name="body" type="text_zh_2" indexed="true" stored="true"/>
          <field name="note" type="text_zh_file" indexed="true" stored="true"/>
          <uniqueKey>id</uniqueKey>
        </schema>
        """, StandardCharsets.UTF_8);
    // the docs' dictionary, my.dict: one word the model would split
    Files.writeString(conf.resolve("my.dict"), "关注微信号,inf\n", StandardCharsets.UTF_8);
    Files.createDirectories(conf.resolve("models"));
    try (InputStream in = Segmenter.class.getResourceAsStream("/dev/fenci/models/seed.safetensors")) {
      Files.write(conf.resolve("models").resolve("seed-copy.safetensors"), in.readAllBytes());
    }
    initCore("solrconfig.xml", "schema.xml", home.toString());
  }

  private static List<String> tokens(Analyzer a, String text) throws Exception {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(inc.getPositionIncrement() == 0 ? "+" + term : term.toString());
      }
      ts.end();
    }
    return out;
  }

  private static Analyzer index(String field) {
    return h.getCore().getLatestSchema().getField(field).getType().getIndexAnalyzer();
  }

  private static Analyzer query(String field) {
    return h.getCore().getLatestSchema().getField(field).getType().getQueryAnalyzer();
  }

  /**
   * The words the library gives, without punctuation, as the tokenizer leaves them after the docs'
   * char filter (full-width forms of ASCII as ASCII before segmenting).
   */
  private static List<String> words(Segmenter seg, String text) {
    StringBuilder folded = new StringBuilder();
    text.chars().forEach(c -> folded.append(c >= 0xFF01 && c <= 0xFF5E ? (char) (c - 0xFEE0) : (char) c));
    return seg.tokenize(folded.toString()).stream().filter(t -> !t.isSpace() && !t.isPunctuation()).map(Token::word).toList();
  }

  /** The same, width-folded and lower-cased as the docs' filters leave them ({@code ＡＢＣ} as {@code abc}). */
  private static List<String> filtered(List<String> words) {
    return words.stream().map(w -> java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFKC)
        .toLowerCase(java.util.Locale.ROOT)).toList();
  }

  @Test
  public void theDictionaryFieldTypeReadsMyDictFromTheConfDirectory() throws Exception {
    String text = "扫描二维码，关注微信号。ＡＢＣ ｉＰｈｏｎｅ";
    UserDictionary dict = UserDictionary.empty();
    dict.add("关注微信号", Double.POSITIVE_INFINITY);
    List<String> expected = filtered(words(Segmenter.load("accurate").withDictionary(dict), text));
    assertTrue(expected.toString(), expected.containsAll(List.of("关注微信号", "abc", "iphone")));
    assertEquals(expected, tokens(index("body"), text));
    assertEquals(expected, tokens(query("body"), text));
    // fenciFold: traditional characters as simplified, the middle dots of names as ·
    assertEquals(List.of("台湾", "马克·吐温"), tokens(index("body"), "臺灣 馬克‧吐溫"));
  }

  @Test
  public void theSubwordsFieldTypeIndexesPartsAndQueriesWholeWords() throws Exception {
    String text = "中华人民共和国成立了ＡＢＣ";
    List<String> indexed = tokens(index("title"), text);
    assertEquals("中华人民共和国", indexed.get(0));
    assertTrue(indexed.toString(), indexed.containsAll(List.of("+人民", "+共和国", "abc")));
    List<String> query = filtered(words(Segmenter.load(), text));
    assertTrue(query.toString(), query.contains("abc"));
    // the query analyzer joins 成立 了 as an alternative (fenciQuery), as FenciAnalyzer.forQueries does
    List<String> joined = new ArrayList<>(query);
    joined.add(joined.indexOf("了"), "+成立了");
    assertEquals(joined, tokens(query("title"), text));
    try (Analyzer library = dev.fenci.lucene.FenciAnalyzer.forQueries(Segmenter.load())) {
      assertEquals(tokens(library, text), tokens(query("title"), text));
    }
    // the pieces of a mixed word, and width folded before segmenting: ＭＰ３ as mp3 (a code of three letters and
    // digits is a word of its own, 索尼 mp3; 卡拉OK厅 is one word)
    assertTrue(tokens(index("title"), "卡拉ＯＫ厅").toString(), tokens(index("title"), "卡拉ＯＫ厅").contains("+ok"));
    assertEquals(tokens(query("title"), "索尼MP3"), tokens(query("title"), "索尼ＭＰ３"));
  }

  @Test
  public void aModelFileInTheConfDirectoryIsRead() throws Exception {
    String text = "摩根士丹利的分析师认为物极必反";
    List<String> seed = words(Segmenter.load("seed"), text);
    assertNotEquals("the seed model's words differ from the default's here", words(Segmenter.load(), text), seed);
    assertEquals(seed, tokens(index("note"), text));
  }

  @Test
  public void documentsAreFoundByWordsAndParts() throws Exception {
    assertU(adoc("id", "1", "title", "中华人民共和国成立了", "body", "扫描二维码，关注微信号。", "note", "新年讲话"));
    assertU(adoc("id", "2", "title", "华人在海外", "body", "微信号", "note", "讲话稿"));
    assertU(commit());
    assertQ(req("q", "title:共和国"), "//result[@numFound='1']", "//str[@name='id'][.='1']");
    assertQ(req("q", "title:中华人民共和国"), "//result[@numFound='1']");
    assertQ(req("q", "title:华人"), "//result[@numFound='2']");
    assertQ(req("q", "body:关注微信号"), "//result[@numFound='1']", "//str[@name='id'][.='1']");
    assertQ(req("q", "body:微信号"), "//result[@numFound='1']", "//str[@name='id'][.='2']");
    assertQ(req("q", "note:讲话"), "//result[@numFound='1']", "//str[@name='id'][.='1']");
  }

  /**
   * The query analyzer's split of {@code iphone15} is a path of two words: the docs' field type asks
   * for them in order (a phrase), not for {@code +iphone +15} anywhere in an iPhone 14's title.
   */
  @Test
  public void aSplitWordIsFoundInOrder() throws Exception {
    assertU(adoc("id", "21", "title", "iPhone15 手机壳"));
    assertU(adoc("id", "22", "title", "iphone 15 到货"));
    assertU(adoc("id", "23", "title", "iPhone 14 支持15天无理由退货"));
    assertU(commit());
    for (String op : new String[] {"OR", "AND"}) {
      assertQ(req("q", "title:iphone15", "q.op", op, "fl", "id"), "//result[@numFound='2']",
          "//str[@name='id'][.='21']", "//str[@name='id'][.='22']");
      assertQ(req("q", "title:(iphone 15)", "q.op", op, "fl", "id"), "//result[@numFound='2']");
    }
  }
}
