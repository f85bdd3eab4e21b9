package dev.fenci.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which occurrences {@link DictionaryPulls} applies when some cross, without a network. */
class DictionaryPullsTest {
  /** An occurrence {@code [s, e)} with its log(multiplier). */
  private record Occurrence(int s, int e, float log) {}

  /** The occurrences applied, in the order applied, of {@code given} in a line of {@code n} code points in one chunk. */
  private static List<Occurrence> applied(int n, List<Occurrence> given) {
    List<Occurrence> out = new ArrayList<>();
    DictionaryPulls pulls = new DictionaryPulls(new int[n], c -> given.forEach(o -> c.match(o.s(), o.e(), o.log())),
        (s, e, log) -> out.add(new Occurrence(s, e, log)));
    given.forEach(o -> pulls.add(o.s(), o.e(), o.log()));
    pulls.resolveAndApply();
    return out;
  }

  @Test
  void ofTwoThatCrossTheLargerMultiplierAppliesAndOnATieNeither() {
    // 北京大学生物系: 北京大学 [0, 4), 大学生 [2, 5), 北京 [0, 2) nested in the first, 物系 [5, 7) apart
    Occurrence beijingDaxue = new Occurrence(0, 4, 1f);
    Occurrence daxuesheng = new Occurrence(2, 5, 1f);
    Occurrence beijing = new Occurrence(0, 2, 1f);
    Occurrence wuxi = new Occurrence(5, 7, 1f);
    assertThat(applied(7, List.of(beijingDaxue, daxuesheng, beijing, wuxi))).containsExactly(beijing, wuxi);
    Occurrence larger = new Occurrence(0, 4, 2f);
    assertThat(applied(7, List.of(larger, daxuesheng, beijing, wuxi))).containsExactly(larger, beijing, wuxi);
    assertThat(applied(7, List.of(beijingDaxue, beijing))).containsExactly(beijingDaxue, beijing);
    assertThat(applied(7, List.of())).isEmpty();
  }

  @Test
  void pastTheBoundThoseThatCrossNoneApplyWhateverTheirMultipliers() {
    int n = 7;
    List<Occurrence> given = new ArrayList<>();
    for (int i = 0; i < DictionaryPulls.PULLS_PER_CHARACTER * n + 64; i++) {
      given.add(new Occurrence(0, 2, 1f)); // nested copies, crossing nothing
    }
    given.add(new Occurrence(0, 4, 2f)); // crosses the next: past the bound neither applies
    given.add(new Occurrence(2, 5, 1f));
    given.add(new Occurrence(5, 7, 3f));
    List<Occurrence> out = applied(n, given);
    assertThat(out).hasSize(DictionaryPulls.PULLS_PER_CHARACTER * n + 64 + 1)
        .doesNotContain(new Occurrence(0, 4, 2f), new Occurrence(2, 5, 1f))
        .contains(new Occurrence(5, 7, 3f));
  }
}
