package dev.fenci.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.TestModels;
import dev.fenci.TestTexts;
import dev.fenci.model.Model;
import dev.fenci.tag.Tag;
import dev.fenci.text.TextRules;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecoderTest {
  @Test
  void windowsDoNotChangeTheSegmentationOfALongRun() {
    assertWindowsDoNotMatter(TestModels.random(TextRules.FOLD, 3));
  }

  @Test
  void windowsOverlapByTheDilatedReceptiveRadius() {
    Model m = TestModels.random(TextRules.FOLD, 3, 1, 4, 3);
    assertThat(m.network().receptiveRadius()).isEqualTo(8);
    assertWindowsDoNotMatter(m);
  }

  @Test
  void windowsOverlapByTheRadiusOfLexiconFeatures() {
    Model m = TestModels.randomWithLexicon(3);
    assertThat(m.network().receptiveRadius()).isEqualTo(dev.fenci.nn.Lexicon.MAX_LENGTH - 1 + 3);
    assertWindowsDoNotMatter(m);
  }

  private static void assertWindowsDoNotMatter(Model m) {
    int[] cps = m.vocabulary().codePoints();
    SplittableRandom r = new SplittableRandom(1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      b.appendCodePoint(cps[r.nextInt(cps.length)]);
    }
    String text = b.toString();
    int[] whole = new Decoder(m.network(), m.vocabulary(), m.rules(), 100_000, Decoder.LONG, Decoder.MARGIN).wordEnds(text);
    for (int w : new int[] {1, 7, 64, 2048}) {
      assertThat(new Decoder(m.network(), m.vocabulary(), m.rules(), w, Decoder.LONG, Decoder.MARGIN).wordEnds(text)).as("window %d", w).containsExactly(whole);
    }
  }

  @Test
  void aLongLineDecodedInWindowsEqualsTheWholeLine() throws Exception {
    Model m = dev.fenci.Segmenter.load().model();
    String text = TestTexts.unpunctuated(6000);
    int[] whole = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), m.wordModel(), Decoder.WINDOW, 100_000, 512).wordEnds(text);
    // windows of many sizes put their cuts at every position relative to the words, so words
    // that cross a window's edge are met again and again
    for (int w = 96; w < 96 + 40; w++) {
      int[] windowed = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), m.wordModel(), Decoder.WINDOW, w, 32).wordEnds(text);
      assertThat(windowed).as("windows of %d characters", w).containsExactly(whole);
    }
    // the same with characters outside the BMP (surrogate pairs) among the Chinese
    String supplementary = TestTexts.withSupplementary(text, 5);
    int[] wholeSupplementary = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), m.wordModel(), Decoder.WINDOW, 100_000, 512)
        .wordEnds(supplementary);
    for (int w = 96; w < 96 + 40; w++) {
      int[] windowed = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), m.wordModel(), Decoder.WINDOW, w, 32)
          .wordEnds(supplementary);
      assertThat(windowed).as("windows of %d characters, surrogate pairs", w).containsExactly(wholeSupplementary);
    }
    assertThat(new Decoder(m).wordEnds(TestTexts.unpunctuated(40_000)))
        .containsExactly(new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), m.wordModel(), Decoder.WINDOW, 100_000, 512)
            .wordEnds(TestTexts.unpunctuated(40_000)));
  }

  @Test
  void withLearnedTransitionsALongLineDecodedInWindowsEqualsTheWholeLine() {
    // seed 4's model decodes some of these windows differently when the tag before a window's
    // boundary is left to the context (as before it was carried over)
    for (long seed = 1; seed <= 5; seed++) {
      assertWindowsDecodeAsTheWholeLine(seed, TestTexts.unpunctuated(4000), 260, 100);
    }
    // with characters outside the BMP (surrogate pairs) among the Chinese; this periodic text
    // keeps two of a random model's paths apart for about 60 characters, so a wider margin
    for (long seed = 4; seed <= 5; seed++) {
      assertWindowsDecodeAsTheWholeLine(seed, TestTexts.withSupplementary(TestTexts.unpunctuated(4000), 5), 460, 200);
    }
  }

  @Test
  void withAWordLanguageModelALongLineDecodedInWindowsEqualsTheWholeLine() {
    for (long seed = 1; seed <= 3; seed++) {
      Model m = TestModels.randomCrf(seed);
      // the model's words: the test text cut at random into words of one to three characters
      java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
      int[] cps = TestTexts.unpunctuated(20_000).codePoints().toArray();
      java.util.List<java.util.List<int[]>> seqs = new java.util.ArrayList<>();
      java.util.List<int[]> seq = new java.util.ArrayList<>();
      for (int i = 0; i < cps.length; ) {
        int[] word = new int[Math.min(cps.length - i, r.nextInt(1, 4))];
        for (int j = 0; j < word.length; j++) {
          word[j] = m.vocabulary().read(cps[i++], m.rules());
        }
        seq.add(word);
        if (r.nextInt(20) == 0) {
          seqs.add(seq);
          seq = new java.util.ArrayList<>();
        }
      }
      dev.fenci.model.WordLanguageModel lm = dev.fenci.model.WordLanguageModel.build(
          new dev.fenci.model.WordLanguageModel.Settings(0.5, 0, 2, 0.75, 0.4), seqs, m.vocabulary().size());
      String text = TestTexts.unpunctuated(4000);
      int[] whole = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), lm, Decoder.WINDOW, 100_000, 512)
          .wordEnds(text);
      assertThat(whole).as("the language model changes the words")
          .isNotEqualTo(new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), Decoder.WINDOW, 100_000, 512)
              .wordEnds(text));
      for (int w = 260; w < 260 + 40; w++) {
        int[] windowed = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), lm, Decoder.WINDOW, w, 100)
            .wordEnds(text);
        assertThat(windowed).as("seed %d, windows of %d characters", seed, w).containsExactly(whole);
      }
    }
  }

  /**
   * Flags pair their regional indicators from the left: a window whose context is an odd number of
   * them would pair them across its first word boundary. The word model here knows an 18-character
   * word, so a window reads 19 characters back, unless that would split a pair.
   */
  @Test
  void aWindowThatStartsInARunOfFlagsPairsThemAsTheWholeLine() {
    Model m = TestModels.randomCrf(1);
    int[] longWord = TestTexts.unpunctuated(18).substring(0, 18).codePoints()
        .map(cp -> m.vocabulary().read(cp, m.rules())).toArray();
    dev.fenci.model.WordLanguageModel lm = dev.fenci.model.WordLanguageModel.build(
        dev.fenci.model.WordLanguageModel.Settings.DEFAULT, java.util.List.of(java.util.List.of(longWord)),
        m.vocabulary().size());
    assertThat(lm.longestWord()).isEqualTo(18);
    String flags = "\uD83C\uDDE8\uD83C\uDDF3\uD83C\uDDFA\uD83C\uDDF8".repeat(30); // CN US ...
    String text = "中国" + flags + "好";
    Decoder d = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), lm, Decoder.WINDOW, 100_000, 512);
    for (int pairs = 10; pairs < 60; pairs++) {
      int pos = 2 + 4 * pairs;
      int from = d.contextStart(text, pos, -1);
      if (from >= 2) { // (or the window starts before the flags, between two Chinese characters)
        assertThat((pos - from) % 4).as("regional indicators from %d to %d", from, pos).isZero();
      }
      assertThat(new dev.fenci.text.Chunker(m.rules()).chunk(text.substring(from)))
          .as("a chunk ends at the window's boundary").anyMatch(c -> c.end() == pos - from);
    }
    int[] whole = d.wordEnds(text);
    for (int w = 70; w < 110; w++) {
      int[] windowed = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), lm, Decoder.WINDOW, w, 20)
          .wordEnds(text);
      assertThat(windowed).as("windows of %d characters", w).containsExactly(whole);
    }
  }

  @Test
  void withAWordLanguageModelASettledWordLongerThanTheContextIsReadWhole() throws Exception {
    // a forced dictionary word longer than a window's context before the window's boundary: the
    // word model reads the whole word as the word before, as it does when the line is decoded whole
    String chinese = TestTexts.unpunctuated(6000);
    assertLongWordsBeforeWindowsAreReadAsInTheWholeLine(chinese.substring(5000, 5024), 24);
    // a word longer than any the model knows, whose last 16 characters it knows as a word: the
    // window must see more of it than that, so that it stays unknown, as in the whole line
    assertLongWordsBeforeWindowsAreReadAsInTheWholeLine(chinese.substring(5000, 5040), 16);
  }

  /** {@code longWord} forced, the word model knowing its last {@code known} characters as a word. */
  private static void assertLongWordsBeforeWindowsAreReadAsInTheWholeLine(String longWord, int known) throws Exception {
    String chinese = TestTexts.unpunctuated(3000);
    String modelWord = longWord.substring(longWord.length() - known);
    dev.fenci.dict.DictionarySnapshot dict = dev.fenci.dict.DictionarySnapshot.of(
        java.util.List.of(dev.fenci.dict.Entry.forced(longWord)));
    for (long seed = 1; seed <= 3; seed++) {
      Model m = TestModels.randomCrf(seed);
      SplittableRandom r = new SplittableRandom(seed);
      StringBuilder text = new StringBuilder();
      java.util.List<java.util.List<int[]>> seqs = new java.util.ArrayList<>();
      for (int at = 0, line = 0; text.length() < 200_000; ) {
        if (text.length() > (line + 1) * 18_000) {
          text.append('\n'); // lines a little longer than a stream's block: each ends in a last block
          line++;
        }
        int len = r.nextInt(2, 8);
        if (at + len > chinese.length()) {
          at = 0;
        }
        String after = "中共" + chinese.substring(at, at + len);
        at += len;
        text.append(longWord).append(after);
        // after the word the model knows, its next two characters are two words; alone, one:
        // whether the model reads that word or not decides how they are cut
        java.util.List<int[]> seq = new java.util.ArrayList<>();
        seq.add(ids(m, modelWord));
        seq.add(ids(m, after.substring(0, 1)));
        seq.add(ids(m, after.substring(1, 2)));
        seqs.add(seq);
        for (int k = 0; k < 3; k++) {
          seqs.add(java.util.List.of(ids(m, after.substring(0, 2))));
        }
      }
      dev.fenci.model.WordLanguageModel lm = dev.fenci.model.WordLanguageModel.build(
          new dev.fenci.model.WordLanguageModel.Settings(0.5, 0, 2, 0.75, 0.4), seqs, m.vocabulary().size());
      assertThat(lm.longestWord()).isEqualTo(known);
      String t = text.toString();
      Decoder wholeLines = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), lm, Decoder.WINDOW,
          1_000_000, 512);
      java.util.List<String> whole = new java.util.ArrayList<>();
      for (String line : t.split("(?<=\n)")) {
        whole.addAll(words(line, wholeLines.wordEnds(java.util.List.of(line), dict).get(0)));
      }
      String shortText = t.substring(0, t.indexOf('\n')).substring(0, 3000);
      int[] shortWhole = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), lm, Decoder.WINDOW,
          100_000, 512).wordEnds(java.util.List.of(shortText), dict).get(0);
      for (int w = 200; w < 200 + 60; w++) {
        int[] windowed = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), lm, Decoder.WINDOW, w, 100)
            .wordEnds(java.util.List.of(shortText), dict).get(0);
        assertThat(windowed).as("seed %d, windows of %d characters", seed, w).containsExactly(shortWhole);
      }
      // a stream keeps the same context from block to block (blocks of 16,384 characters)
      dev.fenci.dict.UserDictionary user = dev.fenci.dict.UserDictionary.empty();
      user.add(dev.fenci.dict.Entry.forced(longWord));
      java.util.List<String> streamed = new java.util.ArrayList<>();
      dev.fenci.Segmenter.of(m.withWordModel(lm)).withDictionary(user)
          .segment(new java.io.StringReader(t), (x, s, e) -> streamed.add(x.substring(s, e)), 1);
      assertThat(streamed).as("seed %d, stream", seed).isEqualTo(whole);
    }
  }

  private static java.util.List<String> words(String text, int[] ends) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int prev = 0;
    for (int e : ends) {
      out.add(text.substring(prev, e));
      prev = e;
    }
    return out;
  }

  private static int[] ids(Model m, String word) {
    return word.codePoints().map(cp -> m.vocabulary().read(cp, m.rules())).toArray();
  }

  @Test
  void aWordModelOfWeightZeroChangesNothingWithPunctuationAsciiAndDictionaries() {
    for (long seed = 1; seed <= 3; seed++) {
      Model m = TestModels.randomCrf(seed);
      java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
      java.util.List<java.util.List<int[]>> seqs = new java.util.ArrayList<>();
      for (int i = 0; i < 300; i++) {
        java.util.List<int[]> seq = new java.util.ArrayList<>();
        for (int k = r.nextInt(1, 6); k > 0; k--) {
          int[] word = new int[r.nextInt(1, 4)];
          for (int j = 0; j < word.length; j++) {
            word[j] = r.nextInt(m.vocabulary().size());
          }
          seq.add(word);
        }
        seqs.add(seq);
      }
      dev.fenci.model.WordLanguageModel zero = dev.fenci.model.WordLanguageModel.build(
          new dev.fenci.model.WordLanguageModel.Settings(0, 0, 2, 0.75, 0.4), seqs, m.vocabulary().size());
      Decoder plain = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), Decoder.WINDOW, Decoder.LONG,
          Decoder.MARGIN);
      Decoder lattice = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), zero, Decoder.WINDOW,
          Decoder.LONG, Decoder.MARGIN);
      java.util.List<String> texts = java.util.List.of(TestTexts.unpunctuated(3000),
          "扫描二维码，关注微信号。在2001年新年钟声即将敲响，iPhone 15 Pro降价55.6亿元！！访问https://example.com/a?b=1吧",
          TestTexts.withSupplementary(TestTexts.unpunctuated(500), 3) + "，" + "a".repeat(40) + "的" + "1".repeat(20));
      dev.fenci.dict.DictionarySnapshot dict = dev.fenci.dict.DictionarySnapshot.of(java.util.List.of(
          new dev.fenci.dict.Entry("二维码", 10), new dev.fenci.dict.Entry("微信号", 0.1),
          dev.fenci.dict.Entry.forced("钟声即将"), dev.fenci.dict.Entry.forced("码，关"),
          new dev.fenci.dict.Entry(TestTexts.unpunctuated(3000).substring(100, 104), 5)));
      for (dev.fenci.dict.DictionarySnapshot d : java.util.List.of(dev.fenci.dict.DictionarySnapshot.EMPTY, dict)) {
        java.util.List<int[]> a = plain.wordEnds(texts, d);
        java.util.List<int[]> b = lattice.wordEnds(texts, d);
        for (int i = 0; i < texts.size(); i++) {
          assertThat(b.get(i)).as("seed %d, text %d, dictionary %s", seed, i, d.size()).containsExactly(a.get(i));
        }
      }
    }
  }

  private static void assertWindowsDecodeAsTheWholeLine(long seed, String text, int firstWindow, int margin) {
    Model m = TestModels.randomCrf(seed);
    int[] whole = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), Decoder.WINDOW, 100_000, 512)
        .wordEnds(text);
    // a random model's best paths take longer to agree than a trained one's: a wider margin
    for (int w = firstWindow; w < firstWindow + 40; w++) {
      int[] windowed = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), Decoder.WINDOW, w, margin)
          .wordEnds(text);
      assertThat(windowed).as("seed %d, windows of %d characters", seed, w).containsExactly(whole);
    }
  }

  /**
   * A text longer than a piece is decoded line by line as a stream decodes it: a long line's
   * windows start at its own start, so its words do not depend on the lines around it (they had
   * moved with the length of the line before it), whatever ends the lines.
   */
  @Test
  void aLongLinesWordsDoNotDependOnTheLinesAroundIt() {
    Model m = TestModels.randomCrf(4);
    Decoder d = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), Decoder.WINDOW, 300, 100);
    String longLine = TestTexts.unpunctuated(1000);
    String ascii = "a".repeat(700);
    String[] shortLines = {"", "中文", "今天天气很好。", "近两年时间", TestTexts.unpunctuated(120)};
    SplittableRandom r = new SplittableRandom(7);
    for (String eol : new String[] {"\n", "\r\n", "\r"}) {
      for (String line : new String[] {longLine, ascii}) {
        int[] alone = d.wordEnds(line);
        for (int trial = 0; trial < 12; trial++) {
          StringBuilder before = new StringBuilder();
          for (int k = r.nextInt(4); k > 0; k--) {
            before.append(shortLines[r.nextInt(shortLines.length)]).append(eol);
          }
          String after = trial % 2 == 0 ? "" : eol + shortLines[r.nextInt(shortLines.length)];
          String text = before + line + after;
          int[] ends = d.wordEnds(text);
          java.util.List<Integer> got = new java.util.ArrayList<>();
          for (int e : ends) {
            if (e > before.length() && e <= before.length() + line.length()) {
              got.add(e - before.length());
            }
          }
          assertThat(got).as("%s lines, %d before, %d after", eol.length() == 2 ? "CRLF" : eol.equals("\n") ? "LF" : "CR",
              before.length(), after.length()).containsExactly(java.util.Arrays.stream(alone).boxed().toArray(Integer[]::new));
          assertThat(before.length() == 0 || java.util.Arrays.stream(ends).anyMatch(e -> e == before.length())).isTrue();
        }
      }
    }
  }

  /**
   * Forced entries are chosen leftmost first, then longest, over the whole line: a line decoded in
   * windows must not start that choice afresh at each window's context (it had put 2-character
   * words at the window edges of a line of 的 with {@code 的的的,inf}).
   */
  @Test
  void forcedEntriesTileALongLineAsTheWholeLine() {
    Model m = TestModels.randomCrf(2);
    Decoder d = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), Decoder.WINDOW, 300, 100);
    List<dev.fenci.dict.Entry> nested = new java.util.ArrayList<>();
    for (int len = 1; len <= 20; len++) {
      nested.add(dev.fenci.dict.Entry.forced("的".repeat(len)));
    }
    for (List<dev.fenci.dict.Entry> entries : List.of(List.of(dev.fenci.dict.Entry.forced("的的的")), nested)) {
      int wordLength = entries.get(entries.size() - 1).word().length();
      dev.fenci.dict.DictionarySnapshot dict = dev.fenci.dict.DictionarySnapshot.of(entries);
      for (int length : new int[] {299, 2000, 2001}) {
        String text = "的".repeat(length);
        int[] ends = d.wordEnds(List.of(text), dict).get(0);
        int start = 0;
        for (int e : ends) {
          if (start + wordLength <= length) { // what is left after the tiling is the network's
            assertThat(e - start).as("%d characters, entries up to %d, the word at %d", length, wordLength, start)
                .isEqualTo(wordLength);
          }
          start = e;
        }
        assertThat(start).isEqualTo(length);
      }
    }
  }

  @Test
  void aWordLongerThanAWindowIsCutAtTheWindowNotLost() {
    Model m = TestModels.random(TextRules.FOLD, 3);
    String text = "x".repeat(1000) + "\uD83D\uDE00".repeat(300);
    Decoder d = new Decoder(m.network(), m.vocabulary(), m.rules(), Decoder.WINDOW, 101, 40);
    int[] ends = d.wordEnds(text);
    assertThat(ends[ends.length - 1]).isEqualTo(text.length());
    int prev = 0;
    for (int e : ends) {
      assertThat(e).isGreaterThan(prev);
      assertThat(e - prev).isLessThanOrEqualTo(101 - 40);
      assertThat(e < text.length() && Character.isLowSurrogate(text.charAt(e))).as("cut inside a surrogate pair").isFalse();
      prev = e;
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

  /**
   * An ASCII run of 4 letters or more is never joined with a Chinese character, even under a
   * network that joins everything, nor is one of 3 between two; a shorter run may join its
   * neighbours; a dictionary entry of multiplier 1 or more that
   * spans the run's edge lifts the rules there, one below 1 does not.
   */
  @Test
  void anAsciiRunOfFourLettersOrMoreIsAWordOfItsOwn() {
    Model m = TestModels.random(TextRules.FOLD, 3);
    // huge scores for B -> M, M -> M, M -> E and B -> E: every word as long as it may be
    float[] v = new dev.fenci.nn.Transitions().param().value.clone();
    v[Tag.B.ordinal() * Tag.COUNT + Tag.M.ordinal()] = 1000f;
    v[Tag.M.ordinal() * Tag.COUNT + Tag.M.ordinal()] = 1000f;
    v[Tag.M.ordinal() * Tag.COUNT + Tag.E.ordinal()] = 1000f;
    v[Tag.B.ordinal() * Tag.COUNT + Tag.E.ordinal()] = 1000f;
    Model joins = new Model("accurate-crf", m.network(), dev.fenci.nn.Transitions.of(v), m.vocabulary(), m.rules(),
        m.provenance());
    Decoder d = new Decoder(joins);
    String text = "他用Twitter和AB发帖";
    assertThat(words(text, d.wordEnds(text))).containsExactly("他用", "Twitter", "和AB发帖");
    assertThat(words("iPhone6Plus好", d.wordEnds("iPhone6Plus好"))).containsExactly("iPhone6Plus", "好");
    assertThat(words("A股和B股", d.wordEnds("A股和B股"))).containsExactly("A股和B股");
    // only a Chinese character next to the run is kept apart: other marks may join it (Lily+), and a
    // run of fewer than four letters may join a Chinese one (js和)
    assertThat(words("看Schrödinger和Lily_Wang和Lily+js好", d.wordEnds("看Schrödinger和Lily_Wang和Lily+js好")))
        .containsExactly("看", "Schrödinger", "和", "Lily_Wang", "和", "Lily+js好");
    // a number and a unit of two letters or more is a word of its own; a one-letter unit may join the
    // character after it, and a number in ASCII digits starts a word after a Chinese character but for 第
    assertThat(words("有16GB内存跑5km路放3g盐第3g盐", d.wordEnds("有16GB内存跑5km路放3g盐第3g盐")))
        .containsExactly("有", "16GB", "内存跑", "5km", "路放", "3g盐第3g盐");
    // a code or model number (letters and digits, three or more) is never joined with a Chinese character,
    // but for a licence plate's province before it and a model's or a train's suffix after it (型, 次);
    // a shorter code may join
    assertThat(words("订单号A1234567已发货，酷睿i7-13700K处理器", d.wordEnds("订单号A1234567已发货，酷睿i7-13700K处理器")))
        .containsExactly("订单号", "A1234567", "已发货", "，", "酷睿", "i7-13700K", "处理器");
    assertThat(words("车牌粤A12345座位号A12", d.wordEnds("车牌粤A12345座位号A12")))
        .containsExactly("车牌粤A12345", "座位号", "A12");
    // only before a plate (a capital, then five or six capitals and digits), not a version or a product after a word
    // that ends in a province's character (鸿蒙OS4.0, 更新KB3154879 had been joined)
    assertThat(words("车牌粤BD12345及鸿蒙OS4.0和更新KB3154879", d.wordEnds("车牌粤BD12345及鸿蒙OS4.0和更新KB3154879")))
        .containsExactly("车牌粤BD12345", "及鸿蒙", "OS4.0", "和更新", "KB3154879");
    // four after the letter before a plate's suffix (a police or a Hong Kong plate)
    assertThat(words("京A1234警和新K9449次", d.wordEnds("京A1234警和新K9449次"))).containsExactly("京A1234", "警和新", "K9449次");
    // not a product's model before 港版, nor a run of a lower-case letter
    assertThat(words("新A2890港版和新a12345", d.wordEnds("新A2890港版和新a12345"))).containsExactly("新", "A2890", "港版和新", "a12345");
    // a power is a word apart from the Chinese characters next to it, as a code is
    assertThat(words("求x^2的值令a^2=b", d.wordEnds("求x^2的值令a^2=b"))).containsExactly("求", "x^2", "的值令", "a^2", "=", "b");
    // a formula's dollar signs are words of their own, a display's $$ one word; a price's sign is a currency's
    String formula = "已知$x^2+y=a$求$$f(x)$$，价US$5或$5-$10和echo $A $B，$@:$<";
    assertThat(words(formula, d.wordEnds(formula))).containsExactly("已知", "$", "x^2+y=a", "$", "求", "$$", "f",
        "(", "x", ")", "$$", "，", "价", "US$", "5或", "$", "5-$", "10和", "echo", " ", "$A", " ", "$B", "，", "$@", ":", "$<");
    assertThat(words("用MP3听O2O和B2B及XR2000型和5A级", d.wordEnds("用MP3听O2O和B2B及XR2000型和5A级")))
        .containsExactly("用", "MP3", "听", "O2O", "和", "B2B", "及", "XR2000型和", "5A级");
    // a symbol is never joined with a Chinese character, but for ○ (a zero in years); the degree signs
    // are symbols too (the training texts never join one with a Chinese character); what else is next
    // to it is the network's (x≥0, 30°), but ℃ is a word of its own (a chunk, as the training texts write it)
    assertThat(words("商标™和★好评中+英二○○八年x≥0", d.wordEnds("商标™和★好评中+英二○○八年x≥0")))
        .containsExactly("商标", "™", "和", "★", "好评中", "+", "英二○○八年x≥0");
    assertThat(words("超过38.5℃可服用，30°角", d.wordEnds("超过38.5℃可服用，30°角")))
        .containsExactly("超过", "38.5", "℃", "可服用", "，", "30°", "角");
    // a Kangxi radical or a CJK radical supplement is a symbol of script Han, a Chinese character
    // as PDF text extraction writes it (⼤学⽣ for 大学生): not kept apart from the ones next to it
    assertThat(words("⼤学⽣在⺠间", d.wordEnds("⼤学⽣在⺠间"))).containsExactly("⼤学⽣在⺠间");
    // three letters between two Chinese characters are a word of their own; two are not
    assertThat(words("特斯拉CEO马斯克", d.wordEnds("特斯拉CEO马斯克"))).containsExactly("特斯拉", "CEO", "马斯克");
    assertThat(words("卡拉OK厅", d.wordEnds("卡拉OK厅"))).containsExactly("卡拉OK厅");
    assertThat(words("这款SUV", d.wordEnds("这款SUV"))).containsExactly("这款SUV");
    // a capitalised word of three letters is a word apart from two Chinese characters or more (not from one, nor
    // before a version's 版; not an acronym, nor a small word, a key's win键)
    String three = "VCD机和这款App，win键很好，Pro搭载，Pro版很贵，卓Sir";
    assertThat(words(three, d.wordEnds(three)))
        .containsExactly("VCD机和这款", "App", "，", "win键很好", "，", "Pro", "搭载", "，", "Pro版很贵", "，", "卓Sir");
    // a currency sign never ends a Chinese word nor starts a number; what else is next to it is the
    // network's (here: joined)
    assertThat(words("门票$100和￥５０或€20", d.wordEnds("门票$100和￥５０或€20")))
        .containsExactly("门票", "$", "100和", "￥", "５０或", "€", "20");
    assertThat(words("US$99", d.wordEnds("US$99"))).containsExactly("US$", "99");
    // nor do the capitals of a country before it: 1 to 3 of them after a Chinese character start its word
    assertThat(words("价US$99合NT$5约A$3", d.wordEnds("价US$99合NT$5约A$3")))
        .containsExactly("价", "US$", "99合", "NT$", "5约", "A$", "3");
    assertThat(words("价Cu$9", d.wordEnds("价Cu$9"))).containsExactly("价Cu$", "9");
    assertThat(words("付$一百", d.wordEnds("付$一百"))).containsExactly("付", "$一百");
    dev.fenci.dict.UserDictionary sandwich = dev.fenci.dict.UserDictionary.empty();
    sandwich.add("拉CEO马", 1);
    assertThat(words("特斯拉CEO马斯克", d.wordEnds(java.util.List.of("特斯拉CEO马斯克"), sandwich.snapshot()).get(0)))
        .containsExactly("特斯拉CEO马斯克");
    dev.fenci.dict.UserDictionary ud = dev.fenci.dict.UserDictionary.empty();
    ud.add("Twitter和", 1);
    ud.add("用Twitter", 0.5);
    assertThat(words(text, d.wordEnds(java.util.List.of(text), ud.snapshot()).get(0)))
        .containsExactly("他用", "Twitter和AB发帖");
    ud.add("他用Twitter", Double.POSITIVE_INFINITY);
    assertThat(words(text, d.wordEnds(java.util.List.of(text), ud.snapshot()).get(0)))
        .containsExactly("他用Twitter", "和AB发帖");
  }

  @Test
  void zeroTransitionsDecodeAsNoneAndLearnedOnesTakePart() throws Exception {
    Model m = TestModels.random(TextRules.FOLD, 3);
    String text = TestTexts.unpunctuated(3000) + "，" + TestTexts.unpunctuated(200);
    dev.fenci.dict.UserDictionary ud = dev.fenci.dict.UserDictionary.empty();
    ud.add("中央总", 100);
    ud.add("书记国", Double.POSITIVE_INFINITY);
    dev.fenci.dict.DictionarySnapshot dict = ud.snapshot();
    Model zero = new Model("accurate-crf", m.network(), new dev.fenci.nn.Transitions(), m.vocabulary(), m.rules(),
        m.provenance());
    assertThat(new Decoder(zero).wordEnds(java.util.List.of(text), dict).get(0))
        .containsExactly(new Decoder(m).wordEnds(java.util.List.of(text), dict).get(0));
    // a huge score for S -> S: every character of a text run is a word of its own
    float[] v = new dev.fenci.nn.Transitions().param().value.clone();
    v[0] = 1000f;
    Model singles = new Model("accurate-crf", m.network(), dev.fenci.nn.Transitions.of(v), m.vocabulary(), m.rules(),
        m.provenance());
    int[] ends = new Decoder(singles).wordEnds("的一是在不了有和人");
    assertThat(ends).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  /** A decoder whose transitions (a huge S -> S) make every character a word unless a rule says otherwise. */
  private static Decoder singleCharacterDecoder() {
    Model m = TestModels.random(TextRules.FOLD, 3);
    float[] v = new dev.fenci.nn.Transitions().param().value.clone();
    v[0] = 1000f; // S -> S
    return new Decoder(new Model("accurate-crf", m.network(), dev.fenci.nn.Transitions.of(v), m.vocabulary(),
        m.rules(), m.provenance()));
  }

  /** A run of dashes or hyphens is one word, whatever the network says: here one that cuts every character. */
  @Test
  void aRunOfDashesOrHyphensIsOneWord() {
    Decoder singles = singleCharacterDecoder();
    String text = "他说——————好的----，——－了-";
    assertThat(words(text, singles.wordEnds(text)))
        .containsExactly("他", "说", "——————", "好", "的", "----", "，", "——－", "了", "-");
  }

  /**
   * The thousands separator of full-width digits is never at a word's edge, whatever the network says
   * (here one that cuts every character; the digits' words are the network's).
   */
  @Test
  void anAsciiCommaBeforeThreeFullWidthDigitsIsInsideItsNumber() {
    Decoder singles = singleCharacterDecoder();
    String text = "以４,００７輛";
    assertThat(words(text, singles.wordEnds(text))).containsExactly("以", "４,０", "０", "７", "輛");
  }

  /**
   * Training scores each TEXT chunk as a piece of its own (start and end scores at its edges), so
   * the decoder does too: a chunk's words never depend on the text before or after it, be it a
   * punctuation mark, a space or the previous line.
   */
  @Test
  void everyChunkIsDecodedAsIfItWereAlone() {
    String[] pieces = {"中央总书记国家主席", "的一是在不了有和人", "我们不能停留在", "至今", "近两年时间", "大白天抢劫银行"};
    String[] cuts = {"，", "。", "\n", " ", "、", "！", "\r\n"};
    for (long seed = 1; seed <= 5; seed++) {
      Model m = TestModels.randomCrf(seed);
      Decoder d = new Decoder(m);
      SplittableRandom r = new SplittableRandom(seed);
      for (int trial = 0; trial < 20; trial++) {
        String a = pieces[r.nextInt(pieces.length)];
        String b = pieces[r.nextInt(pieces.length)];
        String cut = cuts[r.nextInt(cuts.length)];
        String text = a + cut + b;
        int[] ends = d.wordEnds(text);
        java.util.List<Integer> got = new java.util.ArrayList<>();
        for (int e : ends) {
          if (e > a.length() + cut.length()) {
            got.add(e - a.length() - cut.length());
          }
        }
        java.util.List<Integer> alone = new java.util.ArrayList<>();
        for (int e : d.wordEnds(b)) {
          alone.add(e);
        }
        assertThat(got).as("seed %d: %s", seed, text).isEqualTo(alone);
        java.util.List<Integer> before = new java.util.ArrayList<>();
        for (int e : ends) {
          if (e <= a.length()) {
            before.add(e);
          }
        }
        java.util.List<Integer> aAlone = new java.util.ArrayList<>();
        for (int e : d.wordEnds(a)) {
          aAlone.add(e);
        }
        assertThat(before).as("seed %d: %s", seed, text).isEqualTo(aAlone);
      }
    }
  }

  /**
   * A window's context must not start inside a web address: its tail would be read as text joined
   * to the Chinese after it ({@code 海 合会} instead of {@code 海合会} with the shipped models).
   * Each of these texts puts the address's end at or near the first window's last kept boundary.
   */
  @Test
  void aWindowWhoseContextWouldStartInsideAnAddressDecodesAsTheWholeLine() throws Exception {
    String after = "海合会各国首脑常来常往";
    String filler = "中华人民共和国经济发展迅速人民生活水平不断提高";
    for (String url : new String[] {"https://example.com/" + "abcdefghij".repeat(4),
        "https://example.com/" + "abcdefghij".repeat(30)}) { // 320 characters: past the first search's reach
      for (String preset : new String[] {"accurate", "fast"}) {
      Model m = dev.fenci.Segmenter.load(preset).model();
      Decoder windowed = new Decoder(m);
      Decoder whole = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), m.wordModel(), Decoder.WINDOW,
          100_000, Decoder.MARGIN);
      for (int at = Decoder.LONG - Decoder.MARGIN - 6; at <= Decoder.LONG - Decoder.MARGIN; at++) {
        StringBuilder b = new StringBuilder();
        while (b.length() < at - url.length()) {
          b.append(filler);
        }
        b.setLength(at - url.length());
        String text = b + url + after + filler.repeat(100);
        assertThat(windowed.wordEnds(text)).as("%s, an address of %d characters ending at %d", preset, url.length(), at)
            .containsExactly(whole.wordEnds(text));
      }
      }
    }
  }

  /**
   * A forced word across chunks that ends where a window's settled part ends: the whole line
   * decodes the text after it as a sequence of its own, and so must the window (it had read the
   * forced word's last chunk as the word before: {@code 平时服 现役} where the whole line wrote
   * {@code 平时 服 现役}).
   */
  @Test
  void aForcedWordAcrossChunksAtAWindowsBoundaryDecodesAsTheWholeLine() throws Exception {
    Model m = dev.fenci.Segmenter.load("accurate").model();
    dev.fenci.dict.DictionarySnapshot dict = dev.fenci.dict.DictionarySnapshot.of(
        List.of(new dev.fenci.dict.Entry("iPhone 15", Double.POSITIVE_INFINITY)));
    // without the restart 4 of these window sizes decoded 平时服 现役 after the entry
    String text = "士兵未达到iPhone 15平时服现役的最高年龄，有下列情况之一的，应当退出现役：".repeat(6);
    int[] whole = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), m.wordModel(), Decoder.WINDOW,
        100_000, 512).wordEnds(List.of(text), dict).get(0);
    for (int w = 192; w < 192 + 150; w++) {
      int[] windowed = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), m.wordModel(), Decoder.WINDOW,
          w, 64).wordEnds(List.of(text), dict).get(0);
      assertThat(windowed).as("windows of %d characters", w).containsExactly(whole);
    }
    // a forced word longer than any word the word model knows: the window must still see its non-TEXT part
    String longWord = "iPhone 15中华人民共和国经济发展迅速人民生活水平不断提高国家综合实力";
    dev.fenci.dict.DictionarySnapshot longDict = dev.fenci.dict.DictionarySnapshot.of(
        List.of(new dev.fenci.dict.Entry(longWord, Double.POSITIVE_INFINITY)));
    String longText = ("士兵未达到" + longWord + "四年一度的冬奥会，高手云集。").repeat(30);
    int[] longWhole = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), m.wordModel(), Decoder.WINDOW,
        100_000, 512).wordEnds(List.of(longText), longDict).get(0);
    for (int w = 1200; w < 1200 + 60; w++) {
      int[] windowed = new Decoder(m.network(), m.vocabulary(), m.rules(), m.transitions(), m.wordModel(), Decoder.WINDOW,
          w, 200).wordEnds(List.of(longText), longDict).get(0);
      assertThat(windowed).as("windows of %d characters after a long forced word", w).containsExactly(longWhole);
    }
  }

  /**
   * A forced dictionary word across chunks ({@code iPhone 15}: text, a space, text) is one tag
   * sequence with the text after it; the word model still decodes that text (it had fallen back to
   * Viterbi for the whole sequence, so the words after such an entry were the ones of a model
   * without a word model).
   */
  @Test
  void aForcedWordAcrossChunksKeepsTheWordModelForTheTextAroundIt() throws Exception {
    Model m = dev.fenci.Segmenter.load("accurate").model();
    assertThat(m.wordModel()).isNotNull();
    Decoder d = new Decoder(m);
    dev.fenci.dict.DictionarySnapshot dict = dev.fenci.dict.DictionarySnapshot.of(
        List.of(new dev.fenci.dict.Entry("iPhone 15", Double.POSITIVE_INFINITY)));
    String[] lines = {"第二十六条军官可以按照中央军事委员会的规定改任文职干部。", "担任师长的他晴天里走在路上。",
        "中国共产党第十五次全国代表大会在北京召开。"};
    for (String line : lines) {
      String prefix = "iPhone 15";
      int[] alone = d.wordEnds(line);
      int[] withPrefix = d.wordEnds(List.of(prefix + line), dict).get(0);
      assertThat(withPrefix[0]).as("the entry is one word").isEqualTo(prefix.length());
      int[] rest = java.util.Arrays.stream(withPrefix).skip(1).map(e -> e - prefix.length()).toArray();
      assertThat(rest).as(line).containsExactly(alone);
    }
  }
}
