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
  private final Entry[] byIndex;
  private final double[] multipliers;
  private final float[] logMultipliers;
  private final AhoCorasick automaton;

  /** @param entries by word, owned by the snapshot from now on; later duplicates already won */
  DictionarySnapshot(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
    this.byIndex = this.entries.values().toArray(new Entry[0]);
    this.multipliers = new double[byIndex.length];
    this.logMultipliers = new float[byIndex.length];
    for (int i = 0; i < byIndex.length; i++) {
      multipliers[i] = byIndex[i].multiplier();
      logMultipliers[i] = (float) Math.log(multipliers[i]);
    }
    this.automaton = entries.isEmpty() ? null : new AhoCorasick(new ArrayList<>(this.entries.keySet()));
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
    forEachMatch(text, (begin, end, multiplier, logMultiplier) -> out.add(new Match(begin, end, multiplier)));
    out.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
    return out;
  }

  /** Receives occurrences as they are found (ordered by end, not by start). */
  @FunctionalInterface
  public interface MatchConsumer {
    void match(int start, int end, double multiplier, float logMultiplier);
  }

  /** Every occurrence of every entry, without allocating, in the automaton's order (by end). */
  public void forEachMatch(CharSequence text, MatchConsumer consumer) {
    if (automaton == null || text.length() == 0) {
      return;
    }
    automaton.match(text, (begin, end, index) -> {
      // never start or end between the two halves of a surrogate pair
      if ((begin > 0 && Character.isLowSurrogate(text.charAt(begin)) && Character.isHighSurrogate(text.charAt(begin - 1)))
          || (end < text.length() && Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1)))) {
        return;
      }
      consumer.match(begin, end, multipliers[index], logMultipliers[index]);
    });
  }
}
