package dev.fenci.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.TestModels;
import dev.fenci.model.Model;
import dev.fenci.model.Vocabulary;
import dev.fenci.text.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A model reads a traditional character it does not know as its simplified form. */
class TraditionalTextTest {
  /** Traditional forms of characters of the test models' vocabulary. */
  private static final Map<String, String> TRADITIONAL = Map.of("会", "會", "国", "國", "这", "這", "为", "為",
      "个", "個", "们", "們", "时", "時", "来", "來", "对", "對", "说", "說");

  @Test
  void traditionalTextIsSegmentedAsItsSimplifiedForm() {
    for (Model m : List.of(TestModels.random(TextRules.FOLD, 5), TestModels.randomWithLexicon(5))) {
      Vocabulary v = m.vocabulary();
      for (Map.Entry<String, String> e : TRADITIONAL.entrySet()) {
        assertThat(v.id(e.getKey().codePointAt(0))).isNotEqualTo(Vocabulary.UNKNOWN);
        assertThat(v.id(e.getValue().codePointAt(0))).isEqualTo(Vocabulary.UNKNOWN);
      }
      int[] cps = v.codePoints();
      SplittableRandom r = new SplittableRandom(5);
      List<String> simplified = new ArrayList<>();
      List<String> traditional = new ArrayList<>();
      List<String> chars = new ArrayList<>(TRADITIONAL.keySet());
      chars.sort(null);
      for (int i = 0; i < 100; i++) {
        StringBuilder s = new StringBuilder();
        StringBuilder t = new StringBuilder();
        for (int j = 0; j < 5 + r.nextInt(30); j++) {
          String c = r.nextBoolean() ? chars.get(r.nextInt(chars.size())) : Character.toString(cps[r.nextInt(cps.length)]);
          s.append(c);
          t.append(TRADITIONAL.getOrDefault(c, c));
        }
        simplified.add(s.toString());
        traditional.add(t.toString());
      }
      Decoder d = new Decoder(m);
      List<int[]> a = d.wordEnds(simplified);
      List<int[]> b = d.wordEnds(traditional);
      for (int i = 0; i < a.size(); i++) {
        assertThat(b.get(i)).as(traditional.get(i)).containsExactly(a.get(i));
      }
      // and an unknown character that is not traditional stays unknown
      assertThat(d.id("𠀀".codePointAt(0))).isEqualTo(Vocabulary.UNKNOWN);
      assertThat(d.id("會".codePointAt(0))).isEqualTo(v.id("会".codePointAt(0)));
    }
  }
}
