package dev.fenci.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link ConllReader} tells a CoNLL file from numbered text, and the words it reads from a FORM. */
class ConllReaderTest {

  /** A token line of {@link ConllReader#CONLL_COLUMNS} columns. */
  private static String tok(String id, String form) {
    return id + "\t" + form + "\t_\t_\t_\t_\t_\t_\t_\t_";
  }

  @Test
  void aFileIsConllByItsFirstCommentOrByItsFirstTokenLines() {
    // a sent_id or text comment first, after other comments too, decides without a token line of ten columns
    assertThat(ConllReader.looksConll(List.of("# newdoc id = a", "# sent_id = 1", "1\t你好"))).isTrue();
    assertThat(ConllReader.looksConll(List.of("# comment", "1\t你好"))).isFalse();
    // ten-column token lines, the first numbered 1, all as wide; a header among them is outnumbered
    assertThat(ConllReader.looksConll(List.of(tok("1", "上海"), tok("2", "浦东")))).isTrue();
    assertThat(ConllReader.looksConll(List.of("ID FORM", tok("1", "上海"), tok("2", "浦东")))).isTrue();
    assertThat(ConllReader.looksConll(List.of(tok("2", "上海"), tok("3", "浦东")))).isFalse(); // a fragment
    assertThat(ConllReader.looksConll(List.of(tok("1", "上海"), tok("2", "浦东") + "\t_"))).isFalse();
    assertThat(ConllReader.looksConll(List.of(tok("1", "上海")))).isFalse(); // one line says too little
  }

  @Test
  void aFormHoldingSpacesGivesSeveralWordsAndEmptyNodesNone() throws Exception {
    Corpus.Sentences s = ConllReader.read(List.of(tok("1", "上海 浦东"), tok("1.1", "zzz"), tok("2", "开发"), "",
        "# sent_id = 2", tok("1", "好")), "t.conllu");
    assertThat(s.format()).isEqualTo(Corpus.Format.CONLL);
    assertThat(s.sentences()).containsExactly(List.of("上海", "浦东", "开发"), List.of("好"));
    assertThat(s.lines()).containsExactly(1, 6);
    assertThatThrownBy(() -> ConllReader.read(List.of(tok("2", "上海")), "t.conllu"))
        .hasMessageStartingWith("t.conllu:1: token 2 where 1 was expected");
  }
}
