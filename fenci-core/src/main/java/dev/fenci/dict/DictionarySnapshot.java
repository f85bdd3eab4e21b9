package dev.fenci.dict;

import dev.fenci.text.Chunker;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable dictionary: its entries and the Aho-Corasick automaton ({@link AhoCorasick}) that
 * finds all their occurrences in one pass over a text. Safe to share between threads.
 *
 * <p>A change to a large dictionary ({@link UserDictionary#add}, {@link UserDictionary#remove})
 * does not rebuild its automaton: the new snapshot shares the old one's, hides the words changed
 * or removed since it was built, and puts the changed and added entries in a small automaton of
 * their own, matched beside it. When the changes (hidden and added entries) outnumber the square
 * root of twice the whole (at least 256), the next change builds one automaton again. So a single
 * change to the 242,670 entries of the four bakeoff word lists takes milliseconds, not the 0.3-0.4 s
 * of a rebuild, and segmentation stays one pass per automaton; a change costs about the square
 * root of the dictionary's size, amortised, and many changes at once ({@link UserDictionary#addAll})
 * cost about what they change.
 */
public final class DictionarySnapshot {
  /** The empty dictionary. */
  public static final DictionarySnapshot EMPTY = new DictionarySnapshot(Map.of());

  /** Changed entries kept beside the shared automaton, at most (beyond, a change rebuilds it). */
  private static final int MIN_OVERLAY = 256;

  /** An occurrence of an entry: {@code [start, end)} in UTF-16 units. */
  public record Match(int start, int end, double multiplier) {
    /** Whether the entry keeps the word whole (multiplier positive infinity). */
    public boolean isForced() {
      return multiplier == Double.POSITIVE_INFINITY;
    }
  }

  /** Entries with their automaton; an occurrence names its entry by index, with its log multiplier. */
  private static final class Layer {
    final Entry[] entries;
    final AhoCorasick automaton;

    /** @param small whether this is the small layer of recent changes, rebuilt at every change */
    Layer(Collection<Entry> entries, boolean small) {
      this.entries = entries.toArray(new Entry[0]);
      float[] logMultipliers = new float[this.entries.length];
      List<String> words = new ArrayList<>(this.entries.length);
      for (Entry e : this.entries) {
        logMultipliers[words.size()] = (float) Math.log(e.multiplier());
        words.add(e.word());
      }
      automaton = new AhoCorasick(words, logMultipliers, !small);
    }
  }

  /** The automaton shared with the snapshots before this one (null when empty). */
  private final Layer base;
  /** Entries of {@code base} changed or removed since it was built (null if none). */
  private final BitSet hidden;
  /** Entries added or changed since {@code base} was built (null if none). */
  private final Layer overlay;
  private final int size;
  /** All entries by word (as written); built on first use. */
  private volatile Map<String, Entry> entries;

  /**
   * @param entries by {@link Folding#key} of their words, owned by the snapshot from now on; later
   *     duplicates already won
   */
  DictionarySnapshot(Map<String, Entry> entries) {
    this.base = entries.isEmpty() ? null : new Layer(entries.values(), false);
    this.hidden = null;
    this.overlay = null;
    this.size = entries.size();
  }

  private DictionarySnapshot(Layer base, BitSet hidden, Layer overlay, int size) {
    this.base = base;
    this.hidden = hidden;
    this.overlay = overlay;
    this.size = size;
  }

  /**
   * Builds a snapshot; for the same word the later entry wins (the same once folded: {@code ＡＢＣ}
   * and {@code ABC} are one word: the forms {@link UserDictionary} says an entry matches).
   */
  public static DictionarySnapshot of(Collection<Entry> entries) {
    Map<String, Entry> m = new HashMap<>(java.util.Objects.requireNonNull(entries, "entries are null").size() * 2);
    int i = 0;
    for (Entry e : entries) {
      if (e == null) {
        throw new NullPointerException("entry " + i + " of the collection is null");
      }
      i++;
      m.put(Folding.key(e.word()), e);
    }
    return new DictionarySnapshot(m);
  }

  /** This dictionary with {@code put} added (replacing entries of the same word) and {@code remove} removed. */
  DictionarySnapshot with(Collection<Entry> put, Collection<String> remove) {
    Map<String, Entry> changed = new LinkedHashMap<>(); // by folded word
    if (overlay != null) {
      for (Entry e : overlay.entries) {
        changed.put(Folding.key(e.word()), e);
      }
    }
    BitSet hide = hidden == null ? new BitSet() : (BitSet) hidden.clone();
    for (String w : remove) {
      changed.remove(Folding.key(w));
      hide(hide, w);
    }
    for (Entry e : put) {
      changed.put(Folding.key(e.word()), e);
      hide(hide, e.word());
    }
    int baseSize = base == null ? 0 : base.entries.length;
    // every change rebuilds the small automaton, and a rebuild of the whole comes every so many
    // changes: with sqrt(2 n) of them kept beside n entries both cost about sqrt(n / 2) per change
    if (changed.size() + hide.cardinality() > Math.max(MIN_OVERLAY, (int) Math.sqrt(2.0 * baseSize))) {
      Map<String, Entry> all = new HashMap<>((baseSize + changed.size()) * 2);
      for (int i = 0; i < baseSize; i++) {
        if (!hide.get(i)) {
          all.put(Folding.key(base.entries[i].word()), base.entries[i]);
        }
      }
      all.putAll(changed);
      return new DictionarySnapshot(all);
    }
    return new DictionarySnapshot(base, hide.isEmpty() ? null : hide, changed.isEmpty() ? null : new Layer(changed.values(), true),
        baseSize - hide.cardinality() + changed.size());
  }

  private void hide(BitSet hide, String word) {
    int i = base == null ? -1 : base.automaton.indexOf(word);
    if (i >= 0) {
      hide.set(i);
    }
  }

  /** The number of entries. */
  public int size() {
    return size;
  }

  /** Every entry, by word (unmodifiable). */
  public Map<String, Entry> entries() {
    Map<String, Entry> m = entries;
    if (m == null) {
      Map<String, Entry> all = new HashMap<>(size * 2);
      for (int i = 0; base != null && i < base.entries.length; i++) {
        if (hidden == null || !hidden.get(i)) {
          all.put(base.entries[i].word(), base.entries[i]);
        }
      }
      for (int i = 0; overlay != null && i < overlay.entries.length; i++) {
        all.put(overlay.entries[i].word(), overlay.entries[i]);
      }
      entries = m = Collections.unmodifiableMap(all);
    }
    return m;
  }

  /**
   * Every occurrence of every entry, overlapping ones included, ordered by start then length, as
   * {@link #forEachMatch} applies them (with the combining marks that follow).
   */
  public List<Match> matches(CharSequence text) {
    java.util.Objects.requireNonNull(text, "text is null");
    List<Match> out = new ArrayList<>();
    scan(text, (begin, end, layer, word, logMultiplier) -> out.add(new Match(begin, end, layer.entries[word].multiplier())));
    out.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
    return out;
  }

  /**
   * Receives occurrences as they are found, with the natural log of the entry's multiplier:
   * positive pulls the occurrence together, negative pushes it apart, positive infinity forces it.
   */
  @FunctionalInterface
  public interface MatchConsumer {
    /** An occurrence at {@code [start, end)} in UTF-16 units. */
    void match(int start, int end, float logMultiplier);
  }

  /**
   * Every occurrence of every entry, in no particular order, allocating nothing per occurrence. An occurrence
   * never starts or ends inside a surrogate pair, nor inside a Latin word or a number
   * ({@code AI} is not found in {@code EMAIL}, {@code New York} not in {@code New Yorker}, {@code 15}
   * not in {@code 2015}), never starts with a combining mark or variation
   * selector, and takes those that follow it ({@code 北京} in {@code 北京\uFE0F天安门} is applied
   * to {@code 北京\uFE0F}: a mark belongs to the character before it).
   */
  public void forEachMatch(CharSequence text, MatchConsumer consumer) {
    java.util.Objects.requireNonNull(text, "text is null");
    java.util.Objects.requireNonNull(consumer, "consumer is null");
    scan(text, (begin, end, layer, word, logMultiplier) -> consumer.match(begin, end, logMultiplier));
  }

  /** An occurrence of entry {@code word} of {@code layer}, applied to {@code [begin, end)}. */
  private interface Occurrence {
    void at(int begin, int end, Layer layer, int word, float logMultiplier);
  }

  private void scan(CharSequence text, Occurrence consumer) {
    if (text.length() == 0) {
      return;
    }
    if (base != null) {
      scan(text, base, hidden, consumer);
    }
    if (overlay != null) {
      scan(text, overlay, null, consumer);
    }
  }

  private static void scan(CharSequence text, Layer layer, BitSet hidden, Occurrence consumer) {
    int n = text.length();
    layer.automaton.match(text, (begin, wordEnd, word, logMultiplier) -> {
      if ((hidden != null && hidden.get(word))
          || (begin > 0 && Character.isLowSurrogate(text.charAt(begin)) && Character.isHighSurrogate(text.charAt(begin - 1)))
          || (wordEnd < n && Character.isLowSurrogate(text.charAt(wordEnd)) && Character.isHighSurrogate(text.charAt(wordEnd - 1)))
          || Chunker.isCombiningMark(Character.codePointAt(text, begin))
          || insideAWord(text, begin, wordEnd)) {
        return;
      }
      consumer.at(begin, Chunker.marksEnd(text, wordEnd), layer, word, logMultiplier);
    });
  }

  /**
   * Whether {@code [begin, wordEnd)} starts or ends inside a Latin word or a number: its first
   * character and the one before it are both Latin letters (ASCII, beyond ASCII or full-width) or
   * both digits, or so are its last character and the one after it (after the combining marks that
   * it takes), or a digit of it is next to a separator between digits ({@code 3.14}, {@code 1,299},
   * {@code 19:30}). {@code AI} does not occur in {@code EMAIL} nor {@code New York} in {@code New Yorker},
   * nor {@code 15} in {@code 2015} or {@code 14} in {@code 3.14}; {@code iPhone} does in {@code iPhone6Plus}, {@code com} in
   * {@code example.com}, and every entry inside Chinese text.
   */
  private static boolean insideAWord(CharSequence text, int begin, int wordEnd) {
    if (begin > 0) {
      int before = begin;
      while (before > 0 && Chunker.isCombiningMark(Character.codePointBefore(text, before))) {
        before -= Character.charCount(Character.codePointBefore(text, before));
      }
      if (before > 0 && sameKind(Character.codePointBefore(text, before), Character.codePointAt(text, begin))) {
        return true;
      }
    }
    int after = Chunker.marksEnd(text, wordEnd);
    if (after < text.length() && sameKind(Character.codePointBefore(text, wordEnd), Character.codePointAt(text, after))) {
      return true;
    }
    // nor next to a separator inside a number (3.14, 1,299, 19:30, 2026-12-02): 14 is not found in 3.14
    return (begin >= 2 && wordKind(Character.codePointAt(text, begin)) == 2 && separatesDigits(text.charAt(begin - 1))
            && wordKind(Character.codePointBefore(text, begin - 1)) == 2)
        || (after + 1 < text.length() && wordKind(Character.codePointBefore(text, wordEnd)) == 2
            && separatesDigits(text.charAt(after)) && wordKind(Character.codePointAt(text, after + 1)) == 2);
  }

  /**
   * A mark that numbers hold between digits: a decimal point (also full-width), a thousands separator, a colon (also
   * full-width), a hyphen (ASCII's or Unicode's, {@link Chunker#isHyphen}), the tilde of a range ({@code 3~5}, which the chunker keeps in the number's run as it does
   * the hyphen, {@link dev.fenci.text.Chunker#joinsDigits}).
   */
  private static boolean separatesDigits(char c) {
    return c == '.' || c == ',' || c == ':' || Chunker.isHyphen(c) || c == '．' || c == '：' || c == '~';
  }

  /** Whether {@code a} and {@code b} are both Latin letters or both digits (ASCII or full-width). */
  private static boolean sameKind(int a, int b) {
    int kind = wordKind(a);
    return kind != 0 && kind == wordKind(b);
  }

  /** 1 for a Latin letter (ASCII, beyond ASCII, full-width), 2 for a digit (ASCII, full-width), else 0. */
  private static int wordKind(int cp) {
    if ((cp >= '0' && cp <= '9') || (cp >= '０' && cp <= '９')) {
      return 2;
    }
    boolean letter = ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= 'Ａ' && cp <= 'Ｚ') || (cp >= 'ａ' && cp <= 'ｚ')
        || Chunker.isLatinLetter(cp);
    return letter ? 1 : 0;
  }
}
