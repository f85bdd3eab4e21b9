package dev.fenci.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  private static List<String> show(String s, TextRules rules) {
    return new Chunker(rules).chunk(s).stream()
        .map(c -> (c.kind() == Chunk.Kind.SCRIPT ? 'Y' : c.kind().name().charAt(0)) + ":" + s.substring(c.start(), c.end()))
        .collect(Collectors.toList());
  }

  @Test
  void punctuationAndSpacesAreWordsOfTheirOwn() {
    assertThat(show("扫描二维码，关注微信号。", TextRules.SEED))
        .containsExactly("T:扫描二维码", "P:，", "T:关注微信号", "P:。");
    assertThat(show("你好\u3000 世界……！！", TextRules.SEED))
        .containsExactly("T:你好", "S:\u3000 ", "T:世界", "P:……", "P:！", "P:！");
  }

  @Test
  void aRunOfAMarkIsOneWordOnlyForTheEllipsisAndTheHorizontalBar() {
    assertThat(show("好！！！吗？？。。。!!‥‥", TextRules.FOLD))
        .containsExactly("T:好", "P:！", "P:！", "P:！", "T:吗", "P:？", "P:？", "P:。", "P:。", "P:。",
            "P:!", "P:!", "P:‥‥");
    assertThat(show("……“……”", TextRules.SEED)).containsExactly("P:……", "P:“", "P:……", "P:”");
    // the dash as GB 2312 decoders write it, U+2015 twice
    assertThat(show("等一下――好了―", TextRules.FOLD)).containsExactly("T:等一下", "P:――", "T:好了", "P:―");
  }

  @Test
  void webAddressesAreOneWord() {
    assertThat(show("访问www.baidu.com或者http://news.sina.com.cn/c/2024-01-01/doc-abc.shtml?a=1&b=2查看。", TextRules.FOLD))
        .containsExactly("T:访问", "L:www.baidu.com", "T:或者", "L:http://news.sina.com.cn/c/2024-01-01/doc-abc.shtml?a=1&b=2",
            "T:查看", "P:。");
    assertThat(show("详见HTTPS://GitHub.com/fenci#readme.", TextRules.SEED))
        .containsExactly("T:详见", "L:HTTPS://GitHub.com/fenci#readme", "P:.");
    // a closing bracket the address did not open, and marks that end a clause, are not part of it
    assertThat(show("（见http://a.cn/x)，又见ftp://b.org/A_(b)!", TextRules.FOLD))
        .containsExactly("P:（", "T:见", "L:http://a.cn/x", "P:)", "P:，", "T:又见", "L:ftp://b.org/A_(b)", "P:!");
  }

  @Test
  void anyURISchemeStartsAnAddress() {
    // schemes beyond http and ftp, a scheme with its sub-protocol (JDBC), a file's three slashes, an IPv6 host
    assertThat(show("连接redis://127.0.0.1:6379/0或mongodb://u:p@db:27017/a，用jdbc:mysql://localhost:3306/test，"
        + "打开file:///C:/a.txt和git+ssh://git@x.cn/a.git，访问http://[::1]:8080/x。", TextRules.FOLD))
        .containsExactly("T:连接", "L:redis://127.0.0.1:6379/0", "T:或", "L:mongodb://u:p@db:27017/a", "P:，", "T:用",
            "L:jdbc:mysql://localhost:3306/test", "P:，", "T:打开", "L:file:///C:/a.txt", "T:和", "L:git+ssh://git@x.cn/a.git",
            "P:，", "T:访问", "L:http://[::1]:8080/x", "P:。");
    // a word and a colon before an address are not a scheme that wraps another (jdbc:mysql:// is), in either width
    assertThat(show("Source:http://a.cn/x，PS：https://b.cn，user_name:http://c.cn", TextRules.FOLD))
        .containsExactly("T:Source", "P::", "L:http://a.cn/x", "P:，", "T:PS", "P:：", "L:https://b.cn", "P:，",
            "T:user_name", "P::", "L:http://c.cn");
    // not a scheme of one letter, one that starts with a digit, has capitals or full-width forms (but http, https and
    // ftp), nor four in a row; nothing after ://; a comment after a word and a colon; another scheme before a word
    // alone (a comment too); a web scheme before a slash
    for (String s : new String[] {"x://a", "3d://a", "abc://", "abc:// a", "jdbc:a:b:c://x", "a-b:c", "ab:/x",
        "中文://a", "Note://comment", "Java：//todo", "ＲＥＤＩＳ：／／ａ．ｃｎ", "redis：//a", "source:redis://a",
        "default://do", "note://something", "http:///a", "error://somethingwentwrongbadly"}) {
      assertThat(show("见" + s + "。", TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("L:") && !c.startsWith("L:redis"));
    }
    assertThat(show("见ＨＴＴＰ：／／ａ．ｃｎ", TextRules.SEED)).containsExactly("T:见", "L:ＨＴＴＰ：／／ａ．ｃｎ");
    // a long name after another scheme is an address too (a download link's Base64)
    assertThat(show("下载thunder://QUFodHRwOi8vZXhhbXBsZS5jb20vYS56aXBaWg==", TextRules.FOLD))
        .containsExactly("T:下载", "L:thunder://QUFodHRwOi8vZXhhbXBsZS5jb20vYS56aXBaWg==");
  }

  @Test
  void aHostNameWithAPathStartsAnAddressWithoutAScheme() {
    assertThat(show("访问example.com/search?q=1获取，打开github.com:8080/path看看", TextRules.FOLD))
        .containsExactly("T:访问", "L:example.com/search?q=1", "T:获取", "P:，", "T:打开", "L:github.com:8080/path", "T:看看");
    assertThat(show("请看t.cn/RxYz9。服务在a-b.example.org:443/x上", TextRules.SEED))
        .containsExactly("T:请看", "L:t.cn/RxYz9", "P:。", "T:服务在", "L:a-b.example.org:443/x", "T:上");
    assertThat(show("（ｅｘａｍｐｌｅ．ｃｏｍ／ａ）", TextRules.FOLD)).containsExactly("P:（", "L:ｅｘａｍｐｌｅ．ｃｏｍ／ａ", "P:）");
    // after a sentence's colon, full-width or ASCII; Markdown's emphasis is not part of it
    assertThat(show("网址：example.com/a，地址:b.cn/c", TextRules.FOLD))
        .containsExactly("T:网址", "P:：", "L:example.com/a", "P:，", "T:地址", "P::", "L:b.cn/c");
    assertThat(show("**example.com/a**", TextRules.FOLD)).contains("L:example.com/a");
    // no path (a host name alone, or with a port alone), a slash before Chinese (an "or"), one letter
    // or digits in the last label, inside a word (Latin letters beyond ASCII too) or another address,
    // a sentence's full-width colon after the host: left to the other rules
    for (String s : new String[] {"example.com", "Node.js:18以上", "Vue.js:3", "a.cn:8080x", "Node.js/其他",
        "README.md/使用说明", "v2.3.1/x", "1.5/2", "e.g./", "a.b@example.com/x", "网址：example.com：8080", "-a.cn/x",
        "a..cn/x", "a.cn:/x", "a.c/x", "Zürich.ch/about", "naïve.com/x", "a.cn:٣٤/x", "x:a.cn/b",
        // a file and a line number, of three labels too
        "jquery.min.js:1", "v1.2.js:18", "app.config.json:3", "foo.cc:42", "a.b.py:7"}) {
      assertThat(show("见" + s + "。", TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("L:") && !c.contains("@"));
    }
    assertThat(show("见x.example.com/a", TextRules.FOLD)).containsExactly("T:见", "L:x.example.com/a");
    // a web host (three labels or more, or a common domain's) with a port alone, or with a query after it
    assertThat(show("访问example.com:8080或api.example.io:443，再看a.cn:80?x=1。", TextRules.FOLD))
        .containsExactly("T:访问", "L:example.com:8080", "T:或", "L:api.example.io:443", "P:，", "T:再看",
            "L:a.cn:80?x=1", "P:。");
    // a host of three labels under a country whose domain is also a file's extension, or under a second-level domain
    assertThat(show("访问api.example.cc:8080或api.example.co.in:443，再看shop.example.com.py:80和mail.example.com.pl:993。", TextRules.FOLD))
        .containsExactly("T:访问", "L:api.example.cc:8080", "T:或", "L:api.example.co.in:443", "P:，", "T:再看",
            "L:shop.example.com.py:80", "T:和", "L:mail.example.com.pl:993", "P:。");
    // localhost, the one host of one label developers write, with a port (and a path or not)
    assertThat(show("访问localhost:8080/api或LOCALHOST:3000。", TextRules.FOLD))
        .containsExactly("T:访问", "L:localhost:8080/api", "T:或", "L:LOCALHOST:3000", "P:。");
    for (String s : new String[] {"localhost", "localhost/api", "localhost:", "localhost:80ab", "localhostx:80",
        "xlocalhost:80", "localhost：8080"}) {
      assertThat(show("见" + s + "。", TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("L:"));
    }
  }

  @Test
  void aRelativePathIsOneWord() {
    assertThat(show("运行./configure，再执行../scripts/build.sh和~/.bashrc里的命令。", TextRules.FOLD))
        .containsExactly("T:运行", "L:./configure", "P:，", "T:再执行", "L:../scripts/build.sh", "T:和", "L:~/.bashrc",
            "T:里的命令", "P:。");
    assertThat(show("(见./a.txt)", TextRules.SEED)).containsExactly("P:(", "T:见", "L:./a.txt", "P:)");
    assertThat(show("运行'./run.sh'", TextRules.FOLD)).containsExactly("T:运行", "P:'", "L:./run.sh", "P:'");
    // not after a letter, digit or path mark, not an ellipsis, not without a name after the slash
    for (String s : new String[] {"a./b", "嗯.../b", "x~/b", "./", "./ a", "../。", "．／ａ", "5~/a"}) {
      assertThat(show("见" + s + "。", TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("L:"));
    }
  }

  @Test
  void fullWidthFormsCountAsAsciiButChinesePunctuationEndsAnAddress() {
    assertThat(show("访问ｗｗｗ．ｂａｉｄｕ．ｃｏｍ，或www.example－site.com／news；ｈｔｔｐ：／／ａ．ｃｎ：８０８０（首页）", TextRules.FOLD))
        .containsExactly("T:访问", "L:ｗｗｗ．ｂａｉｄｕ．ｃｏｍ", "P:，", "T:或", "L:www.example－site.com／news", "P:；",
            "L:ｈｔｔｐ：／／ａ．ｃｎ", "P:：", "T:８０８０", "P:（", "T:首页", "P:）");
    assertThat(show("写信给ｘｉａｏ＿ｍｉｎｇ＠１６３．ｃｏｍ。", TextRules.FOLD))
        .containsExactly("T:写信给", "L:ｘｉａｏ＿ｍｉｎｇ＠１６３．ｃｏｍ", "P:。");
  }

  @Test
  void windowsPathsAreOneWord() {
    assertThat(show("配置文件位于C:\\Windows\\system32\\drivers\\etc\\hosts。", TextRules.FOLD))
        .containsExactly("T:配置文件位于", "L:C:\\Windows\\system32\\drivers\\etc\\hosts", "P:。");
    assertThat(show("打开D:\\项目\\报告.docx和\\\\server\\share\\a (1).txt", TextRules.FOLD))
        .containsExactly("T:打开", "L:D:\\", "T:项目", "P:\\", "T:报告.docx和", "L:\\\\server\\share\\a", "S: ",
            "P:(", "T:1", "P:)", "T:.txt");
    // not a drive of two letters (an escape after it, Escapes)
    assertThat(show("(见C:\\temp)和AC:\\x", TextRules.FOLD)).containsExactly("P:(", "T:见", "L:C:\\temp", "P:)", "T:和AC",
        "P::", "M:\\x");
    // three backslashes start no network path, nor does one inside a run of them
    assertThat(show("\\\\\\a", TextRules.FOLD)).noneMatch(c -> c.startsWith("L:"));
  }

  @Test
  void emailAddressesAreOneWord() {
    assertThat(show("邮箱：zhang_san2020@163.com。联系我foo.bar+cws@mail.example.org谢谢", TextRules.FOLD))
        .containsExactly("T:邮箱", "P:：", "L:zhang_san2020@163.com", "P:。", "T:联系我",
            "L:foo.bar+cws@mail.example.org", "T:谢谢");
  }

  @Test
  void theSharpOfCSharpIsNoCut() {
    assertThat(show("学C#和F#，#话题#", TextRules.FOLD)).containsExactly("T:学C#和F#", "P:，", "P:#", "T:话题", "P:#");
    assertThat(show("C#语言", TextRules.SEED)).containsExactly("A:C#", "T:语言");
    assertThat(show("AC#", TextRules.SEED)).containsExactly("A:AC", "P:#");
    // in lower case too, as a search box is typed
    assertThat(show("学c#和f#", TextRules.FOLD)).containsExactly("T:学c#和f#");
    assertThat(show("c#", TextRules.SEED)).containsExactly("A:c#");
    assertThat(show("ac#", TextRules.SEED)).containsExactly("A:ac", "P:#");
  }

  @Test
  void aSignBeforeAnAsciiNumberIsInItsRun() {
    String[] signed = {"温度-5℃", "+86", "上涨+5.2", "气温−3度", "晴－9 ℃", "至-1%", "3~-1", "(-5)", "：-5", "增长-1.2个",
        "气温-10度", "3，-5", "3、+2", "5〜-1", "。-20", "气温-5~-1", "电话+86-138", "电话＋1-202"};
    for (String s : signed) {
      int sign = 0;
      while ("-+−－＋".indexOf(s.charAt(sign)) < 0) {
        sign++;
      }
      assertThat(Chunker.joinsSign(s, sign)).as(s).isTrue();
      assertThat(Chunker.inLatinRun(s, sign)).as(s).isTrue();
    }
    // after a letter or digit (a range, a code, a sum), a full stop, or a unit after a number (a range of dates)
    String[] unsigned = {"1-2", "A-1", "1+1", "a+b", "x-5", "3.-5", "2021年-2023年", "30℃-35℃", "温度-", "温度-度", "é-5",
        "歼-20战机", "东风-41导弹", "欧米伽-3脂肪酸", "14分---20时", "a—-5", "歼-20。", "东风-41", "欧米伽-3，", "𠮷-20战机",
        "C#-5", "南美+1", "歼-20-1"};
    for (String s : unsigned) {
      int i = s.lastIndexOf('-') >= 0 ? s.lastIndexOf('-') : s.indexOf('+');
      assertThat(Chunker.joinsSign(s, i)).as(s).isFalse();
    }
    assertThat(Chunker.joinsDigits("-5~-1", 2)).isTrue();
    assertThat(Chunker.joinsDigits("-5~-", 2)).isFalse();
    // under the seed's rules an ASCII run starts at a letter or digit, as the seed method's did
    assertThat(show("温度-5度", TextRules.SEED)).containsExactly("T:温度-", "A:5", "T:度");
  }

  @Test
  void thePlusesOfCPlusPlusAreNoCut() {
    assertThat(show("学C++11和g++，1+1与a+b", TextRules.SEED))
        .containsExactly("T:学", "A:C++11", "T:和", "A:g++", "P:，", "A:1", "T:+", "A:1", "T:与", "A:a", "T:+", "A:b");
    assertThat(show("AC++", TextRules.SEED)).containsExactly("A:AC", "T:++");
    // the mark of an operator with an equals sign is no cut (x **= 2, a != 1)
    assertThat(show("x**=2，a!=1，好!!", TextRules.FOLD))
        .containsExactly("T:x**=2", "P:，", "T:a!=1", "P:，", "T:好", "P:!", "P:!");
    // the keys of a shortcut after a modifier key's name, in any case; not after a longer name
    assertThat(show("按下Alt+F4，Ctrl+Shift+Esc和cmd+space，Xcontrol+C", TextRules.SEED)).containsExactly("T:按下",
        "A:Alt+F4", "P:，", "A:Ctrl+Shift+Esc", "T:和", "A:cmd+space", "P:，", "A:Xcontrol", "T:+", "A:C");
    // a plus after a number says "or more" (10+年, 99+), but not in a sum or after a name's digits
    assertThat(show("10+年经验，500+客户，99+", TextRules.SEED))
        .containsExactly("A:10+", "T:年经验", "P:，", "A:500+", "T:客户", "P:，", "A:99+");
    // and after a letter of thousands (10k+, 10w+ for 十万+)
    assertThat(show("点赞10k+，阅读1.5W+", TextRules.SEED)).containsExactly("T:点赞", "A:10k+", "P:，", "T:阅读", "A:1.5W+");
    for (String s : new String[] {"1+1", "X20+多彩", "1++", "2+=3", "1+a", "1+２", "k+", "ak+", "A10k+", "10kk+", "10k+1"}) {
      assertThat(Chunker.joinsPlus(s, s.indexOf('+'))).as(s).isFalse();
    }
    String fold = "学C++，C+++";
    List<Boolean> inRun = new java.util.ArrayList<>();
    for (int i = 0; i < fold.length(); i++) {
      inRun.add(Chunker.inLatinRun(fold, i));
    }
    assertThat(inRun).containsExactly(false, true, true, true, false, true, true, true, false);
  }

  /** An ASCII full stop is a cut unless it is a decimal point or the dot of a name; a run of them is one word. */
  @Test
  void aFullStopOutsideANumberOrANameIsACutAndItsRunOneWord() {
    assertThat(show("我用的是Java.你呢?嗯...让我想想......3.14和v1.2.3.", TextRules.FOLD))
        .containsExactly("T:我用的是Java", "P:.", "T:你呢", "P:?", "T:嗯", "P:...", "T:让我想想", "P:......",
            "T:3.14和v1.2.3", "P:.");
    assertThat(show("Node.js...OK", TextRules.SEED)).containsExactly("A:Node.js", "P:...", "A:OK");
    // a dot before a letter or digit starts a number or a name: the network's, as before (a relative path is an address)
    assertThat(show("用.NET开发，概率.5，删除*.txt和~/.bashrc", TextRules.FOLD))
        .containsExactly("T:用.NET开发", "P:，", "T:概率.5", "P:，", "T:删除", "P:*", "T:.txt和", "L:~/.bashrc");
    assertThat(show("好..5", TextRules.FOLD)).containsExactly("T:好", "P:..", "T:5");
    // the full-width stop of People's Daily (５．６亿, １．) stays with the network
    assertThat(show("１．第二条５．６亿．", TextRules.FOLD)).containsExactly("T:１．第二条５．６亿．");
    // between a digit and a full-width one, as input methods mix the widths, it is a decimal point
    assertThat(show("约为３.１４，增长7.５％，好.５", TextRules.FOLD))
        .containsExactly("T:约为３.１４", "P:，", "T:增长7.５％", "P:，", "T:好", "P:.", "T:５");
  }

  @Test
  void atAndHashAreWordsOfTheirOwnOutsideAddresses() {
    assertThat(show("#双十一#@京东，＠新华社＃", TextRules.FOLD))
        .containsExactly("P:#", "T:双十一", "P:#", "P:@", "T:京东", "P:，", "P:＠", "T:新华社", "P:＃");
    assertThat(show("写信给zhang_san@163.com", TextRules.FOLD)).containsExactly("T:写信给", "L:zhang_san@163.com");
  }

  @Test
  void anEmojiWithItsModifiersIsOneWordOfItsOwn() {
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man ZWJ woman ZWJ girl
    String thumbsUpLight = "\uD83D\uDC4D\uD83C\uDFFB";
    String flagCn = "\uD83C\uDDE8\uD83C\uDDF3";
    String keycapOne = "1\uFE0F\u20E3";
    String heart = "\u2764\uFE0F";
    String laugh = "\uD83D\uDE02";
    assertThat(show("开心" + family + "一家人" + thumbsUpLight + "点赞" + flagCn + keycapOne + heart + laugh + laugh + "好",
        TextRules.FOLD)).containsExactly("T:开心", "E:" + family, "T:一家人", "E:" + thumbsUpLight, "T:点赞",
            "E:" + flagCn, "E:" + keycapOne, "E:" + heart, "E:" + laugh, "E:" + laugh, "T:好");
    // marks and digits that Chinese text writes with symbols stay text; a lone joiner or modifier too
    assertThat(show("二○○○年●气温5度\u200D\uD83C\uDFFB", TextRules.FOLD))
        .containsExactly("T:二○○○年●气温5度\u200D\uD83C\uDFFB");
    // a symbol asking for emoji presentation; under the seed rules an ASCII run stops at a keycap
    assertThat(show("\u203C\uFE0F好\u25B6\uFE0F", TextRules.FOLD)).containsExactly("E:\u203C\uFE0F", "T:好", "E:\u25B6\uFE0F");
    assertThat(show("a" + keycapOne + "b", TextRules.SEED)).containsExactly("A:a", "E:" + keycapOne, "A:b");
    // a lone regional indicator, a joiner with nothing to join, a digit without a keycap
    assertThat(show("\uD83C\uDDE8好" + laugh + "\u200D好1\uFE0F", TextRules.SEED))
        .containsExactly("E:\uD83C\uDDE8", "T:好", "E:" + laugh, "T:\u200D好", "A:1\uFE0F"); // the selector stays with the 1
  }

  @Test
  void aRunOfHangulOfHiraganaOrOfKatakanaIsOneWord() {
    assertThat(show("한국어 텍스트입니다", TextRules.FOLD)).containsExactly("Y:한국어", "S: ", "Y:텍스트입니다");
    assertThat(show("日本語のテキストです。", TextRules.FOLD))
        .containsExactly("T:日本語", "Y:の", "Y:テキスト", "Y:です", "P:。");
    // ー lengthens kana, not Hangul; a half-width katakana run; Chinese around them stays text
    assertThat(show("看了ラーメン和ｶﾀｶﾅ，김치ー", TextRules.FOLD))
        .containsExactly("T:看了", "Y:ラーメン", "T:和", "Y:ｶﾀｶﾅ", "P:，", "Y:김치", "T:ー");
    // the marks kana share: half-width ｰ ﾞ ﾟ, a combining voicing mark, a middle dot between two letters
    assertThat(show("ﾃﾞｰﾀ和ｽｰﾊﾟｰ和か\u3099和ジョン・スミス・", TextRules.FOLD))
        .containsExactly("Y:ﾃﾞｰﾀ", "T:和", "Y:ｽｰﾊﾟｰ", "T:和", "Y:か\u3099", "T:和", "Y:ジョン・スミス", "T:・");
  }

  @Test
  void aHyphenBetweenAsciiLettersOrDigitsBelongsToTheirRun() {
    assertThat(show("COVID-19疫情，Wi-Fi和2026-12-02", TextRules.SEED))
        .containsExactly("A:COVID-19", "T:疫情", "P:，", "A:Wi-Fi", "T:和", "A:2026-12-02");
    // Unicode's hyphen and non-breaking hyphen too, as typeset text writes them; a dash is no hyphen
    assertThat(show("type\u2010c接口，Wi\u2011Fi和1\u20132周", TextRules.SEED))
        .containsExactly("A:type\u2010c", "T:接口", "P:，", "A:Wi\u2011Fi", "T:和", "A:1", "P:\u2013", "A:2", "T:周");
    assertThat(show("Нью\u2010Йорк", TextRules.FOLD)).hasSize(1);
    assertThat(TextRules.FOLD.normalize(0x2010)).isEqualTo(TextRules.FOLD.normalize('-'));
    String text = "COVID-19 -5 a--b 5- x-y";
    boolean[] in = new boolean[text.length()];
    for (int i = 0; i < text.length(); i++) {
      in[i] = Chunker.inLatinRun(text, i);
    }
    // the hyphens of COVID-19 and x-y only: not before a run, after one, or two in a row
    for (int i = 0; i < text.length(); i++) {
      boolean expected = Chunker.isAsciiAlnum(text.charAt(i)) || i == 5 || i == text.length() - 2;
      assertThat(in[i]).as("%d in %s", i, text).isEqualTo(expected);
    }
  }

  @Test
  void aFullStopBetweenAsciiLettersOrDigitsBelongsToTheirRun() {
    assertThat(show("IP是10.0.0.1吗，版本1.2.3，Node.js和3.14。", TextRules.SEED))
        .containsExactly("A:IP", "T:是", "A:10.0.0.1", "T:吗", "P:，", "T:版本", "A:1.2.3", "P:，", "A:Node.js", "T:和", "A:3.14",
            "P:。");
    String text = "a.b .5 5. 1..2 x.y";
    for (int i = 0; i < text.length(); i++) {
      // the stops of a.b and x.y only: not before a run, after one, or two in a row
      boolean expected = Chunker.isAsciiAlnum(text.charAt(i)) || i == 1 || i == text.length() - 2;
      assertThat(Chunker.inLatinRun(text, i)).as("%d in %s", i, text).isEqualTo(expected);
    }
  }

  @Test
  void whatOnlyLooksLikeAnAddressIsLeftToTheNetwork() {
    // inside a word, with nothing after the scheme, one label, a one-letter last label, full-width forms
    for (String s : new String[] {"awww.abc.com", "http://", "www.", "a@b", "a@b.c", "ｗｗｗ．", "@163.com"}) {
      assertThat(show("见" + s + "。", TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("L:"));
    }
    assertThat(show("x@163.com.", TextRules.FOLD)).containsExactly("L:x@163.com", "P:.");
    // an unmatched ] ends an address as ) does; the seed rules find an address inside an ASCII run as the fold rules do
    assertThat(show("[http://a.cn]", TextRules.FOLD)).containsExactly("P:[", "L:http://a.cn", "P:]");
    assertThat(show("19:30abc@x.com", TextRules.SEED)).containsExactly("A:19:", "L:30abc@x.com");
    assertThat(show("19:30abc@x.com", TextRules.FOLD)).containsExactly("T:19:", "L:30abc@x.com");
  }

  @Test
  void aLongRunOfFalseStartsIsScannedInLinearTime() {
    String[] patterns = {"C:\\\\", "\\\\\\\\a", "x(C:\\\\a", "www.-", "http://a)", "a@a@", "1,2,", "a.cn/(", ",a.cn:1", " a.b.c", "x@y.cn’", "a.b.", "1：", "//"};
    for (String p : patterns) {
      String s = p.repeat(200_000); // 1 M characters: quadratic scanning would take minutes
      long t = System.nanoTime();
      int covered = new Chunker(TextRules.FOLD).chunk(s).stream().mapToInt(Chunk::length).sum();
      assertThat(covered).isEqualTo(s.length());
      assertThat((System.nanoTime() - t) / 1e9).as(p).isLessThan(20.0);
    }
  }

  @Test
  void aCommaOrColonInsideAnAsciiNumberIsNoCut() {
    assertThat(show("售价1,299.00元，19:30开始，3:1，1,2,3和1,2345，１，２９９", TextRules.FOLD))
        .containsExactly("T:售价1,299.00元", "P:，", "T:19:30开始", "P:，", "T:3:1", "P:，", "T:1", "P:,", "T:2", "P:,", "T:3和1",
            "P:,", "T:2345", "P:，", "T:１", "P:，", "T:２９９");
    assertThat(show("共1,299,000人19:30:05到", TextRules.SEED))
        .containsExactly("T:共", "A:1,299,000", "T:人", "A:19:30:05", "T:到");
    assertThat(show("a:1,9:", TextRules.SEED)).containsExactly("A:a", "P::", "A:1", "P:,", "A:9", "P::");
  }

  @Test
  void aFullWidthColonInsideANumberIsNoCut() {
    // as typed by Chinese input methods: between ASCII digits it joins their run, between full-width
    // digits it goes to the network; elsewhere, and the full-width comma always, it stays a cut
    assertThat(show("会议10：30开始，比分３：１，时间：９点，1：a，１，２９９", TextRules.SEED))
        .containsExactly("T:会议", "A:10：30", "T:开始", "P:，", "T:比分３：１", "P:，", "T:时间", "P:：", "T:９点", "P:，",
            "A:1", "P:：", "A:a", "P:，", "T:１", "P:，", "T:２９９");
    assertThat(show("10：30到３：１", TextRules.FOLD)).containsExactly("T:10：30到３：１");
    // an ASCII colon between full-width digits too, as input methods mix the widths
    assertThat(show("１２:３０到３:１，a:１", TextRules.FOLD)).containsExactly("T:１２:３０到３:１", "P:，", "T:a", "P::", "T:１");
    // the tilde of a range between ASCII digits, as a hyphen there
    assertThat(show("3~5天，a~b，3~", TextRules.SEED)).containsExactly("A:3~5", "T:天", "P:，", "A:a", "T:~", "A:b", "P:，",
        "A:3", "T:~");
    assertThat(Chunker.inLatinRun("3：1", 1)).isTrue();
    assertThat(Chunker.inLatinRun("３：１", 1)).as("full-width digits make no Latin run").isFalse();
    assertThat(show("：1", TextRules.SEED)).containsExactly("P:：", "A:1");
    assertThat(show("１：", TextRules.SEED)).containsExactly("T:１", "P:：");
  }

  @Test
  void anAsciiCommaBeforeThreeFullWidthDigitsIsNoCut() {
    assertThat(show("以４,００７輛和１,２３４,５６７人", TextRules.FOLD)).containsExactly("T:以４,００７輛和１,２３４,５６７人");
    // not before fewer or more than three digits, nor after no full-width digit
    assertThat(show("１,２３和１,２３４５和a,１２３", TextRules.FOLD))
        .containsExactly("T:１", "P:,", "T:２３和１", "P:,", "T:２３４５和a", "P:,", "T:１２３");
  }

  @Test
  void aTemperatureUnitIsOneWord() {
    assertThat(show("气温30°C，−8°F，30 °C的高温，北纬30°，°Ca和°C", TextRules.FOLD)).containsExactly("T:气温30", "U:°C", "P:，",
        "T:−8", "U:°F", "P:，", "T:30", "S: ", "U:°C", "T:的高温", "P:，", "T:北纬30°", "P:，", "T:°Ca和", "U:°C");
    // ℃ and ℉ are such a word too, as People's Daily writes ℃ 24 times in 25 and the micro-blogs 26 in 35
    assertThat(show("气温１０℃，38.5℃以上，100℉", TextRules.FOLD)).containsExactly("T:气温１０", "U:℃", "P:，",
        "T:38.5", "U:℃", "T:以上", "P:，", "T:100", "U:℉");
  }

  @Test
  void anHtmlCharacterReferenceIsOneWord() {
    assertThat(show("今天&nbsp;我们&lt;br&gt;去，价格&#165;100元&#x4E2D;&#X4e2d;", TextRules.FOLD)).containsExactly(
        "T:今天", "M:&nbsp;", "T:我们", "M:&lt;", "T:br", "M:&gt;", "T:去", "P:，", "T:价格", "M:&#165;", "T:100元",
        "M:&#x4E2D;", "M:&#X4e2d;");
    assertThat(show("AT&amp;T", TextRules.SEED)).containsExactly("A:AT", "M:&amp;", "A:T");
    // a reference at an address's end is the page's, not the address's; one inside is the address's
    assertThat(show("访问http://a.cn&nbsp;了解，见a.cn/x?a=1&amp;b=2&gt;&gt;。C:\\a&amp;b&nbsp;", TextRules.FOLD))
        .containsExactly("T:访问", "L:http://a.cn", "M:&nbsp;", "T:了解", "P:，", "T:见", "L:a.cn/x?a=1&amp;b=2", "M:&gt;",
            "M:&gt;", "P:。", "L:C:\\a&amp;b", "M:&nbsp;");
    // HTML 4's longest name, apos and HTML 5's upper-case forms, the largest numbers
    assertThat(show("&thetasym;&apos;&QUOT;&#1114111;&#x10FFFF;", TextRules.FOLD))
        .containsExactly("M:&thetasym;", "M:&apos;", "M:&QUOT;", "M:&#1114111;", "M:&#x10FFFF;");
    // no semicolon, a name HTML 4 does not have (C's address of a variable), a number too long
    for (String no : new String[] {"AT&T", "Q&A;", "&copy 2024", "int *p = &value;", "return &node;", "&lpar;", "&Nbsp;",
        "&thetasymx;", "&#12345678;", "&#x1234567;", "&#;", "&#x;", "&;", "&1a;", "&#xG;", "&nb sp;", "&nbsp；", "＆nbsp;",
        "&#１２;", "&", "&a", "&#"}) {
      assertThat(new Chunker(TextRules.FOLD).chunk(no)).as(no).noneMatch(c -> c.kind() == Chunk.Kind.MARKUP);
    }
  }

  @Test
  void asterisksThatMaskDigitsBelongToThemAndAnyOtherRunOfThemIsOneWord() {
    assertThat(show("手机138****8888，尾号****1234，卡6222***，2*3，2**3，王**，密码******，**重要**", TextRules.FOLD))
        .containsExactly("T:手机138****8888", "P:，", "T:尾号****1234", "P:，", "T:卡6222***", "P:，", "T:2", "P:*",
            "T:3", "P:，", "T:2", "P:**", "T:3", "P:，", "T:王", "P:**", "P:，", "T:密码", "P:******", "P:，", "P:**",
            "T:重要", "P:**");
    assertThat(show("138****8888号", TextRules.SEED)).containsExactly("A:138****8888", "T:号");
    // more than 32 is no mask; the full-width asterisk is a word each time, as the MSR gold writes a line of them
    assertThat(show("1" + "*".repeat(33) + "2，＊＊", TextRules.FOLD))
        .containsExactly("T:1", "P:" + "*".repeat(33), "T:2", "P:，", "P:＊", "P:＊");
    for (int i = 0; i < 5; i++) {
      assertThat(Chunker.inLatinRun("138****8888", 3 + i % 4)).isTrue();
    }
    assertThat(Chunker.inLatinRun("王***", 1)).isFalse();
  }

  @Test
  void theMarkOfAMarkdownHeadingIsOneWord() {
    assertThat(show("## 第一章\n  ###\t节\n#话题##话题#，a ## b，####### x，##", TextRules.FOLD)).containsExactly(
        "P:##", "S: ", "T:第一章", "S:\n", "S:  ", "P:###", "S:\t", "T:节", "S:\n", "P:#", "T:话题", "P:#", "P:#", "T:话题",
        "P:#", "P:，", "T:a", "S: ", "P:#", "P:#", "S: ", "T:b", "P:，", "P:#", "P:#", "P:#", "P:#", "P:#", "P:#", "P:#",
        "S: ", "T:x", "P:，", "P:#", "P:#");
  }

  @Test
  void anHtmlOrXmlTagIsOneWord() {
    assertThat(show("<p>今天</p><br/>我们<br />去<a href=\"http://a.cn/x?a=1&b=2\" title='标题' hidden>点击</a >", TextRules.FOLD))
        .containsExactly("M:<p>", "T:今天", "M:</p>", "M:<br/>", "T:我们", "M:<br />", "T:去",
            "M:<a href=\"http://a.cn/x?a=1&b=2\" title='标题' hidden>", "T:点击", "M:</a >");
    assertThat(show("<div class=main id=x-1 data-v xml:lang=zh>内容</div>", TextRules.SEED))
        .containsExactly("M:<div class=main id=x-1 data-v xml:lang=zh>", "T:内容", "M:</div>");
    // after a letter, digit or underscore only a closing tag or that of an element of text and lines
    assertThat(show("Hello<br>2024</p>a</b>x<TD>", TextRules.SEED))
        .containsExactly("A:Hello", "M:<br>", "A:2024", "M:</p>", "A:a", "M:</b>", "A:x", "M:<TD>");
    // a face that would end inside a tag is none, and one after a tag is a face, but for a letter mouth after the
    // label the tag closes; a tag with a quoted value is one after a letter too
    assertThat(show("<3<br>谢谢<br>:)<b>答案</b>:D，Click<a href=\"x\">", TextRules.FOLD)).containsExactly("T:<3", "M:<br>",
        "T:谢谢", "M:<br>", "E::)", "M:<b>", "T:答案", "M:</b>", "P::", "T:D", "P:，", "T:Click", "M:<a href=\"x\">");
    for (String no : new String[] {"List<String>", "vector<int>", "Box<A>", "List<B>", "Stack<I>", "Vec<U>", "Option<S>",
        "List<Article>", "Page<Section>", "a<b>c", "x<y>z", "比较a<p>b", "x<Br>y", "<<三国演义>>", "<<Harry Potter>>",
        "<<Nature>>", "sort <input.txt >output.txt", "wc -l <data >out", "联系 <Tom tom@a.cn> 即可", "<a @>", "<a :>",
        "<a _>", "<5>", "a <b 且 c> d", "Map<String, Integer>", "< p>", "<p", "<a href=\"x>", "<a href=\"x\ny\">",
        "<a href=>", "<a href=\"x\"title>", "<" + "x".repeat(600) + ">", "<a title=\"" + "长".repeat(600) + "\">", "</>",
        "<>", "<=>", "<-", "<_<"}) {
      assertThat(new Chunker(TextRules.FOLD).chunk(no)).as(no).noneMatch(c -> c.kind() == Chunk.Kind.MARKUP);
    }
  }

  @Test
  void anHtmlCharacterReferenceForWhitespaceOrPunctuationIsPunctuation() {
    for (String p : new String[] {"&nbsp;", "&quot;", "&QUOT;", "&apos;", "&amp;", "&mdash;", "&bull;", "&thinsp;",
        "&hellip;", "&ldquo;", "&#12290;", "&#x3001;", "&#xff0c;", "&#160;", "&#32;"}) {
      assertThat(Chunker.isPunctuationWord(p)).as(p).isTrue();
      assertThat(new dev.fenci.Token(p, 0, p.length()).isPunctuation()).as(p).isTrue();
    }
    // symbols are words, as < and ¥ are; so are letters, Chinese characters and names not listed
    for (String w : new String[] {"&lt;", "&gt;", "&yen;", "&#20013;", "&#x4E2D;", "&#65;", "&eacute;", "&foo;", "&alpha;",
        "&#x110000;", "&#1114112;", "&#xD800;", "&nbsp", "&nbsp;&nbsp;", "a&nbsp;"}) {
      assertThat(Chunker.isPunctuationWord(w)).as(w).isFalse();
    }
  }

  @Test
  void aRunOfSlashesOutsideAnAddressIsOneWord() {
    assertThat(show("转发//@李四:对，元/件，http://a.cn", TextRules.FOLD))
        .containsExactly("T:转发", "P://", "P:@", "T:李四", "P::", "T:对", "P:，", "T:元/件", "P:，", "L:http://a.cn");
    assertThat(show("a///b/", TextRules.SEED)).containsExactly("A:a", "P:///", "A:b", "T:/");
  }

  @Test
  void anApostropheBetweenLatinLettersBelongsToTheirRun() {
    assertThat(show("他说don’t worry，John's书", TextRules.SEED))
        .containsExactly("T:他说", "A:don’t", "S: ", "A:worry", "P:，", "A:John's", "T:书");
    // a quote around a word, after a digit or at the edges stays a cut, ASCII or typographic
    assertThat(show("‘Hi’你好，5’a", TextRules.SEED)).containsExactly("P:‘", "A:Hi", "P:’", "T:你好", "P:，", "A:5",
        "P:’", "A:a");
    assertThat(show("’a’", TextRules.SEED)).containsExactly("P:’", "A:a", "P:’");
    assertThat(show("他说'好的'然后走了，'Hi'你好，5'a", TextRules.FOLD)).containsExactly("T:他说", "P:'", "T:好的", "P:'",
        "T:然后走了", "P:，", "P:'", "T:Hi", "P:'", "T:你好", "P:，", "T:5", "P:'", "T:a");
    assertThat(show("Xi'an的'rock'n'roll'", TextRules.SEED)).containsExactly("A:Xi'an", "T:的", "P:'", "A:rock'n'roll",
        "P:'");
    assertThat(Chunker.joinsApostrophe("Straße’s", 6)).isTrue();
    assertThat(Chunker.joinsApostrophe("a'", 1)).isFalse();
    // a decade's 's after digits joins them (a quote after a digit does not: 5'好', 3'so)
    assertThat(show("80's的音乐和1990’s", TextRules.SEED)).containsExactly("A:80's", "T:的音乐和", "A:1990’s");
    assertThat(show("打5'好'", TextRules.SEED)).containsExactly("T:打", "A:5", "P:'", "T:好", "P:'");
    assertThat(Chunker.joinsApostrophe("3'so", 1)).isFalse();
    assertThat(Chunker.joinsApostrophe("3's1", 1)).isFalse();
  }

  @Test
  void ipv6AndMacAddressesAreOneWord() {
    assertThat(show("地址2001:db8::1和fe80::1%eth0，2001:0db8:85a3:0000:0000:8a2e:0370:7334，::1，2001:db8::/32，"
        + "MAC为00:1A:2B:3C:4D:5E。", TextRules.FOLD))
        .containsExactly("T:地址", "L:2001:db8::1", "T:和", "L:fe80::1%eth0", "P:，", "L:2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "P:，", "L:::1", "P:，", "L:2001:db8::/32", "P:，", "T:MAC为", "L:00:1A:2B:3C:4D:5E", "P:。");
    // an IPv4 address in the last two groups; a full stop after one ends a sentence
    assertThat(show("即::ffff:192.168.1.1和0:0:0:0:0:ffff:192.168.1.1，是2001:db8::1.又::192.168.1.1", TextRules.FOLD))
        .containsExactly("T:即", "L:::ffff:192.168.1.1", "T:和", "L:0:0:0:0:0:ffff:192.168.1.1", "P:，", "T:是",
            "L:2001:db8::1", "P:.", "T:又", "L:::192.168.1.1");
    // not a time, a score, a scope, a CSS pseudo-element, seven groups without ::, two ::, or inside a word
    for (String s : new String[] {"12:30:45", "3:1", "std::vector", "a::before", "1:2:3:4:5:6:7", "1::2::3", "x1::2",
        "::", "00:1A:2B:3C:4D:5Eg", "2001:db8::1g", "a.1::2", "2001:db8::1.2.3", "::ffff:1.2.3", "::ffff:256.1.1.1"}) {
      assertThat(show("见" + s + "。", TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("L:"));
    }
  }

  @Test
  void aBackslashAndTheLettersAfterItAreOneWord() {
    // an escape sequence, a regular expression's class, a TeX command, a character's code
    assertThat(show("用\\t缩进，\\d+匹配，公式\\frac{a}{b}和\\alpha，\\x41", TextRules.FOLD))
        .containsExactly("T:用", "M:\\t", "T:缩进", "P:，", "M:\\d", "T:+匹配", "P:，", "T:公式", "M:\\frac", "P:{", "T:a",
            "P:}", "P:{", "T:b", "P:}", "T:和", "M:\\alpha", "P:，", "M:\\x41");
    // after a letter or digit a path's backslash (src\\main, Files\\Java) or a string's: a mark, as before
    assertThat(show("src\\main，\"hello\\nworld\"", TextRules.FOLD))
        .containsExactly("T:src", "P:\\", "T:main", "P:，", "P:\"", "T:hello", "P:\\", "T:nworld", "P:\"");
    // after a letter or digit, a line break's or tab's escape before no letter or digit ("%d\\n", "\\r\\n", [a-z\\t])
    assertThat(show("printf(\"%d\\n\", x)和'a\\r\\n'，是\\r\\n，[a-z\\t\\n]", TextRules.FOLD))
        .containsExactly("T:printf", "P:(", "P:\"", "T:%d", "M:\\n", "P:\"", "P:,", "S: ", "T:x", "P:)", "T:和", "P:'",
            "T:a", "M:\\r", "M:\\n", "P:'", "P:，", "T:是", "M:\\r", "M:\\n", "P:，", "P:[", "T:a-z", "M:\\t", "M:\\n", "P:]");
    // after a letter or digit, a command TeX's mathematics uses whole (n\\to\\infty had been \\t o \\i nfty)
    assertThat(show("当n\\to\\infty时x\\in A", TextRules.FOLD))
        .containsExactly("T:当n", "M:\\to", "M:\\infty", "T:时x", "M:\\in", "S: ", "T:A");
    // nor after a folder written in Chinese, which ends a path's address (C:\\用户\\Admin)
    assertThat(show("C:\\用户\\Admin和D:\\资料\\backup", TextRules.FOLD)).noneMatch(c -> c.startsWith("M:"));
    // not before a non-letter, nor after a backslash (\\n is an escaped backslash and a letter); paths are addresses
    assertThat(show("a\\\\n，\\1，\\{，\\", TextRules.FOLD)).noneMatch(c -> c.startsWith("M:"));
    assertThat(show("见C:\\Users\\a和\\\\server\\share", TextRules.FOLD))
        .containsExactly("T:见", "L:C:\\Users\\a", "T:和", "L:\\\\server\\share");
  }

  @Test
  void aTemplatesPlaceholderIsOneWord() {
    assertThat(show("变量${JAVA_HOME}，版本${project.version}，用#{id}传参", TextRules.FOLD))
        .containsExactly("T:变量", "M:${JAVA_HOME}", "P:，", "T:版本", "M:${project.version}", "P:，", "T:用", "M:#{id}",
            "T:传参");
    // not a hashtag in braces, an empty one, a name that starts with a space or a digit, nor one left open
    // nor a group of a TeX formula
    for (String s : new String[] {"#{双十一}#", "${}", "#{ x}", "${1}", "${a", "${a b}", "$${x}^{2}$$", "${a_n}$", "${x}^2"}) {
      assertThat(show("见" + s + "。", TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("M:"));
    }
  }

  @Test
  void aMakeOrShellVariableIsOneWord() {
    assertThat(show("$(CC)$(CFLAGS) -o $@ $<，用$(pwd)取路径，echo $?", TextRules.FOLD))
        .containsExactly("M:$(CC)", "M:$(CFLAGS)", "S: ", "T:-o", "S: ", "M:$@", "S: ", "M:$<", "P:，", "T:用",
            "M:$(pwd)", "T:取路径", "P:，", "T:echo", "S: ", "M:$?");
    // in Chinese prose: Make's variables after any character, the shell's after a full-width mark
    assertThat(show("其中$@表示目标，在脚本中，$?保存退出码，参数个数：$#", TextRules.FOLD)).filteredOn(c -> c.startsWith("M:"))
        .containsExactly("M:$@", "M:$?", "M:$#");
    // not a price's question, a number, a command with arguments, one after $ or a letter, a one-letter name (a
    // formula's), a run of marks (a curse), nor a TeX formula's parentheses
    for (String s : new String[] {"多少$?", "价格 $? 我", "$(1)", "$(uname -r)", "$$(x)", "$(x)$", "$@a", "a$@", "$(x",
        "$(x) > 0$", "$#@!", "$*#!"}) {
      assertThat(show("见" + s + "。", TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("M:"));
    }
  }

  @Test
  void aPreprocessorDirectiveOrAnAnnotationIsOneWord() {
    assertThat(show("#!/bin/bash\n#include <stdio.h>\n#endif\n在代码中#define MAX即可", TextRules.FOLD))
        .containsExactly("M:#!", "T:/bin/bash", "S:\n", "M:#include", "S: ", "T:<stdio.h>", "S:\n",
            "M:#endif", "S:\n", "T:在代码中", "M:#define", "S: ", "T:MAX即可");
    // a directive that is an English word only at a line's start, with no Chinese after it
    assertThat(show("#if DEBUG\n#else\n#import <Foundation/Foundation.h>", TextRules.FOLD))
        .filteredOn(c -> c.startsWith("M:")).containsExactly("M:#if", "M:#else", "M:#import");
    // Chinese in a comment after such a directive does not make its line a topic's
    assertThat(show("#if DEBUG // 调试模式\n#else /* 否则 */\n#if 你好 // x\n#line 3//今天", TextRules.FOLD))
        .filteredOn(c -> c.startsWith("M:#")).containsExactly("M:#if", "M:#else");
    assertThat(show("@Override\n加上@Autowired注解\n@RequestMapping(\"/a\")，用@app.route定义，加@Override.", TextRules.FOLD))
        .containsExactly("M:@Override", "S:\n", "T:加上", "M:@Autowired", "T:注解", "S:\n", "M:@RequestMapping", "P:(",
            "P:\"", "T:/a", "P:\"", "P:)", "P:，", "T:用", "M:@app.route", "T:定义", "P:，", "T:加", "M:@Override", "P:.");
    // a decorator at a line's start: a name before ( or a dotted one before the line's end; a name that is also a
    // word alone on a line or before 注解
    assertThat(show("  @property\n@wraps(f)\n@pytest.fixture\n@Data\n使用@Data注解", TextRules.FOLD))
        .filteredOn(c -> c.startsWith("M:"))
        .containsExactly("M:@property", "M:@wraps", "M:@pytest.fixture", "M:@Data", "M:@Data");
    // such a name in a run of annotations, glued or one space apart, that holds a distinctive one, comes before 注解
    // or fills its line
    assertThat(show("使用@Data@Builder注解\n@Data@Builder\n加了@Data @Builder @AllArgsConstructor三个注解\n"
        + "@Getter @Setter\n@Override@Value\n@Data @Builder(toBuilder = true)\n@Override@app.route", TextRules.FOLD))
        .filteredOn(c -> c.startsWith("M:"))
        .containsExactly("M:@Data", "M:@Builder", "M:@Data", "M:@Builder", "M:@Data", "M:@Builder",
            "M:@AllArgsConstructor", "M:@Getter", "M:@Setter", "M:@Override", "M:@Value", "M:@Data", "M:@Builder",
            "M:@Override"); // a glued name of neither list is no run's: not @app.route after @Override
    // such a name before a quoted argument, anywhere
    assertThat(show("使用@Value(\"${server.port}\")注入，@Param('id')", TextRules.FOLD))
        .filteredOn(c -> c.startsWith("M:@")).containsExactly("M:@Value", "M:@Param");
    // a comment after the name or the run still leaves it alone on its line (a micro-blog's repost //@ does not)
    assertThat(show("@Getter @Setter // lombok\n@Data // 自动生成 getter\n@Value//x\n@Test /* 单元 */", TextRules.FOLD))
        .filteredOn(c -> c.startsWith("M:@"))
        .containsExactly("M:@Getter", "M:@Setter", "M:@Data", "M:@Value", "M:@Test");
    // a mention stays apart (NLPCC writes @ Happy), even one whose name is an annotation's, and so do a topic, a sharp's
    // note, an address and a name after @ or # that continues another
    for (String s : new String[] {"@kitten 你好", "说@Andy_Wong1991 哈", "#if#", "#旅行#", "C#include", "a@Override",
        "@Override.x", "x @wraps(f)", "#!/bin", "@mention\n", "#includes", "#!bash", "@1x", "@Data哥", "谢谢@Test老师",
        "回复@Value:谢谢", "#if不是你#", "#line 今天", "#if you are the one#", "#include你的#", "@mr.wang",
        "@Data @Test 你们好", "@Test@Data哥", "x@Data@Builder注解", "@MeghanTrainorNews@Meghan_Trainor_news",
        "@Data@Builder.x", "@Value(小王)", "@Data (\"x\")"}) {
      assertThat(show("见" + s, TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("M:"));
    }
    for (String s : new String[] {"@kitten(小猫咪)", "@Mr.Wang", "#if不是你#", "#line friends 布朗熊", "@Data哥",
        "@Data //@张三:哈哈", "@Data @Test //@Value:好"}) {
      assertThat(show(s, TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("M:"));
    }
    assertThat(show("a@b.com", TextRules.FOLD)).containsExactly("L:a@b.com");
    // a run longer than the rules look along is none (and a very long one is not walked for every @ in it)
    assertThat(show("@Data".repeat(SourceCode.LONGEST_RUN) + "注解", TextRules.FOLD))
        .filteredOn(c -> c.startsWith("M:")).hasSize(SourceCode.LONGEST_RUN);
    assertThat(show("@Data".repeat(SourceCode.LONGEST_RUN + 1) + "注解", TextRules.FOLD))
        .noneMatch(c -> c.startsWith("M:"));
    assertThat(show("@Data".repeat(100_000) + "注解", TextRules.FOLD)).noneMatch(c -> c.startsWith("M:"));
  }

  @Test
  void aCommentsMarkIsOneWord() {
    assertThat(show("用/* */注释\n/** 文档 */\nint a; /*计数*/\n  结束 */\n#else /* 否则 */", TextRules.FOLD))
        .filteredOn(c -> c.startsWith("M:/") || c.startsWith("M:*"))
        .containsExactly("M:/*", "M:*/", "M:/**", "M:*/", "M:/*", "M:*/", "M:*/", "M:/*", "M:*/");
    assertThat(show("/*\uD840\uDC00注释 */", TextRules.FOLD)).startsWith("M:/*"); // a Chinese character beyond the BMP
    // a banner's marks: a slash and a run of stars, alone at the line's end or before a space
    assertThat(show("/*****************\n * 计数器模块\n *****************/\n/*** 重要 ***/", TextRules.FOLD))
        .filteredOn(c -> c.startsWith("M:"))
        .containsExactly("M:/*****************", "M:*****************/", "M:/***", "M:***/");
    // not a glob's, cron's or a product's star, a path's slash, a face, Markdown's bold, nor a closing mark alone
    for (String s : new String[] {"src/*.java", "src/**/x", "*/5 * * * *", "a*/b", "3 * 4", "a/*", "/*/", "x*/",
        "好看/*_*/", "/*^_^*/谢谢", "用/**/注释", "/*****************/", "ls /*.txt", "和/**重要**内容", "*斜体*/正常",
        "价格99元*/斤", "5 */ 2", "a = b/*c*/;", "好开心*/", "**粗体**/斜体", "和/***重要***", "a/***", "x**/"}) {
      assertThat(show("见" + s + "。", TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("M:/*") || c.matches("M:\\*+/"));
    }
    // after a comment that has closed on its line, a later closing mark has nothing to close
    for (String s : new String[] {"**粗体**/ 结束", "*斜体*/ 结束", "***粗斜体***/ 分隔", "手机 138****/ 尾号"}) {
      assertThat(show("/* 注 */ " + s, TextRules.FOLD)).as(s).filteredOn(c -> c.startsWith("M:")).containsExactly("M:/*", "M:*/");
    }
    assertThat(show("/* 手机 138****/", TextRules.FOLD)).filteredOn(c -> c.startsWith("M:")).containsExactly("M:/*");
    // long runs: each run of stars is scanned once (a quadratic scan would take minutes here)
    assertThat(show("注释" + "*".repeat(200_000) + "/", TextRules.FOLD)).noneMatch(c -> c.startsWith("M:"));
    assertThat(show("*".repeat(200_000) + "/", TextRules.FOLD)).singleElement().asString().hasSize(200_003);
    assertThat(show("注释 /" + "*".repeat(200_000), TextRules.FOLD)).last().asString().hasSize(200_003);
    assertThat(show("/*".repeat(100_000) + " " + "*/".repeat(100_000), TextRules.FOLD)).isNotEmpty();
  }

  @Test
  void theCaretOfAPowerBelongsToItsRun() {
    assertThat(show("x^2和10^9及2^n", TextRules.SEED)).containsExactly("A:x^2", "T:和", "A:10^9", "T:及", "A:2^n");
    // not beside a mark or a Chinese character (a face, a caret alone)
    assertThat(Chunker.joinsCaret("^_^", 0)).isFalse();
    assertThat(Chunker.joinsCaret("a^", 1)).isFalse();
    assertThat(Chunker.joinsCaret("好^2", 1)).isFalse();
    assertThat(Chunker.joinsCaret("x^2", 1)).isTrue();
  }

  @Test
  void theDoubleColonOfAScopeBelongsToItsRun() {
    assertThat(show("用std::vector和Foo::bar()，IPv6的fe80::1", TextRules.SEED))
        .containsExactly("T:用", "A:std::vector", "T:和", "A:Foo::bar", "P:(", "P:)", "P:，", "A:IPv6", "T:的", "L:fe80::1");
    // not one colon alone, three in a row, nor beside no letter or digit (a face :: or a list's ::)
    assertThat(show("a:::b，x::，::y，好::好", TextRules.SEED)).containsExactly("A:a", "P::", "P::", "P::", "A:b", "P:，",
        "A:x", "P::", "P::", "P:，", "P::", "P::", "A:y", "P:，", "T:好", "P::", "P::", "T:好");
    assertThat(show("a:b", TextRules.SEED)).containsExactly("A:a", "P::", "A:b");
  }

  @Test
  void anUnderscoreOfANameBelongsToItsRun() {
    assertThat(show("x86_64架构，@zhang_san和_a", TextRules.SEED))
        .containsExactly("A:x86_64", "T:架构", "P:，", "P:@", "A:zhang_san", "T:和_", "A:a");
    // one or two next to a letter or digit on either side (a__b, _private, __init__, name_)
    String name = "'__main__'和_x和y_和a__b";
    for (int i : new int[] {1, 2, 7, 8, 11, 15, 18, 19}) {
      assertThat(Chunker.inLatinRun(name, i)).as("%d in %s", i, name).isTrue();
    }
    // three or more, or beside no Latin letter or digit: a blank or the network's (张三__说)
    for (String s : new String[] {"a___", "___b", "a___b", "张三__说", "__", "→_→"}) {
      for (int i = 0; i < s.length(); i++) {
        assertThat(s.charAt(i) != '_' || !Chunker.inLatinRun(s, i)).as("%d in %s", i, s).isTrue();
      }
    }
    // a full stop before the underscore of a name is inside the run (self._cache), not a sentence's end
    assertThat(Chunker.joinsDot("self._cache", 4)).isTrue();
    assertThat(Chunker.joinsDot("obj.__dict__", 3)).isTrue();
    assertThat(Chunker.isLoneDot("self._cache", 4)).isFalse();
    assertThat(Chunker.joinsDot("a.___", 1)).isFalse();
    assertThat(Chunker.joinsDot("a._。", 1)).isFalse();
  }

  @Test
  void theLastFullStopOfAnAbbreviationBelongsToItsRun() {
    assertThat(show("美国(U.S.)政府，e.g.苹果，Ph.D.毕业，a.m. 到", TextRules.SEED))
        .containsExactly("T:美国", "P:(", "A:U.S.", "P:)", "T:政府", "P:，", "A:e.g.", "T:苹果", "P:，", "A:Ph.D.", "T:毕业",
            "P:，", "A:a.m.", "S: ", "T:到");
    // a sentence's end after a word, a version or a name; parts of three letters; stops in a row
    for (String s : new String[] {"Java.", "v1.2.", "Node.js.", "Mr.", "abc.de.", "e.g..", "U.S.A"}) {
      assertThat(Chunker.endsAbbreviation(s, s.length() - 1)).as(s).isFalse();
    }
    for (String s : new String[] {"U.S.A.", "i.e.", "(e.g.", "P.s."}) {
      assertThat(Chunker.endsAbbreviation(s, s.length() - 1)).as(s).isTrue();
    }
    assertThat(Chunker.endsAbbreviation("e.g.x", 3)).as("before a letter").isFalse();
    // after an ellipsis of full stops, a word of its own, as after any other cut
    assertThat(show("嗯...e.g.苹果，(e.g.苹果", TextRules.SEED))
        .containsExactly("T:嗯", "P:...", "A:e.g.", "T:苹果", "P:，", "P:(", "A:e.g.", "T:苹果");
    assertThat(show("..U.S.", TextRules.SEED)).containsExactly("P:..", "A:U.S.");
    String many = "a.".repeat(20);
    assertThat(Chunker.endsAbbreviation(many, many.length() - 1)).as("more parts than an abbreviation has").isFalse();
  }

  @Test
  void aMarkThatJoinsLettersOrDigitsStaysACutBesideAnAddress() {
    // the address's last letters make no abbreviation: its full stop ends the sentence, as after x@163.com.
    for (TextRules rules : TextRules.values()) {
      assertThat(show("写信给x@y.cn.谢谢", rules)).as("%s", rules).containsExactly("T:写信给", "L:x@y.cn", "P:.", "T:谢谢");
      assertThat(show("见http://a.cn/ab.js.好", rules)).as("%s", rules)
          .containsExactly("T:见", "L:http://a.cn/ab.js", "P:.", "T:好");
      assertThat(show("见http://t.cn’s", rules).get(2)).as("%s", rules).isEqualTo("P:’");
      assertThat(show("见http://a.cn/1：30", rules).get(2)).as("%s", rules).isEqualTo("P:：");
    }
    // nor with an address after it (a closing quote), in a run of the seed rules too
    assertThat(show("‘Hi’www.a.cn", TextRules.SEED)).containsExactly("P:‘", "A:Hi", "P:’", "L:www.a.cn");
    assertThat(show("‘Hi’www.a.cn", TextRules.FOLD)).containsExactly("P:‘", "T:Hi", "P:’", "L:www.a.cn");
    assertThat(show("'Hi'www.a.cn", TextRules.SEED)).containsExactly("P:'", "A:Hi", "P:'", "L:www.a.cn");
    // elsewhere the rules are unchanged
    assertThat(show("U.S.和don’t和10：30", TextRules.SEED)).containsExactly("A:U.S.", "T:和", "A:don’t", "T:和", "A:10：30");
  }

  /**
   * Text with addresses and the marks that join letters or digits: a mark next to an address is a
   * cut, and the seed rules' ASCII runs never hold a character that the chunker cuts.
   */
  @Property
  void aJoiningMarkBesideAnAddressIsACut(@ForAll("joinsAndAddresses") String s) {
    coverExactly(s);
    for (TextRules rules : TextRules.values()) {
      List<Chunk> chunks = new Chunker(rules).chunk(s);
      for (int k = 0; k < chunks.size(); k++) {
        Chunk c = chunks.get(k);
        if (c.kind() != Chunk.Kind.LINK) {
          continue;
        }
        if (k + 1 < chunks.size() && "’'：.".indexOf(s.charAt(c.end())) >= 0) {
          assertThat(chunks.get(k + 1).kind()).as("after %s in %s (%s)", c, s, rules).isEqualTo(Chunk.Kind.PUNCT);
        }
        if (k > 0 && "’'：".indexOf(s.charAt(c.start() - 1)) >= 0) {
          assertThat(chunks.get(k - 1).kind()).as("before %s in %s (%s)", c, s, rules).isEqualTo(Chunk.Kind.PUNCT);
        }
      }
      if (rules.asciiRunsAreWords()) {
        for (Chunk c : chunks) {
          // a mark that joins letters or digits has them on both sides, inside the run
          if (c.kind() == Chunk.Kind.ASCII) {
            assertThat("’'：".indexOf(s.charAt(c.end() - 1))).as("%s in %s", c, s).isNegative();
          }
        }
      }
    }
  }

  @Provide
  Arbitrary<String> joinsAndAddresses() {
    return Arbitraries.of("http://a.cn", "x@y.cn", "www.b.cn", "a.cn/ab.js", "U", "S", "e", "g", "1", "３", ".", "’", "：",
        "'", "中", " ", "t", "ab").list().ofMaxSize(10).map(l -> String.join("", l));
  }

  @Test
  void seedRulesEmitAsciiRunsWhole() {
    assertThat(show("2001年iPhone15发布", TextRules.SEED))
        .containsExactly("A:2001", "T:年", "A:iPhone15", "T:发布");
  }

  @Test
  void foldRulesLeaveAsciiRunsToTheNetwork() {
    assertThat(show("2001年55.6亿", TextRules.FOLD)).containsExactly("T:2001年55.6亿");
    assertThat(TextRules.FOLD.normalize('5')).isEqualTo('５');
    assertThat(TextRules.FOLD.normalize('年')).isEqualTo('年');
    assertThat(TextRules.SEED.normalize('5')).isEqualTo('5');
  }

  @Test
  void wordInternalMarksGoToTheNetwork() {
    assertThat(show("３．５％和阿·布托", TextRules.SEED)).containsExactly("T:３．５％和阿·布托");
    // the other middle dots of names: the hyphenation point of Big5 text, the half-width katakana one
    assertThat(show("馬克‧吐溫和马克･吐温", TextRules.SEED)).containsExactly("T:馬克‧吐溫和马克･吐温");
  }

  @Test
  void aRunOfUnderscoresBetweenNoLettersDigitsOrSymbolsIsABlankAndOneWord() {
    assertThat(show("中国的首都是____。____是首都，有＿＿个省", TextRules.FOLD))
        .containsExactly("T:中国的首都是", "P:____", "P:。", "P:____", "T:是首都", "P:，", "T:有", "P:＿＿", "T:个省");
    assertThat(show("外号 ___】__", TextRules.SEED)).containsExactly("T:外号", "S: ", "P:___", "P:】", "P:__");
    // beside a letter, digit or symbol it is no blank: as before, the network's (ASCII) or a cut each (full-width)
    assertThat(show("调用__init__方法^__+好", TextRules.FOLD)).containsExactly("T:调用__init__方法^__+好");
    assertThat(show("a＿＿1", TextRules.FOLD)).containsExactly("T:a", "P:＿", "P:＿", "T:1");
    assertThat(show("好_了", TextRules.FOLD)).containsExactly("T:好_了");
    assertThat(Chunker.blankEnd("x__", 2)).isEqualTo(-1);
    // a long run that is no blank is scanned once, not once per underscore
    for (String s : new String[] {"a" + "_".repeat(1_000_000) + "b", "a" + "＿".repeat(1_000_000)}) {
      long t = System.nanoTime();
      assertThat(new Chunker(TextRules.FOLD).chunk(s).stream().mapToInt(Chunk::length).sum()).isEqualTo(s.length());
      assertThat((System.nanoTime() - t) / 1e9).isLessThan(20.0);
    }
  }

  @Test
  void aRunOfAMiddleDotIsAnEllipsisAndOneWord() {
    assertThat(show("他说···算了・・・好吧‧‧", TextRules.FOLD))
        .containsExactly("T:他说", "P:···", "T:算了", "P:・・・", "T:好吧", "P:‧‧");
    // a dot alone, or two different ones, stay the network's; a katakana run keeps its dot before a letter
    assertThat(show("马克·吐温·・", TextRules.FOLD)).containsExactly("T:马克·吐温·・");
    assertThat(show("ジョン・スミス・・・はい", TextRules.SEED)).containsExactly("Y:ジョン・スミス", "P:・・・", "Y:はい");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String s = "𠀀，𠀁\uD83D\uDE00";
    assertThat(show(s, TextRules.SEED)).containsExactly("T:𠀀", "P:，", "T:𠀁", "E:\uD83D\uDE00");
  }

  @Test
  void aLineBreakEndsARunOfSpacesAndCrLfIsOneBreak() {
    assertThat(show("a\r\n b\r c\r", TextRules.SEED))
        .containsExactly("A:a", "S:\r\n", "S: ", "A:b", "S:\r", "S: ", "A:c", "S:\r");
    assertThat(Chunker.endsLine("a\r\nb", 1)).as("the CR of CRLF").isFalse();
    assertThat(Chunker.endsLine("a\r\nb", 2)).as("the LF of CRLF").isTrue();
    assertThat(Chunker.endsLine("a\rb", 1)).as("a lone CR").isTrue();
    assertThat(Chunker.endsLine("a\r", 1)).as("a CR at the end").isTrue();
    assertThat(Chunker.endsLine("a b", 1)).isFalse();
  }

  @Test
  void aSpaceWordIsMadeOnlyOfWhatTheChunkerTakesForSpace() {
    assertThat(Chunker.isSpaceWord(" \t\u3000\u00A0\u200B\uFEFF\u0085")).isTrue();
    assertThat(Chunker.isSpaceWord(" a ")).isFalse();
    assertThat(Chunker.isSpaceWord("\uD840\uDC00")).isFalse();
    assertThat(Chunker.isSpaceWord("好  好", 1, 3)).isTrue();
    assertThat(Chunker.isSpaceWord("好  好", 1, 4)).isFalse();
  }

  @Test
  void aPunctuationWordIsMadeOnlyOfPunctuation() {
    for (String p : new String[] {"，", "。", "、", "“", "”", "（", "）", "……", "——", "!?", "-", "_", "《", "〉", "\uFF01"}) {
      assertThat(Chunker.isPunctuationWord(p)).as(p).isTrue();
      assertThat(new dev.fenci.Token(p, 0, p.length()).isPunctuation()).as(p).isTrue();
    }
    for (String w : new String[] {"", "℃", "+", "$", "中", "，中", "a.", "😀", " ", "，\u200B"}) {
      assertThat(Chunker.isPunctuationWord(w)).as(w).isFalse();
    }
    // a face of punctuation marks alone is a word, as ^_^ is; a mark that is part of one is punctuation
    for (String face : new String[] {"-_-", ":)", ":-(", ";)", "*_*", "@_@", "-_-||", "(-_-)"}) {
      assertThat(Chunker.isPunctuationWord(face)).as(face).isFalse();
      assertThat(new dev.fenci.Token(face, 0, face.length()).isPunctuation()).as(face).isFalse();
    }
    for (String p : new String[] {":", "(", "--", "::", "...", "-_", "_-"}) {
      assertThat(Chunker.isPunctuationWord(p)).as(p).isTrue();
    }
  }

  @Test
  void asciiLettersAndDigitsAreExactlyTheSixtyTwoOfAscii() {
    StringBuilder alnum = new StringBuilder();
    for (int cp = 0; cp <= 0xFFFF; cp++) {
      if (Chunker.isAsciiAlnum(cp)) {
        alnum.appendCodePoint(cp);
      }
    }
    assertThat(alnum).hasToString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
  }

  @Test
  void digitsAroundACommaOrColonAreFoundAtTheEdgesOfTheTextAndOfTheDigits() {
    assertThat(Chunker.joinsDigits("0,009", 1)).as("0,009").isTrue();
    assertThat(Chunker.joinsDigits("9:9", 1)).as("9:9").isTrue();
    assertThat(Chunker.joinsDigits("1,", 1)).as("a comma at the end").isFalse();
    assertThat(Chunker.joinsDigits(",5", 0)).as("a comma at the start").isFalse();
    assertThat(show("0,009", TextRules.SEED)).containsExactly("A:0,009");
  }

  @Test
  void theMarksOfCSharpAndCPlusPlusJoinOnlyAfterAnAsciiLetterAndNotAtTheEdgesOfTheText() {
    // a letter at either end of the alphabet, at the start of the text and at its end
    assertThat(show("C++和a++和z++", TextRules.SEED)).containsExactly("A:C++", "T:和", "A:a++", "T:和", "A:z++");
    assertThat(show("A#和Z#", TextRules.FOLD)).containsExactly("T:A#和Z#");
    assertThat(show("用C#", TextRules.SEED)).containsExactly("T:用", "A:C#");
    assertThat(show("C#1", TextRules.SEED)).containsExactly("A:C", "P:#", "A:1");
    String[] notInARun = {"-a", "++", "C+", "好++", "^++"};
    int[] at = {0, 0, 1, 1, 1};
    for (int k = 0; k < at.length; k++) {
      assertThat(Chunker.inLatinRun(notInARun[k], at[k])).as(notInARun[k]).isFalse();
    }
  }

  @Test
  void aCombiningMarkBeyondTheBmpStaysWithTheWordBeforeIt() {
    String vs17 = new String(Character.toChars(0xE0100)); // VARIATION SELECTOR-17, a nonspacing mark
    assertThat(Chunker.isCombiningMark(0xE0100)).isTrue();
    assertThat(Chunker.isCombiningMark(0x1F600)).isFalse();
    assertThat(show("abc" + vs17 + "好", TextRules.SEED)).containsExactly("A:abc" + vs17, "T:好");
  }

  /** The first and last letters of each block of Hangul and kana (Unicode 13, as Java 17 knows it). */
  @Test
  void theSyllabicScriptsAreFoundToTheEndsOfTheirBlocks() {
    Character.UnicodeScript hangul = Character.UnicodeScript.HANGUL;
    Character.UnicodeScript hiragana = Character.UnicodeScript.HIRAGANA;
    Character.UnicodeScript katakana = Character.UnicodeScript.KATAKANA;
    Object[][] cases = {
        {0x1100, hangul}, {0x11FF, hangul}, {0x3041, hiragana}, {0x3096, hiragana}, {0x30A1, katakana},
        {0x30FF, katakana}, {0x3131, hangul}, {0x318E, hangul}, {0x31F0, katakana}, {0x31FF, katakana},
        {0xA960, hangul}, {0xA97C, hangul}, {0xAC00, hangul}, {0xD7A3, hangul}, {0xD7FB, hangul},
        {0xFF66, katakana}, {0xFFDC, hangul}, {0x1B000, katakana}, {0x1B001, hiragana}, {0x1B167, katakana},
        {0x10FF, null}, {0x4E00, null}, {0xFF65, null}, {0x61, null}};
    for (Object[] c : cases) {
      int cp = (Integer) c[0];
      assertThat(Chunker.syllabic(cp)).as("U+%04X", cp).isEqualTo(c[1]);
    }
  }

  @Test
  void aKanaRunTakesItsVoicingMarksAndAMiddleDotOnlyBeforeALetterOfItsOwnScript() {
    // a decomposed が inside a run, and the spacing voicing marks ゛ ゜
    assertThat(show("か\u3099き", TextRules.FOLD)).containsExactly("Y:か\u3099き");
    assertThat(show("か\u309Bき\u309C", TextRules.FOLD)).containsExactly("Y:か\u309Bき\u309C");
    assertThat(show("ジョン・和", TextRules.FOLD)).containsExactly("Y:ジョン", "T:・和");
    assertThat(show("ジョン・の", TextRules.FOLD)).containsExactly("Y:ジョン", "T:・", "Y:の");
  }

  @Test
  void aRunOfTwoLettersOrMoreOfAnotherAlphabetIsOneWord() {
    assertThat(show("我在Москве学习俄语", TextRules.FOLD)).containsExactly("T:我在", "Y:Москве", "T:学习俄语");
    assertThat(show("Привет, мир", TextRules.FOLD)).containsExactly("Y:Привет", "P:,", "S: ", "Y:мир");
    assertThat(show("Ελληνικά希腊语", TextRules.FOLD)).containsExactly("Y:Ελληνικά", "T:希腊语");
    // Thai writes no spaces: its run stays whole rather than cut every two letters; with its vowel signs
    assertThat(show("ภาษาไทย泰语", TextRules.FOLD)).containsExactly("Y:ภาษาไทย", "T:泰语");
    assertThat(show("עברית希伯来", TextRules.FOLD)).containsExactly("Y:עברית", "T:希伯来");
    assertThat(show("हिन्दी语", TextRules.FOLD)).containsExactly("Y:हिन्दी", "T:语");
    // a hyphen or a joiner between two of its letters; not at the run's end, not before another script
    assertThat(show("Нью-Йорк", TextRules.FOLD)).containsExactly("Y:Нью-Йорк");
    assertThat(show("Нью-好", TextRules.FOLD)).containsExactly("Y:Нью", "T:-好");
    assertThat(show("می‌خواهم", TextRules.FOLD)).containsExactly("Y:می‌خواهم");
    // scripts do not mix in one run: Cyrillic then Greek, Cyrillic then ASCII
    assertThat(show("Мирαβγ", TextRules.FOLD)).containsExactly("Y:Мир", "Y:αβγ");
    assertThat(show("МирAB", TextRules.FOLD)).containsExactly("Y:Мир", "T:AB");
    // one letter is left to the network, as the training data writes it with Chinese (β—兴奋剂, α粒子)
    assertThat(show("β—兴奋剂和α粒子", TextRules.FOLD)).containsExactly("T:β—兴奋剂和α粒子");
    assertThat(Chunker.alphabet('Я')).isEqualTo(Character.UnicodeScript.CYRILLIC);
    for (int cp : new int[] {'a', 'é', '中', 'カ', '한', 'ㄅ', '，', 'Ａ', 0x0301, '7', 0x0660}) {
      assertThat(Chunker.alphabet(cp)).as("U+%04X", cp).isNull();
    }
  }

  @Test
  void aLongRowOfMarksAfterALatinLetterIsAskedAboutInLinearTime() {
    String zalgo = "中a" + "\u0301".repeat(200_000) + "b中";
    // one call per character, each looking back a bounded number of marks: no recursion
    assertThat(Chunker.inLatinRun(zalgo, zalgo.length() - 3)).isFalse();
    assertThat(Chunker.inLatinRun(zalgo, 2 + Chunker.MARKS_IN_A_RUN - 1)).isTrue();
    assertThat(Chunker.inLatinRun(zalgo, 2 + Chunker.MARKS_IN_A_RUN)).isFalse();
    long t0 = System.nanoTime();
    List<Chunk> chunks = new Chunker(TextRules.SEED).chunk(zalgo);
    assertThat((System.nanoTime() - t0) / 1_000_000).as("ms").isLessThan(2_000);
    // the marks stay with the letter before them; words still concatenate back to the text
    assertThat(show("中a" + "\u0301".repeat(40) + "b中", TextRules.SEED))
        .containsExactly("T:中", "A:a" + "\u0301".repeat(40), "A:b", "T:中");
    assertThat(chunks.get(chunks.size() - 1).end()).isEqualTo(zalgo.length());
    for (int k = 1; k < chunks.size(); k++) {
      assertThat(chunks.get(k).start()).isEqualTo(chunks.get(k - 1).end());
    }
    assertThat(show("cafe\u0301s和Nguye\u0302\u0303n", TextRules.SEED))
        .containsExactly("A:cafe\u0301s", "T:和", "A:Nguye\u0302\u0303n");
  }

  @Test
  void latinLettersBeyondAsciiBelongToTheRunOfTheirWord() {
    for (String s : new String[] {"Straße", "Zürich", "café", "cafe\u0301s", "Ångström", "cū", "Nguyễn"}) {
      for (int i = 0; i < s.length(); i++) {
        assertThat(Chunker.inLatinRun(s, i)).as("%d in %s", i, s).isTrue();
      }
    }
    assertThat(show("Straße和Größe", TextRules.SEED)).containsExactly("A:Straße", "T:和", "A:Größe");
    assertThat(show("Málaga-Córdoba", TextRules.SEED)).containsExactly("A:Málaga-Córdoba");
    // not the full-width letters, which People's Daily writes and the network reads; not × ÷
    assertThat(Chunker.isLatinLetter('Ａ')).isFalse();
    assertThat(Chunker.isLatinLetter('×')).isFalse();
    assertThat(Chunker.isLatinLetter('÷')).isFalse();
    assertThat(Chunker.isLatinLetter('ʒ')).isTrue();
    assertThat(Chunker.isLatinLetter('α')).isFalse();
  }

  @Test
  void textRulesFoldPrintableAsciiOnlyAndAreParsedByTheirIds() {
    assertThat(TextRules.FOLD.normalize('!')).isEqualTo('！');
    assertThat(TextRules.FOLD.normalize('~')).isEqualTo('～');
    assertThat(TextRules.FOLD.normalize(' ')).isEqualTo(' ');
    assertThat(TextRules.FOLD.normalize(0x7F)).isEqualTo(0x7F);
    assertThat(TextRules.parse("seed")).isEqualTo(TextRules.SEED);
    assertThat(TextRules.parse("fold")).isEqualTo(TextRules.FOLD);
    assertThat(TextRules.FOLD.id()).isEqualTo("fold");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextRules.parse("FOLD"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected seed or fold");
  }

  @Test
  void theEmojiRangesReachTheirEnds() {
    int[] pictographs = {0x1F000, 0x1FAFF, 0x2600, 0x27BF, 0x231A, 0x231B, 0x23E9, 0x23F3, 0x23F8, 0x23FA, 0x2B05,
        0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55};
    for (int cp : pictographs) {
      assertThat(Emoji.isPictograph(cp)).as("U+%04X", cp).isTrue();
    }
    // just outside each range; regional indicators and skin tones are no pictographs of their own
    int[] others = {0x1EFFF, 0x1FB00, 0x25FF, 0x27C0, 0x2319, 0x231C, 0x23E8, 0x23F4, 0x23F7, 0x23FB, 0x2B04, 0x2B08,
        0x2B1A, 0x2B1D, 0x1F1E6, 0x1F1FF, 0x1F3FB, 0x1F3FF};
    for (int cp : others) {
      assertThat(Emoji.isPictograph(cp)).as("U+%04X", cp).isFalse();
    }
    assertThat(Chunker.isRegionalIndicator(0x1F1E6)).isTrue();
    assertThat(Chunker.isRegionalIndicator(0x1F1FF)).isTrue();
    assertThat(Chunker.isRegionalIndicator(0x1F1E5)).isFalse();
    assertThat(Chunker.isRegionalIndicator(0x1F200)).isFalse();
  }

  @Test
  void emojiAtTheEdgesOfTheirRangesAndOfTheText() {
    String watch = "\u231A";
    String keycapZero = "0\u20E3";
    String keycapNine = "9\uFE0F\u20E3";
    String flagAz = "\uD83C\uDDE6\uD83C\uDDFF"; // the first and the last regional indicator
    String thumbsUpDark = "\uD83D\uDC4D\uD83C\uDFFF";
    String flagEngland = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";
    String tagSpace = "\uD83C\uDFF4\uDB40\uDC20";
    assertThat(show(watch + "好" + keycapZero + keycapNine + flagAz + thumbsUpDark + flagEngland + tagSpace, TextRules.FOLD))
        .containsExactly("E:" + watch, "T:好", "E:" + keycapZero, "E:" + keycapNine, "E:" + flagAz, "E:" + thumbsUpDark,
            "E:" + flagEngland, "E:" + tagSpace);
    // a lone regional indicator or a joiner at the end; a joiner before no pictograph
    assertThat(show("好\uD83C\uDDE8", TextRules.FOLD)).containsExactly("T:好", "E:\uD83C\uDDE8");
    assertThat(show("\uD83D\uDE00\u200D", TextRules.FOLD)).containsExactly("E:\uD83D\uDE00", "T:\u200D");
    assertThat(show("\u2600\u200D好", TextRules.FOLD)).containsExactly("E:\u2600", "T:\u200D好");
  }

  @Test
  void addressesAtTheEndOfTheTextAndAtTheEdgesOfTheirCharacters() {
    // a text that ends where an address could have gone on: nothing is found, nothing fails
    for (String s : new String[] {"见www", "见htt", "见a.cn:", "见a.cn/", "x:a.cn/b", "见.a.cn/x", "见a@b.c1", "见a.b1/x"}) {
      assertThat(show(s, TextRules.FOLD)).as(s).noneMatch(c -> c.startsWith("L:"));
    }
    assertThat(show(":a.cn/b", TextRules.FOLD)).containsExactly("P::", "L:a.cn/b");
    // a full-width tilde is an address's ~; a full-width comma ends it; a Latin letter from U+00C0 on continues it
    assertThat(show("http://a.cn/～x，y", TextRules.FOLD)).containsExactly("L:http://a.cn/～x", "P:，", "T:y");
    assertThat(show("https://a\u00C0.fr/x", TextRules.FOLD)).containsExactly("L:https://a\u00C0.fr/x");
    // ports written with the first and the last digit; a full stop after a host that ends the sentence
    assertThat(show("见a.cn:9/x和b.cn:0/y", TextRules.FOLD))
        .containsExactly("T:见", "L:a.cn:9/x", "T:和", "L:b.cn:0/y");
    assertThat(show("写信给x@163.com.谢谢", TextRules.FOLD)).containsExactly("T:写信给", "L:x@163.com", "P:.", "T:谢谢");
  }

  @Property
  void chunksCoverTheInputExactly(@ForAll String s) {
    coverExactly(s);
  }

  /** Text made of the pieces addresses are made of, so that the address scanner meets its edge cases. */
  @Provide
  Arbitrary<String> addressLike() {
    return Arbitraries.of("http://", "HTTPS：／／", "www.", "ｗｗｗ．", "@", "＠", ".", "．", "-", "_", "a", "com", "163", "(", ")",
        "（", "，", ",", "?", "=", "中文", " ", "…", "/", ":8", "cn", "&", "#", "#x", ";", "<", ">", "\"", "***", "*").list().ofMaxSize(16).map(l -> String.join("", l));
  }

  @Property
  void addressLikeTextIsCoveredExactlyAndAddressesEndOnALetterDigitOrSlash(@ForAll("addressLike") String s) {
    coverExactly(s);
    for (Chunk c : new Chunker(TextRules.FOLD).chunk(s)) {
      if (c.kind() == Chunk.Kind.LINK) {
        char last = s.charAt(c.end() - 1);
        char ascii = last >= 0xFF01 && last <= 0xFF5E ? (char) (last - 0xFEE0) : last;
        assertThat(Chunker.isAsciiAlnum(ascii) || "/#=)_-~%&+@*$[]".indexOf(ascii) >= 0).as("%s in %s", c, s).isTrue();
      }
    }
  }

  private static void coverExactly(String s) {
    for (TextRules rules : TextRules.values()) {
      int at = 0;
      for (Chunk c : new Chunker(rules).chunk(s)) {
        assertThat(c.start()).isEqualTo(at);
        assertThat(c.end()).isGreaterThan(c.start());
        at = c.end();
      }
      assertThat(at).isEqualTo(s.length());
    }
  }
}
