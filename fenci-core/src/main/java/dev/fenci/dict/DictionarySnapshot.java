package dev.fenci.dict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

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

  /** Every occurrence of every entry, overlapping ones included, ordered by start then length. */
  public List<Match> matches(CharSequence text) {
    List<Match> out = new ArrayList<>();
    forEachMatch(text, (begin, end, logMultiplier) ->
        out.add(new Match(begin, end, entries.get(text.subSequence(begin, end).toString()).multiplier())));
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

  /** Every occurrence of every entry, without allocating, in the automaton's order (by end). */
  public void forEachMatch(CharSequence text, MatchConsumer consumer) {
    if (automaton == null || text.length() == 0) {
      return;
    }
    automaton.match(text, (begin, end, logMultiplier) -> {
      // never start or end between the two halves of a surrogate pair
      if ((begin > 0 && Character.isLowSurrogate(text.charAt(begin)) && Character.isHighSurrogate(text.charAt(begin - 1)))
          || (end < text.length() && Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1)))) {
        return;
      }
      consumer.match(begin, end, logMultiplier);
    });
  }
}
