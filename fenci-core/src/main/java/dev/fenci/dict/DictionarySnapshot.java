package dev.fenci.dict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import dev.fenci.text.Chunker;

/**
 * An immutable dictionary: its entries and the Aho-Corasick automaton ({@link AhoCorasick}) that
 * finds all their occurrences in one pass over a text. Safe to share between threads.
 */
public final class DictionarySnapshot {
  /** The empty dictionary. */
  public static final DictionarySnapshot EMPTY = new DictionarySnapshot(Map.of());

  /** An occurrence of an entry: {@code [start, end)} in UTF-16 units. */
  public record Match(int start, int end, double multiplier) {
    public boolean isForced() {
      return multiplier == Double.POSITIVE_INFINITY;
    }
  }

  private final Map<String, Entry> entries;
  private final AhoCorasick automaton;

  /** @param entries by word, owned by the snapshot from now on; later duplicates already won */
  DictionarySnapshot(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
    List<String> words = new ArrayList<>(entries.size());
    float[] logMultipliers = new float[entries.size()];
    for (Entry e : this.entries.values()) {
      logMultipliers[words.size()] = (float) Math.log(e.multiplier());
      words.add(e.word());
    }
    this.automaton = entries.isEmpty() ? null : new AhoCorasick(words, logMultipliers);
  }

  /** Builds a snapshot; for the same word the later entry wins. */
  public static DictionarySnapshot of(Collection<Entry> entries) {
    Map<String, Entry> m = new HashMap<>(entries.size() * 2);
    for (Entry e : entries) {
      m.put(e.word(), e);
    }
    return new DictionarySnapshot(m);
  }

  public int size() {
    return entries.size();
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  /**
   * Every occurrence of every entry, overlapping ones included, ordered by start then length, as
   * {@link #forEachMatch} applies them (with the combining marks that follow).
   */
  public List<Match> matches(CharSequence text) {
    List<Match> out = new ArrayList<>();
    scan(text, (begin, wordEnd, end, logMultiplier) ->
        out.add(new Match(begin, end, entries.get(text.subSequence(begin, wordEnd).toString()).multiplier())));
    out.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
    return out;
  }

  /**
   * Receives occurrences as they are found (ordered by end, not by start), with the natural log
   * of the entry's multiplier: positive pulls the occurrence together, negative pushes it apart,
   * positive infinity forces it.
   */
  @FunctionalInterface
  public interface MatchConsumer {
    void match(int start, int end, float logMultiplier);
  }

  /**
   * Every occurrence of every entry, without allocating, in no particular order. An occurrence
   * never starts or ends inside a surrogate pair, never starts with a combining mark or variation
   * selector, and takes those that follow it ({@code 北京} in {@code 北京\uFE0F天安门} is applied
   * to {@code 北京\uFE0F}: a mark belongs to the character before it).
   */
  public void forEachMatch(CharSequence text, MatchConsumer consumer) {
    scan(text, (begin, wordEnd, end, logMultiplier) -> consumer.match(begin, end, logMultiplier));
  }

  /** An occurrence: the entry is {@code [begin, wordEnd)}, applied to {@code [begin, end)}. */
  private interface Occurrence {
    void at(int begin, int wordEnd, int end, float logMultiplier);
  }

  private void scan(CharSequence text, Occurrence consumer) {
    if (automaton == null || text.length() == 0) {
      return;
    }
    int n = text.length();
    automaton.match(text, (begin, wordEnd, logMultiplier) -> {
      if ((begin > 0 && Character.isLowSurrogate(text.charAt(begin)) && Character.isHighSurrogate(text.charAt(begin - 1)))
          || (wordEnd < n && Character.isLowSurrogate(text.charAt(wordEnd)) && Character.isHighSurrogate(text.charAt(wordEnd - 1)))
          || Chunker.isCombiningMark(Character.codePointAt(text, begin))) {
        return;
      }
      int end = wordEnd;
      while (end < n && Chunker.isCombiningMark(Character.codePointAt(text, end))) {
        end += Character.charCount(Character.codePointAt(text, end));
      }
      consumer.at(begin, wordEnd, end, logMultiplier);
    });
  }
}
