package dev.fenci.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The CoNLL and character-tag layouts: read as the same sentences as segmented text, and refused with a line. */
class CorpusLayoutsTest {
  private static final String CONLLU = """
      # newdoc id = a
      # sent_id = 1
      # text = 迈向充满希望的新世纪
      1\t迈向\t迈向\tVERB\tVV\t_\t0\troot\t_\tSpaceAfter=No
      2\t充满\t充满\tVERB\tVV\t_\t1\txcomp\t_\tSpaceAfter=No
      3\t希望\t希望\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No
      4-5\t的新\t_\t_\t_\t_\t_\t_\t_\t_
      4\t的\t的\tPART\tDEC\t_\t3\tmark\t_\t_
      5\t新\t新\tADJ\tJJ\t_\t6\tamod\t_\t_
      5.1\tzzz\t_\t_\t_\t_\t_\t_\t3:dep\t_
      6\t世纪\t世纪\tNOUN\tNN\t_\t1\tobj\t_\t_


      # sent_id = 2
      1\t你好\t你好\tINTJ\tUH\t_\t0\troot\t_\t_
      2\t。\t。\tPUNCT\t.\t_\t1\tpunct\t_\t_
      """;

  /** The file's lines as Utf8Lines gives them: no empty line after a final line break. */
  private static Corpus.Sentences parse(String text) throws CorpusFormatException {
    List<String> lines = text.lines().toList();
    return Corpus.parseSentences(lines, "t.conllu", Corpus.detect(lines));
  }

  /** A CoNLL-X token line: ID, FORM and eight more columns. */
  private static String tok(String id, String form) {
    return id + "\t" + form + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
  }

  @Test
  void readsConllUWithCommentsMultiwordTokensAndEmptyNodes() throws Exception {
    Corpus.Sentences s = parse(CONLLU);
    assertThat(s.format()).isEqualTo(Corpus.Format.CONLL);
    assertThat(s.sentences()).containsExactly(List.of("迈向", "充满", "希望", "的新", "世纪"), List.of("你好", "。"));
    assertThat(s.lines()).containsExactly(4, 15);
    // CoNLL-X: no comments, the same first two columns; the file may end without a blank line
    String conllx = "1\t上海\t_\tNR\tNR\t_\t2\tnsubj\t_\t_\n2\t浦东\t_\tNR\tNR\t_\t0\troot\t_\t_\n\n"
        + "1\t开发\t_\tNN\tNN\t_\t0\troot\t_\t_\n2\t与\t_\tCC\tCC\t_\t1\tcc\t_\t_";
    Corpus.Sentences x = parse(conllx);
    assertThat(x.format()).isEqualTo(Corpus.Format.CONLL);
    assertThat(x.sentences()).containsExactly(List.of("上海", "浦东"), List.of("开发", "与"));
    assertThat(x.lines()).containsExactly(1, 4);
  }

  @Test
  void segmentedTextThatStartsWithANumberIsNotConll() {
    assertThat(Corpus.detect(List.of("1\t中国  人民", "", "2\t美国"))).isEqualTo(Corpus.Format.SEGMENTED);
    assertThat(Corpus.detect(List.of("1 中国 人民", "2 美国 人民", "3 英国"))).isEqualTo(Corpus.Format.SEGMENTED);
    assertThat(Corpus.detect(List.of("1\t中国", "3\t人民"))).isEqualTo(Corpus.Format.SEGMENTED);
    assertThat(Corpus.detect(List.of("1\t中国  人民", "2\t美国  人民"))).isEqualTo(Corpus.Format.SEGMENTED); // numbered lines
    assertThat(Corpus.detect(List.of("1\t中国\t_\t_", "3\t人民\t_\t_"))).isEqualTo(Corpus.Format.SEGMENTED);
    assertThat(Corpus.detect(List.of("# text = 你好", "1\t你好"))).isEqualTo(Corpus.Format.CONLL);
  }

  @Test
  void malformedConllNamesTheLine() {
    // a blank line missing between two sentences, without and with comments
    String merged = tok("1", "上海") + tok("2", "浦东") + tok("1", "开发");
    assertThatThrownBy(() -> parse(merged)).isInstanceOf(CorpusFormatException.class)
        .hasMessageStartingWith("t.conllu:3: token 1 where 3 was expected").hasMessageContaining("blank line missing");
    String ud = "# sent_id = 1\n" + tok("1", "上海") + tok("2", "浦东") + "# sent_id = 2\n" + tok("1", "开发");
    assertThatThrownBy(() -> parse(ud)).hasMessageStartingWith("t.conllu:4: a # comment inside a sentence; is a blank "
        + "line missing before it, after the sentence that starts on line 2?");
    assertThatThrownBy(() -> parse(tok("1", "上海") + tok("2", "浦东") + "浦东 开发\n"))
        .hasMessageStartingWith("t.conllu:3: expected a CoNLL token line").hasMessageContaining("'浦东 开发'");
    assertThatThrownBy(() -> parse(tok("1", "上海") + tok("2-3", "浦东") + tok("2", "浦") + "\n"))
        .hasMessageStartingWith("t.conllu:1: the sentence ends before the words 3-3");
    assertThatThrownBy(() -> parse(tok("1", "上海") + tok("2", "浦东") + tok("3-2", "开发")))
        .hasMessageStartingWith("t.conllu:3: the range 3-2 ends before");
    assertThatThrownBy(() -> parse(tok("1", "在") + tok("2-3", "里面") + tok("2", "里") + tok("3-4", "面的")))
        .hasMessageStartingWith("t.conllu:4: the range 3-4 starts inside the range before it");
    assertThatThrownBy(() -> parse(tok("1", "上海") + "2\t\t_\t_\t_\t_\t_\t_\t_\t_\n"))
        .hasMessageStartingWith("t.conllu:2: token 2 has an empty FORM");
  }

