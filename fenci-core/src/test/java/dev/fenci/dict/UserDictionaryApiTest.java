package dev.fenci.dict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.Segmenter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the dictionary API says to a caller who gets it wrong. */
class UserDictionaryApiTest {
  @Test
  void nullsAreNamedAndWhitespaceAroundAWordIsDropped() {
    UserDictionary d = UserDictionary.empty();
    assertThatThrownBy(() -> d.add((Entry) null)).isInstanceOf(NullPointerException.class).hasMessage("entry to add is null");
    assertThatThrownBy(() -> d.addAll(Arrays.asList(new Entry("好", 2), null))).hasMessage("an entry to add is null");
    assertThatThrownBy(() -> d.addAll(null)).hasMessage("entries to add are null");
    assertThatThrownBy(() -> UserDictionary.load((Path) null)).hasMessage("a dictionary file is null");
    assertThatThrownBy(() -> d.watch(null)).hasMessage("watch period is null");
    assertThatThrownBy(() -> d.watch(Duration.ofSeconds(Long.MAX_VALUE))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from 1 ms to a year");
    assertThatThrownBy(() -> d.watch(Duration.ofSeconds(-Long.MAX_VALUE))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Segmenter.load((String) null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("model name is null");
    // as a file's line " 微信号 ,10" is the word 微信号, so is an added " 微信号 " (it had taken the spaces in)
    assertThat(new Entry(" 微信号 ", 10).word()).isEqualTo("微信号");
    d.add(" 微信号 ", 10);
    assertThat(Segmenter.load().withDictionary(d).segment("关注 微信号 吧")).containsExactly("关注", " ", "微信号", " ", "吧");
    assertThat(new Entry("\u00A0微信号\u200B\u3000", 1).word()).isEqualTo("微信号"); // what the segmenter takes for space
    d.remove(" 微信号 "); // undoes the add, written the same way
    assertThat(d.snapshot().size()).isZero();
  }

  @Test
  void anEntryRefusesHalfASurrogatePairAndANonPositiveMultiplier() {
    assertThatThrownBy(() -> new Entry("a\uD840", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+D840 at character 2");
    assertThatThrownBy(() -> new Entry("\uDC00a", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+DC00 at character 1");
    assertThat(new Entry("\uD840\uDC00", 1).word()).isEqualTo("\uD840\uDC00");
    assertThatThrownBy(() -> new Entry("好", 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> new Entry("好", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Entry("好", 1e300).isForced()).isFalse();
    assertThat(Entry.forced("好").isForced()).isTrue();
  }

  /** remove refuses what add refuses (it had accepted an empty or blank word silently, removing nothing). */
  @Test
  void removingAWordThatAddRefusesIsRefused() {
    UserDictionary d = UserDictionary.empty();
    d.add("微信号", 10);
    assertThatThrownBy(() -> d.remove("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> d.remove(" \u3000 ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whitespace");
    assertThatThrownBy(() -> d.remove("   ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whitespace");
    assertThatThrownBy(() -> d.remove("\u0301中")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0301");
    assertThatThrownBy(() -> d.remove(null)).isInstanceOf(NullPointerException.class).hasMessage("word to remove is null");
    assertThatThrownBy(() -> d.add("", 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThat(d.snapshot().entries()).containsOnlyKeys("微信号");
    d.remove(" 微信号\u3000"); // the whitespace around a word is still dropped
    assertThat(d.snapshot().size()).isZero();
  }

  /**
   * A word beginning with a combining mark or variation selector could never match (the mark
   * belongs to the character before it, and no occurrence starts at one): refused, saying why.
   */
  @Test
  void anEntryBeginningWithACombiningMarkIsRefused() {
    for (String w : new String[] {"\u0301中", "\uFE0F天安门", " \u0301中", "\uDB40\uDD00中"}) {
      assertThatThrownBy(() -> new Entry(w, 10)).as(w).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("combining mark or variation selector").hasMessageContaining("never match");
      assertThatThrownBy(() -> UserDictionary.empty().add(w, 10)).as(w).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new Entry("\u0301中", 10)).hasMessageContaining("U+0301");
    assertThatThrownBy(() -> new Entry("\uDB40\uDD00中", 10)).hasMessageContaining("U+E0100");
    // a mark after the first character is fine: it belongs to the word's own character
    assertThat(new Entry("e\u0301t\u00E9", 10).word()).isEqualTo("e\u0301t\u00E9");
    assertThat(new Entry("北京\uFE0F", 10).word()).isEqualTo("北京\uFE0F");
  }

  @Test
  void aWatchPeriodMayBeFromOneMillisecondToAYear() {
    for (Duration period : new Duration[] {Duration.ofMillis(1), Duration.ofDays(365)}) {
      try (UserDictionary d = UserDictionary.empty()) {
        d.watch(period);
      }
    }
    try (UserDictionary d = UserDictionary.empty()) {
      assertThatThrownBy(() -> d.watch(Duration.ofDays(365).plusMillis(1))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> d.watch(Duration.ofNanos(999_999))).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** A watched dictionary of one file, {@code 描二}; {@link #rewrite} changes it to {@code 维码}. */
  private static UserDictionary watchable(java.nio.file.Path file) throws Exception {
    java.nio.file.Files.writeString(file, "描二,2\n");
    return UserDictionary.load(java.util.List.of(file), false, null);
  }

  /** The file's new entry, with a modification time no check can take for the old one's. */
  private static void rewrite(java.nio.file.Path file) throws Exception {
    java.nio.file.Files.writeString(file, "维码,2\n");
    java.nio.file.Files.setLastModifiedTime(file,
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
  }

  /** Waits up to 10 s for the reload, doing {@code meanwhile} between looks, and asserts it came. */
  private static void awaitReload(UserDictionary d, Runnable meanwhile, long pauseMillis) throws Exception {
    long until = System.currentTimeMillis() + 10_000;
    while (!d.snapshot().entries().containsKey("维码") && System.currentTimeMillis() < until) {
      meanwhile.run();
      Thread.sleep(pauseMillis);
    }
    assertThat(d.snapshot().entries()).containsOnlyKeys("维码");
  }

  /** A second watch changes the period: a year, then 20 ms, and a changed file is picked up at once. */
  @Test
  void watchingAgainChangesThePeriod(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("w.dict");
    try (UserDictionary d = watchable(file)) {
      d.watch(Duration.ofDays(365));
      d.watch(Duration.ofMillis(20));
      rewrite(file);
      awaitReload(d, () -> {}, 10);
    }
  }

  /** Watching again at the same period, more often than the period, leaves the checks running. */
  @Test
  void watchingAgainAtTheSamePeriodKeepsTheSchedule(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("w.dict");
    try (UserDictionary d = watchable(file)) {
      d.watch(Duration.ofMillis(200));
      rewrite(file);
      awaitReload(d, () -> d.watch(Duration.ofMillis(200)), 50); // a reschedule each time would never check
    }
  }
}
