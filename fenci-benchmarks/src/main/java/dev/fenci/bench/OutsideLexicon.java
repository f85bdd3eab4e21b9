package dev.fenci.bench;

import dev.fenci.corpus.Corpus;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An outside word list for a measurement, not for the product: jieba's dictionary ({@code dict.txt}
 * of jieba-analysis 1.0.2, MIT licence, on this module's class path), adapted to the segmentation
 * standard of a training corpus, written as a fenci user dictionary with multiplier 1 (each word
 * reaches the network as a lexicon word only; docs/dictionaries.md).
 *
 * <p>Kept: words of two or more CJK ideographs that jieba counts at least {@code MIN_FREQ} times
 * (its many entries of frequency 3 or less are mostly uncounted additions) and that the training
 * text, where it says anything about them, holds as words. Only <em>aligned</em> occurrences say
 * something: places where the word's characters start and end at word boundaries of a training
 * sentence, so that the corpus writes them either as that word or as a sequence of whole words
 * (pd1998's {@code 这 次} for jieba's {@code 这次}). An occurrence that starts or ends inside a
 * corpus word ({@code 重启} in {@code 隆重 启幕}, {@code 上传} in {@code 船上 传来} or in the word
 * {@code 上传下达}) is the corpus's other words, not its view of this one, and is ignored. A word
 * is kept when it is never aligned or is a word in at least half of its aligned occurrences: a word
 * the corpus splits (jieba's {@code 这次}, {@code 不能}) would teach the decoder another standard.
 * One it holds as a word is in the model's lexicon already (keeping those too, when they are a word
 * in at least 30%, 50% or 80% of their occurrences, gave the same output on pd1998's dev set), so
 * the list written keeps only the words the training text never holds as words, which with the
 * rule above are the words it never writes aligned at all: the list holds no word of the training
 * corpus. (Until an audit any occurrence of the string dropped a word, at word boundaries or
 * not, and the lists lacked {@code 下载 上传 上线 重启 像素 高铁}.)
 *
 * <p>The output is the word list of the presets {@code accurate+jieba}, {@code fast+jieba} (from
 * {@code pd1998/train.utf8}) and {@code weibo+jieba} (from the NLPCC training split), and a user
 * dictionary as it is.
 *
 * <pre>java -cp benchmarks.jar dev.fenci.bench.OutsideLexicon TRAIN.utf8 OUT.dict</pre>
 */
public final class OutsideLexicon {
  /** Lowest jieba frequency kept (chosen on pd1998/dev.utf8: 4 against 0, 10 and 100). */
  static final int MIN_FREQ = 4;

  private OutsideLexicon() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: OutsideLexicon TRAIN.utf8 OUT.dict");
      System.exit(2);
    }
    Map<String, int[]> counts = new HashMap<>(); // word -> {aligned occurrences, of them as one word}
    int longest = 0;
    int listed = 0;
    try (InputStream in = OutsideLexicon.class.getResourceAsStream("/dict.txt")) {
      if (in == null) {
        throw new IOException("jieba's dict.txt is not on the class path (jieba-analysis 1.0.2)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.trim().split(" ");
        if (f.length < 2) {
          continue;
        }
        listed++;
        String w = f[0];
        if (Integer.parseInt(f[1]) >= MIN_FREQ && w.codePointCount(0, w.length()) >= 2 && ideographs(w)) {
          counts.put(w, new int[2]);
          longest = Math.max(longest, w.length()); // in UTF-16 units, as the scan below counts
        }
      }
    }
    for (List<String> s : Corpus.read(Path.of(args[0]))) {
      count(s, counts, longest);
    }
    int asWords = 0; // a word in at least half of its aligned occurrences: in the model's lexicon already
    int split = 0; // split more often than not: another standard
    TreeSet<String> kept = new TreeSet<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      if (c[0] == 0) {
        kept.add(e.getKey());
      } else if (2 * c[1] >= c[0]) {
        asWords++;
      } else {
        split++;
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      w.write(String.format("# %,d words of jieba's dictionary (dict.txt of jieba-analysis 1.0.2), adapted to the"
          + " segmentation of %s by dev.fenci.bench.OutsideLexicon%n", kept.size(), corpusName(Path.of(args[0]))));
      w.write("# jieba: Copyright (c) 2013 Sun Junyi, MIT licence; jieba-analysis: Apache licence 2.0"
          + " (dev/fenci/models/THIRD-PARTY.txt)\n");
      w.write("# kept: words of 2+ ideographs of jieba frequency >= " + MIN_FREQ + " that the training text never writes"
          + " from a word boundary to a word boundary (as the word or as whole words)\n");
      w.write("# a fenci user dictionary too: multiplier 1, the words reach the network as lexicon words only\n");
      for (String word : kept) {
        w.write(word + ",1\n");
      }
    }
    System.err.printf("jieba lists %,d words; %,d of 2+ ideographs with frequency >= %d; the training text holds %,d"
        + " of them as words in at least half of their aligned occurrences and splits %,d more often; kept the %,d"
        + " it never writes aligned%n", listed, counts.size(), MIN_FREQ, asWords, split, kept.size());
  }

  /**
   * Counts the listed words' aligned occurrences in one training sentence: {@code c[0]} the
   * occurrences that start and end at word boundaries, {@code c[1]} those of them that are one word.
   */
  static void count(List<String> sentence, Map<String, int[]> counts, int longest) {
    StringBuilder text = new StringBuilder();
    int[] ends = new int[sentence.size() + 1]; // ends[k]: where word k ends (ends[0] = 0 starts the text)
    for (int k = 0; k < sentence.size(); k++) {
      text.append(sentence.get(k));
      ends[k + 1] = text.length();
    }
    for (int a = 0; a < sentence.size(); a++) {
      int i = ends[a];
      for (int b = a + 1; b <= sentence.size() && ends[b] - i <= longest; b++) {
        if (ends[b] - i < 2) {
          continue;
        }
        int[] c = counts.get(text.substring(i, ends[b]));
        if (c != null) {
          c[0]++;
          if (b == a + 1) {
            c[1]++;
          }
        }
      }
    }
  }

  /** The training file as its folder and name ({@code pd1998/train.utf8}). */
  private static String corpusName(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.getParent() == null ? abs.getFileName().toString()
        : abs.getParent().getFileName() + "/" + abs.getFileName();
  }

  private static boolean ideographs(String w) {
    return w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
