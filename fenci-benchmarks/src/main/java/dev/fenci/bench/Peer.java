package dev.fenci.bench;

import java.util.ArrayList;
import java.util.List;

/** A segmenter under comparison: its name and its words for one line, covering the line. */
interface Peer {
  String name();

  /** Words of {@code line}; they concatenate to the line (outputs are rebuilt when a peer drops text). */
  List<String> segment(String line);

  /**
   * Words from spans ({@code [starts[i], ends[i])}, in order): text a segmenter skipped becomes
   * one word per character, whitespace is dropped (the score script ignores it).
   */
  static List<String> fromSpans(String text, int[] starts, int[] ends, int count) {
    List<String> out = new ArrayList<>(count + 4);
    int at = 0;
    for (int i = 0; i < count; i++) {
      int s = Math.max(starts[i], at);
      int e = Math.min(ends[i], text.length());
      if (e <= s) {
        continue;
      }
      gap(text, at, s, out);
      out.add(text.substring(s, e));
      at = e;
    }
    gap(text, at, text.length(), out);
    return out;
  }

  /** Words given as strings, aligned to the text in order (a word that does not match is skipped). */
  static List<String> fromWords(String text, List<String> words) {
    int[] s = new int[words.size()];
    int[] e = new int[words.size()];
    int n = 0;
    int at = 0;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      int found = text.indexOf(w, at);
      if (found < 0 || found - at > 16) {
        continue;
      }
      s[n] = found;
      e[n] = found + w.length();
      n++;
      at = found + w.length();
    }
    return fromSpans(text, s, e, n);
  }

  private static void gap(String text, int from, int to, List<String> out) {
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
        out.add(text.substring(i, i + len));
      }
      i += len;
    }
  }
}
