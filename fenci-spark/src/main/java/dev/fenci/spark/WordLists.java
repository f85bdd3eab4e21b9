package dev.fenci.spark;

import dev.fenci.Segmenter;
import dev.fenci.Token;
import dev.fenci.text.Chunker;
import java.util.ArrayList;
import java.util.List;

/** The word lists that the SQL functions and the pipeline stage give for a text. */
final class WordLists {
  private WordLists() {}

  /**
   * The words of {@code text} without the runs of whitespace between them; without the words made
   * only of punctuation unless {@code keepPunctuation}; each followed by its {@link
   * Segmenter#subwords} if {@code subwords}. Null for a null text.
   */
  static List<String> words(Segmenter seg, String text, boolean subwords, boolean keepPunctuation) {
    if (text == null) {
      return null;
    }
    List<String> words = new ArrayList<>();
    if (subwords) {
      for (Token t : seg.tokenizeForSearch(text)) {
        if (!t.isSpace() && (keepPunctuation || !t.isPunctuation())) {
          words.add(t.word());
        }
      }
    } else {
      for (String w : seg.segment(text)) {
        if (!Chunker.isSpaceWord(w) && (keepPunctuation || !Chunker.isPunctuationWord(w))) {
          words.add(w);
        }
      }
    }
    return words;
  }
}
