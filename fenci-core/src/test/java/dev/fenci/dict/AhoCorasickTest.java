package dev.fenci.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {
  private static Set<String> found(List<String> words, String text) {
    Set<String> out = new TreeSet<>();
    float[] values = new float[words.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = -i;
    }
    // with the root's direct table and without it (the small automata of a live dictionary's changes)
    for (boolean rootTable : new boolean[] {true, false}) {
      Set<String> seen = new TreeSet<>();
      AhoCorasick ac = new AhoCorasick(words, values, rootTable);
      for (int i = 0; i < words.size(); i++) {
        assertThat(ac.indexOf(words.get(i))).isEqualTo(i);
      }
      assertThat(ac.indexOf(text)).isEqualTo(keys(words).indexOf(Folding.key(text)));
      ac.match(text, (s, e, w, value) -> {
        assertThat(value).isEqualTo(-w);
        assertThat(Folding.key(text.substring(s, e))).isEqualTo(Folding.key(words.get(w)));
        seen.add(s + ":" + e + ":" + w);
      });
      if (rootTable) {
        out.addAll(seen);
      } else {
        assertThat(seen).as("without the root table").isEqualTo(out);
      }
    }
    return out;
  }

  private static List<String> keys(List<String> words) {
    return words.stream().map(Folding::key).toList();
  }

  /** Every occurrence, words and text compared folded. */
  private static Set<String> bruteForce(List<String> words, String written) {
    Set<String> out = new TreeSet<>();
    String text = Folding.key(written);
    for (int w = 0; w < words.size(); w++) {
      String word = Folding.key(words.get(w));
      for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
        out.add(i + ":" + (i + word.length()) + ":" + w);
      }
    }
    return out;
  }

  @Test
  void findsOverlappingAndNestedWords() {
    List<String> words = List.of("he", "she", "his", "hers", "二维码", "维码", "码");
    assertThat(found(words, "ushers 扫描二维码")).isEqualTo(bruteForce(words, "ushers 扫描二维码"));
    assertThat(found(words, "ushers 扫描二维码")).hasSize(6);
  }

  @Test
  void readsFullWidthFormsAndTraditionalCharactersAsTheirPlainForms() {
    List<String> words = List.of("ABC公司", "二维码", "臺灣", "C++", "iPhone 15");
    assertThat(found(words, "ＡＢＣ公司的二維碼在台湾")).containsExactlyInAnyOrder("0:5:0", "6:9:1", "10:12:2");
    assertThat(found(words, "学Ｃ＋＋，用ｉＰｈｏｎｅ　１５")).containsExactlyInAnyOrder("1:4:3", "6:15:4");
    assertThat(found(words, "IPHONE 15、abc公司")).isEmpty(); // case is kept
    // characters that simplified text writes too stay themselves: 乾县 is not the 干县 of 若干县
    assertThat(found(List.of("乾县", "二〇〇八年"), "若干县，二○○八年")).containsExactly("4:9:1");
    assertThat(found(List.of("马克·吐温"), "馬克‧吐溫和马克･吐温")).containsExactly("0:5:0", "6:11:0");
    // Unicode's hyphen and non-breaking hyphen as ASCII's, as the network reads them (type‐c, Wi‑Fi)
    assertThat(found(List.of("type-c接口"), "type\u2010c接口和type\u2011c接口")).containsExactly("0:8:0", "9:17:0");
    assertThat(Folding.folded()).isBetween(2_900, 3_100); // full-width forms and the BMP pairs of the table
  }

  @Provide
  Arbitrary<List<String>> words() {
    return Arbitraries.strings().withChars("abcＡ二维码維").ofMinLength(1).ofMaxLength(4).list()
        .uniqueElements(Folding::key).ofMaxSize(12);
  }

  @Property(tries = 400)
  void findsExactlyWhatABruteForceSearchFinds(@ForAll("words") List<String> words,
      @ForAll("text") String text) {
    assertThat(found(new ArrayList<>(words), text)).isEqualTo(bruteForce(words, text));
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().withChars("abcａＡ二维码維x").ofMaxLength(30);
  }

  /** Many siblings per state, so that transitions are found by bisection as well as by scanning. */
  @Provide
  Arbitrary<List<String>> manyWords() {
    return Arbitraries.strings().withCharRange('\u4e00', '\u4e30').ofMinLength(1).ofMaxLength(3).list()
        .uniqueElements(Folding::key).ofMinSize(20).ofMaxSize(300);
  }

  @Provide
  Arbitrary<String> wideText() {
    return Arbitraries.strings().withCharRange('\u4e00', '\u4e34').ofMaxLength(60);
  }

  @Property(tries = 200)
  void findsExactlyWhatABruteForceSearchFindsWithWideStates(@ForAll("manyWords") List<String> words,
      @ForAll("wideText") String text) {
    assertThat(found(new ArrayList<>(words), text)).isEqualTo(bruteForce(words, text));
  }
}