  @Test
  void conllXWithAOneTokenFirstSentenceAndSpaceSeparatedConllAreConll() throws Exception {
    Corpus.Sentences x = parse(tok("1", "目录") + "\n" + tok("1", "上海") + tok("2", "浦东"));
    assertThat(x.format()).isEqualTo(Corpus.Format.CONLL);
    assertThat(x.sentences()).containsExactly(List.of("目录"), List.of("上海", "浦东"));
    assertThat(x.lines()).containsExactly(1, 3);
    Corpus.Sentences spaces = parse((tok("1", "看似") + tok("2", "简单") + "\n" + tok("1", "好")).replace('\t', ' '));
    assertThat(spaces.format()).isEqualTo(Corpus.Format.CONLL);
    assertThat(spaces.sentences()).containsExactly(List.of("看似", "简单"), List.of("好"));
  }

  @Test
  void theLastSentenceCountsWithoutAFinalBlankLine() throws Exception {
    assertThat(parse("你 B\n好 E\n\n！ S").sentences()).containsExactly(List.of("你好"), List.of("！"));
    assertThat(parse("你 B\n好 I\n\n！ B\n").sentences()).containsExactly(List.of("你好"), List.of("！"));
    assertThat(parse(tok("1", "你好") + "\n" + tok("1", "！")).sentences()).containsExactly(List.of("你好"), List.of("！"));
  }

  @Test
  void readsCharacterTagsInEachScheme() throws Exception {
    String bmes = "迈 B\n向 E\n充 B\n满 E\n的 S\n新 B\n世 M\n纪 E\n\n你 B\n好 E\n";
    String bies = bmes.replace(" M", "\tI");
    String bi = "迈 B\n向 I\n充 B-V\n满 I-V\n的 B\n新 B\n世 I\n纪 I\n\n\n你 B\n好 I\n";
    String lower = "迈 b\n向 e_v\n充 b\n满 e\n的 s-u\n新 b\n世 m\n纪 e\n\n你 b\n好 e\n";
    for (String text : List.of(bmes, bies, bi, lower)) {
      Corpus.Sentences s = parse(text);
      assertThat(s.format()).as(text).isEqualTo(Corpus.Format.CHARACTER_TAGS);
      assertThat(s.sentences()).as(text).containsExactly(List.of("迈向", "充满", "的", "新世纪"), List.of("你好"));
      assertThat(s.lineOf(0)).isEqualTo(1);
    }
    assertThat(parse(bi).lines()).containsExactly(1, 11);
  }

  @Test
  void malformedCharacterTagsNameTheLine() {
    // a header, a CoNLL-2003 document line, named-entity O tags, a malformed first line: named, not read as words
    assertThatThrownBy(() -> parse("char\ttag\n迈 B\n向 E\n")).hasMessageStartingWith("t.conllu:1: expected a character and its tag");
    assertThatThrownBy(() -> parse("-DOCSTART- O\n\n迈 B\n向 E\n")).hasMessageStartingWith("t.conllu:1: expected a character");
    assertThatThrownBy(() -> parse("迈 O\n向 O\n上 B-LOC\n海 I-LOC\n")).hasMessageStartingWith("t.conllu:1: tag O (outside");
    assertThatThrownBy(() -> parse("迈向 B\n向 E\n充 B\n")).hasMessageStartingWith("t.conllu:1: expected a character");
    assertThatThrownBy(() -> parse("迈 v B\n向 v E\n的 u S\n")).hasMessageStartingWith("t.conllu:1: looks like a character a line "
        + "with more columns");
    // in a file that ends words with E or S, a word without its E
    assertThatThrownBy(() -> parse("迈 B\n向 M\n充 B\n满 E\n")).hasMessageStartingWith("t.conllu:3: tag B starts a word, but "
        + "the word that starts on line 1 is not ended (by E)");
    assertThatThrownBy(() -> parse("迈 B\n向 E\n\n充 B\n满 M\n\n好 S\n")).hasMessageStartingWith("t.conllu:4: the word that "
        + "starts here is not ended");
    assertThatThrownBy(() -> parse("迈 B\n向 E\n充 E\n满 E\n")).isInstanceOf(CorpusFormatException.class)
        .hasMessageStartingWith("t.conllu:3: tag E continues a word, but the tag before it (E) ended one");
    assertThatThrownBy(() -> parse("迈 B\n向 E\n\n充 M\n满 E\n")).hasMessageStartingWith("t.conllu:4: tag M continues a word, but it starts the sentence");
    assertThatThrownBy(() -> parse("迈 B\n向 E\n充满 B\n满 E\n")).hasMessageStartingWith("t.conllu:3: expected a character and its tag");
    assertThatThrownBy(() -> parse("迈 B\n向 E\n充 S\n满 X\n")).hasMessageStartingWith("t.conllu:4: expected a character and its tag");
  }

