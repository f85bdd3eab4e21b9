package dev.fenci;

/** Texts for tests that need realistic Chinese without reading the research data. */
public final class TestTexts {
  private TestTexts() {}

  /** Real text without punctuation or spaces, as one long line. */
  public static String unpunctuated(int minLength) {
    String para = "中共中央总书记国家主席江泽民发表新年讲话回顾过去的一年展望新的世纪扫描二维码关注微信号"
        + "人民日报社论指出改革开放以来我国经济持续快速健康发展人民生活水平不断提高在2001年用iPhone15看了55.6亿次"
        + "北京大学和清华大学的研究人员在国际会议上发表了关于中文分词的论文他们认为卷积神经网络能够很好地完成这个任务";
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (b.length() < minLength) {
      // rotate so that the same words fall at every position relative to the windows
      int k = (i++ * 7) % para.length();
      b.append(para, k, para.length()).append(para, 0, k);
    }
    return b.toString();
  }

  /**
   * {@code text} with a character outside the BMP (a surrogate pair in UTF-16: CJK extension B
   * characters and an emoji, in turn) after every {@code every} characters, so that window and
   * chunk boundaries fall next to, and would fall inside, pairs.
   */
  public static String withSupplementary(String text, int every) {
    String[] extra = {"\uD840\uDC00", "\uD842\uDFB7", "\uD83D\uDE00"};
    StringBuilder b = new StringBuilder(text.length() + 2 * text.length() / every + 2);
    for (int i = 0; i < text.length(); i++) {
      b.append(text.charAt(i));
      if (i % every == every - 1) {
        b.append(extra[(i / every) % extra.length]);
      }
    }
    return b.toString();
  }

  /**
   * A combining mark starts a word only where nothing can carry it (the text's start, after
   * whitespace), and a line break is the last character of its word (lines share no word).
   */
  public static void marksAndLineBreaksKeepTheirPlace(java.util.List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (i > 0 && dev.fenci.text.Chunker.isCombiningMark(w.codePointAt(0))) {
        org.assertj.core.api.Assertions.assertThat(dev.fenci.text.Chunker.isSpaceWord(words.get(i - 1)))
            .as("a word starts with a mark: " + words).isTrue();
      }
      for (int k = 0; k < w.length() - 1; k++) {
        org.assertj.core.api.Assertions.assertThat(dev.fenci.text.Chunker.endsLine(w, k))
            .as("a line break inside a word: " + words).isFalse();
      }
    }
  }
}
