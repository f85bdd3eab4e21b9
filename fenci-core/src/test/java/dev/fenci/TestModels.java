package dev.fenci;

import dev.fenci.model.Model;
import dev.fenci.model.Vocabulary;
import dev.fenci.nn.Network;
import dev.fenci.nn.NetworkConfig;
import dev.fenci.text.TextRules;
import java.util.Map;

/** Small untrained models for tests that need a network but not a good one. */
public final class TestModels {
  private TestModels() {}

  public static Model random(TextRules rules, long seed) {
    return random(rules, seed, 1, 1, 1);
  }

  /** As {@link #random(TextRules, long)}, with the given dilation for each of the three convolutions. */
  public static Model random(TextRules rules, long seed, int... dilations) {
    int[] cps = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你说年".codePoints().toArray();
    Vocabulary v = new Vocabulary(cps);
    Network net = new Network(new NetworkConfig(v.size(), 8, new int[] {8, 4}, 4, 0.5f, "normal")
        .withDilations(dilations));
    net.initialise(seed);
    return new Model("seed", net, v, rules, Map.of("note", "test model"));
  }

  /**
   * As {@link #random(TextRules, long)} with lexicon features: words of two to six characters
   * cut from a random text over the vocabulary, so that they occur in such texts.
   */
  public static Model randomWithLexicon(long seed) {
    int[] cps = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你说年".codePoints().toArray();
    Vocabulary v = new Vocabulary(cps);
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    java.util.List<int[]> words = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int[] w = new int[2 + r.nextInt(dev.fenci.nn.Lexicon.MAX_LENGTH - 1)];
      for (int j = 0; j < w.length; j++) {
        w[j] = 1 + r.nextInt(4); // the first few characters: words occur often in random text
      }
      words.add(w);
    }
    Network net = new Network(new NetworkConfig(v.size(), 8, new int[] {8, 4}, 4, 0.5f, "normal")
        .withLexiconDim(dev.fenci.nn.Lexicon.FEATURES), null, dev.fenci.nn.Lexicon.of(words));
    net.initialise(seed);
    return new Model("accurate-lex", net, v, TextRules.FOLD, Map.of("note", "test model"));
  }

  /**
   * A random model over the characters of {@link TestTexts#unpunctuated} (so that its tag scores
   * differ from character to character) with random learned transitions (a CRF model).
   */
  public static Model randomCrf(long seed) {
    Vocabulary v = new Vocabulary(TestTexts.unpunctuated(1).codePoints().distinct().sorted().toArray());
    Network net = new Network(new NetworkConfig(v.size(), 8, new int[] {8, 4}, 4, 0.5f, "normal"));
    net.initialise(seed);
    // strong tag scores, as a trained model has: best paths then agree within a few characters
    // (weak ones next to the transitions let a periodic tagging depend on text far away)
    for (float[] w : new float[][] {net.params().get(net.params().size() - 2).value}) {
      for (int i = 0; i < w.length; i++) {
        w[i] *= 4;
      }
    }
    float[] t = new dev.fenci.nn.Transitions().param().value.clone();
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (int i = 0; i < t.length; i++) {
      if (Float.isFinite(t[i])) {
        t[i] = (float) (r.nextDouble() * 0.6 - 0.3);
      }
    }
    return new Model("accurate-crf", net, dev.fenci.nn.Transitions.of(t), v, TextRules.FOLD,
        Map.of("note", "test model"));
  }
}
