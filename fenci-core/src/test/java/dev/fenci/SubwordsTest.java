package dev.fenci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.dict.UserDictionary;
import dev.fenci.text.Chunker;
import dev.fenci.text.TextRules;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link Segmenter#subwords} and {@link Segmenter#tokenizeForSearch}: the parts a search index adds. */
class SubwordsTest {
  private static final Segmenter DEFAULT = Segmenter.load();

  private static List<String> words(List<Token> tokens) {
    return tokens.stream().map(Token::word).toList();
  }

  @Test
  void theKnownWordsInsideAWordAreItsParts() {
    List<Token> parts = DEFAULT.subwords("中华人民共和国");
    assertThat(words(parts)).contains("中华", "人民", "共和", "共和国").doesNotContain("中华人民共和国", "民共", "国");
    for (Token t : parts) {
      assertThat("中华人民共和国".substring(t.start(), t.end())).isEqualTo(t.word());
    }
    assertThat(parts).isSortedAccordingTo((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(a.end(), b.end()));
    assertThat(words(DEFAULT.subwords("社会主义"))).containsExactly("社会", "主义");
  }

  @Test
  void shortWordsAndWordsOfOneNumberHaveNoParts() {
    for (String w : new String[] {"", "国", "人民", "mp3", "c++", "5G", "iPhone", "3.14", "10:30", "1,000", "１２３４"}) {
      assertThat(DEFAULT.subwords(w)).as(w).isEmpty();
    }
  }

  /** The pieces of a word that is not only Chinese characters: a search for mp3 finds 索尼mp3, known or not. */
  @Test
  void aWordOfMixedScriptsOrDelimitersHasItsPieces() {
    assertThat(words(DEFAULT.subwords("索尼mp3"))).containsExactly("索尼", "mp3");
    assertThat(words(DEFAULT.subwords("c++教程"))).containsExactly("c++", "教程");
    assertThat(words(DEFAULT.subwords("C#开发"))).containsExactly("C#", "开发");
    assertThat(words(DEFAULT.subwords("骁龙7s"))).containsExactly("骁龙", "7s");
    assertThat(words(DEFAULT.subwords("x86_64"))).containsExactly("x86", "86", "64");
    assertThat(words(DEFAULT.subwords("i7-1360P"))).containsExactly("i7", "1360", "1360P");
    assertThat(words(DEFAULT.subwords("Type-C"))).containsExactly("Type");
    assertThat(words(DEFAULT.subwords("COVID-19"))).containsExactly("COVID", "19");
    assertThat(words(DEFAULT.subwords("iPhone15Pro"))).containsExactly("iPhone", "15", "Pro");
    assertThat(words(DEFAULT.subwords("USB3.0"))).containsExactly("USB", "3.0"); // a number keeps its point
    assertThat(words(DEFAULT.subwords("55.6亿"))).containsExactly("55.6");
    assertThat(words(DEFAULT.subwords("¥128"))).containsExactly("128");
    assertThat(words(DEFAULT.subwords("ＵＳＢ３．０接口"))).containsExactly("ＵＳＢ", "ＵＳＢ３．０", "３．０", "接口");
    // names at their middle dots, whether the model knows the piece (马克) or not (吐温)
    assertThat(words(DEFAULT.subwords("马克·吐温"))).containsExactly("马克", "吐温");
    // paths and addresses: their names, and an address's host
    assertThat(words(DEFAULT.subwords("C:\\Windows\\System32\\drivers\\etc\\hosts")))
        .containsExactly("Windows", "System", "System32", "32", "drivers", "etc", "hosts");
    assertThat(words(DEFAULT.subwords("https://www.example.com/help")))
        .containsExactly("www.example.com", "example", "example.com", "help");
    assertThat(words(DEFAULT.subwords("support@example.com"))).containsExactly("support", "example", "example.com");
    // an address's scheme, www and top-level domain would find every address: no pieces
    assertThat(words(DEFAULT.subwords("http://www.taobao.com"))).containsExactly("www.taobao.com", "taobao", "taobao.com");
    assertThat(words(DEFAULT.subwords("ftp://ftp.example.cn/pub"))).contains("ftp", "ftp.example.cn").doesNotContain("cn");
    // the site a host belongs to, its last two labels or three under a country's generic level (gov is no piece)
    assertThat(words(DEFAULT.subwords("https://pan.baidu.com/s/1"))).contains("pan.baidu.com", "baidu.com");
    assertThat(words(DEFAULT.subwords("https://zwfw.shanghai.gov.cn/a")))
        .containsExactly("zwfw", "zwfw.shanghai.gov.cn", "shanghai", "shanghai.gov.cn");
    assertThat(words(DEFAULT.subwords("http://news.bbc.co.uk/x"))).contains("bbc.co.uk").doesNotContain("co", "uk");
    // without a scheme, a host followed by a path is a host too (as the chunker keeps it whole); a name alone is not
    assertThat(words(DEFAULT.subwords("github.com/apache/lucene")))
        .containsExactly("github", "github.com", "apache", "lucene");
    assertThat(words(DEFAULT.subwords("docs.python.org:8080/3/"))).contains("docs.python.org", "python.org", "python")
        .doesNotContain("org");
    assertThat(words(DEFAULT.subwords("ASP.NET"))).containsExactly("ASP", "NET");
    // a host name alone under a common top-level domain in lower case is a host: its site, no com, gov or cn
    assertThat(words(DEFAULT.subwords("pan.baidu.com"))).containsExactly("pan", "baidu", "baidu.com");
    assertThat(words(DEFAULT.subwords("zwfw.shanghai.gov.cn"))).containsExactly("zwfw", "shanghai", "shanghai.gov.cn");
    assertThat(words(DEFAULT.subwords("config.app.ini"))).contains("config", "app", "ini");
    assertThat(words(DEFAULT.subwords("readme.md"))).contains("readme");
    // a host of one label is a host still: the scheme of http://localhost is no piece either
    assertThat(words(DEFAULT.subwords("http://localhost:8080/api"))).contains("localhost", "api").doesNotContain("http");
    // nor the xn of a punycode label, which every internationalised address has
    assertThat(words(DEFAULT.subwords("http://xn--fiqs8s.xn--fiqz9s/a"))).contains("xn--fiqs8s.xn--fiqz9s").doesNotContain("xn");
    // an IP address has no site: 1.1 of 192.168.1.1 would find a version 1.1, 0.1 of 10.0.0.1 a dose of 0.1
    assertThat(words(DEFAULT.subwords("http://192.168.1.1/admin"))).containsExactly("192.168.1.1", "admin");
    assertThat(words(DEFAULT.subwords("http://10.0.0.1:8080/x"))).doesNotContain("0.1");
    assertThat(words(DEFAULT.subwords("https://example.com/人民日报")))
        .contains("https://example.com", "example.com", "人民日报", "人民", "日报");
    // an invisible format character (a soft hyphen) neither cuts a piece nor a known part
    assertThat(words(DEFAULT.subwords("infor\u00ADmation系统"))).containsExactly("infor\u00ADmation", "系统");
    assertThat(words(DEFAULT.subwords("中华人\u00AD民共和国"))).contains("人\u00AD民", "共和国");
    // two letter runs joined by a slash, a unit as a query writes it; not the names of a path
    assertThat(words(DEFAULT.subwords("3.9～6.1mmol/L"))).contains("mmol/L", "mmol", "6.1");
    assertThat(words(DEFAULT.subwords("120km/h"))).contains("km/h", "120");
    assertThat(words(DEFAULT.subwords("/usr/local/bin"))).doesNotContain("usr/local", "local/bin");
    // a list of names joined by slashes, as job posts write skills: each name is a piece, whole
    assertThat(words(DEFAULT.subwords("C++/Java/Python"))).containsExactly("C++", "Java", "Python");
    assertThat(words(DEFAULT.subwords("ASP.NET/C#"))).containsExactly("ASP", "ASP.NET", "NET", "C#");
    assertThat(words(DEFAULT.subwords("Node.js/Vue.js"))).containsExactly("Node", "Node.js", "js", "Vue", "Vue.js", "js");
    assertThat(words(DEFAULT.subwords("TCP/IP"))).containsExactly("TCP", "IP");
    // a number and its unit is no list of names; rs and sh are the domains of hosts (docs.rs, bun.sh)
    assertThat(words(DEFAULT.subwords("3.9~6.1mmol/L"))).contains("mmol/L").doesNotContain("3.9~6.1mmol");
    assertThat(words(DEFAULT.subwords("docs.rs/serde"))).contains("docs.rs", "serde").doesNotContain("rs");
    // a host followed by a path is still one, in lower case or under a country's domain
    assertThat(words(DEFAULT.subwords("blog.csdn.net/u012/article"))).contains("blog.csdn.net", "csdn.net", "article")
        .doesNotContain("net");
        // letters of two scripts: each script's part and its pieces (kana and Latin; the prolonged sound mark is kana's)
    assertThat(words(DEFAULT.subwords("ソニーのmp3"))).contains("ソニーの", "mp3");
    assertThat(words(DEFAULT.subwords("вики-wiki"))).contains("вики", "wiki");
    assertThat(words(DEFAULT.subwords("3dsマックス"))).contains("3ds", "マックス");
    // a lone letter of another script makes no part (the chunker leaves one to the network too):
    // μg/L (Greek mu, as input methods type it) has no piece g/L, which would find a query for grams per litre
    assertThat(words(DEFAULT.subwords("\u03BCg/L"))).doesNotContain("g/L");
    assertThat(words(DEFAULT.subwords("3.5\u03BCmol/L"))).doesNotContain("mol/L", "3.5\u03BC");
    assertThat(words(DEFAULT.subwords("5\u03BCm"))).isEmpty();
        // a piece is never the word, nor one character
    assertThat(words(DEFAULT.subwords("u盘"))).isEmpty();
    assertThat(words(DEFAULT.subwords("人民abc日报"))).containsExactly("人民", "abc", "日报");
  }

  /** The host of an address that names a user is after the user (and the password): not user@example.com. */
  /** Full-width forms (as an input method types them) are read as their ASCII ones: an address's noise stays out. */
  @Test
  void fullWidthAddressesAndUnitsHaveTheirASCIIPieces() {
    assertThat(words(DEFAULT.subwords("ｇｉｔｈｕｂ．ｃｏｍ／ａｐａｃｈｅ／ｌｕｃｅｎｅ")))
        .containsExactly("ｇｉｔｈｕｂ", "ｇｉｔｈｕｂ．ｃｏｍ", "ａｐａｃｈｅ", "ｌｕｃｅｎｅ");
    assertThat(words(DEFAULT.subwords("ｐａｎ．ｂａｉｄｕ．ｃｏｍ"))).containsExactly("ｐａｎ", "ｂａｉｄｕ", "ｂａｉｄｕ．ｃｏｍ");
    assertThat(words(DEFAULT.subwords("ｈｔｔｐｓ：／／ｗｗｗ．ｔａｏｂａｏ．ｃｏｍ"))).doesNotContain("ｈｔｔｐｓ", "ｗｗｗ", "ｃｏｍ")
        .contains("ｔａｏｂａｏ．ｃｏｍ");
    assertThat(words(DEFAULT.subwords("６.１ｍｍｏｌ／Ｌ"))).contains("ｍｍｏｌ／Ｌ", "ｍｍｏｌ");
  }

  @Test
  void theHostOfAnAddressWithAUserIsTheHostAlone() {
    assertThat(words(DEFAULT.subwords("ftp://anonymous@ftp.example.com/pub")))
        .contains("ftp.example.com").doesNotContain("anonymous@ftp.example.com");
    assertThat(words(DEFAULT.subwords("http://user@www.example.com")))
        .contains("www.example.com", "example.com").doesNotContain("user@www.example.com");
    assertThat(words(DEFAULT.subwords("https://user:secret@example.com:8443/a"))).contains("example.com");
    // an @ after the host is the path's, not a user's
    assertThat(words(DEFAULT.subwords("https://example.com/@someone"))).contains("example.com");
  }

  @Test
  void traditionalCharactersAreReadAsTheNetworkReadsThem() {
    assertThat(words(DEFAULT.subwords("中華人民共和國"))).contains("中華", "人民", "共和國");
  }

  @Test
  void aModelWithoutAVocabularyOfWordsFindsOnlyTheDictionarysParts() throws Exception {
    Segmenter seed = Segmenter.load("seed");
    assertThat(seed.subwords("中华人民共和国")).isEmpty();
    try (UserDictionary dict = UserDictionary.empty()) {
      dict.add("共和国", 1);
      assertThat(words(seed.withDictionary(dict).subwords("中华人民共和国"))).containsExactly("共和国");
    }
  }

  @Test
  void theUserDictionaryAddsPartsAndKeepsThemOut() {
    UserDictionary dict = UserDictionary.empty();
    Segmenter seg = DEFAULT.withDictionary(dict);
    assertThat(words(seg.subwords("中华人民共和国"))).contains("华人").doesNotContain("人民共和国");
    dict.add("华人", 0.5); // below 1: not a part here, whatever the model knows
    dict.add("人民共和国", 1);
    dict.add("國", 10); // one character: never a part
    assertThat(words(seg.subwords("中华人民共和国"))).doesNotContain("华人").contains("人民共和国", "中华", "共和国");
    dict.add("华人", 2);
    assertThat(words(seg.subwords("中华人民共和国"))).contains("华人");
    // a dictionary's part of Chinese characters stays inside them; a piece is kept out as a known word is
    dict.add("民abc日", 5);
    dict.add("abc", 0.5);
    assertThat(words(seg.subwords("人民abc日报"))).containsExactly("人民", "日报");
    // the segmenter without the dictionary is not affected
    assertThat(words(DEFAULT.subwords("中华人民共和国"))).contains("华人").doesNotContain("人民共和国");
  }

  /** An entry below 1 keeps a piece out however long it is (an address's host of more than 16 characters). */
  @Test
  void theUserDictionaryKeepsALongPieceOut() {
    UserDictionary dict = UserDictionary.empty();
    Segmenter seg = DEFAULT.withDictionary(dict);
    String word = "support@mail.verylongexamplehost.com";
    assertThat(words(seg.subwords(word))).contains("mail.verylongexamplehost.com", "verylongexamplehost");
    dict.add("mail.verylongexamplehost.com", 0.5);
    dict.add("verylongexamplehost", 0.5);
    assertThat(words(seg.subwords(word))).doesNotContain("mail.verylongexamplehost.com", "verylongexamplehost")
        .contains("support", "mail");
  }

  @Test
  void charactersOutsideTheBasicPlaneKeepTheirPairsWhole() {
    UserDictionary dict = UserDictionary.empty();
    dict.add("\uD840\uDC00人", 1); // 𠀀人, a CJK extension B character the model does not know
    Segmenter seg = DEFAULT.withDictionary(dict);
    String word = "\uD840\uDC00人民日报";
    List<Token> parts = seg.subwords(word);
    assertThat(words(parts)).contains("\uD840\uDC00人", "人民", "日报");
    assertThat(parts).allSatisfy(t -> assertThat(word.substring(t.start(), t.end())).isEqualTo(t.word()));
  }

  /** A combining mark or variation selector belongs to the character before it, as in the dictionary. */
  @Test
  void marksStayWithTheirCharacter() {
    UserDictionary dict = UserDictionary.empty();
    dict.add("华人", 0.5);
    Segmenter seg = DEFAULT.withDictionary(dict);
    String marked = "中华人\uFE00民共和国";
    List<Token> parts = seg.subwords(marked);
    assertThat(words(parts)).doesNotContain("华人", "华人\uFE00").contains("中华", "共和国");
    assertThat(words(parts)).anySatisfy(w -> assertThat(w).startsWith("人\uFE00民")); // 人︀民, the mark inside
    for (Token t : parts) {
      assertThat(Character.isLowSurrogate(marked.charAt(t.start())) || t.word().startsWith("\uFE00")).isFalse();
      assertThat(t.end() == marked.length() || !Character.getName(marked.codePointAt(t.end())).contains("VARIATION")).isTrue();
    }
    // a mark at the word's end: the word without it is not a part, and a dictionary's part takes it
    try (UserDictionary more = UserDictionary.empty()) {
      more.add("共和国", 1);
      Segmenter seed = loadSeed().withDictionary(more);
      assertThat(words(seed.subwords("中华人民共和国\uFE0F"))).containsExactly("共和国\uFE0F");
    }
    assertThat(words(DEFAULT.subwords("中华人民共和国\uFE0F"))).doesNotContain("中华人民共和国").contains("共和国\uFE0F");
    // marks that start the word belong to no character: the rest of the word is not a part of it
    assertThat(words(DEFAULT.subwords("\u0301中华人民共和国"))).doesNotContain("中华人民共和国").contains("共和国");
    assertThat(words(DEFAULT.subwords("\u0301\u0301\u0301共和国"))).doesNotContain("共和国");
  }

  private static Segmenter loadSeed() {
    try {
      return Segmenter.load("seed");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Nested entries in a long word: the parts are those of 2 to 16 characters, found in the word's length of memory. */
  @Test
  void aLongWordWithNestedEntries() {
    UserDictionary dict = UserDictionary.empty();
    for (int k = 2; k <= 256; k++) {
      dict.add("的".repeat(k), 2);
    }
    String word = "的".repeat(15_000);
    List<Token> parts = DEFAULT.withDictionary(dict).subwords(word);
    long expected = 0;
    for (int len = 2; len <= 16; len++) {
      expected += word.length() - len + 1;
    }
    assertThat(parts).hasSize((int) expected);
    assertThat(parts).allSatisfy(t -> assertThat(t.end() - t.start()).isBetween(2, 16));
  }

  @Test
  void tokenizeForSearchFollowsEachWordWithItsParts() {
    String text = "中华人民共和国成立了。";
    List<Token> tokens = DEFAULT.tokenizeForSearch(text);
    assertThat(tokens.get(0).word()).isEqualTo("中华人民共和国");
    List<Token> expected = new ArrayList<>();
    for (Token t : DEFAULT.tokenize(text)) {
      expected.add(t);
      for (Token p : DEFAULT.subwords(t.word())) {
        expected.add(new Token(p.word(), t.start() + p.start(), t.start() + p.end()));
      }
    }
    assertThat(tokens).isEqualTo(expected);
    assertThat(words(tokens)).contains("共和国", "成立", "了", "。");
  }

  @Test
  void nullIsRefusedByName() {
    assertThatThrownBy(() -> DEFAULT.subwords(null)).hasMessageContaining("word is null");
    assertThatThrownBy(() -> DEFAULT.tokenizeForSearch(null)).hasMessageContaining("null");
  }

  /** Random text from the words of TestTexts and odd characters: the invariants of the parts. */
  @Property(tries = 300)
  void partsLieInsideTheirWordsAndTheWordsStillConcatenate(@ForAll("anyText") String text) {
    for (Segmenter s : new Segmenter[] {DEFAULT, Segmenter.of(TestModels.random(TextRules.FOLD, 3))}) {
      List<Token> tokens = s.tokenizeForSearch(text);
      StringBuilder words = new StringBuilder();
      Token word = null;
      int lastStart = 0;
      for (Token t : tokens) {
        assertThat(text.substring(t.start(), t.end())).isEqualTo(t.word());
        assertThat(t.start()).isGreaterThanOrEqualTo(lastStart);
        lastStart = t.start();
        if (word == null || t.start() >= word.end()) {
          assertThat(t.start()).isEqualTo(words.length()); // a word of the segmentation
          words.append(t.word());
          word = t;
        } else { // a part of the word before it
          assertThat(t.end()).isLessThanOrEqualTo(word.end());
          // two characters or more (each with the marks that follow it), fewer than the word's
          assertThat(characters(t.word())).isGreaterThanOrEqualTo(2);
          assertThat(characters(t.word())).isLessThan(characters(word.word()));
          assertThat(t.end() == text.length() || !Chunker.isCombiningMark(text.codePointAt(t.end()))).isTrue();
        }
      }
      assertThat(words.toString()).isEqualTo(text);
    }
  }

  /** Characters other than combining marks. */
  private static int characters(String w) {
    int n = 0;
    for (int i = 0; i < w.length(); i += Character.charCount(w.codePointAt(i))) {
      if (!Chunker.isCombiningMark(w.codePointAt(i))) {
        n++;
      }
    }
    return n;
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> anyText() {
    return new SegmenterTest().anyText().map(t -> t + TestTexts.unpunctuated(40).substring(0, Math.min(40, t.length() + 5)));
  }
}
