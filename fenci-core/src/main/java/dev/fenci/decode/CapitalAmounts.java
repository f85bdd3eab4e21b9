package dev.fenci.decode;

import dev.fenci.text.Chunk;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Amounts written in capital numerals (大写数字), which the decoder keeps as one word apart from the
 * Chinese characters around them ({@code 人民币 伍拾万 元 整}), but for a date's or time's unit.
 */
final class CapitalAmounts {
  /** Capital numerals: the digits (with their traditional forms and zero), then the units from {@link #CAPITAL_UNITS_FROM} on. */
  private static final String CAPITAL_NUMERALS = "零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億";
  private static final int CAPITAL_UNITS_FROM = CAPITAL_NUMERALS.indexOf('拾');
  /** The code points of {@link #CAPITAL_NUMERALS}, for a lookup per character of every line. */
  private static final BitSet IS_CAPITAL_NUMERAL = new BitSet();

  static {
    CAPITAL_NUMERALS.chars().forEach(IS_CAPITAL_NUMERAL::set);
  }
  /** Where the units that ordinary text writes everywhere start ({@code 万 萬 亿 億}), after {@code 拾 佰 仟}. */
  private static final int CAPITAL_LARGE_UNITS_FROM = CAPITAL_NUMERALS.indexOf('万');
  /**
   * Capital digits that end or are common words ({@code 队伍}, {@code 大陆}, {@code 大肆}, {@code 參加}): with
   * only {@code 万} or {@code 亿} after them ({@code 大陆亿万富翁}, {@code 队伍万余人}) they are no amount.
   */
  private static final String CAPITAL_WORD_DIGITS = "伍陆陸肆參";
  /** Ordinary numerals, which an amount may begin with before it goes on in capital ones ({@code 五万肆仟元}). */
  private static final String ORDINARY_NUMERALS = "〇零一二三四五六七八九十百千万亿两";
  /** The small units of ordinary numerals, which join them to capital ones after ({@code 五千肆佰}). */
  private static final String ORDINARY_SMALL_UNITS = "十百千";
  /** The yuan, after an amount of money ({@code 伍万元}). */
  private static final String YUAN = "元圆圓";
  /** Units of dates and times, which a number joins in the PKU standard ({@code 壹拾贰月}). */
  private static final String DATE_UNITS = "年月日号时分秒";

  private CapitalAmounts() {}

  /** Whether a code point after an amount is a unit of a date or time, which a number joins ({@code 壹拾贰月}). */
  static boolean isDateOrTimeUnit(int cp) {
    return DATE_UNITS.indexOf(cp) >= 0;
  }

  /**
   * The code points inside an amount written in capital numerals (大写数字, as cheques, invoices
   * and contracts write them: {@code 伍拾万}, {@code 壹佰贰拾叁}, {@code 贰仟零伍}), which are one
   * word as a number is in the PKU standard ({@code 五十万}), or null if the line has none: a run
   * of {@value #CAPITAL_NUMERALS}'s characters inside a TEXT chunk with a capital digit ({@code
   * 壹} to {@code 玖}) and a unit ({@code 拾 佰 仟 万 亿}); when its only digits are those of {@link
   * #CAPITAL_WORD_DIGITS}, which end common words, {@code 元} after it, or a unit {@code 拾 佰 仟} with a
   * second digit or with {@code 万 亿} at its end ({@code 伍万元}, {@code 陆拾伍}, {@code 伍拾万}; not {@code
   * 大陆亿万富翁}, {@code 队伍万余人} or {@code 大陆拾荒者}). Ordinary numerals just before it belong to it when a
   * unit joins the two writings ({@code 五万肆仟}). The training texts write hardly any (NLPCC: a name,
   * {@code 文贰仟}, and {@code 五万肆仟多}), so the network reads {@code 伍} as the surname and {@code
   * 陆} as land and cuts the amount; the conditions keep {@code 万亿}, {@code 零零} and a surname
   * before a word ({@code 伍 军人}) as they are.
   *
   * @param offsets the UTF-16 offset of each code point of {@code text}
   * @param chunkOf the chunk index of each code point
   */
  static boolean[] find(String text, int[] offsets, int[] chunkOf, List<Chunk> chunks) {
    int n = chunkOf.length;
    boolean[] in = null;
    for (int a = 0; a < n; ) {
      if (!IS_CAPITAL_NUMERAL.get(text.codePointAt(offsets[a])) || chunks.get(chunkOf[a]).kind() != Chunk.Kind.TEXT) {
        a++;
        continue;
      }
      int b = a;
      int digits = 0;
      boolean plainDigit = false, unit = false, smallUnit = false, endsLarge = false;
      for (; b < n && chunkOf[b] == chunkOf[a]; b++) {
        int cp = text.codePointAt(offsets[b]);
        int at = CAPITAL_NUMERALS.indexOf(cp);
        if (at < 0) {
          break;
        }
        digits += at < CAPITAL_UNITS_FROM && cp != '零' ? 1 : 0;
        plainDigit |= at < CAPITAL_UNITS_FROM && cp != '零' && CAPITAL_WORD_DIGITS.indexOf(cp) < 0;
        unit |= at >= CAPITAL_UNITS_FROM;
        smallUnit |= at >= CAPITAL_UNITS_FROM && at < CAPITAL_LARGE_UNITS_FROM;
        endsLarge = at >= CAPITAL_LARGE_UNITS_FROM;
      }
      // 伍万 and 陆亿 are amounts of money before 元 (人民币伍万元整), not in 队伍万余人 or 大陆亿万富翁; nor is
      // 陆拾 one in 大陆拾荒者 (拾 is a verb): one such digit before 拾 佰 仟 needs another, or 万 亿 after
      boolean money = b < n && chunkOf[b] == chunkOf[a] && YUAN.indexOf(text.codePointAt(offsets[b])) >= 0;
      if (plainDigit && unit || digits > 0 && (money || smallUnit && (digits > 1 || endsLarge))) {
        in = in == null ? new boolean[n] : in;
        // an amount begun in ordinary numerals goes on in capital ones (五万肆仟元): one word, when a unit
        // joins the two writings (not 万一 in 万一肆拾元, nor 统一 in 统一伍拾元)
        int from = a;
        boolean joined = CAPITAL_NUMERALS.indexOf(text.codePointAt(offsets[a])) >= CAPITAL_UNITS_FROM
            || a > 0 && ORDINARY_SMALL_UNITS.indexOf(text.codePointAt(offsets[a - 1])) >= 0;
        while (joined && from > 0 && chunkOf[from - 1] == chunkOf[a] && ORDINARY_NUMERALS.indexOf(text.codePointAt(offsets[from - 1])) >= 0) {
          from--;
        }
        Arrays.fill(in, from, b, true);
      }
      a = b;
    }
    return in;
  }
}