  @Test
  void segmentedTextOfOneCharacterWordsIsNotCharacterTagged() throws Exception {
    assertThat(Corpus.detect(List.of("我 来", "你 好", "他 走 了"))).isEqualTo(Corpus.Format.SEGMENTED);
    assertThat(Corpus.detect(List.of("好 S"))).isEqualTo(Corpus.Format.SEGMENTED); // one line says too little
    assertThat(Corpus.detect(List.of("维生素 B", "我 们", "A 股 上涨"))).isEqualTo(Corpus.Format.SEGMENTED);
    // numbered segmented text with its words separated by tabs: as many columns as words
    List<String> numbered = List.of("1\t我们\t是\t学生\t。", "2\t他\t来\t了\t。", "3\t今天\t天气\t很\t好\t。");
    assertThat(Corpus.detect(numbered)).isEqualTo(Corpus.Format.SEGMENTED);
    assertThat(Corpus.parse(numbered, "n.txt").get(0)).containsExactly("1", "我们", "是", "学生", "。");
    // tagged lines first: a character-tagged file, whose malformed line is then named
    assertThat(Corpus.detect(List.of("好 S", "我 B", "们 E", "维生素 B"))).isEqualTo(Corpus.Format.CHARACTER_TAGS);
  }

  @Test
  void aNoteNamesTheLayoutAndAnUnsegmentedCheckNamesTheSentencesLine() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Corpus.Sentences s = Corpus.readSentences(CONLLU.getBytes(StandardCharsets.UTF_8), "t.conllu", false,
        new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(s.sentences()).hasSize(2);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("t.conllu: read as CoNLL-U");
    // 25 sentences of one word each, from the 20th on too long: the 20th named by the line it starts on
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      text.append("# sent_id = ").append(i).append('\n').append("1\t").append(i >= 20 ? "迈向充满希望的新世纪啊" : "迈向新世纪")
          .append("\t_\t_\t_\n\n");
    }
    Corpus.Sentences one = parse(text.toString());
    assertThatThrownBy(() -> Corpus.requireSegmented(one, "t.conllu")).hasMessageStartingWith("t.conllu:59: looks unsegmented");
  }

  /** Any segmentation written as CoNLL-U or as character tags (BMES, BIES, BI) reads back as itself. */
  @Property(tries = 200)
  void everyLayoutReadsBackTheSameSentences(@ForAll("sentences") List<List<String>> sentences) throws Exception {
    StringBuilder conll = new StringBuilder();
    StringBuilder bmes = new StringBuilder();
    StringBuilder bies = new StringBuilder();
    StringBuilder bi = new StringBuilder();
    for (List<String> sentence : sentences) {
      conll.append("# text = ").append(String.join("", sentence)).append('\n');
      for (int i = 0; i < sentence.size(); i++) {
        conll.append(i + 1).append('\t').append(sentence.get(i)).append("\t_\t_\n");
        int[] cps = sentence.get(i).codePoints().toArray();
        for (int k = 0; k < cps.length; k++) {
          String c = Character.toString(cps[k]);
          String tag = cps.length == 1 ? "S" : k == 0 ? "B" : k == cps.length - 1 ? "E" : "M";
          bmes.append(c).append(' ').append(tag).append('\n');
          bies.append(c).append('\t').append(tag.equals("M") ? "I" : tag).append('\n');
          bi.append(c).append(' ').append(k == 0 ? "B" : "I").append('\n');
        }
      }
      for (StringBuilder b : List.of(conll, bmes, bies, bi)) {
        b.append('\n');
      }
    }
    for (StringBuilder b : List.of(conll, bmes, bies, bi)) {
      assertThat(parse(b.toString()).sentences()).isEqualTo(sentences);
    }
  }

  @Provide
  Arbitrary<List<List<String>>> sentences() {
    Arbitrary<String> word = Arbitraries.of("中", "国", "人", "民", "好", "。", "１", "a", "𠀀", "世", "纪")
        .list().ofMinSize(1).ofMaxSize(5).map(cs -> String.join("", cs));
    Arbitrary<List<String>> sentence = word.list().ofMinSize(2).ofMaxSize(8);
    return sentence.list().ofMinSize(1).ofMaxSize(6).map(ArrayList::new);
  }
}
