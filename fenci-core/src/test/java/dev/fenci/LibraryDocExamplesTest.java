package dev.fenci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.dict.UserDictionary;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippet at the top of docs/library.md (and of the README's "Library"), run as written, with
 * what its comments say checked: the calls compile and do what the page promises.
 */
class LibraryDocExamplesTest {
  @TempDir
  Path dir;

  @Test
  void theSnippetOfLibraryMdDoesWhatItsCommentsSay() throws Exception {
    String text = "扫描二维码，关注微信号。\n中华人民共和国成立了\r\n";
    List<String> lines = List.of("扫描二维码，关注微信号。", "中华人民共和国成立了");

    Segmenter seg = Segmenter.load();                       // the default model from the jar
    List<String> words = seg.segment("扫描二维码，关注微信号。");
    assertThat(String.join("", words)).isEqualTo("扫描二维码，关注微信号。");
    List<Token> tokens = seg.tokenize("扫描二维码");          // words with start/end offsets
    assertThat(tokens.get(0).start()).isZero();
    assertThat(tokens.get(tokens.size() - 1).end()).isEqualTo(5);
    assertThat(tokens).noneMatch(t -> t.isSpace() || t.isPunctuation());
    assertThat(seg.tokenize("扫描 二维码。")).filteredOn(t -> !t.isSpace() && !t.isPunctuation())
        .extracting(Token::word).doesNotContain(" ", "。");
    List<List<String>> many = seg.segmentAll(lines);        // batches the network work
    assertThat(many).containsExactly(seg.segment(lines.get(0)), seg.segment(lines.get(1)));

    List<String> expected = new ArrayList<>(seg.segment(text));
    Reader reader = new StringReader(text);
    List<String> pushed = new ArrayList<>();
    seg.segment(reader, (t, start, end) -> pushed.add(t.substring(start, end)), 2); // each word is text.substring(start, end)
    assertThat(pushed).isEqualTo(expected);
    WordCursor c = seg.words(new StringReader(text));      // or pull them: while (c.next()) c.word(), c.start()
    List<String> pulled = new ArrayList<>();
    while (c.next()) {
      assertThat(text.substring((int) c.start(), (int) c.end())).isEqualTo(c.word());
      pulled.add(c.word());
    }
    assertThat(pulled).isEqualTo(expected);

    Path myDict = dir.resolve("my.dict");
    Files.writeString(myDict, "扫码，3\n");
    UserDictionary dict = UserDictionary.load(myDict);
    Segmenter custom = seg.withDictionary(dict);             // shares the model
    assertThat(custom.model()).isSameAs(seg.model());
    dict.add("微信号", 10);                                   // live: takes effect on the next call
    dict.add("充电桩", 1);                                     // 1: only tells the model the word exists
    assertThat(seg.segment("关注微信号")).doesNotContain("微信号");
    assertThat(custom.segment("扫描二维码，关注微信号。")).contains("二维码", "微信号");
    assertThat(seg.segment("充电桩")).doesNotContain("充电桩");
    assertThat(custom.segment("充电桩")).containsExactly("充电桩");

    List<Token> index = seg.tokenizeForSearch("中华人民共和国成立了"); // for a search index: each word, then its parts
    assertThat(index).containsExactly(new Token("中华人民共和国", 0, 7), new Token("中华", 0, 2), new Token("华人", 1, 3),
        new Token("人民", 2, 4), new Token("共和", 4, 6), new Token("共和国", 4, 7), new Token("成立", 7, 9), new Token("了", 9, 10));
    List<Token> parts = seg.subwords("中华人民共和国");           // 中华 华人 人民 共和 共和国 (offsets in the word)
    assertThat(parts).extracting(Token::word).containsExactly("中华", "华人", "人民", "共和", "共和国");
    assertThat(parts).extracting(Token::start).containsExactly(0, 1, 2, 4, 4);
  }
}
