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

  private static Corpus.Sentences parse(String text) throws CorpusFormatException {
    List<String> lines = List.of(text.split("\n", -1));
    return Corpus.parseSentences(lines, "t.conllu", Corpus.detect(lines));
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
    // a blank line missing between two sentences
    String merged = "1\t上海\t_\t_\n2\t浦东\t_\t_\n1\t开发\t_\t_\n";
    assertThatThrownBy(() -> parse(merged)).isInstanceOf(CorpusFormatException.class)
        .hasMessageStartingWith("t.conllu:3: token 1 where 3 was expected").hasMessageContaining("blank line missing");
    assertThatThrownBy(() -> parse("1\t上海\t_\t_\n2\t浦东\t_\t_\n浦东 开发\n")).hasMessageStartingWith("t.conllu:3: expected a CoNLL token line")
        .hasMessageContaining("'浦东 开发'");
    assertThatThrownBy(() -> parse("1\t上海\t_\t_\n2-3\t浦东\t_\t_\n2\t浦\t_\t_\n\n")).hasMessageStartingWith("t.conllu:1: the sentence ends before the words 3-3");
    assertThatThrownBy(() -> parse("1\t上海\t_\t_\n2\t浦东\t_\t_\n3-2\t开发\t_\t_\n")).hasMessageStartingWith("t.conllu:3: the range 3-2 ends before");
  }

  @Test
  void readsCharacterTagsInEachScheme() throws Exception {
    String bmes = "迈 B\n向 E\n充 B\n满 E\n的 S\n新 B\n世 M\n纪 E\n\n你 B\n好 E\n";
    String bies = bmes.replace(" M", "\tI");
    String bi = "迈 B\n向 I\n充 B-V\n满 I-V\n的 B\n新 B\n世 I\n纪 I\n\n\n你 B\n好 I\n";
    for (String text : List.of(bmes, bies, bi)) {
      Corpus.Sentences s = parse(text);
      assertThat(s.format()).as(text).isEqualTo(Corpus.Format.CHARACTER_TAGS);
      assertThat(s.sentences()).as(text).containsExactly(List.of("迈向", "充满", "的", "新世纪"), List.of("你好"));
      assertThat(s.lines()[0]).isEqualTo(1);
    }
    assertThat(parse(bi).lines()).containsExactly(1, 11);
  }

  @Test
  void malformedCharacterTagsNameTheLine() {
    assertThatThrownBy(() -> parse("迈 B\n向 E\n充 E\n满 E\n")).isInstanceOf(CorpusFormatException.class)
        .hasMessageStartingWith("t.conllu:3: tag E continues a word, but the tag before it (E) ended one");
    assertThatThrownBy(() -> parse("迈 B\n向 E\n\n充 M\n满 E\n")).hasMessageStartingWith("t.conllu:4: tag M continues a word, but it starts the sentence");
    assertThatThrownBy(() -> parse("迈 B\n向 E\n充满 B\n满 E\n")).hasMessageStartingWith("t.conllu:3: expected a character and its tag");
    assertThatThrownBy(() -> parse("迈 B\n向 E\n充 S\n满 X\n")).hasMessageStartingWith("t.conllu:4: expected a character and its tag");
  }

  @Test
  void segmentedTextOfOneLetterWordsIsNotCharacterTagged() {
    assertThat(Corpus.detect(List.of("a b", "x i", "y s"))).isEqualTo(Corpus.Format.SEGMENTED);
    assertThat(Corpus.detect(List.of("好 S"))).isEqualTo(Corpus.Format.SEGMENTED); // one line says too little
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
    // 25 sentences of one long word each, the longest in the 20th: named by the line it starts on
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      text.append("# sent_id = ").append(i).append('\n').append("1\t").append(i == 20 ? "迈向充满希望的新世纪啊" : "迈向充满希望的新世纪")
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
