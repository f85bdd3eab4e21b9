package dev.fenci.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.TestModels;
import dev.fenci.dict.DictionarySnapshot;
import dev.fenci.dict.Entry;
import dev.fenci.model.Model;
import dev.fenci.nn.Lexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * With a model that reads lexicon features, the words of a user dictionary (multiplier 1 or more,
 * inside one chunk) reach the network as lexicon words: the same as if the model's lexicon held them.
 */
class DictionaryLexiconTest {
  @Test
  void aDictionaryWordIsReadAsIfTheModelsLexiconHeldIt() {
    int changedSeeds = 0;
    for (long seed = 1; seed <= 5; seed++) {
      Model m = TestModels.randomWithLexicon(seed);
      int[] cps = m.vocabulary().codePoints();
      SplittableRandom r = new SplittableRandom(seed);
      List<String> extra = new ArrayList<>();
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int length = 2 + r.nextInt(Lexicon.MAX_LENGTH - 1);
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < length; j++) {
          s.appendCodePoint(cps[r.nextInt(8)]); // a few characters: the words occur in the texts below
        }
        extra.add(s.toString());
        entries.add(new Entry(s.toString(), 1)); // multiplier 1: the lexicon features only
      }
      Model withWords = m.withLexiconWords(extra, "test words");
      assertThat(withWords.network().params()).isEqualTo(m.network().params()); // shared, not copied
      List<String> texts = texts(cps, r);
      DictionarySnapshot dict = DictionarySnapshot.of(entries);
      List<int[]> viaDictionary = new Decoder(m).wordEnds(texts, dict);
      List<int[]> viaLexicon = new Decoder(withWords).wordEnds(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(viaDictionary.get(i)).as("seed %d, %s", seed, texts.get(i)).containsExactly(viaLexicon.get(i));
      }
      // the same on the path of texts too long for one pass (decoded window by window)
      String longText = String.join("", texts);
      assertThat(shortWindows(m).wordEnds(List.of(longText), dict).get(0)).as("seed %d, long", seed)
          .containsExactly(shortWindows(withWords).wordEnds(List.of(longText)).get(0));
      List<int[]> plain = new Decoder(m).wordEnds(texts);
      for (int i = 0; i < texts.size(); i++) {
        if (!java.util.Arrays.equals(plain.get(i), viaDictionary.get(i))) {
          changedSeeds++;
          break;
        }
      }
    }
    // and the words do change the segmentation of these small random models (or the test would
    // prove nothing): in most of the seeds
    assertThat(changedSeeds).isGreaterThanOrEqualTo(3);
  }

  /**
   * With a word language model too: the words told to the network, in its lexicon or by a
   * dictionary, are words the word model has seen once (it never saw them), either way alike.
   */
  @Test
  void withAWordModelTooADictionaryWordIsReadAsAnAddedLexiconWord() {
    for (long seed = 1; seed <= 3; seed++) {
      Model m = TestModels.randomWithLexicon(seed);
      int[] cps = m.vocabulary().codePoints();
      SplittableRandom r = new SplittableRandom(seed);
      List<List<int[]>> seqs = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        List<int[]> seq = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
          int[] w = new int[1 + r.nextInt(2)];
          for (int j = 0; j < w.length; j++) {
            w[j] = 1 + r.nextInt(8);
          }
          seq.add(w);
        }
        seqs.add(seq);
      }
      Model withLm = m.withWordModel(dev.fenci.model.WordLanguageModel.build(
          new dev.fenci.model.WordLanguageModel.Settings(0.5, 0, 2, 0.75, 0.4), seqs, m.vocabulary().size()));
      List<String> extra = new ArrayList<>();
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        StringBuilder w = new StringBuilder();
        for (int j = 3 + r.nextInt(Lexicon.MAX_LENGTH - 2); j > 0; j--) { // 3+: the word model never saw them
          w.appendCodePoint(cps[r.nextInt(8)]);
        }
        extra.add(w.toString());
        entries.add(new Entry(w.toString(), 1));
      }
      List<String> texts = texts(cps, r);
      DictionarySnapshot dict = DictionarySnapshot.of(entries);
      List<int[]> viaDictionary = new Decoder(withLm).wordEnds(texts, dict);
      List<int[]> viaLexicon = new Decoder(withLm.withLexiconWords(extra, "test words")).wordEnds(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(viaDictionary.get(i)).as("seed %d, %s", seed, texts.get(i)).containsExactly(viaLexicon.get(i));
      }
    }
  }

  @Test
  void entriesBelowOneAreNotLexiconWords() {
    Model m = TestModels.randomWithLexicon(1);
    int[] cps = m.vocabulary().codePoints();
    SplittableRandom r = new SplittableRandom(1);
    List<String> texts = texts(cps, r);
    List<Entry> atOne = new ArrayList<>();
    List<Entry> justBelow = new ArrayList<>();
    for (String t : texts.subList(0, 40)) {
      String w = t.substring(0, Math.min(4, t.length())).replace("，", "");
      if (w.length() >= 2 && w.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
        atOne.add(new Entry(w, 1));
        justBelow.add(new Entry(w, 0.999999)); // a score change far too small to matter
      }
    }
    List<int[]> plain = new Decoder(m).wordEnds(texts);
    List<int[]> below = new Decoder(m).wordEnds(texts, DictionarySnapshot.of(justBelow));
    List<int[]> one = new Decoder(m).wordEnds(texts, DictionarySnapshot.of(atOne));
    int changedByOne = 0;
    for (int i = 0; i < texts.size(); i++) {
      assertThat(below.get(i)).as(texts.get(i)).containsExactly(plain.get(i));
      changedByOne += java.util.Arrays.equals(one.get(i), plain.get(i)) ? 0 : 1;
    }
    assertThat(changedByOne).as("the same words at multiplier 1 change something").isPositive();
  }

  @Test
  void entriesAcrossAChunkEdgeAreNotLexiconWords() {
    Model m = TestModels.randomWithLexicon(7);
    int[] cps = m.vocabulary().codePoints();
    SplittableRandom r = new SplittableRandom(7);
    List<String> texts = texts(cps, r);
    List<Entry> across = new ArrayList<>();
    for (String t : texts) {
      int comma = t.indexOf('，');
      if (comma >= 2 && comma + 3 <= t.length()) {
        String w = t.substring(comma - 2, comma + 3);
        if (w.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
          across.add(new Entry(w, 1));
        }
      }
    }
    assertThat(across).isNotEmpty();
    // multiplier 1 adds nothing to the tag scores: with no lexicon features either, nothing changes
    assertThat(new Decoder(m).wordEnds(texts, DictionarySnapshot.of(across)))
        .usingRecursiveFieldByFieldElementComparator().isEqualTo(new Decoder(m).wordEnds(texts));
  }

  @Test
  void windowsDoNotChangeWhatTheDictionaryWordsMark() {
    Model m = TestModels.randomWithLexicon(3);
    int[] cps = m.vocabulary().codePoints();
    SplittableRandom r = new SplittableRandom(3);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      b.appendCodePoint(cps[r.nextInt(8)]);
    }
    String text = b.toString();
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      int at = r.nextInt(text.length() - 8);
      entries.add(new Entry(text.substring(at, at + 2 + r.nextInt(7)), i % 2 == 0 ? 1 : 3)); // up to 8 long
    }
    DictionarySnapshot dict = DictionarySnapshot.of(entries);
    int[] whole = new Decoder(m.network(), m.vocabulary(), m.rules(), 100_000, Decoder.LONG, Decoder.MARGIN)
        .wordEnds(List.of(text), dict).get(0);
    assertThat(whole).isNotEqualTo(new Decoder(m).wordEnds(text));
    for (int w : new int[] {1, 7, 64, 2048}) {
      assertThat(new Decoder(m.network(), m.vocabulary(), m.rules(), w, Decoder.LONG, Decoder.MARGIN)
          .wordEnds(List.of(text), dict).get(0)).as("window %d", w).containsExactly(whole);
    }
  }

  /** A decoder of {@code m} that decodes texts longer than 300 characters window by window. */
  private static Decoder shortWindows(Model m) {
    return new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), 64, 300, 100);
  }

  /** The model with the same weights and these words added to its lexicon. */
  /** Random texts over the first few characters, cut by commas, with characters outside the BMP. */
  private static List<String> texts(int[] cps, SplittableRandom r) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StringBuilder b = new StringBuilder();
      int n = 5 + r.nextInt(40);
      for (int j = 0; j < n; j++) {
        int k = r.nextInt(20);
        // commas cut chunks; a character outside the BMP (two UTF-16 units) shifts the offsets
        b.appendCodePoint(k < 2 ? '，' : k == 2 ? 0x20000 + r.nextInt(3) : cps[r.nextInt(8)]);
      }
      texts.add(b.toString());
    }
    return texts;
  }
}
