package dev.fenci.dict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.Segmenter;
import dev.fenci.TestModels;
import dev.fenci.text.TextRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictionarySegmentationTest {
  private static final Segmenter DEFAULT = Segmenter.load();
  private static final String SEED = "扫描二维码，关注微信号。";

  @TempDir
  Path dir;

  private static Segmenter with(Segmenter s, Entry... entries) {
    UserDictionary d = UserDictionary.empty();
    d.addAll(List.of(entries));
    return s.withDictionary(d);
  }

  @Test
  void theSeedExample() {
    List<String> plain = DEFAULT.segment(SEED);
    List<String> withDict = with(DEFAULT, new Entry("微信号", 10)).segment(SEED);
    assertThat(String.join("", plain)).isEqualTo(SEED);
    assertThat(withDict).contains("微信号", "，", "。");
  }

  @Test
  void aMultiplierBelowOnePushesAJoinedWordApart() {
    List<String> plain = DEFAULT.segment(SEED);
    String joined = plain.stream().filter(w -> w.length() >= 2).findFirst().orElseThrow();
    List<String> pushed = with(DEFAULT, new Entry(joined, 1e-6)).segment(SEED);
    assertThat(pushed).doesNotContain(joined);
    assertThat(String.join("", pushed)).isEqualTo(SEED);
  }

  @Test
  void overlappingForcedEntriesLeftmostLongestWins() {
    List<String> w = with(DEFAULT, Entry.forced("扫描二"), Entry.forced("二维码"), Entry.forced("描二维")).segment(SEED);
    assertThat(w).contains("扫描二").doesNotContain("二维码", "描二维");
    List<String> w2 = with(DEFAULT, Entry.forced("二维"), Entry.forced("二维码")).segment(SEED);
    assertThat(w2).contains("二维码");
  }

  @Test
  void overlappingFiniteEntriesAllApply() {
    List<String> w = with(DEFAULT, new Entry("描二", 1e6), new Entry("维码", 1e6)).segment(SEED);
    assertThat(w).contains("描二", "维码");
  }

  /**
   * Two entries whose occurrences cross: scaling the tags of both rewarded their union, a word
   * that is neither ({@code 北京大学生 物系}, {@code 关注微信公众号}); the one with the larger
   * multiplier applies, on a tie neither (the network chooses).
   */
  @Test
  void ofTwoCrossingEntriesTheLargerMultiplierAppliesOnATieNeither() {
    for (double m : new double[] {10, 1000}) {
      Segmenter s = with(DEFAULT, new Entry("北京大学", m), new Entry("大学生", m), new Entry("关注微信", m),
          new Entry("微信公众号", m));
      // neither applies: the network's own words (北京 大学 生物系 since the forty-ninth session's model, 北京大学 before)
      assertThat(s.segment("北京大学生物系")).as("%s", m).isEqualTo(DEFAULT.segment("北京大学生物系"))
          .doesNotContain("北京大学生", "大学生");
      assertThat(s.segment("关注微信公众号。")).as("%s", m).doesNotContain("关注微信公众号")
          .containsAnyOf("关注微信", "微信公众号");
    }
    // the larger multiplier wins
    assertThat(with(DEFAULT, new Entry("北京大学", 10), new Entry("大学生", 1000)).segment("北京大学生物系"))
        .contains("大学生");
    // nested entries do not cross: the longer one applies with the shorter inside it
    assertThat(with(DEFAULT, new Entry("北京", 1000), new Entry("北京大学", 1000)).segment("北京大学生物系"))
        .contains("北京大学");
  }

  /**
   * Past the bound on the crossing occurrences a line stores (hundreds nested over a long run),
   * those that cross are still not both applied: the union did not come back, nor did a run of
   * laughter on another line of the text change this line's words.
   */
  @Test
  void crossingEntriesStayResolvedPastTheBoundOnStoredOccurrences() {
    List<Entry> entries = new ArrayList<>(List.of(new Entry("北京大学", 1000), new Entry("大学生", 1000)));
    for (int k = 2; k <= 10; k++) {
      entries.add(new Entry("哈".repeat(k), 2)); // 9 occurrences a character: past the bound of 8
    }
    Segmenter s = with(DEFAULT, entries.toArray(Entry[]::new));
    List<String> own = DEFAULT.segment("北京大学生物系"); // neither applies: the network's own words
    assertThat(s.segment("北京大学生物系")).isEqualTo(own).doesNotContain("北京大学生", "大学生");
    List<String> words = s.segment("北京大学生物系\n" + "哈".repeat(3000));
    assertThat(words.subList(0, own.size())).isEqualTo(own);
    assertThat(String.join("", words)).isEqualTo("北京大学生物系\n" + "哈".repeat(3000));
  }

  @Test
  void forcedEntriesWithPunctuationDigitsAndSpacesStayWhole() {
    Segmenter s = with(DEFAULT, Entry.forced("iPhone 15 Pro"), Entry.forced("C++"), Entry.forced("3.14"),
        Entry.forced("U盘"), Entry.forced("A股"), Entry.forced("Yahoo!"));
    assertThat(s.segment("我买了iPhone 15 Pro手机")).contains("iPhone 15 Pro");
    assertThat(s.segment("我在学C++。")).contains("C++");
    assertThat(s.segment("圆周率是3.14左右")).contains("3.14");
    assertThat(s.segment("用U盘拷A股数据")).contains("U盘", "A股");
    assertThat(s.segment("他在Yahoo!!工作")).contains("Yahoo!");
    assertThat(String.join("", s.segment("他在Yahoo!!工作"))).isEqualTo("他在Yahoo!!工作");
  }

  @Test
  void anEntryMatchesFullWidthAndTraditionalFormsOfItsWord() {
    Segmenter s = with(DEFAULT, Entry.forced("ABC公司"), Entry.forced("臺積電"), Entry.forced("iPhone 15"),
        new Entry("描二", 1e6));
    assertThat(s.segment("我在ＡＢＣ公司上班")).contains("ＡＢＣ公司");
    assertThat(s.segment("台积电和臺積電都在扩产")).contains("台积电", "臺積電");
    assertThat(s.segment("新的ｉＰｈｏｎｅ　１５来了")).contains("ｉＰｈｏｎｅ　１５");
    // every kind of space is a space: the no-break space of web pages, a thin space
    assertThat(s.segment("新的iPhone\u00A015来了")).contains("iPhone\u00A015");
    assertThat(s.segment("新的iPhone\u200915来了")).contains("iPhone\u200915");
    assertThat(s.segment("掃描二維碼")).contains("描二");
    UserDictionary d = UserDictionary.empty();
    d.add("臺積電", Double.POSITIVE_INFINITY);
    d.remove("台积电");
    assertThat(d.snapshot().size()).isZero();
  }

  /**
   * The default model decodes with a word language model, which never saw a dictionary's word:
   * it counts it as a word seen once, not as an unseen string to spell (which pushed it apart:
   * {@code DEF集团,10} gave {@code DEF 集团}).
   */
  @Test
  void theWordModelDoesNotPushADictionaryWordApart() {
    Segmenter s = with(DEFAULT, new Entry("DEF集团", 10));
    assertThat(s.segment("他在DEF集团工作")).contains("DEF集团");
    assertThat(s.segment("DEF集团成立了")).contains("DEF集团");
    assertThat(DEFAULT.segment("他在DEF集团工作")).doesNotContain("DEF集团");
  }

  @Test
  void anEntryAcrossACutWithAMultiplierAboveOneIsKeptWhole() {
    assertThat(with(DEFAULT, new Entry("iPhone 15", 5)).segment("新的iPhone 15来了")).contains("iPhone 15");
    assertThat(with(DEFAULT, new Entry("iPhone 15", 0.5)).segment("新的iPhone 15来了")).doesNotContain("iPhone 15");
  }

  @Test
  void noEntryCutsAWordThatTheRulesKeepWhole() {
    // an address, an emoji, a kana run, an ellipsis: entries inside them or across their edges are ignored there
    Segmenter s = with(DEFAULT, Entry.forced("example"), new Entry("com", 1e6), Entry.forced("访问https"),
        Entry.forced("ラー"), Entry.forced("…"), Entry.forced("👍"), new Entry("163", 1e-6));
    String text = "访问https://example.com/a和www.example.com，写信给zhang@163.com，吃ラーメン……👍🏻";
    assertThat(s.segment(text)).contains("https://example.com/a", "www.example.com", "zhang@163.com", "ラーメン", "……",
        "👍🏻");
    // elsewhere the entries apply, inside a run of ASCII letters too (the user's word wins there)
    assertThat(s.segment("example和com，example.com网站")).contains("example", "com", ".com");
  }

  @Test
  void anEntryNeverStartsOrEndsInsideALatinWordOrANumber() {
    Segmenter s = with(DEFAULT, Entry.forced("AI"), new Entry("New York", 2), Entry.forced("cat"), Entry.forced("15"),
        Entry.forced("iPhone"), Entry.forced("Straß"));
    assertThat(s.segment("他在OpenAI工作，发EMAIL给我，MAIL和AI")).contains("OpenAI", "EMAIL", "MAIL", "AI")
        .doesNotContain("EM", "L", "Open");
    assertThat(s.segment("在New York和New Yorker杂志")).contains("New York", "Yorker").doesNotContain("er");
    assertThat(s.segment("concatenate和cat")).contains("concatenate", "cat");
    assertThat(s.segment("２０１５年和2015年，第15届")).containsExactly("２０１５年", "和", "2015年", "，", "第", "15", "届");
    assertThat(s.segment("Straße")).containsExactly("Straße");
    // nor next to a separator inside a number
    Segmenter numbers = with(DEFAULT, Entry.forced("14"), Entry.forced("299"), Entry.forced("30"), Entry.forced("12"));
    assertThat(numbers.segment("圆周率3.14，价格1,299元，19:30开始，2026-12-02")).contains("3.14", "1,299", "19:30", "2026-12-02");
    // and the hyphens of typeset text, which the chunker keeps in the number as it does ASCII's
    assertThat(numbers.segment("2026\u201012\u201002，138\u20110012\u20118000")).contains("2026\u201012\u201002", "138\u20110012\u20118000");
    assertThat(numbers.segment("会议10：30开始")).contains("10：30");
    assertThat(numbers.segment("12~14岁，3~12个")).contains("12~14", "3~12");
    assertThat(with(DEFAULT, Entry.forced("5天")).segment("3~5天").get(0)).startsWith("3~5"); // was 3~ 5天
    assertThat(numbers.segment("第14届")).contains("14");
    // a letter next to a digit is a word's edge: the user's iPhone is cut out of iPhone6Plus, as docs/dictionaries.md says
    assertThat(s.segment("我买了iPhone6Plus")).contains("iPhone");
    // and next to a full stop or a hyphen between letters, which stays with the part before it (docs/dictionaries.md)
    assertThat(with(DEFAULT, Entry.forced("com")).segment("访问example.com网站")).containsExactly("访问", "example.", "com", "网站");
    assertThat(with(DEFAULT, Entry.forced("Fi")).segment("支持Wi-Fi连接")).containsExactly("支持", "Wi-", "Fi", "连接");
    // full-width forms, and a combining mark after the letter before
    assertThat(s.segment("发ＥＭＡＩＬ给我")).doesNotContain("ＡＩ");
    DictionarySnapshot d = DictionarySnapshot.of(List.of(Entry.forced("mon")));
    assertThat(d.matches("Poke\u0301mon")).isEmpty();
    assertThat(d.matches("Poke mon")).hasSize(1);
  }

  @Test
  void aForcedWordOfTheLongestLengthStaysWholeWhereverALongLinesWindowsEnd() throws Exception {
    String chinese = dev.fenci.TestTexts.unpunctuated(60_000);
    String word = chinese.substring(50_000, 50_000 + Entry.MAX_LENGTH);
    Segmenter s = with(Segmenter.of(TestModels.random(TextRules.FOLD, 4)), Entry.forced(word));
    // a stream cuts a line longer than its block (16,384 characters) where its words settle, 512
    // characters before the block's end: the word placed across and around that point
    for (int at = 15_300; at < 16_500; at += 97) {
      String text = chinese.substring(0, at) + word + chinese.substring(at, 40_000);
      assertThat(s.segment(text)).as("at %d", at).contains(word);
      List<String> streamed = new ArrayList<>();
      s.segment(new java.io.StringReader(text), (t, a, b) -> streamed.add(t.substring(a, b)), 1);
      assertThat(streamed).as("stream, at %d", at).contains(word);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Entry(word + "好", 10))
        .hasMessageContaining("longer than 256");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Entry("好\n今", 10)).hasMessageContaining("line break");
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().withChars("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就 ，。、AB12.!𠀀").ofMaxLength(40);
  }

  @Provide
  Arbitrary<List<Entry>> entries() {
    Arbitrary<String> word = Arbitraries.strings().withChars("的一是在不了有和人这中 ，。AB12.!𠀀\u0301\uFE0F").ofMinLength(1).ofMaxLength(4)
        .filter(w -> !w.isBlank() && w.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)) // no half of a pair
        .filter(w -> !dev.fenci.text.Chunker.isCombiningMark(Entry.stripSpace(w).codePointAt(0))); // nor a mark first (refused)
    Arbitrary<Double> mult = Arbitraries.of(1e-6, 0.1, 0.5, 2.0, 10.0, 1e6, Double.POSITIVE_INFINITY);
    return Combinators.combine(word, mult).as(Entry::new).list().ofMaxSize(8);
  }

  @Property(tries = 300)
  void losslessWithRandomDictionaries(@ForAll("text") String text, @ForAll("entries") List<Entry> entries) {
    for (Segmenter base : new Segmenter[] {Segmenter.of(TestModels.random(TextRules.SEED, 1)),
        Segmenter.of(TestModels.random(TextRules.FOLD, 2))}) {
      List<String> words = with(base, entries.toArray(new Entry[0])).segment(text);
      assertThat(String.join("", words)).isEqualTo(text);
      assertThat(words).allMatch(w -> !w.isEmpty());
      dev.fenci.TestTexts.marksAndLineBreaksKeepTheirPlace(words);
    }
  }

  @Test
  void concurrentSegmentationSeesEitherTheOldOrTheNewDictionary() throws Exception {
    Path file = dir.resolve("live.dict");
    Files.writeString(file, "描二,1e6\n", StandardCharsets.UTF_8);
    UserDictionary dict = UserDictionary.load(file);
    Segmenter seg = DEFAULT.withDictionary(dict);
    List<String> inputs = List.of(SEED, "我在扫描二维码", "关注微信号和二维码。", SEED.repeat(5));
    List<List<List<String>>> allowed = new ArrayList<>();
    // the states the dictionary goes through: file only, +维码 forced, -描二
    UserDictionary s1 = UserDictionary.load(file);
    UserDictionary s2 = UserDictionary.load(file);
    s2.add(Entry.forced("维码"));
    UserDictionary s3 = UserDictionary.load(file);
    s3.add(Entry.forced("维码"));
    s3.remove("描二");
    for (String in : inputs) {
      List<List<String>> states = new ArrayList<>();
      for (UserDictionary d : List.of(s1, s2, s3)) {
        states.add(DEFAULT.withDictionary(d).segment(in));
      }
      allowed.add(states);
    }
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> fs = new ArrayList<>();
      // each worker counts down after its first pass: the edits go on until all have read during them
      java.util.concurrent.CountDownLatch everyWorkerRead = new java.util.concurrent.CountDownLatch(8);
      for (int t = 0; t < 8; t++) {
        fs.add(pool.submit(() -> {
          int n = 0;
          while (!stop.get()) {
            for (int i = 0; i < inputs.size(); i++) {
              List<String> got = seg.segment(inputs.get(i));
              assertThat(allowed.get(i)).contains(got);
              n++;
            }
            if (n == inputs.size()) {
              everyWorkerRead.countDown();
            }
          }
          return n;
        }));
      }
      long deadline = System.nanoTime() + 60_000_000_000L;
      for (int round = 0; round < 30 || (everyWorkerRead.getCount() > 0 && System.nanoTime() < deadline); round++) {
        dict.add(Entry.forced("维码"));
        dict.remove("描二");
        dict.reload();
        dict.add("描二", 1e6);
        dict.remove("维码");
      }
      stop.set(true);
      for (Future<Integer> f : fs) {
        assertThat(f.get()).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aForcedEntryTakesTheMarksThatFollowIt() {
    assertThat(with(DEFAULT, Entry.forced("北京")).segment("他去了北京\uFE0F。")).contains("北京\uFE0F");
    assertThat(with(DEFAULT, Entry.forced("北京")).segment("北京\u0301天安门")).startsWith("北京\u0301");
    assertThat(with(DEFAULT, Entry.forced("住在葛")).segment("我住在葛\uDB40\uDD00飾区附近")).contains("住在葛\uDB40\uDD00");
    assertThat(with(DEFAULT, Entry.forced("Poke")).segment("Poke\u0301mon卡片")).noneMatch(w -> w.startsWith("\u0301"));
    // an entry that begins with a mark could never match (no occurrence starts at one): refused, saying so
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Entry.forced("\u0301mon"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never match");
    DictionarySnapshot d = DictionarySnapshot.of(List.of(Entry.forced("北京")));
    assertThat(d.matches("北京\uFE0F")).containsExactly(new DictionarySnapshot.Match(0, 3, Double.POSITIVE_INFINITY));
  }

  @Test
  void noEntrySplitsAKanaOrHangulRunAForcedOneNeither() throws Exception {
    Path file = dir.resolve("k.dict");
    Files.writeString(file, "ソフトウェア,inf\n아이,inf\n", StandardCharsets.UTF_8);
    try (UserDictionary dict = UserDictionary.load(List.of(file), false, null)) {
      assertThat(DEFAULT.withDictionary(dict).segment("ソフトウェアエンジニア和아이유")).contains("ソフトウェアエンジニア", "아이유");
    }
  }

  /**
   * Writes the file whole at once (a new file moved over it), as an editor saves: written in place,
   * the watcher could read it empty between the truncation and the write, and reload 0 entries.
   */
  private void replace(Path file, String content, long modifiedMillis) throws java.io.IOException {
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    // its time set before the move, which keeps it: one change for the watcher to see, not two
    Files.setLastModifiedTime(tmp, java.nio.file.attribute.FileTime.fromMillis(modifiedMillis));
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void watchPicksUpAChangedFile() throws Exception {
    Path file = dir.resolve("w.dict");
    Files.writeString(file, "描二,1e6\n", StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    java.io.PrintStream warnings = new java.io.PrintStream(log, true, StandardCharsets.UTF_8);
    try (UserDictionary dict = UserDictionary.load(List.of(file), false, warnings)) {
      // a bad period is refused with a message and leaves the dictionary free to be watched
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dict.watch(java.time.Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
      dict.watch(java.time.Duration.ofMillis(50));
      // a file that breaks is reported once while it stays broken, and the dictionary before stays
      replace(file, "描二,-1\n", System.currentTimeMillis() + 5_000);
      long until = System.currentTimeMillis() + 10_000;
      while (!log.toString(StandardCharsets.UTF_8).contains("not reloaded") && System.currentTimeMillis() < until) {
        Thread.sleep(20);
      }
      Thread.sleep(300);
      assertThat(log.toString(StandardCharsets.UTF_8).split("not reloaded", -1)).hasSize(2);
      assertThat(dict.snapshot().entries()).containsOnlyKeys("描二");
      replace(file, "维码,inf\n", System.currentTimeMillis() + 10_000);
      long deadline = System.currentTimeMillis() + 10_000;
      while (!dict.snapshot().entries().containsKey("维码") && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(dict.snapshot().entries()).containsOnlyKeys("维码");
      assertThat(DEFAULT.withDictionary(dict).segment(SEED)).contains("维码");
      // the reload is noted, and the checks run on a daemon thread (they keep no JVM alive)
      long noted = System.currentTimeMillis() + 10_000;
      while (!log.toString(StandardCharsets.UTF_8).contains("reloaded (") && System.currentTimeMillis() < noted) {
        Thread.sleep(20);
      }
      Thread.sleep(300); // several checks of the unchanged file: no further note
      assertThat(log.toString(StandardCharsets.UTF_8)).contains("fenci: dictionary reloaded (1 entry)\n");
      assertThat(log.toString(StandardCharsets.UTF_8).split("dictionary reloaded \\(", -1)).hasSize(2);
      assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("fenci-dictionary-watch"))
          .isNotEmpty().allMatch(Thread::isDaemon);
    }
  }
}
