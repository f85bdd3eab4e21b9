package dev.fenci.decode;

import dev.fenci.dict.DictionarySnapshot;
import dev.fenci.model.Model;
import dev.fenci.model.Vocabulary;
import dev.fenci.model.WordLanguageModel;
import dev.fenci.nn.Lexicon;
import dev.fenci.text.Chunker;
import dev.fenci.text.TextRules;
import java.util.Arrays;

/**
 * The parts of a word, for search indexes, so that a query for a part finds the whole. Two kinds:
 *
 * <ul>
 *   <li>The known words of Chinese characters inside it: {@code 共和} and {@code 共和国} inside
 *       {@code 中华人民共和国}. A part is known when the model was trained with it as a word (its word
 *       model's vocabulary or its lexicon), when it was added to the model's lexicon (the {@code
 *       +jieba} presets), or when the user dictionary holds it with a multiplier of 1 or more (2 to
 *       {@value #LONGEST} characters). Characters are compared as the network reads them
 *       (full-width and ASCII alike, traditional as simplified), as the decoder does.
 *   <li>The pieces a word that is not only Chinese characters is written in ({@link WordPieces}):
 *       its runs of Chinese characters and of other scripts ({@code 索尼} and {@code mp3} in {@code
 *       索尼mp3}, {@code 马克} and {@code 吐温} in {@code 马克·吐温}), its letter and digit runs between
 *       delimiters ({@code x86} in {@code x86_64}, {@code hosts} in a file path), the letters and
 *       digits of a run that has both ({@code iphone} in {@code iphone15}) and the host of a web or
 *       mail address ({@code example.com}), whether the model knows them or not.
 * </ul>
 *
 * A part has two characters or more and fewer than the word; an entry of the user dictionary with a
 * multiplier below 1 keeps a part out whatever the model knows.
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
   * characters has none). A combining mark or variation selector belongs to the character before
   * it, as in the decoder and the dictionary: a part ends after the marks of its last character.
   */
  public int[] find(String word, DictionarySnapshot dict) {
    // the word's characters, each with the marks that follow it
    int cps = word.codePointCount(0, word.length());
    if (cps < 3) {
      return new int[0];
    }
    int[] at = new int[cps + 1]; // UTF-16 offset where each character starts; at[n]: the word's end
    int[] points = new int[cps];
    int[] ids = new int[cps];
    boolean[] han = new boolean[cps];
    int n = 0;
    boolean any = false, all = true;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Chunker.isCombiningMark(cp) || Character.getType(cp) == Character.FORMAT) {
        // carried by the character before it (marks that start the word: by none); so is an invisible
        // format character (a soft hyphen, a zero-width joiner), which search terms leave out:
        // infor\u00ADmation has no pieces infor and mation
        i += Character.charCount(cp);
        continue;
      }
      at[n] = i;
      points[n] = cp;
      ids[n] = vocab.read(cp, rules);
      han[n] = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
      any |= han[n];
      all &= han[n];
      n++;
      i += Character.charCount(cp);
    }
    at[n] = word.length();
    if (n < 3) {
      return new int[0];
    }
    Told told = dict.size() == 0 ? null : new Told(word, dict, at, n);
    Ranges out = new Ranges();
    for (int s = 0; any && s < n - 1; s++) {
      long key = WordLanguageModel.startKey();
      boolean knownIds = true;
      for (int e = s + 1; e <= Math.min(n, s + LONGEST) && han[e - 1]; e++) {
        key = WordLanguageModel.extendKey(key, ids[e - 1]);
        knownIds &= ids[e - 1] != Vocabulary.UNKNOWN;
        int len = e - s;
        if (len < 2 || len == n) {
          continue;
        }
        int say = told == null ? 0 : told.say(s, len);
        boolean known = say > 0 || say == 0 && knownIds
            && (wordModel != null && wordModel.index(key) != WordLanguageModel.UNKNOWN
                || lexicon != null && len <= Lexicon.MAX_LENGTH && lexicon.contains(ids, s, len));
        if (known) {
          out.add(s, e);
        }
      }
    }
    int words = n;
    if (!all) {
      WordPieces.find(points, n, (s, e) -> {
        if (e - s < words && (told == null || told.say(s, e - s) >= 0)) {
          out.add(s, e);
        }
      });
    }
    return out.offsets(at);
  }

  /** Character ranges, deduplicated and ordered by start, then by end. */
  private static final class Ranges {
    private long[] keys = new long[8];
    private int size;
    private boolean ordered = true; // added in order, each after the last (the known parts alone are)

    void add(int start, int end) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
      }
      long key = (long) start << 32 | end;
      ordered &= size == 0 || key > keys[size - 1];
      keys[size++] = key;
    }

    /** The ranges as UTF-16 offsets into the word, {@code start, end, start, end, ...}. */
    int[] offsets(int[] at) {
      if (size == 0) {
        return new int[0];
      }
      if (!ordered) { // pieces came after the known parts: sort, and drop the ranges found twice
        Arrays.sort(keys, 0, size);
      }
      int[] out = new int[2 * size];
      int k = 0;
      for (int i = 0; i < size; i++) {
        if (i > 0 && keys[i] == keys[i - 1]) {
          continue;
        }
        out[k++] = at[(int) (keys[i] >>> 32)];
        out[k++] = at[(int) keys[i]];
      }
      return Arrays.copyOf(out, k);
    }
  }

  /**
   * The user dictionary's say on the word's parts, by character range: the ranges of 2 to {@link
   * #LONGEST} characters whose entries have a multiplier of 1 or more ({@code yes}) and those of 2
   * characters or more (the pieces of {@link WordPieces} have no longest) whose entries have one
   * below 1 ({@code no}), kept as the decoder keeps its told words (memory bounded by the word's
   * length however many entries nest).
   */
  private static final class Told {
    private final ToldWords yes;
    private final ToldWords no;

    Told(String word, DictionarySnapshot dict, int[] at, int n) {
      yes = new ToldWords(n);
      no = new ToldWords(n);
      dict.forEachMatch(word, (start, end, logMultiplier) -> {
        int s = Arrays.binarySearch(at, 0, n + 1, start);
        int e = Arrays.binarySearch(at, 0, n + 1, end); // a match ends after its last character's marks
        if (s >= 0 && e >= 0 && e - s < n && (logMultiplier < 0 || e - s <= LONGEST)) {
          (logMultiplier < 0 ? no : yes).add(s, e); // (a range under 2 characters is ignored)
        }
      });
      no.done(); // a no of any length: it keeps a piece out too, an address's host of 20 characters
    }

    /** -1 if an entry says the part of {@code len} characters from {@code s} is no word, else 1 if one says it is, else 0. */
    int say(int s, int len) {
      return no.contains(s, s + len) ? -1 : yes.contains(s, s + len) ? 1 : 0;
    }
  }
}
