package dev.fenci.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A snapshot changed entry by entry equals the snapshot built from scratch with the same entries. */
class DictionarySnapshotTest {
  /** Common characters, with two that fold to others (們 to 们, Ａ to A): such words are one entry. */
  private static String word(SplittableRandom r) {
    String chars = "的一是在不了有和人这中大为上个国我以要他們们ＡA";
    StringBuilder b = new StringBuilder();
    for (int k = 1 + r.nextInt(3); k > 0; k--) {
      b.append(chars.charAt(r.nextInt(chars.length())));
    }
    return b.toString();
  }

  /** @param expected the entries by folded word */
  private static void assertSame(DictionarySnapshot changed, Map<String, Entry> expected, SplittableRandom r) {
    DictionarySnapshot fresh = DictionarySnapshot.of(expected.values());
    assertThat(changed.size()).isEqualTo(expected.size());
    Map<String, Entry> byWord = new HashMap<>();
    expected.values().forEach(e -> byWord.put(e.word(), e));
    assertThat(changed.entries()).isEqualTo(byWord);
    for (int t = 0; t < 3; t++) {
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < 20; k++) {
        text.append(word(r));
      }
      assertThat(changed.matches(text)).containsExactlyInAnyOrderElementsOf(fresh.matches(text));
      List<String> applied = new ArrayList<>();
      changed.forEachMatch(text, (s, e, log) -> applied.add(s + ":" + e + ":" + log));
      List<String> direct = new ArrayList<>();
      fresh.forEachMatch(text, (s, e, log) -> direct.add(s + ":" + e + ":" + log));
      assertThat(applied).containsExactlyInAnyOrderElementsOf(direct);
    }
  }

  @Test
  void changesOneByOneGiveWhatARebuildGives() {
    for (long seed = 1; seed <= 4; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      Map<String, Entry> expected = new HashMap<>();
      for (int i = 0; i < (seed % 2 == 0 ? 0 : 3000); i++) {
        String w = word(r);
        expected.put(Folding.key(w), new Entry(w, 1 + r.nextInt(20)));
      }
      DictionarySnapshot snap = DictionarySnapshot.of(expected.values());
      // enough changes to pass the overlay's limit, so that it is rebuilt on the way
      for (int op = 0; op < 1200; op++) {
        String w = word(r);
        int kind = r.nextInt(10);
        if (kind < 3) {
          expected.remove(Folding.key(w));
          snap = snap.with(List.of(), List.of(w));
        } else if (kind < 4) {
          List<Entry> batch = new ArrayList<>();
          for (int k = 0; k < 5; k++) {
            String b = word(r);
            batch.add(new Entry(b, r.nextInt(3) == 0 ? Double.POSITIVE_INFINITY : 0.5 + r.nextInt(10)));
          }
          batch.forEach(e -> expected.put(Folding.key(e.word()), e));
          snap = snap.with(batch, List.of());
        } else {
          Entry e = new Entry(w, 0.01 + r.nextInt(30));
          expected.put(Folding.key(w), e);
          snap = snap.with(List.of(e), List.of());
        }
        if (op % 100 == 0) {
          assertSame(snap, expected, r);
        }
      }
      assertSame(snap, expected, r);
    }
  }

  @Test
  void aWordRemovedAndAddedAgainIsFoundOnceWithItsNewMultiplier() {
    DictionarySnapshot snap = DictionarySnapshot.of(List.of(new Entry("微信号", 10), new Entry("二维码", 10)));
    snap = snap.with(List.of(), List.of("微信号"));
    assertThat(snap.matches("关注微信号")).isEmpty();
    assertThat(snap.size()).isEqualTo(1);
    snap = snap.with(List.of(new Entry("微信号", 0.01)), List.of());
    assertThat(snap.matches("关注微信号")).containsExactly(new DictionarySnapshot.Match(2, 5, 0.01));
    assertThat(snap.size()).isEqualTo(2);
    assertThat(new HashSet<>(snap.entries().keySet())).containsExactlyInAnyOrder("微信号", "二维码");
  }

  @Test
  void entriesThatDifferOnlyInHowTheirCharactersAreWrittenAreOneEntryTheLaterWinning() {
    DictionarySnapshot snap = DictionarySnapshot.of(List.of(new Entry("ABC公司", 10), new Entry("臺灣", 5),
        new Entry("ＡＢＣ公司", 2)));
    assertThat(snap.size()).isEqualTo(2);
    assertThat(snap.entries()).containsOnlyKeys("ＡＢＣ公司", "臺灣");
    assertThat(snap.matches("ABC公司在台湾")).containsExactly(new DictionarySnapshot.Match(0, 5, 2),
        new DictionarySnapshot.Match(6, 8, 5));
    snap = snap.with(List.of(new Entry("台湾", 0.5)), List.of("abc公司", "ABC公司"));
    assertThat(snap.entries()).containsOnlyKeys("台湾");
    assertThat(snap.matches("ＡＢＣ公司在臺灣")).containsExactly(new DictionarySnapshot.Match(6, 8, 0.5));
  }

  @Test
  void nullArgumentsAreNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DictionarySnapshot.of(null))
        .isInstanceOf(NullPointerException.class).hasMessage("entries are null");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DictionarySnapshot.of(java.util.Arrays.asList(new Entry("好", 2), null)))
        .isInstanceOf(NullPointerException.class).hasMessage("entry 1 of the collection is null");
    DictionarySnapshot snap = DictionarySnapshot.of(List.of(new Entry("好", 2)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> snap.matches(null))
        .isInstanceOf(NullPointerException.class).hasMessage("text is null");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DictionarySnapshot.EMPTY.matches(null))
        .isInstanceOf(NullPointerException.class).hasMessage("text is null");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> snap.forEachMatch("好", null))
        .isInstanceOf(NullPointerException.class).hasMessage("consumer is null");
  }
}
