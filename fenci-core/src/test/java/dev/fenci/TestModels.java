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
    int[] cps = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你说年".codePoints().toArray();
    Vocabulary v = new Vocabulary(cps);
    Network net = new Network(new NetworkConfig(v.size(), 8, new int[] {8, 4}, 4, 0.5f, "normal"));
    net.initialise(seed);
    return new Model("seed", net, v, rules, Map.of("note", "test model"));
  }
}
