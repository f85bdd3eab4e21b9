package dev.fenci.decode;

import dev.fenci.dict.DictionarySnapshot;
import dev.fenci.model.Model;
import dev.fenci.model.Vocabulary;
import dev.fenci.model.WordLanguageModel;
import dev.fenci.nn.Lexicon;
import dev.fenci.text.TextRules;
import java.util.Arrays;

/**
 * The known words inside a word, for search indexes: {@code 共和} and {@code 共和国} inside
 * {@code 中华人民共和国}, so that a query for a part finds the whole. A part is known when the model
 * was trained with it as a word (its word model's vocabulary or its lexicon), when it was added to
 * the model's lexicon (the {@code +jieba} presets), or when the user dictionary holds it with a
 * multiplier of 1 or more; an entry with a multiplier below 1 keeps it out whatever the model
 * knows. Parts are Chinese characters only (two or more, fewer than the word has), so Latin words,
 * numbers and web addresses are never taken apart. Characters are compared as the network reads
 * them (full-width and ASCII alike, traditional as simplified), as the decoder does.
 */
public final class Subwords {
  /** Longest part looked up, in characters (a longer word still has its shorter parts found). */
  static final int LONGEST = 16;

  private final Vocabulary vocab;
  private final TextRules rules;
  private final Lexicon lexicon;
  private final WordLanguageModel wordModel;

  public Subwords(Model model) {
    this.vocab = model.vocabulary();
    this.rules = model.rules();
    this.lexicon = model.network().lexicon();
    this.wordModel = model.wordModel();
  }

  /**
   * The parts of {@code word} as pairs of UTF-16 offsets into it, {@code start, end, start, end,
   * ...}, ordered by start, then by end; none if it has none (a word of fewer than three
   * characters has none).
   */
  public int[] find(String word, DictionarySnapshot dict) {
    int n = word.codePointCount(0, word.length());
    if (n < 3) {
      return new int[0];
    }
    int[] at = new int[n + 1]; // UTF-16 offset of each code point, and the end
    int[] ids = new int[n];
    boolean[] han = new boolean[n];
    boolean any = false;
    for (int i = 0, k = 0; k < n; k++) {
      int cp = word.codePointAt(i);
      at[k] = i;
      ids[k] = vocab.read(cp, rules);
      han[k] = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
      any |= han[k];
      i += Character.charCount(cp);
    }
    at[n] = word.length();
    if (!any) {
      return new int[0];
    }
    Told told = dict.size() == 0 ? Told.NONE : new Told(word, dict, at);
    int[] out = new int[8];
    int size = 0;
    for (int s = 0; s < n - 1; s++) {
      long key = WordLanguageModel.startKey();
      boolean knownIds = true;
      for (int e = s + 1; e <= Math.min(n, s + LONGEST) && han[e - 1]; e++) {
        key = WordLanguageModel.extendKey(key, ids[e - 1]);
        knownIds &= ids[e - 1] != Vocabulary.UNKNOWN;
        int len = e - s;
        if (len < 2 || len == n) {
          continue;
        }
        int say = told.say(s, e);
        boolean known = say > 0 || say == 0 && knownIds
            && (wordModel != null && wordModel.index(key) != WordLanguageModel.UNKNOWN
                || lexicon != null && len <= Lexicon.MAX_LENGTH && lexicon.contains(ids, s, len));
        if (known) {
          if (size + 2 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
          }
          out[size++] = at[s];
          out[size++] = at[e];
        }
      }
    }
    return Arrays.copyOf(out, size);
  }

  /** The user dictionary's say on the word's parts: its entries' occurrences in it, by code point range. */
  private static final class Told {
    static final Told NONE = new Told();

    private final long[] yes; // start << 32 | end, sorted: entries with a multiplier of 1 or more
    private final long[] no; // entries with a multiplier below 1

    private Told() {
      yes = no = new long[0];
    }

    Told(String word, DictionarySnapshot dict, int[] at) {
      long[][] found = {new long[4], new long[4]};
      int[] count = new int[2];
      dict.forEachMatch(word, (start, end, logMultiplier) -> {
        int s = Arrays.binarySearch(at, start);
        int e = Arrays.binarySearch(at, end);
        if (s >= 0 && e >= 0) {
          int which = logMultiplier < 0 ? 1 : 0;
          if (count[which] == found[which].length) {
            found[which] = Arrays.copyOf(found[which], 2 * count[which]);
          }
          found[which][count[which]++] = (long) s << 32 | e;
        }
      });
      yes = Arrays.copyOf(found[0], count[0]);
      no = Arrays.copyOf(found[1], count[1]);
      Arrays.sort(yes);
      Arrays.sort(no);
    }

    /** -1 if an entry says {@code [s, e)} is no word, else 1 if one says it is, else 0. */
    int say(int s, int e) {
      long k = (long) s << 32 | e;
      return Arrays.binarySearch(no, k) >= 0 ? -1 : Arrays.binarySearch(yes, k) >= 0 ? 1 : 0;
    }
  }
}
