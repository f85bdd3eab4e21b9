package dev.fenci.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.text.Chunk;
import dev.fenci.text.Chunker;
import dev.fenci.text.TextRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which characters {@link CapitalAmounts#find} puts inside an amount in capital numerals, without a network. */
class CapitalAmountsTest {

  /** The amounts of {@code text}, the characters of each run found, in order. */
  private static List<String> amounts(String text) {
    int n = text.codePointCount(0, text.length());
    int[] offsets = new int[n + 1];
    int[] chunkOf = new int[n];
    List<Chunk> chunks = new Chunker(TextRules.FOLD).chunk(text);
    int k = 0;
    for (int c = 0; c < chunks.size(); c++) {
      Chunk ch = chunks.get(c);
      for (int i = ch.start(); i < ch.end(); i += Character.charCount(text.codePointAt(i))) {
        offsets[k] = i;
        chunkOf[k++] = c;
      }
    }
    offsets[n] = text.length();
    boolean[] in = CapitalAmounts.find(text, offsets, chunkOf, chunks);
    java.util.ArrayList<String> runs = new java.util.ArrayList<>();
    for (int a = 0; in != null && a < n; a++) {
      if (in[a]) {
        int b = a;
        while (b < n && in[b]) {
          b++;
        }
        runs.add(text.substring(offsets[a], offsets[b]));
        a = b;
      }
    }
    return runs;
  }

  @Test
  void anAmountHasACapitalDigitAndAUnit() {
    assertThat(amounts("人民币伍拾万元整")).containsExactly("伍拾万");
    assertThat(amounts("大写壹佰贰拾叁元")).containsExactly("壹佰贰拾叁");
    assertThat(amounts("贰仟零伍元")).containsExactly("贰仟零伍");
    assertThat(amounts("壹萬貳仟圓")).containsExactly("壹萬貳仟");
    assertThat(amounts("零零万亿伍军人")).isEmpty();
  }

  @Test
  void digitsThatEndCommonWordsNeedMoreThanOneUnit() {
    assertThat(amounts("大陆亿万富翁，队伍万余人，大陆拾荒者，队伍拾金不昧")).isEmpty();
    assertThat(amounts("人民币伍万元")).containsExactly("伍万");
    assertThat(amounts("陆拾伍岁")).containsExactly("陆拾伍");
    assertThat(amounts("肆拾万整")).containsExactly("肆拾万");
  }

  @Test
  void ordinaryNumeralsJoinedByAUnitBelongToTheAmount() {
    assertThat(amounts("五万肆仟元")).containsExactly("五万肆仟");
    assertThat(amounts("三千肆佰元")).containsExactly("三千肆佰");
    assertThat(amounts("万一肆拾元")).containsExactly("肆拾");
    assertThat(amounts("统一伍拾元")).containsExactly("伍拾");
  }

  @Test
  void aDateOrTimeUnitIsKnown() {
    assertThat(CapitalAmounts.isDateOrTimeUnit('月')).isTrue();
    assertThat(CapitalAmounts.isDateOrTimeUnit('元')).isFalse();
  }
}
