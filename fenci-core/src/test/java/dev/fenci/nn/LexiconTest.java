package dev.fenci.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LexiconTest {
  /** Bits as the network reads them: starts of lengths 2, 3, 4, 5+ in bits 0-3, ends in 4-7. */
  private static byte bits(int... set) {
    int b = 0;
    for (int s : set) {
      b |= 1 << s;
    }
    return (byte) b;
  }

  @Test
  void featuresMarkWhereWordsOfEachLengthStartAndEnd() {
    Lexicon lex = Lexicon.of(List.of(new int[] {1, 2}, new int[] {2, 3, 4}, new int[] {1, 2, 3, 4, 5, 6},
        new int[] {5, 6, 7, 8, 9}));
    assertThat(lex.size()).isEqualTo(4);
    int[] seq = {9, 1, 2, 3, 4, 5, 6, 1};
    byte[] f = new byte[seq.length];
    lex.features(seq, 0, seq.length, f, 0);
    assertThat(f).containsExactly(
        (byte) 0,
        bits(0, 3), // 12 and 123456 (length 6: the 5+ bucket) start here
        bits(4, 1), // 12 ends, 234 starts
        (byte) 0,
        bits(5), // 234 ends
        (byte) 0,
        bits(7), // 123456 ends
        (byte) 0); // the last 1 has no 2 after it
    // only within the sequence given
    byte[] g = new byte[3];
    lex.features(seq, 1, 2, g, 1);
    assertThat(g).containsExactly((byte) 0, bits(0), bits(4));
  }

  /** The running hashes of prefixes find exactly the words a lookup of every substring finds. */
  @Test
  void featuresEqualALookupOfEverySubstring() {
    SplittableRandom r = new SplittableRandom(3);
    int[] seq = new int[500];
    for (int i = 0; i < seq.length; i++) {
      seq[i] = r.nextInt(6);
    }
    Lexicon lex = lexiconOf(seq, 4);
    byte[] fast = new byte[seq.length];
    lex.features(seq, 0, seq.length, fast, 0);
    byte[] plain = new byte[seq.length];
    for (int i = 0; i < seq.length; i++) {
      for (int len = 2; len <= Lexicon.MAX_LENGTH && i + len <= seq.length; len++) {
        if (lex.contains(seq, i, len)) {
          int bucket = Math.min(len, 5) - 2;
          plain[i] |= (byte) (1 << bucket);
          plain[i + len - 1] |= (byte) (1 << (4 + bucket));
        }
      }
    }
    assertThat(fast).containsExactly(plain);
    int marked = 0;
    for (byte b : fast) {
      marked += b != 0 ? 1 : 0;
    }
    assertThat(marked).as("characters with a feature").isGreaterThan(100);
  }

  @Test
  void withAddsOnlyWordsItDoesNotHoldEachOnce() {
    Lexicon lex = Lexicon.of(List.of(new int[] {1, 2}, new int[] {3, 4, 5}));
    Lexicon more = lex.with(List.of(new int[] {3, 4, 5}, new int[] {6, 7}, new int[] {6, 7}, new int[] {1, 2, 3}));
    assertThat(more.size()).isEqualTo(4);
    assertThat(more.words()).containsExactly(2, 1, 2, 3, 3, 4, 5, 2, 6, 7, 3, 1, 2, 3);
    assertThat(more.contains(new int[] {6, 7}, 0, 2)).isTrue();
    assertThat(lex.contains(new int[] {6, 7}, 0, 2)).isFalse();
  }

  @Test
  void wordsAddedAfterTrainingAreKnownAsSuchAndKeepThatThroughTheirFlatForm() {
    Lexicon lex = Lexicon.of(List.of(new int[] {1, 2}, new int[] {3, 4, 5}));
    assertThat(lex.trained()).isEqualTo(2);
    Lexicon more = lex.with(List.of(new int[] {6, 7})).with(List.of(new int[] {1, 2}, new int[] {8, 9, 1}));
    assertThat(more.trained()).isEqualTo(2);
    assertThat(more.size()).isEqualTo(4);
    assertThat(more.isAdded(new int[] {6, 7}, 0, 2)).isTrue();
    assertThat(more.isAdded(new int[] {0, 8, 9, 1}, 1, 3)).isTrue();
    assertThat(more.isAdded(new int[] {1, 2}, 0, 2)).isFalse(); // trained: held, not added again
    assertThat(lex.isAdded(new int[] {6, 7}, 0, 2)).isFalse();
    Lexicon back = new Lexicon(more.words(), more.trained());
    assertThat(back.isAdded(new int[] {6, 7}, 0, 2)).isTrue();
    assertThat(back.isAdded(new int[] {3, 4, 5}, 0, 3)).isFalse();
    assertThat(new Lexicon(more.words()).isAdded(new int[] {6, 7}, 0, 2)).isFalse(); // all trained
    assertThatThrownBy(() -> new Lexicon(more.words(), -1)).hasMessageContaining("negative");
  }

  @Test
  void wordsRoundTripThroughTheirFlatForm() {
    Lexicon lex = Lexicon.of(List.of(new int[] {1, 2}, new int[] {3, 4, 5}));
    assertThat(lex.words()).containsExactly(2, 1, 2, 3, 3, 4, 5);
    Lexicon back = new Lexicon(lex.words());
    assertThat(back.contains(new int[] {3, 4, 5}, 0, 3)).isTrue();
    assertThat(back.contains(new int[] {3, 4}, 0, 2)).isFalse();
    assertThat(back.contains(new int[] {0, 1, 2}, 1, 2)).isTrue();
  }

  @Test
  void damagedWordListsAreRefused() {
    assertThatThrownBy(() -> new Lexicon(new int[] {1, 5})).hasMessageContaining("has length 1");
    assertThatThrownBy(() -> new Lexicon(new int[] {7, 1, 2, 3, 4, 5, 6, 7})).hasMessageContaining("has length 7");
    assertThatThrownBy(() -> new Lexicon(new int[] {3, 1, 2})).hasMessageContaining("runs past the end");
  }

  @Test
  void aNetworkWithLexiconFeaturesNeedsALexiconAndTheConfigSaysHowManyFeatures() {
    NetworkConfig c = GradientCheckTest.bigramConfig(1f);
    assertThat(c.withLexiconDim(Lexicon.FEATURES).inputDim()).isEqualTo(c.inputDim() + Lexicon.FEATURES);
    assertThatThrownBy(() -> c.withLexiconDim(3)).hasMessageContaining("lexiconDim must be 0 or 8");
    assertThatThrownBy(() -> new Network(c.withLexiconDim(Lexicon.FEATURES), GradientCheckTest.bigrams()))
        .hasMessageContaining("lexicon does not fit");
    assertThatThrownBy(() -> new Network(c, GradientCheckTest.bigrams(), Lexicon.of(List.of(new int[] {1, 2}))))
        .hasMessageContaining("lexicon does not fit");
  }

  @Test
  void featuresGivenWithTheBatchReplaceTheNetworksOwn() {
    Network net = new Network(GradientCheckTest.bigramConfig(1f).withLexiconDim(Lexicon.FEATURES),
        GradientCheckTest.bigrams(), Lexicon.of(List.of(new int[] {1, 2}, new int[] {2, 3, 4})));
    net.initialise(5);
    int[] seq = {1, 2, 3, 4, 5};
    PackedBatch own = PackedBatch.of(net.pad(), seq);
    byte[] f = new byte[seq.length];
    net.lexicon().features(seq, 0, seq.length, f, 0);
    PackedBatch given = own.withLexiconFeatures(List.of(f));
    assertThat(net.forward(Parallel.SERIAL, given, null).logits())
        .containsExactly(net.forward(Parallel.SERIAL, own, null).logits());
    PackedBatch none = own.withLexiconFeatures(List.of(new byte[seq.length]));
    assertThat(net.forward(Parallel.SERIAL, none, null).logits())
        .isNotEqualTo(net.forward(Parallel.SERIAL, own, null).logits());
    assertThatThrownBy(() -> own.withLexiconFeatures(List.of(new byte[2]))).hasMessageContaining("features 2");
  }

  /** Words of lengths 2 to 6 cut from a random sequence, so that the lexicon finds some everywhere. */
  static Lexicon lexiconOf(int[] seq, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<int[]> words = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int len = 2 + r.nextInt(Lexicon.MAX_LENGTH - 1);
      int from = r.nextInt(seq.length - len);
      words.add(java.util.Arrays.copyOfRange(seq, from, from + len));
    }
    return Lexicon.of(words);
  }
}
