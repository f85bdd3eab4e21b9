package dev.fenci.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.DataFiles;
import dev.fenci.ScoreScripts;
import dev.fenci.Segmenter;
import dev.fenci.corpus.Corpus;
import dev.fenci.corpus.Utf8Lines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fenci's scorer against the bakeoff's own script on seven different segmentations of the first
 * 400 lines of the PKU test set: every summary figure agrees to the script's three decimals.
 * (Degenerate outputs such as one character per word differ slightly: see {@link Scorer}.)
 */
class OfficialScriptAgreementTest {
  @TempDir
  Path dir;

  @Test
  void agreesWithTheScoreScriptOnSevenOutputs() throws Exception {
    Path goldFile = DataFiles.require("icwb2/gold/pku_test_gold.utf8");
    Path wordsFile = DataFiles.require("icwb2/gold/pku_training_words.utf8");
    List<List<String>> gold = new ArrayList<>(Corpus.read(goldFile).subList(0, 400));
    Path goldSlice = ScoreScript.write(gold, dir.resolve("gold.utf8"));
    Set<String> words = new HashSet<>();
    for (String w : Utf8Lines.read(wordsFile)) {
      words.add(w.strip());
    }
    List<String> raw = new ArrayList<>();
    for (List<String> g : gold) {
      raw.add(String.join("", g));
    }
    Map<String, List<List<String>>> outputs = new java.util.LinkedHashMap<>();
    outputs.put("gold itself", gold);
    List<List<String>> model = Segmenter.load().segmentAll(raw);
    outputs.put("default model", model);
    outputs.put("whole lines", map(raw, s -> s.isEmpty() ? List.of() : List.of(s)));
    outputs.put("gold with 5% of words split or joined", perturb(gold, 20, 40, 3));
    outputs.put("gold with 20% of words split or joined", perturb(gold, 5, 10, 4));
    outputs.put("gold with 10% of words split or joined", perturb(gold, 10, 20, 5));
    dev.fenci.dict.UserDictionary dict = dev.fenci.dict.UserDictionary.empty();
    dict.addAll(words.stream().filter(w -> !w.isEmpty()).map(w -> new dev.fenci.dict.Entry(w, 3)).toList());
    outputs.put("default model with the PKU training words as a dictionary",
        Segmenter.load().withDictionary(dict).segmentAll(raw));
    Scorer scorer = new Scorer(words);
    for (Map.Entry<String, List<List<String>>> e : outputs.entrySet()) {
      Score own = scorer.score(gold, e.getValue());
      Map<String, String> official = ScoreScripts.run(wordsFile, goldSlice,
          ScoreScript.write(e.getValue(), dir.resolve("out.utf8")));
      String what = e.getKey();
      assertThat(official.get("TOTAL TRUE WORD COUNT")).as(what).isEqualTo(Long.toString(own.goldWords()));
      assertThat(official.get("TOTAL TEST WORD COUNT")).as(what).isEqualTo(Long.toString(own.testWords()));
      assertThat(official.get("TOTAL TRUE WORDS RECALL")).as(what).isEqualTo(three(own.recall()));
      assertThat(official.get("TOTAL TEST WORDS PRECISION")).as(what).isEqualTo(three(own.precision()));
      assertThat(official.get("F MEASURE")).as(what).isEqualTo(three(own.f1()));
      assertThat(official.get("OOV Rate")).as(what).isEqualTo(three(own.oovRate()));
      assertThat(official.get("OOV Recall Rate")).as(what).isEqualTo(three(own.oovRecall()));
      assertThat(official.get("IV Recall Rate")).as(what).isEqualTo(three(own.ivRecall()));
    }
  }

  @Test
  void aRecallOverNoWordsIsPrintedAsTheScriptPrintsIt() throws Exception {
    DataFiles.require("icwb2/gold/pku_test_gold.utf8"); // skips without the data, like the script's other tests
    List<List<String>> gold = List.of(List.of("扫描", "二维码"), List.of("关注", "微信号", "。"));
    Path goldFile = ScoreScript.write(gold, dir.resolve("g.utf8"));
    Path all = dir.resolve("all.utf8");
    java.nio.file.Files.write(all, List.of("扫描", "二维码", "关注", "微信号", "。"));
    Score own = new Scorer(Set.copyOf(Utf8Lines.read(all))).score(gold, gold);
    Map<String, String> official = ScoreScripts.run(all, goldFile, ScoreScript.write(gold, dir.resolve("p.utf8")));
    assertThat(official.get("OOV Recall Rate")).isEqualTo("--");
    assertThat(own.summary()).contains("=== OOV Recall Rate:\t--\n").contains("=== IV Recall Rate:\t1.000");
  }

  private static String three(double v) {
    return String.format(java.util.Locale.ROOT, "%.3f", v);
  }

  private static List<List<String>> map(List<String> raw, java.util.function.Function<String, List<String>> f) {
    List<List<String>> out = new ArrayList<>();
    for (String s : raw) {
      out.add(new ArrayList<>(f.apply(s)));
    }
    return out;
  }

  /** Splits one in {@code split} longer words and joins one in {@code join} words to the previous. */
  private static List<List<String>> perturb(List<List<String>> gold, int split, int join, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<List<String>> out = new ArrayList<>();
    for (List<String> g : gold) {
      List<String> p = new ArrayList<>();
      for (String w : g) {
        if (w.length() > 1 && r.nextInt(split) == 0) {
          p.add(w.substring(0, 1));
          p.add(w.substring(1));
        } else if (!p.isEmpty() && r.nextInt(join) == 0) {
          p.set(p.size() - 1, p.get(p.size() - 1) + w);
        } else {
          p.add(w);
        }
      }
      out.add(p);
    }
    return out;
  }
}
