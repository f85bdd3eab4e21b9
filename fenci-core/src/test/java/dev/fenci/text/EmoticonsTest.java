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

class EmoticonsTest {
  /** The emoticons the chunker finds in {@code s}, in order. */
  private static List<String> faces(String s, TextRules rules) {
    return new Chunker(rules).chunk(s).stream().filter(c -> c.kind() == Chunk.Kind.EMOTICON)
        .map(c -> s.substring(c.start(), c.end())).collect(Collectors.toList());
  }

  private static List<String> faces(String s) {
    return faces(s, TextRules.FOLD);
  }

  @Test
  void theMicroBlogCorpusEmoticonsAreWordsAsItsGoldWritesThem() {
    // each as NLPCC 2016's training text writes it, a word of its own
    assertThat(faces("#笑^-^笑#让一个女生疯掉")).containsExactly("^-^");
    assertThat(faces("*^__^*小伙伴们，不要错过噢>>>")).containsExactly("*^__^*");
    assertThat(faces("又来啦(｢･ω･)｢，5分钟内")).containsExactly("(｢･ω･)｢");
    assertThat(faces("养吧(*´ω`*)")).containsExactly("(*´ω`*)");
    assertThat(faces("o(=•ω•=)m皇桑，是不是")).containsExactly("o(=•ω•=)m");
    assertThat(faces("影子呢(○’ω’○)（twi：jack4520）")).containsExactly("(○’ω’○)");
    assertThat(faces("官方表情包(●´∀｀●)")).containsExactly("(●´∀｀●)");
  }

  @Test
  void facesOnOneLine() {
    assertThat(faces("开心^_^，上班>_<，哭T_T，无语=_=，晕-_-||，咦o_O，呃o.O，^^，≧▽≦，╥﹏╥，・ω・"))
        .containsExactly("^_^", ">_<", "T_T", "=_=", "-_-||", "o_O", "o.O", "^^", "≧▽≦", "╥﹏╥", "・ω・");
    // as NLPCC writes it, 6 times whole
    assertThat(faces("什么→_→//@张三")).containsExactly("→_→");
    // a combining mark after an eye, cheeks on both sides
    assertThat(faces("好•̀ω•́好*^_^*")).containsExactly("•̀ω•́", "*^_^*");
    // the letters of a face are not joined to the words beside it
    assertThat(new Chunker(TextRules.FOLD).chunk("哭T_T好").stream().map(Chunk::kind))
        .containsExactly(Chunk.Kind.TEXT, Chunk.Kind.EMOTICON, Chunk.Kind.TEXT);
  }

  @Test
  void facesInBracketsWithTheirArms() {
    assertThat(faces("掀桌(╯‵□′)╯︵┻━┻好")).containsExactly("(╯‵□′)╯︵┻━┻");
    assertThat(faces("太棒了~\\(≧▽≦)/~")).containsExactly("\\(≧▽≦)/");
    assertThat(faces("好棒O(∩_∩)O哈哈")).containsExactly("O(∩_∩)O");
    assertThat(faces("早上好阿喵_(・ω・｣∠)_")).containsExactly("_(・ω・｣∠)_");
    assertThat(faces("加油↖(^ω^)↗")).containsExactly("↖(^ω^)↗");
    assertThat(faces("对不起（＞﹏＜）")).containsExactly("（＞﹏＜）");
    assertThat(faces("冲(((つ•̀ω•́)つ")).containsExactly("(つ•̀ω•́)つ");
    // after a word a bracket still starts a face; a letter arm before a word stays with it
    assertThat(faces("Hello(^_^)oh")).containsExactly("(^_^)");
    assertThat(faces("ho(^_^)")).containsExactly("(^_^)");
  }

  @Test
  void westernFaces() {
    assertThat(faces("谢谢:)好的:-)哈哈 :D 嗯;) 唉:( 噢=)")).containsExactly(":)", ":-)", ":D", ";)", ":(", "=)");
    assertThat(faces("好:-D好:-P")).containsExactly(":-D", ":-P");
    // a mark named in brackets, a colon of code before a bracket and a quote; a face's mouth may be doubled
    assertThat(faces("用冒号(:)分隔，以分号(;)结尾，等号（=），{\"k\":(\"a\", 'b')}，x:('a')")).isEmpty();
    assertThat(faces("谢谢:)，哈哈:))")).containsExactly(":)", ":))");
  }

