package dev.fenci.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutsideLexiconTest {
  /** The counts {aligned, as one word} of each listed word over the sentences. */
  private static Map<String, List<Integer>> counts(List<String> listed, List<List<String>> sentences) {
    Map<String, int[]> c = new HashMap<>();
    int longest = 0;
    for (String w : listed) {
      c.put(w, new int[2]);
      longest = Math.max(longest, w.length());
    }
    for (List<String> s : sentences) {
      OutsideLexicon.count(s, c, longest);
    }
    Map<String, List<Integer>> out = new HashMap<>();
    c.forEach((w, n) -> out.put(w, List.of(n[0], n[1])));
    return out;
  }

  @Test
  void onlyOccurrencesFromABoundaryToABoundaryCount() {
    Map<String, List<Integer>> c = counts(List.of("重启", "上传", "这次", "下载", "上传下达"), List.of(
        List.of("隆重", "启幕"), // across a boundary: nothing
        List.of("船上", "传来"), // the same
        List.of("上传下达"), // inside a word: nothing for 上传, a word for 上传下达
        List.of("这", "次", "会议"), // whole words: aligned, split
        List.of("这次"),
        List.of("文件", "下载", "，")));
    assertThat(c.get("重启")).containsExactly(0, 0);
    assertThat(c.get("上传")).containsExactly(0, 0);
    assertThat(c.get("上传下达")).containsExactly(1, 1);
    assertThat(c.get("这次")).containsExactly(2, 1);
    assertThat(c.get("下载")).containsExactly(1, 1);
  }
}
