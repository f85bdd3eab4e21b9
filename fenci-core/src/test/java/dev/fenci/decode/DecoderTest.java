package dev.fenci.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.TestModels;
import dev.fenci.model.Model;
import dev.fenci.text.TextRules;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecoderTest {
  @Test
  void windowsDoNotChangeTheSegmentationOfALongRun() {
    Model m = TestModels.random(TextRules.FOLD, 3);
    int[] cps = m.vocabulary().codePoints();
    SplittableRandom r = new SplittableRandom(1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      b.appendCodePoint(cps[r.nextInt(cps.length)]);
    }
    String text = b.toString();
    int[] whole = new Decoder(m.network(), m.vocabulary(), m.rules(), 100_000).wordEnds(text);
    for (int w : new int[] {1, 7, 64, 2048}) {
      assertThat(new Decoder(m.network(), m.vocabulary(), m.rules(), w).wordEnds(text)).as("window %d", w).containsExactly(whole);
    }
  }

  @Test
  void foldRulesNeverSplitAnAsciiRun() {
    Model m = TestModels.random(TextRules.FOLD, 4);
    String text = "在2001年用iPhone15看了55.6亿次";
    int[] ends = new Decoder(m).wordEnds(text);
    for (int e : ends) {
      if (e > 0 && e < text.length()) {
        boolean inside = Character.isLetterOrDigit(text.charAt(e - 1)) && text.charAt(e - 1) < 128
            && Character.isLetterOrDigit(text.charAt(e)) && text.charAt(e) < 128;
        assertThat(inside).as("cut at %d in %s", e, text).isFalse();
      }
    }
  }
}
