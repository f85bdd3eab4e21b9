package dev.fenci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.text.Chunker;
import dev.fenci.text.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SegmenterTest {
  private static final Segmenter RANDOM_SEED = Segmenter.of(TestModels.random(TextRules.SEED, 1));
  private static final Segmenter RANDOM_FOLD = Segmenter.of(TestModels.random(TextRules.FOLD, 2));
  private static final Segmenter DEFAULT = Segmenter.load();

  /** Any Unicode: CJK (extensions too), ASCII, punctuation, spaces, emoji, controls, lone surrogates. */
  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<Integer> cp = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x4E00, 0x4E80)),
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x20, 0x7E)),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(0x3000, 0xFF0C, 0x3002, 0x2026, 0x00A0, 0x09, 0x0D, 0x0A, 0x00, 0x200D, 0xFE0F, 0x0301)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1F6FF)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x20000, 0x2A6DF)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xD800, 0xDFFF)),
        // combining marks, variation selectors (both planes), right-to-left scripts, every kind of space
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x0300, 0x036F)),
        net.jqwik.api.Tuple.of(1, Arbitraries.oneOf(Arbitraries.integers().between(0xFE00, 0xFE0F),
            Arbitraries.integers().between(0xE0100, 0xE01EF))),
        net.jqwik.api.Tuple.of(1, Arbitraries.oneOf(Arbitraries.integers().between(0x05D0, 0x05EA),
            Arbitraries.integers().between(0x0627, 0x064A), Arbitraries.of(0x200F, 0x202E, 0x2067))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(0x0B, 0x0C, 0x85, 0x1680, 0x2000, 0x2007, 0x200A, 0x2028, 0x2029,
            0x202F, 0x205F, 0x200B, 0xFEFF)),
        // CJK extensions B to G
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x2A700, 0x3134A)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x10FFFF)));
    return cp.list().ofMaxSize(60).map(l -> {
      StringBuilder b = new StringBuilder();
      for (int c : l) {
        if (c >= 0xD800 && c <= 0xDFFF) {
          b.append((char) c);
        } else {
          b.appendCodePoint(c);
        }
      }
      return b.toString();
    });
  }

  @Property(tries = 500)
  void wordsConcatenateToTheInput(@ForAll("anyText") String text) {
    for (Segmenter s : new Segmenter[] {RANDOM_SEED, RANDOM_FOLD, DEFAULT}) {
      List<String> words = s.segment(text);
      assertThat(String.join("", words)).isEqualTo(text);
      TestTexts.marksAndLineBreaksKeepTheirPlace(words);
      int at = 0;
      for (Token t : s.tokenize(text)) {
        assertThat(t.start()).isEqualTo(at);
        assertThat(text.substring(t.start(), t.end())).isEqualTo(t.word());
        assertThat(t.word()).isNotEmpty();
        assertThat(Character.isLowSurrogate(text.charAt(t.start())) && t.start() > 0
            && Character.isHighSurrogate(text.charAt(t.start() - 1))).as("split inside a surrogate pair").isFalse();
        at = t.end();
      }
      assertThat(at).isEqualTo(text.length());
    }
  }

  /** A rule's forced boundary never separates a combining mark from its character (jqwik found it at a formula's $). */
  @Test
  void aCombiningMarkStaysWithTheDollarSignOfAFormula() throws Exception {
    for (Segmenter s : new Segmenter[] {RANDOM_SEED, RANDOM_FOLD, DEFAULT, Segmenter.load("weibo")}) {
      for (String text : new String[] {"一$\u0301 0$", "$x$\u0301好", "设$\u0301x$是"}) {
        List<String> words = s.segment(text);
        assertThat(String.join("", words)).isEqualTo(text);
        TestTexts.marksAndLineBreaksKeepTheirPlace(words);
      }
    }
  }

  @Test
  void aPresetLoadedAgainIsTheSameModelWhileInUse() throws Exception {
    Segmenter a = Segmenter.load("seed");
    assertThat(Segmenter.load("seed").model()).isSameAs(a.model());
    assertThat(Presets.load(Presets.DEFAULT)).isSameAs(Presets.load(Presets.defaultName()));
  }

  @Test
  void nullArgumentsAreNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RANDOM_SEED.segment((String) null)).hasMessageContaining("text");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RANDOM_SEED.tokenize(null)).hasMessageContaining("text");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RANDOM_SEED.segmentAll(java.util.Arrays.asList("a", null)))
        .hasMessageContaining("text 1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RANDOM_SEED.withDictionary(null)).hasMessageContaining("UserDictionary.empty()");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RANDOM_SEED.segment(null, (t, s, e) -> {}, 1)).hasMessageContaining("reader");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Segmenter.of(null))
        .isInstanceOf(NullPointerException.class).hasMessage("model is null");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RANDOM_SEED.segmentAll(null))
        .isInstanceOf(NullPointerException.class).hasMessage("texts to segment are null");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Segmenter.load((java.nio.file.Path) null))
        .isInstanceOf(NullPointerException.class).hasMessage("model file is null");
  }

  /** A name that is no preset and cannot be a path is an IllegalArgumentException, as the Javadoc says, not an InvalidPathException. */
  @Test
  void aModelNameThatCannotBeAPathIsAnIllegalArgument() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Segmenter.load("a\0b"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither a preset (").hasMessageContaining("nor a valid file path")
        .hasCauseInstanceOf(java.nio.file.InvalidPathException.class);
  }

  /** A token's offsets are those of its word, as its Javadoc promises: input.substring(start, end).equals(word). */
  @Test
  void aTokenChecksItsOffsets() {
    assertThat(new Token("abc", 2, 5)).isEqualTo(new Token("abc", 2, 5));
    assertThat(new Token("", 3, 3).word()).isEmpty();
    assertThat(new Token("\uD840\uDC00", 0, 2).end()).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Token("abc", 5, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start <= end");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Token("abc", 0, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the word has 3");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Token("a", -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Token(null, 0, 0))
        .isInstanceOf(NullPointerException.class).hasMessage("word is null");
    // every token the segmenter makes passes: its offsets are where its word is in the text
    String text = "扫描二维码，关注微信号。iPhone 15 \uD840\uDC00好";
    for (Token t : RANDOM_SEED.tokenize(text)) {
      assertThat(text.substring(t.start(), t.end())).isEqualTo(t.word());
    }
  }

  @Test
  void emptyAndBlankInputs() {
    assertThat(RANDOM_SEED.segment("")).isEmpty();
    assertThat(RANDOM_SEED.segment("  \u3000")).containsExactly("  \u3000");
  }

  @Test
  void defaultModelSegmentsTheSeedExample() {
    Segmenter s = Segmenter.load();
    List<String> words = s.segment("扫描二维码，关注微信号。");
    assertThat(String.join("", words)).isEqualTo("扫描二维码，关注微信号。");
    assertThat(words).contains("，", "关注").endsWith("。");
  }

  /** An amount in capital numerals (cheques, invoices, contracts) is one word, apart from the characters around it. */
  @Test
  void anAmountInCapitalNumeralsIsOneWord() throws Exception {
    assertThat(DEFAULT.segment("人民币伍拾万元整")).containsSubsequence("伍拾万", "元");
    assertThat(DEFAULT.segment("大写壹佰贰拾叁元")).endsWith("壹佰贰拾叁", "元");
    assertThat(DEFAULT.segment("贰仟零伍元")).startsWith("贰仟零伍");
    assertThat(DEFAULT.segment("壹萬貳仟圓")).startsWith("壹萬貳仟"); // traditional forms
    // a surname, land, or units without a capital digit stay the network's
    assertThat(DEFAULT.segment("伍军人和陆续到来的人，万亿元")).contains("伍", "军人", "陆续", "万亿");
    assertThat(Segmenter.load("fast").segment("伍拾万元整")).startsWith("伍拾万", "元");
    // a date's units are not kept apart: the PKU standard joins a number with 月 and 日 (１２月, １５日)
    assertThat(DEFAULT.segment("壹拾贰月壹拾伍日签订")).startsWith("壹拾贰月", "壹拾伍日");
  }

  /**
   * 伍 and 陆 end common words (队伍, 大陆), and 万 and 亿 follow them often: such a pair is no amount, and
   * the rule for capital numerals must not cut the word before it (it wrote 大 陆亿万 富翁, 队 伍万 余 人).
   */
  @Test
  void aWordEndingInACapitalDigitBeforeTenThousandIsNoAmount() {
    assertThat(DEFAULT.segment("中国大陆亿万富翁越来越多")).contains("大陆").doesNotContain("陆亿万");
    assertThat(DEFAULT.segment("大陸億萬富豪")).contains("大陸");
    assertThat(DEFAULT.segment("志愿者队伍万余人参加了活动")).contains("队伍");
    assertThat(DEFAULT.segment("救援队伍万众一心")).doesNotContain("伍万");
    // with a unit of its own (拾 佰 仟), or before 元, it is an amount still
    assertThat(DEFAULT.segment("人民币伍拾万元整")).contains("伍拾万");
    assertThat(DEFAULT.segment("人民币伍万元整")).contains("伍万", "元");
    assertThat(DEFAULT.segment("金额：陆亿圆")).contains("陆亿");
    assertThat(DEFAULT.segment("合计陆仟元")).contains("陆仟");
    assertThat(DEFAULT.segment("共计壹万元")).contains("壹万");
  }

  /**
   * 拾 is a verb too (拾荒, 拾金不昧): one of 伍 陆 肆 before it is no amount unless another digit, 万 or 亿, or
   * 元 comes with them (it wrote 大 陆拾 荒者).
   */
  @Test
  void aWordEndingInACapitalDigitBeforeTheVerbToPickUpIsNoAmount() {
    assertThat(DEFAULT.segment("大陆拾荒者越来越少")).contains("大陆").doesNotContain("陆拾");
    assertThat(DEFAULT.segment("救援队伍拾金不昧")).contains("队伍").doesNotContain("伍拾");
    assertThat(DEFAULT.segment("合计陆拾伍元")).contains("陆拾伍", "元");
    assertThat(DEFAULT.segment("奖金肆拾万整")).contains("肆拾万");
    assertThat(DEFAULT.segment("人民币伍拾元整")).contains("伍拾");
  }

  /** An amount may begin in ordinary numerals and go on in capital ones (五万肆仟元): it is one word still. */
  @Test
  void anAmountInMixedNumeralsIsOneWord() {
    assertThat(DEFAULT.segment("人民币五万肆仟元整")).contains("五万肆仟");
    assertThat(DEFAULT.segment("共计一万贰仟元")).contains("一万贰仟", "元");
    // but not a word that ends in a numeral before a capital digit
    assertThat(DEFAULT.segment("万一肆拾元不够")).doesNotContain("万一肆拾");
    assertThat(DEFAULT.segment("统一伍拾元")).contains("伍拾").doesNotContain("一伍拾");
  }

  /** Unicode's hyphens join Latin letters and digits as ASCII's does: typeset and word-processed text writes them. */
  @Test
  void unicodeHyphensKeepALatinWordWhole() {
    for (String hyphen : new String[] {"-", "\u2010", "\u2011"}) {
      assertThat(DEFAULT.segment("支持type" + hyphen + "c接口和Wi" + hyphen + "Fi"))
          .containsExactly("支持", "type" + hyphen + "c", "接口", "和", "Wi" + hyphen + "Fi");
    }
  }

  @Test
  void aPinnedSegmenterKeepsItsDictionaryAsItWasWhenPinned() {
    dev.fenci.dict.UserDictionary dict = dev.fenci.dict.UserDictionary.empty();
    Segmenter live = DEFAULT.withDictionary(dict);
    assertThat(live.pinned()).isNotSameAs(live);
    assertThat(DEFAULT.pinned()).isSameAs(DEFAULT); // no dictionary: nothing to pin
    Segmenter before = live.pinned();
    assertThat(before.pinned()).isSameAs(before);
    dict.add("微信号", 10);
    dict.add("华人", 0.01);
    assertThat(live.segment("关注微信号")).containsExactly("关注", "微信号");
    assertThat(before.segment("关注微信号")).containsExactly("关注", "微", "信号");
    assertThat(before.subwords("中华人民共和国")).extracting(Token::word).contains("华人");
    assertThat(live.subwords("中华人民共和国")).extracting(Token::word).doesNotContain("华人");
    Segmenter after = live.pinned();
    dict.remove("微信号");
    assertThat(after.segment("关注微信号")).containsExactly("关注", "微信号");
    assertThat(live.segment("关注微信号")).containsExactly("关注", "微", "信号");
    // a pinned segmenter given a dictionary follows that one again
    dict.add("微信号", 10);
    assertThat(before.segment("关注微信号")).containsExactly("关注", "微", "信号");
    assertThat(before.withDictionary(dict).segment("关注微信号")).containsExactly("关注", "微信号");
  }

  @Test
  void thePresetsWithJiebasWordsAreTheirBaseWithALargerLexicon() throws Exception {
    for (String preset : List.of("accurate", "fast", "weibo")) {
      Segmenter base = Segmenter.load(preset);
      Segmenter plus = Segmenter.load(preset + "+jieba");
      assertThat(plus.model().network().params()).as("the same weights, shared").isEqualTo(base.model().network().params());
      assertThat(plus.model().network().lexicon().size()).isGreaterThan(base.model().network().lexicon().size() + 50_000);
      assertThat(plus.model().provenance().get("extra_lexicon")).startsWith("jieba-").contains("jieba's dictionary", "words added");
    }
    // a word People's Daily 1998 never wrote, which the network alone cuts and jieba's list joins (二维码, which the
    // network of the forty-ninth session joins by itself, is kept in the text as a word both write)
    String text = "扫描二维码，他送给母亲一束康乃馨。";
    assertThat(Segmenter.load("accurate").segment(text)).doesNotContain("康乃馨");
    assertThat(Segmenter.load("accurate+jieba").segment(text)).contains("二维码", "康乃馨");
  }

  @Test
  void everyPresetKeepsAddressesAndAsciiNumbersWhole() throws Exception {
    for (String preset : List.of("accurate", "fast", "weibo", "seed")) {
      List<String> words = Segmenter.load(preset).segment(
          "请访问https://www.example.com/path?a=1获取，或写信给zhang_san2020@163.com。售价1,299.00元，19:30开始，比分3:1。");
      assertThat(words).as(preset).contains("https://www.example.com/path?a=1", "zhang_san2020@163.com", "19:30", "3:1")
          .anyMatch(w -> w.startsWith("1,299"));
    }
  }

  /**
   * A sign before a number in ASCII digits is the number's, as People's Daily joins {@code －１．２}:
   * the network alone had written 温度 - 5 ℃ and 拨打 + 86 (with the seed's rules, the seed's way).
   */
  @Test
  void everyFoldPresetKeepsASignWithItsNumber() throws Exception {
    for (String preset : List.of("accurate", "fast", "weibo", "seed")) {
      Segmenter seg = Segmenter.load(preset);
      assertThat(seg.segment("今天温度-5℃，拨打+86 10 12345678，股价上涨+5.2%，最低气温−3度，气温-5~-1℃"))
          .as(preset).contains("-5", "+86", "−3", "-5~-1").anyMatch(w -> w.startsWith("+5.2"))
          .doesNotContain("-", "+", "−");
      // a hyphen between numbers and letters is no sign: a range, a code, a sum
      assertThat(seg.segment("第1-2页，A-1号，1+1=2，COVID-19")).as(preset).contains("COVID-19", "+")
          .anyMatch(w -> w.endsWith("1-2")).anyMatch(w -> w.startsWith("A-1")).noneMatch(w -> w.startsWith("-"));
      // a signed number and its unit is never joined with the Chinese character after it, as an unsigned one
      assertThat(seg.segment("内存，+16GB内存，温差:-10km处")).as(preset).contains("+16GB", "-10km");
      // a number's "or more" and a name's pluses end a word before a Chinese character
      assertThat(seg.segment("团队有10+年经验，服务500+客户，学C++语言")).as(preset)
          .contains("10+", "年", "500+", "客户", "语言");
      // the underscores of a name, and a full stop before one (the network had written ' __main __ ' and self . _cache)
      assertThat(seg.segment("if __name__ == '__main__': 调用self._cache和obj.__dict__，_private变量"))
          .as(preset).contains("__name__", "__main__", "self._cache", "obj.__dict__", "_private");
      // a country code with its number (the network had written + 86-138-0013-8000)
      assertThat(seg.segment("联系电话+86-138-0013-8000。")).as(preset).contains("+86-138-0013-8000");
      // a number in ASCII digits starts a word after a Chinese character, but for the ordinal 第 (收报3,245.67 had been one)
      assertThat(seg.segment("上证指数收报3,245.67点，马刺47-42领先，第12分钟")).as(preset)
          .anyMatch(w -> w.startsWith("3,245.67")).anyMatch(w -> w.startsWith("47-42")).contains("第12")
          .noneMatch(w -> w.contains("报3") || w.contains("刺4"));
      // "or more" after a number in 万 or with a letter of thousands is part of it (it had been 100万 + and 10w +)
      assertThat(seg.segment("阅读量10万+的文章，粉丝100万+，点赞10k+，阅读10w+，1万+2万")).as(preset)
          .contains("10万+", "100万+", "10k+", "10w+", "+").doesNotContain("1万+");
      // with more than one unit of magnitude too (it had been 1千万 +)
      assertThat(seg.segment("粉丝1千万+，播放3百亿+次")).as(preset).doesNotContain("+")
          .anyMatch(w -> w.endsWith("千万+")).anyMatch(w -> w.endsWith("百亿+"));
      // a hyphen between a number with its unit and a number is a range's, a word of its own (it had been 20% -30%)
      assertThat(seg.segment("降低20%-30%，气温20℃-25℃，10月4日-7日，２０％－３０％")).as(preset)
          .contains("20%", "-", "30%", "－", "３０％").anyMatch(w -> w.startsWith("25"))
          .doesNotContain("-30%", "-25", "-7日", "－３０％");
      // an HTML character reference is one word (it had been &nbsp ; and & # 165 ;)
      assertThat(seg.segment("今天天气很好&nbsp;我们去公园，价格&#165;100元&lt;br&gt;")).as(preset)
          .contains("&nbsp;", "&#165;", "&lt;", "&gt;").doesNotContain(";", "&", "#");
      // asterisks that mask digits are read as digits, one word with them (138 * * * * 8888中 奖 before)
      assertThat(seg.segment("手机号138****8888中奖，尾号****1234的卡，王**，**重要**")).as(preset)
          .contains("138****8888", "中奖", "****1234", "**").doesNotContain("*");
      // and so is a tag (</p><br/> had been one word, a tag with attributes cut at its quotes and spaces)
      assertThat(seg.segment("<p>今天</p><br/><a href=\"http://a.cn\">点击这里</a>")).as(preset)
          .contains("<p>", "</p>", "<br/>", "<a href=\"http://a.cn\">", "</a>");
      // ℃ is a word of its own, and a slash after it (or after a Chinese character) is one apart from the number
      // after it, as the training texts write both (a weather table: ／10 and －9℃／0 had been words)
      assertThat(seg.segment("合肥多云4℃／10℃，北京晴－9℃／0℃，价格/10元，约1/2，２０１６/３/１５")).as(preset)
          .contains("℃", "／", "/").doesNotContain("／10", "／0", "/10元").noneMatch(w -> w.contains("℃") && w.length() > 1)
          .anyMatch(w -> w.contains("1/2"));
      // a slash between a Latin word and a Chinese character is a word of its own (Apple/ 苹果 and 苹果 /Apple before);
      assertThat(seg.segment("Apple/苹果手机，苹果/Apple，买了Nike/耐克的鞋")).as(preset)
          .contains("Apple", "/", "苹果", "Nike", "耐克").noneMatch(w -> w.length() > 1 && w.contains("/"));
      // but in a path it is the network's, as before (the default keeps these paths whole, weibo cuts them itself)
      if (preset.equals("accurate")) {
        assertThat(seg.segment("安装到/usr/local/目录，路径为C:/Users/张三/Desktop"))
            .contains("/usr/local/", "/Users/张三/Desktop");
      }
      // a multiplication sign between digits joins them, as the training texts write it 16 times in 16, and an equals
      // sign next to a digit is a word of its own (30 × 20×10cm, １０ × ２０ and 3×3=9 before)
      assertThat(seg.segment("尺寸30×20×10cm，１０×２０，令x=1，3×3=9")).as(preset)
          .contains("30×20×10cm", "１０×２０", "x", "=", "1", "3×3", "9").noneMatch(w -> w.length() > 1 && w.contains("="));
      // and so is an operator it is part of, which stays whole (a = = 1 with the rule for the sign alone)
      assertThat(seg.segment("if a==1，x>=5且y<=3，numpy==1.26.0，x+=1;x**=2;x>>=1;a!=1")).as(preset)
          .contains("==", ">=", "<=", "1", "5", "3", "1.26.0", "+=", "**=", ">>=", "!=")
          .doesNotContain("=", "+", "*", "**", ">", "!");
      // a command-line option is one word, and an equals sign after it one of its own (-- force, - n = 5 and
      // -- color=auto before); so is an equals sign before an address (url= jdbc:... before)
      assertThat(seg.segment("使用 --force 选项，执行git log -n=5和ls -l --color=auto，运行--epochs=10 --dry-run，"
          + "设置--lr=0.1和spring.datasource.url=jdbc:mysql://db:3306/app")).as(preset)
          .contains("--force", "-n", "=", "5", "-l", "--color", "auto", "--epochs", "10", "--dry-run", "--lr", "0.1",
              "spring.datasource.url", "jdbc:mysql://db:3306/app")
          .doesNotContain("--", "-").noneMatch(w -> w.length() > 1 && w.contains("="));
      // but not a dash between words (北京--Beijing: the rule leaves it to the network, whatever it writes), nor a hyphen
      // inside a word or before a number
      assertThat(seg.segment("北京--Beijing，他说--对，COVID-19，温度-5℃")).as(preset)
          .contains("--", "COVID-19", "-5").doesNotContain("--对");
      if (preset.equals("accurate")) {
        assertThat(seg.segment("好的--ok")).containsExactly("好", "的", "--", "ok"); // (北京--beijing: joined too)
        // a signature at a line's start is the network's too: the forty-ninth session's joins it (--sent), as it
        // joins --Beijing; the one before wrote -- sent
        assertThat(seg.segment("--sent from my iPhone")).startsWith("--sent", " ", "from");
        assertThat(seg.segment("好\n  --by Tom")).contains("--", "by");
      }
      // a preprocessor's directive, an annotation, a Make variable and a string's line break are one word each
      // (# include, @ Override, $ ( CC ), $ @ and \\ n before); a mention is still two (@ Happy, as NLPCC writes it)
      assertThat(seg.segment("#include <stdio.h>\n加上@Override注解\n$(CC) -o $@ main.c\nprintf(\"%d\\n\", x);\n@Happy 你好"))
          .as(preset).contains("#include", "@Override", "注解", "$(CC)", "$@", "\\n", "@", "Happy")
          .doesNotContain("#", "include", "Override", "$", "CC");
      // a shortcut's keys are one word (按 下Alt+F4 before)
      assertThat(seg.segment("按下Alt+F4关闭窗口，按Ctrl+Shift+Esc打开")).as(preset).contains("Alt+F4", "Ctrl+Shift+Esc")
          .noneMatch(w -> w.length() > 1 && w.contains("下A"));
      // neither rule applies inside an address (the range's had split https://x.com/a?q=20% - 30%)
      assertThat(seg.segment("见https://x.cn//1和t.cn//2x，https://x.com/a?q=20%-30%")).as(preset)
          .contains("https://x.cn//1", "t.cn//2x", "https://x.com/a?q=20%-30%");
      // but not after any Chinese character: ten to the minus ninth is the network's (accurate: －９次 方米 since the
      // forty-ninth session, －９ before; the sign stays with its number either way)
      if (preset.equals("accurate")) {
        assertThat(seg.segment("１纳米＝１０的－９次方米")).anyMatch(w -> w.startsWith("－９")).doesNotContain("－");
      }
    }
  }

  /** Rules every preset follows for text the 1998 newspaper never wrote. */
  @Test
  void everyPresetKeepsCPlusPlusWholeSplitsOffFullStopsAndReadsTheIdeographicZero() throws Exception {
    for (String preset : List.of("accurate", "fast", "weibo", "seed")) {
      Segmenter seg = Segmenter.load(preset);
      List<String> words = seg.segment("学习C++编程，我用的是Java.嗯...");
      assertThat(words).as(preset).anyMatch(w -> w.contains("C++")).contains(".", "...")
          .noneMatch(w -> w.length() > 1 && w.endsWith(".") && !w.equals("..."));
      // 〇 (U+3007) is read as the newspaper's ○ (U+25CB): the same words at the same places
      List<Token> circle = seg.tokenize("二○○八年北京奥运会，二○二四年一月一日");
      List<Token> ideographic = seg.tokenize("二〇〇八年北京奥运会，二〇二四年一月一日");
      assertThat(ideographic.stream().map(t -> t.start() + "-" + t.end()).toList()).as(preset)
          .isEqualTo(circle.stream().map(t -> t.start() + "-" + t.end()).toList());
      // a full-width or ASCII colon between full-width digits is read as the newspaper's ratio colon, the middle dots of
      // names as its ·
      for (String[] same : new String[][] {{"比分３：１，１０：３０开始", "比分３∶１，１０∶３０开始"},
          {"比分３:１，１０:３０开始", "比分３∶１，１０∶３０开始"},
          {"馬克‧吐溫和奥巴马⋅侯赛因和马克･吐温", "馬克·吐溫和奥巴马·侯赛因和马克·吐温"}}) {
        assertThat(seg.tokenize(same[0]).stream().map(t -> t.start() + "-" + t.end()).toList()).as(preset + " " + same[0])
            .isEqualTo(seg.tokenize(same[1]).stream().map(t -> t.start() + "-" + t.end()).toList());
      }
      // an entry below 1 cannot split what the rules keep whole, nor push it into its neighbours
      dev.fenci.dict.UserDictionary apart = dev.fenci.dict.UserDictionary.empty();
      apart.add("C++", 0.01);
      apart.add("C#", 0.01);
      String code = "学习C++编程和C#语言，用.NET开发";
      assertThat(seg.withDictionary(apart).segment(code)).as(preset).isEqualTo(seg.segment(code));
    }
    assertThat(DEFAULT.segment("二〇〇八年北京奥运会")).startsWith("二〇〇八年");
  }

  @Test
  void aCombiningMarkStaysWithTheCharacterBeforeItAndAZeroWidthSpaceSeparates() throws Exception {
    for (String preset : List.of("accurate", "fast", "weibo", "seed")) {
      Segmenter seg = Segmenter.load(preset);
      for (String text : List.of("我爱北京\uFE0F天安门", "中\uFE0F文", "Poke\u0301mon好玩", "音乐\u20DD分享")) {
        List<String> words = seg.segment(text);
        assertThat(words).as(preset + " " + text).noneMatch(w -> Chunker.isCombiningMark(w.codePointAt(0)));
        assertThat(String.join("", words)).isEqualTo(text);
      }
      // after a word made by rule (an address, an emoji, a Hangul or kana run, a punctuation mark)
      for (String text : List.of("访问https://cafe\u0301.fr/menu了解", "访问www.example.com\u0301了解",
          "한국어\u302E입니다", "\uC544\uC774\uC720\uFE0F\uC911", "テキスト\u0301中", "\uD83D\uDE00\u0301中", "好，\u0301好",
          "中\u0301\uFE0F文", "中\u20DD\uFE0F文")) {
        List<String> words = seg.segment(text);
        assertThat(words).as(preset + " " + text).noneMatch(w -> Chunker.isCombiningMark(w.codePointAt(0)));
        assertThat(String.join("", words)).isEqualTo(text);
      }
      assertThat(seg.segment("访问https://café.fr/menu了解")).as(preset).contains("https://café.fr/menu");
      assertThat(seg.segment("访问https://cafe\u0301.fr/menu了解")).as(preset).contains("https://cafe\u0301.fr/menu");
      assertThat(seg.segment("中国\u200B人民")).as(preset).containsExactly("中国", "\u200B", "人民");
      assertThat(seg.segment("中国\uFEFF人民")).as(preset).containsExactly("中国", "\uFEFF", "人民");
      // a mark with nothing before it in its chunk is where it is
      assertThat(String.join("", seg.segment("\u0301中国"))).isEqualTo("\u0301中国");
    }
  }

  @Test
  void aLinesWordsDoNotDependOnTheLinesAroundIt() {
    for (Segmenter seg : new Segmenter[] {RANDOM_FOLD, DEFAULT}) {
      assertThat(seg.segment("中\n  文字\n")).containsExactly("中", "\n", "  ", "文字", "\n");
      assertThat(seg.segment("中 \r\n\r\n\t文")).containsExactly("中", " \r\n", "\r\n", "\t", "文");
      assertThat(seg.segment("a\r\rb")).containsExactly("a", "\r", "\r", "b");
      assertThat(seg.segment(" \n".repeat(3))).containsExactly(" \n", " \n", " \n");
    }
  }

  @Test
  void oneSegmenterSharedBy32ThreadsGivesTheSingleThreadedResults() throws Exception {
    Segmenter s = Segmenter.load();
    List<String> inputs = new ArrayList<>();
    String[] parts = {"扫描二维码，关注微信号。", "中国人民进入了向现代化建设第三步战略目标迈进的新征程。", "2001年新年钟声即将敲响",
        "iPhone 15 Pro", "", "…… 这是一个测试", "共同创造美好的新世纪——二○○一年新年贺词"};
    for (int i = 0; i < 200; i++) {
      inputs.add(parts[i % parts.length].repeat(1 + i % 5));
    }
    inputs.add(TestTexts.unpunctuated(40_000)); // decoded in windows
    List<List<String>> expected = new ArrayList<>();
    for (String in : inputs) {
      expected.add(s.segment(in));
    }
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        int offset = t;
        fs.add(pool.submit(() -> {
          // every entry point: one text, a batch, tokens and a stream
          for (int k = 0; k < inputs.size(); k++) {
            int i = (k + offset * 7) % inputs.size();
            List<String> got = switch ((k + offset) % 4) {
              case 0 -> s.segment(inputs.get(i));
              case 1 -> s.segmentAll(List.of(inputs.get((i + 1) % inputs.size()), inputs.get(i))).get(1);
              case 2 -> s.tokenize(inputs.get(i)).stream().map(Token::word).toList();
              default -> {
                List<String> w = new ArrayList<>();
                s.segment(new java.io.StringReader(inputs.get(i)), (txt, a, b) -> w.add(txt.substring(a, b)), 1);
                yield w;
              }
            };
            if (!got.equals(expected.get(i))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : fs) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void presetsAreListed() {
    assertThat(Presets.list()).extracting(Presets.Preset::name).contains(Presets.defaultName());
    assertThat(Presets.exists("default")).isTrue();
  }
}
