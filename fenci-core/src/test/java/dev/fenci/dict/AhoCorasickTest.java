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
    AhoCorasick ac = new AhoCorasick(words, values);
    for (int i = 0; i < words.size(); i++) {
      assertThat(ac.indexOf(words.get(i))).isEqualTo(i);
    }
    assertThat(ac.indexOf(text)).isEqualTo(words.indexOf(text));
    ac.match(text, (s, e, w, value) -> {
      assertThat(value).isEqualTo(-w);
      assertThat(text.substring(s, e)).isEqualTo(words.get(w));
      out.add(s + ":" + e + ":" + w);
    });
    return out;
  }

  private static Set<String> bruteForce(List<String> words, String text) {
    Set<String> out = new TreeSet<>();
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
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

  @Provide
  Arbitrary<List<String>> words() {
    return Arbitraries.strings().withChars("abc二维码").ofMinLength(1).ofMaxLength(4).list().uniqueElements().ofMaxSize(12);
  }

  @Property(tries = 400)
  void findsExactlyWhatABruteForceSearchFinds(@ForAll("words") List<String> words,
      @ForAll("text") String text) {
    assertThat(found(new ArrayList<>(words), text)).isEqualTo(bruteForce(words, text));
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().withChars("abc二维码x").ofMaxLength(30);
  }

  /** Many siblings per state, so that transitions are found by bisection as well as by scanning. */
  @Provide
  Arbitrary<List<String>> manyWords() {
    return Arbitraries.strings().withCharRange('\u4e00', '\u4e30').ofMinLength(1).ofMaxLength(3).list()
        .uniqueElements().ofMinSize(20).ofMaxSize(300);
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
