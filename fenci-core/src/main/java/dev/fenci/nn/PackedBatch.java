package dev.fenci.nn;

/**
 * Sequences of character ids laid out one after another as the rows of one matrix, with
 * {@code pad} all-zero rows before, between and after them. A convolution can then run over the
 * whole matrix as one product: the zero rows play the role of the 'same' padding of every
 * sequence, so no window ever mixes two sequences.
 */
public final class PackedBatch {
  /** Id of a padding row. */
  public static final int GAP = -1;

  final int[] ids;
  final int[] starts;
  final int[] lengths;
  final int pad;
  final int rows;
  final int positions;
  /** Lexicon feature bits of every row given by the caller (training), or null: the network's own. */
  final byte[] lexicon;
  /** Lexicon feature bits of words the network's lexicon lacks (a user dictionary's), or null. */
  final byte[] extraLexicon;

  private PackedBatch(int[] ids, int[] starts, int[] lengths, int pad, int positions, byte[] lexicon,
      byte[] extraLexicon) {
    this.lexicon = lexicon;
    this.extraLexicon = extraLexicon;
    this.ids = ids;
    this.starts = starts;
    this.lengths = lengths;
    this.pad = pad;
    this.rows = ids.length;
    this.positions = positions;
  }

  /** Packs {@code seqs} (arrays of ids) with {@code pad} gap rows around each. */
  public static PackedBatch of(int pad, int[]... seqs) {
    return of(pad, java.util.Arrays.asList(seqs));
  }

  public static PackedBatch of(int pad, java.util.List<int[]> seqs) {
    int rows = pad;
    int positions = 0;
    for (int[] s : seqs) {
      rows += s.length + pad;
      positions += s.length;
    }
    int[] ids = new int[rows];
    java.util.Arrays.fill(ids, GAP);
    int[] starts = new int[seqs.size()];
    int[] lengths = new int[seqs.size()];
    int r = pad;
    for (int i = 0; i < seqs.size(); i++) {
      int[] s = seqs.get(i);
      starts[i] = r;
      lengths[i] = s.length;
      System.arraycopy(s, 0, ids, r, s.length);
      r += s.length + pad;
    }
    return new PackedBatch(ids, starts, lengths, pad, positions, null, null);
  }

  /**
   * This batch with the given {@link Lexicon} feature bits, one array per sequence (as long as the
   * sequence), in place of those the network would compute from its own lexicon: a trainer
   * gives each part of the training data features from a lexicon of the other parts. Any bits
   * of {@link #withExtraLexiconFeatures} are dropped.
   */
  public PackedBatch withLexiconFeatures(java.util.List<byte[]> perSequence) {
    return new PackedBatch(ids, starts, lengths, pad, positions, rowsOf(perSequence, false), null);
  }

  /**
   * This batch with {@link Lexicon} feature bits added to those of the network's own lexicon, one
   * array per sequence (as long as the sequence, or null for none): the words of a user
   * dictionary, which the network then reads as it reads its training words. Any bits of
   * {@link #withLexiconFeatures} are dropped; a network without lexicon features ignores both.
   */
  public PackedBatch withExtraLexiconFeatures(java.util.List<byte[]> perSequence) {
    return new PackedBatch(ids, starts, lengths, pad, positions, null, rowsOf(perSequence, true));
  }

  private byte[] rowsOf(java.util.List<byte[]> perSequence, boolean nullable) {
    if (perSequence.size() != starts.length) {
      throw new IllegalArgumentException(perSequence.size() + " feature arrays for " + starts.length + " sequences");
    }
    byte[] bits = new byte[rows];
    for (int i = 0; i < starts.length; i++) {
      byte[] f = perSequence.get(i);
      if (f == null && nullable) {
        continue;
      }
      if (f.length != lengths[i]) {
        throw new IllegalArgumentException("sequence " + i + " has " + lengths[i] + " characters, features " + f.length);
      }
      System.arraycopy(f, 0, bits, starts[i], f.length);
    }
    return bits;
  }

  public int sequences() {
    return starts.length;
  }

  /** First row of sequence i. */
  public int start(int i) {
    return starts[i];
  }

  public int length(int i) {
    return lengths[i];
  }

  /** All rows, padding included. */
  public int rows() {
    return rows;
  }

  /** Rows that hold a character. */
  public int positions() {
    return positions;
  }

  public boolean isGap(int row) {
    return ids[row] == GAP;
  }
}
