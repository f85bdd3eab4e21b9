package dev.fenci.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where {@link WindowStarts} starts the window continuing at a settled boundary, without a network. */
class WindowStartsTest {
  @Test
  void theContextBeforeAWindowIsCountedInCharactersNotUtf16Units() {
    WindowStarts w = new WindowStarts(17, null, Decoder.LONG, Decoder.MARGIN); // receptive radius 17: context 19
    String bmp = "的".repeat(100);
    String astral = new String(Character.toChars(0x20000)).repeat(100); // CJK extension B, two units each
    assertThat(w.contextStart(bmp, 60)).isEqualTo(60 - 19);
    assertThat(w.contextStart(astral, 120)).isEqualTo(120 - 2 * 19);
    assertThat(w.contextStart(astral, 10)).isZero();
    // a position inside a pair never starts a window inside one
    String mixed = "的" + astral;
    int from = w.contextStart(mixed, 61);
    assertThat(Character.isLowSurrogate(mixed.charAt(from))).isFalse();
  }

  @Test
  void aWindowStartsBetweenTwoChineseCharactersNotInsideALatinRun() {
    WindowStarts w = new WindowStarts(3, null, Decoder.LONG, Decoder.MARGIN); // context 16
    String text = "北京" + "abcdefghij".repeat(4) + "海合会";
    int pos = text.indexOf('海');
    assertThat(w.contextStart(text, pos)).isEqualTo(pos - 16);
    assertThat(w.contextStart(text, pos, 0, 0)).isEqualTo(1); // between 北 and 京
    // never before the window before it, nor further back than a quarter of what a window keeps
    assertThat(w.contextStart(text, pos, 0, 2)).isEqualTo(pos - 16);
    assertThat(new WindowStarts(3, null, 100, 30).contextStart(text, pos, 0, 0)).isEqualTo(pos - 16);
    // in Chinese text the context is just long enough
    String chinese = "的".repeat(100);
    assertThat(w.contextStart(chinese, 60, 58, 0)).isEqualTo(60 - 16);
  }
}
