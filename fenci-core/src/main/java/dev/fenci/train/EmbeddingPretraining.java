package dev.fenci.train;

import dev.fenci.nn.Bigrams;
import dev.fenci.nn.Network;
import dev.fenci.nn.Param;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Starts the character and bigram embeddings of a new network from what the training text says about each of
 * them without its segmentation: skip-gram with negative sampling (word2vec's method) over the training pieces,
 * in which a character predicts the characters up to {@link #WINDOW} on either side of it, and a bigram the
 * characters up to {@link #WINDOW} on either side outside it. Characters and bigrams that occur in like contexts
 * start near each other, which the uniform(-1, 1) start did not give them; the network's training then moves them
 * as before. The vectors are scaled to uniform(-1, 1)'s root mean square (1/sqrt(3)), so that the recipe's
 * learning rate and dropout see inputs of the size they were tuned for (also with {@code --embed-init normal}, which
 * this replaces). On {@code pd1998/train.utf8} three epochs raised dev F1 by 0.07 and 0.11 point over two seeds
 * (docs/results.md, "Embeddings pretrained on the training text"). A row no context reaches (the unknown
 * character's when every character is known) stays near zero.
 *
 * <p>Single-threaded and driven by one seeded generator, so that a run is reproducible on one machine. Its own
 * generator: the trainer's random numbers (initial weights, dropout, batch order) are those of a run without it.
 */
final class EmbeddingPretraining {
  /** The most characters on each side of a character (or outside a bigram) that it predicts; each position draws 1 to this many. */
  static final int WINDOW = 4;
  /** Characters drawn at random (by frequency to the power 3/4) against each true context. */
  static final int NEGATIVES = 5;
  /** The learning rate at the start; it falls linearly to 1/10,000 of this by the end. */
  static final float LEARNING_RATE = 0.025f;
  private static final int TABLE_SIZE = 10_000_000;

  private EmbeddingPretraining() {}

  /**
   * Overwrites {@code net}'s character embedding (and its bigram embedding, if it has one) with vectors trained for
   * {@code epochs} epochs over {@code pieces}, then refreshes the network's derived forms.
   */
  static void run(Network net, List<TrainingData.Piece> pieces, int epochs, long seed, PrintStream log, boolean terminal) {
    Param emb = param(net, "embedding.weight");
    Param big = param(net, "bigram.weight");
    Bigrams bigrams = net.bigrams();
    int v = emb.shape()[0];
    int d = emb.shape()[1];
    int bd = big != null ? big.shape()[1] : 0;
    // one stream of character ids, the pieces in order, each followed by -1 (no context crosses a piece's end)
    int total = 0;
    for (TrainingData.Piece p : pieces) {
      total += p.ids().length + 1;
    }
    int[] stream = new int[total];
    int[] bstream = new int[total];
    long[] counts = new long[v];
    int k = 0;
    for (TrainingData.Piece p : pieces) {
      int[] ids = p.ids();
      for (int i = 0; i < ids.length; i++) {
        stream[k] = ids[i];
        bstream[k] = bigrams == null ? -1 : bigrams.id(ids[i], i + 1 < ids.length ? ids[i + 1] : v);
        counts[ids[i]]++;
        k++;
      }
      stream[k] = -1;
      bstream[k] = -1;
      k++;
    }
    int[] table = negativeTable(counts);
    SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
    float[] in = new float[v * d];
    float[] out = new float[v * d];
    float[] bin = big != null ? new float[big.shape()[0] * bd] : null;
    float[] bout = big != null ? new float[v * bd] : null;
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) ((rnd.nextDouble() - 0.5) / d);
    }
    if (bin != null) {
      for (int i = 0; i < bin.length; i++) {
        bin[i] = (float) ((rnd.nextDouble() - 0.5) / bd);
      }
    }
    float[] gradC = new float[d];
    float[] gradB = new float[Math.max(bd, 1)];
    long steps = (long) epochs * total;
    long step = 0;
    for (int ep = 0; ep < epochs; ep++) {
      ProgressBar bar = new ProgressBar(log, String.format(Locale.ROOT, "pretraining embeddings %d/%d", ep + 1, epochs),
          total, "chars", terminal);
      double loss = 0;
      long pairs = 0;
      int reported = 0;
      for (int pos = 0; pos < total; pos++, step++) {
        int c = stream[pos];
        if (c < 0) {
          continue;
        }
        float lr = (float) Math.max(LEARNING_RATE * 0.0001, LEARNING_RATE * (1 - (double) step / steps));
        int w = 1 + rnd.nextInt(WINDOW);
        for (int off = -w; off <= w; off++) {
          int q = pos + off;
          if (off == 0 || q < 0 || q >= total || stream[q] < 0 || crossesPieceEnd(stream, pos, q)) {
            continue;
          }
          loss += pair(in, c * d, out, stream[q], d, table, rnd, lr, gradC);
          pairs++;
        }
        int b = bstream[pos];
        if (bin != null && b >= 0) {
          // the bigram covers pos and pos + 1: its contexts are the characters outside it
          for (int off = -w; off <= w; off++) {
            int q = off < 0 ? pos + off : pos + 1 + off;
            if (off == 0 || q < 0 || q >= total || stream[q] < 0 || crossesPieceEnd(stream, pos, q)) {
              continue;
            }
            pair(bin, b * bd, bout, stream[q], bd, table, rnd, lr, gradB);
          }
        }
        if (pos - reported >= 65_536) {
          bar.advance(pos - reported, String.format(Locale.ROOT, "loss %.4f", loss / Math.max(1, pairs)));
          reported = pos;
        }
      }
      bar.advance(total - reported, "");
      bar.finish(String.format(Locale.ROOT, "loss %.4f", loss / Math.max(1, pairs)));
    }
    scaleInto(in, emb.value);
    if (big != null) {
      scaleInto(bin, big.value);
    }
    net.refresh();
  }

  private static Param param(Network net, String name) {
    for (Param p : net.params()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** The ids drawn as negatives, each as often as its count to the power 3/4 asks. */
  private static int[] negativeTable(long[] counts) {
    int[] table = new int[TABLE_SIZE];
    double sum = 0;
    for (long c : counts) {
      sum += Math.pow(c, 0.75);
    }
    int t = 0;
    double acc = 0;
    for (int w = 0; w < counts.length && t < TABLE_SIZE; w++) {
      acc += Math.pow(counts[w], 0.75) / sum;
      while (t < TABLE_SIZE && t < acc * TABLE_SIZE) {
        table[t++] = w;
      }
    }
    while (t < TABLE_SIZE) {
      table[t++] = counts.length - 1;
    }
    return table;
  }

  private static boolean crossesPieceEnd(int[] stream, int a, int b) {
    for (int i = Math.min(a, b); i <= Math.max(a, b); i++) {
      if (stream[i] < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * One step of skip-gram with negative sampling: the vector at {@code io} of {@code in} against context {@code ctx}'s
   * output vector and {@link #NEGATIVES} drawn ones; returns the pair's loss.
   */
  private static double pair(float[] in, int io, float[] out, int ctx, int d, int[] table, SplittableRandom rnd,
      float lr, float[] grad) {
    Arrays.fill(grad, 0, d, 0f);
    double loss = 0;
    for (int n = 0; n <= NEGATIVES; n++) {
      int target;
      float label;
      if (n == 0) {
        target = ctx;
        label = 1;
      } else {
        target = table[rnd.nextInt(table.length)];
        if (target == ctx) {
          continue;
        }
        label = 0;
      }
      int oo = target * d;
      float dot = 0;
      for (int j = 0; j < d; j++) {
        dot += in[io + j] * out[oo + j];
      }
      float sig = (float) (1 / (1 + Math.exp(-dot)));
      loss -= label == 1 ? Math.log(Math.max(sig, 1e-7)) : Math.log(Math.max(1 - sig, 1e-7));
      float g = (label - sig) * lr;
      for (int j = 0; j < d; j++) {
        grad[j] += g * out[oo + j];
        out[oo + j] += g * in[io + j];
      }
    }
    for (int j = 0; j < d; j++) {
      in[io + j] += grad[j];
    }
    return loss;
  }

  /** Copies {@code src} into {@code dst} scaled to the root mean square of uniform(-1, 1), 1/sqrt(3). */
  private static void scaleInto(float[] src, float[] dst) {
    double ss = 0;
    for (float x : src) {
      ss += (double) x * x;
    }
    double f = (1 / Math.sqrt(3)) / Math.sqrt(ss / src.length);
    for (int i = 0; i < dst.length; i++) {
      dst[i] = (float) (src[i] * f);
    }
  }
}