  @Test
  void textThatOnlyLooksLikeAFaceStaysText() {
    // answers, lists, quoted marks, formulas, codes, numbers, times and scores
    assertThat(faces("答案:D。如下:(1)苹果(2)梨。用‘-’连接，(A∩B)，角速度(ω)，(ωt)，x^2，C++，0.0，1.0.0，ToT，X.X"))
        .isEmpty();
    assertThat(faces("a>_<b，x_x_1，A_T_T，var_0_0，T_Test，12:30，10:)，f(x=)，a =(b+c)，http://x.cn/a")).isEmpty();
    assertThat(faces("---，===，--.--，^^^，<-->，->，=>，○○○，二○○八年，・・・，＊＊")).isEmpty();
    assertThat(faces("(⊙O)，(ﾎﾟｲﾝﾄ)，(Дом)，(°C)，(30°)，(∇f)，(ε_0)，(^)，(-)，(*)")).isEmpty();
    // the weather tables of the PKU test, scores and ranges
    assertThat(faces("北京 晴 －9 ℃ ／ 0 ℃，0-0，0:0，1-1，２０－３０")).isEmpty();
  }

  @Test
  void quotationMarksCodeAndFormulaDelimitersAreNoEyes() {
    // a quoted character or symbol, Markdown's inline code, LaTeX's formulas, a glob, emphasis
    assertThat(faces("符号‘∩’读作交，‘口’字旁，用‘□’表示空格，‘ω’是角速度")).isEmpty();
    assertThat(faces("使用 `-` 参数，用 `_` 忽略变量，`.` 表示当前目录，`0` 是假")).isEmpty();
    assertThat(faces("当$x$等于$0$时，圆心$O$，速度$v$，取$3$，减号$-$")).isEmpty();
    assertThat(faces("选择文件类型*.*，然后*3*和*o*")).isEmpty();
    // their faces still are
    assertThat(faces("钱$_$，星星眼*_*，(○’ω’○)，(*´ω`*)")).containsExactly("$_$", "*_*", "(○’ω’○)", "(*´ω`*)");
  }

  @Test
  void rowsOfMarksAreNoFaces() {
    // the borders of an ASCII table, separators of alternating marks, Morse code
    assertThat(faces("+---+---+，+--+，+-+-+，=-=-=-=，-.-.-.-，~-~-~-~，^-^-^，电码-..-表示X")).isEmpty();
    // faces beside them still are
    assertThat(faces("哈^-^，晕-.-，^__^，-_-||，T__T")).containsExactly("^-^", "-.-", "^__^", "-_-||", "T__T");
  }

  @Test
  void aFormulaInBracketsIsNoFaceForItsMathSymbols() {
    // the Hadamard product, Taiwan's less-or-equal, nabla as the GB charset writes it, circles in geometry
    assertThat(faces("(a⊙b)，(A⊙B)，(0≦x≦1)，(a≧0)，(▽×E)，(▽·A)，(⊙O₁)，(⊙O′)")).isEmpty();
    // faces with those characters still are
    assertThat(faces("(⊙o⊙)，(￣┰￣*)，(●'◡'●)，(╬◣д◢)，o(￣ヘ￣o＃)，(≧▽≦)"))
        .containsExactly("(⊙o⊙)", "(￣┰￣*)", "(●'◡'●)", "(╬◣д◢)", "o(￣ヘ￣o＃)", "(≧▽≦)");
  }

  @Test
  void theSeedRulesFindThemToo() {
    assertThat(faces("开心^_^哭T_T", TextRules.SEED)).containsExactly("^_^", "T_T");
    assertThat(faces("abcT_T", TextRules.SEED)).isEmpty();
  }

  @Property(tries = 2000)
  void anEmoticonEndsAfterItsStartAndTheChunksCoverTheText(@ForAll("faceLike") String s) {
    for (int i = 0; i < s.length(); i++) {
      int end = Emoticons.end(s, i);
      assertThat(end == -1 || (end > i && end <= s.length())).as("%s at %d: %d", s, i, end).isTrue();
    }
    int at = 0;
    for (Chunk c : new Chunker(TextRules.FOLD).chunk(s)) {
      assertThat(c.start()).isEqualTo(at);
      at = c.end();
    }
    assertThat(at).isEqualTo(s.length());
  }

  @Provide
  Arbitrary<String> faceLike() {
    return Arbitraries.strings().withChars("^_-.oOTx0=*()（）ω▽╯︵┻━:;D|’•\u0300好a 1>＜<≧≦﹏\\/~".toCharArray())
        .ofMinLength(0).ofMaxLength(24);
  }
}
