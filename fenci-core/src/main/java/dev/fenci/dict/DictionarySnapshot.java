package dev.fenci.dict;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable dictionary: its entries and the Aho-Corasick automaton that finds all their
 * occurrences in one pass over a text. Safe to share between threads.
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
  private final AhoCorasickDoubleArrayTrie<Entry> trie;

  /** @param entries by word; later duplicates have already replaced earlier ones */
  DictionarySnapshot(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    if (entries.isEmpty()) {
      this.trie = null;
    } else {
      AhoCorasickDoubleArrayTrie<Entry> t = new AhoCorasickDoubleArrayTrie<>();
      t.build(new TreeMap<>(entries));
      this.trie = t;
    }
  }

  /** Builds a snapshot; for the same word the later entry wins. */
  public static DictionarySnapshot of(Collection<Entry> entries) {
    Map<String, Entry> m = new TreeMap<>();
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
    if (trie == null || text.length() == 0) {
      return List.of();
    }
    List<Match> out = new ArrayList<>();
    trie.parseText(text, (begin, end, e) -> {
      // never start or end between the two halves of a surrogate pair
      if ((begin > 0 && Character.isLowSurrogate(text.charAt(begin)) && Character.isHighSurrogate(text.charAt(begin - 1)))
          || (end < text.length() && Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1)))) {
        return;
      }
      out.add(new Match(begin, end, e.multiplier()));
    });
    out.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
    return out;
  }
}
