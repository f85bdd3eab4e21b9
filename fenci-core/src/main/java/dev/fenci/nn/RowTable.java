package dev.fenci.nn;

/**
 * {@code table[id][tap] = embedding[id] x W_tap} for the inputs {@code from .. from + dim} of
 * the first convolution, rows computed on first use; safe to share between threads. A table
 * of bigrams (hundreds of thousands of rows) keeps them as 16-bit floats ({@code halves}): half
 * the memory and half the cache lines per character, for a rounding of each value to 11
 * significant bits.
 */
final class RowTable {
  private static final java.lang.invoke.VarHandle READY =
      java.lang.invoke.MethodHandles.arrayElementVarHandle(byte[].class);

  /** The rows as floats, or null when they are kept as {@link #halves}. */
  final float[] table;
  final short[] halves;
  final int count;
  private final byte[] ready;
  private final float[][] taps;
  private final float[] embedding;
  private final Param param;
  private final int dim;
  private final int out;

  RowTable(Conv1d c, Param embedding, int count, int dim, int from, boolean half) {
    this(c, embedding.value, embedding, count, dim, from, half);
  }

  RowTable(Conv1d c, float[] embedding, int count, int dim, int from, boolean half) {
    this(c, embedding, null, count, dim, from, half);
  }

  private RowTable(Conv1d c, float[] embedding, Param param, int count, int dim, int from, boolean half) {
    // a compact parameter (16-bit floats or 8-bit levels) is read row by row; otherwise its array directly
    this.embedding = embedding;
    this.param = embedding == null ? param : null;
    this.count = count;
    this.dim = dim;
    this.out = c.out;
    table = half ? null : new float[Conv1d.K * (count + 1) * out];
    halves = half ? new short[Conv1d.K * (count + 1) * out] : null;
    ready = new byte[count + 1];
    ready[count] = 1; // the padding row stays zero
    taps = new float[Conv1d.K][];
    for (int tap = 0; tap < Conv1d.K; tap++) {
      taps[tap] = Gemm.pack(c.weight.value, (tap * c.in + from) * out, out, dim, out,
          new float[Gemm.packedSize(dim, out)]);
    }
  }

  /** Computes the rows of every id in {@code ids} not computed yet (negative ids are skipped). */
  void ensure(int[] ids) {
    for (int id : ids) {
      if (id >= 0 && (byte) READY.getAcquire(ready, id) == 0) {
        build(id);
      }
    }
  }

  private void build(int id) {
    float[] row = new float[out];
    float[] src = embedding;
    int at0 = id * dim;
    if (src == null) {
      src = new float[dim];
      param.copy(id * dim, dim, src, 0);
      at0 = 0;
    }
    for (int tap = 0; tap < Conv1d.K; tap++) {
      java.util.Arrays.fill(row, 0f);
      ScalarGemm.INSTANCE.mulAdd(src, at0, dim, dim, taps[tap], out, row, 0, out, 0, 1);
      // two threads may build the same row at once: both write the same values
      int at = (id * Conv1d.K + tap) * out;
      if (halves != null) {
        for (int j = 0; j < out; j++) {
          halves[at + j] = Half.fromFloat(row[j]);
        }
      } else {
        System.arraycopy(row, 0, table, at, out);
      }
    }
    READY.setRelease(ready, id, (byte) 1);
  }
}
