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
 * text never holds, not even as a string inside other words. A word the corpus holds but splits
 * (jieba's {@code 这次}, {@code 不能}) would teach the decoder another standard, and one it holds
 * as a word is in the model's lexicon already (keeping those too, when they are a word in at
 * least 30%, 50% or 80% of their occurrences, gave the same output on pd1998's dev set). So the
 * list holds nothing of the training corpus.
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
    Map<String, int[]> counts = new HashMap<>(); // word -> {occurrences as a string}
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
          counts.put(w, new int[1]);
          longest = Math.max(longest, w.length()); // in UTF-16 units, as the scan below counts
        }
      }
    }
    List<List<String>> sentences = Corpus.read(Path.of(args[0]));
    StringBuilder text = new StringBuilder();
    for (List<String> s : sentences) {
      text.setLength(0);
      for (String w : s) {
        text.append(w);
      }
      for (int i = 0; i < text.length(); i++) {
        for (int n = 2; n <= longest && i + n <= text.length(); n++) {
          int[] c = counts.get(text.substring(i, i + n));
          if (c != null) {
            c[0]++;
          }
        }
      }
    }
    TreeSet<String> kept = new TreeSet<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      if (e.getValue()[0] == 0) {
        kept.add(e.getKey());
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      w.write(String.format("# %,d words of jieba's dictionary (dict.txt of jieba-analysis 1.0.2), adapted to the"
          + " segmentation of %s by dev.fenci.bench.OutsideLexicon%n", kept.size(), corpusName(Path.of(args[0]))));
      w.write("# jieba: Copyright (c) 2013 Sun Junyi, MIT licence; jieba-analysis: Apache licence 2.0"
          + " (dev/fenci/models/THIRD-PARTY.txt)\n");
      w.write("# kept: words of 2+ ideographs of jieba frequency >= " + MIN_FREQ + " that the training text never holds,"
          + " not even inside other words\n");
      w.write("# a fenci user dictionary too: multiplier 1, the words reach the network as lexicon words only\n");
      for (String word : kept) {
        w.write(word + ",1\n");
      }
    }
    System.err.printf("jieba lists %,d words; %,d of 2+ ideographs with frequency >= %d; kept the %,d never in the"
        + " training text%n", listed, counts.size(), MIN_FREQ, kept.size());
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
