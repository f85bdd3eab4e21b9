package dev.fenci.train;

import dev.fenci.model.Vocabulary;
import dev.fenci.tag.Tag;
import dev.fenci.text.Chunk;
import dev.fenci.text.Chunker;
import dev.fenci.text.TextRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training pieces: the TEXT chunks of every training sentence (cut exactly as at segmentation
 * time), each with the ids the network sees and its gold tags. A gold word that a cut splits
 * becomes several words, so every piece's tags are a legal sequence.
 */
public final class TrainingData {
  /**
   * One piece: ids and gold tags, same length, and for networks with lexicon features the
   * features the trainer gives it (null otherwise).
   */
  public record Piece(int[] ids, int[] tags, byte[] lexicon) {
    public Piece(int[] ids, int[] tags) {
      this(ids, tags, null);
    }
  }

  private final List<Piece> pieces;
  private final Vocabulary vocabulary;
  private final long characters;

  private TrainingData(List<Piece> pieces, Vocabulary vocabulary) {
    this.pieces = pieces;
    this.vocabulary = vocabulary;
    long c = 0;
    for (Piece p : pieces) {
      c += p.ids.length;
    }
    this.characters = c;
  }

  /** Builds the vocabulary (characters seen at least {@code minCount} times) and the pieces. */
  public static TrainingData build(List<List<String>> sentences, TextRules rules, int minCount) {
    List<int[]> cps = new ArrayList<>();
    List<int[]> tags = new ArrayList<>();
    pieces(sentences, rules, cps, tags);
    Map<Integer, Integer> counts = new HashMap<>();
    for (int[] p : cps) {
      for (int cp : p) {
        counts.merge(cp, 1, Integer::sum);
      }
    }
    return withVocabulary(cps, tags, Vocabulary.fromCounts(counts, minCount), null);
  }

  /**
   * Pieces of {@code sentences} for a run that starts from a model whose vocabulary is {@code base}:
   * the vocabulary grows by the characters it cannot read ({@link Vocabulary#read}) that occur at
   * least {@code minCount} times, appended so that the base's ids keep their meaning. Every
   * character then gets the id the decoder will read for it: a traditional character outside the
   * vocabulary trains the row of its simplified form when the base knows that one.
   */
  public static TrainingData build(List<List<String>> sentences, TextRules rules, Vocabulary base, int minCount) {
    List<int[]> cps = new ArrayList<>();
    List<int[]> tags = new ArrayList<>();
    pieces(sentences, rules, cps, tags);
    Map<Integer, Integer> unread = new HashMap<>();
    for (int[] p : cps) {
      for (int cp : p) {
        if (base.read(cp, rules) == Vocabulary.UNKNOWN) {
          unread.merge(cp, 1, Integer::sum);
        }
      }
    }
    return withVocabulary(cps, tags, base.extend(unread, minCount), rules);
  }

  /**
   * Numbers the (normalised) code points: with {@code rules} as {@link Vocabulary#read} does, without
   * by the vocabulary alone (a vocabulary built from these very pieces).
   */
  private static TrainingData withVocabulary(List<int[]> cps, List<int[]> tags, Vocabulary vocab, TextRules rules) {
    List<Piece> pieces = new ArrayList<>(cps.size());
    for (int i = 0; i < cps.size(); i++) {
      int[] c = cps.get(i);
      int[] ids = new int[c.length];
      for (int k = 0; k < c.length; k++) {
        ids[k] = rules != null ? vocab.read(c[k], rules) : vocab.id(c[k]);
      }
      pieces.add(new Piece(ids, tags.get(i)));
    }
    return new TrainingData(pieces, vocab);
  }

  /**
   * The longest piece: a longer TEXT chunk (a line without punctuation) is cut at a word start, so
   * that its memory stays bounded and it is one of many batches' pieces, not an epoch's only step.
   * Above the longest chunk of People's Daily 1998 (961 characters, a list of names).
   */
  static final int MAX_PIECE = 1024;

  /** Normalised code points and tags of every TEXT chunk of every sentence (cut to {@link #MAX_PIECE}). */
  private static void pieces(List<List<String>> sentences, TextRules rules, List<int[]> cpsOut, List<int[]> tagsOut) {
    Chunker chunker = new Chunker(rules);
    for (List<String> words : sentences) {
      if (words.isEmpty()) {
        continue;
      }
      String text = String.join("", words);
      boolean[] wordStart = new boolean[text.length() + 1];
      int off = 0;
      for (String w : words) {
        wordStart[off] = true;
        off += w.length();
      }
      wordStart[off] = true;
      for (Chunk c : chunker.chunk(text)) {
        if (c.kind() != Chunk.Kind.TEXT) {
          continue;
        }
        for (int start = c.start(); start < c.end(); ) {
          int end = pieceEnd(text, start, c.end(), wordStart);
          int n = text.codePointCount(start, end);
          int[] cps = new int[n];
          int[] tg = new int[n];
          int i = start;
          for (int k = 0; k < n; k++) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean begins = k == 0 || wordStart[i];
            boolean ends = next == end || wordStart[next];
            cps[k] = rules.normalize(cp);
            tg[k] = (begins ? (ends ? Tag.S : Tag.B) : (ends ? Tag.E : Tag.M)).ordinal();
            i = next;
          }
          cpsOut.add(cps);
          tagsOut.add(tg);
          start = end;
        }
      }
    }
  }

  /**
   * Where the piece that starts at {@code start} ends: the chunk's end when it is at most
   * {@link #MAX_PIECE} code points away, else the last word start within that many (a word longer
   * than that is cut where the limit falls).
   */
  static int pieceEnd(String text, int start, int chunkEnd, boolean[] wordStart) {
    int limit = start;
    for (int k = 0; k < MAX_PIECE && limit < chunkEnd; k++) {
      limit += Character.charCount(text.codePointAt(limit));
    }
    if (limit == chunkEnd) {
      return chunkEnd;
    }
    for (int i = limit; i > start; i--) {
      if (wordStart[i] && !Character.isLowSurrogate(text.charAt(i))) {
        return i;
      }
    }
    return limit;
  }

  public List<Piece> pieces() {
    return pieces;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Characters in all pieces. */
  public long characters() {
    return characters;
  }
}
