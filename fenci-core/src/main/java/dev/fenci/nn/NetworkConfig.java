package dev.fenci.nn;

import java.util.Arrays;

/**
 * Shape and initialisation of the tagger: a character embedding (optionally next to an embedding
 * of the character bigram starting at each position) followed by 'same' convolutions of width 3,
 * ReLU between them, the last one producing one score per tag.
 *
 * @param vocabSize   number of character ids (id 0 is the unknown character)
 * @param embedDim    width of the character embedding
 * @param bigramVocab number of bigram ids (id 0 is every bigram not in the model); 0 without bigrams
 * @param bigramDim   width of the bigram embedding; 0 without bigrams
 * @param hidden      widths of the hidden convolutions (the seed: 128, 32)
 * @param tags        number of output tags (4: S, B, M, E)
 * @param keepProb    dropout keep probability on the embeddings during training (1 = none)
 * @param embedInit   "uniform" (uniform(-1, 1), the seed) or "normal" (N(0, 1), PyTorch's default)
 */
public record NetworkConfig(int vocabSize, int embedDim, int bigramVocab, int bigramDim, int[] hidden, int tags,
    float keepProb, String embedInit) {

  public NetworkConfig {
    if (vocabSize < 1 || embedDim < 1 || tags < 1) {
      throw new IllegalArgumentException("vocabSize, embedDim and tags must be positive");
    }
    if (bigramVocab < 0 || bigramDim < 0 || (bigramDim > 0) != (bigramVocab > 0)) {
      throw new IllegalArgumentException("bigramVocab and bigramDim must both be positive or both 0, got "
          + bigramVocab + " and " + bigramDim);
    }
    if (!(keepProb > 0f && keepProb <= 1f)) {
      throw new IllegalArgumentException("keepProb must be in (0, 1], got " + keepProb);
    }
    if (!embedInit.equals("uniform") && !embedInit.equals("normal")) {
      throw new IllegalArgumentException("embedInit must be 'uniform' or 'normal', got " + embedInit);
    }
    hidden = hidden.clone();
  }

  /** A network without bigram features. */
  public NetworkConfig(int vocabSize, int embedDim, int[] hidden, int tags, float keepProb, String embedInit) {
    this(vocabSize, embedDim, 0, 0, hidden, tags, keepProb, embedInit);
  }

  /** The seed's network for a vocabulary of the given size. */
  public static NetworkConfig seed(int vocabSize, String embedInit) {
    return new NetworkConfig(vocabSize, 128, new int[] {128, 32}, 4, 0.5f, embedInit);
  }

  public NetworkConfig withVocabSize(int v) {
    return new NetworkConfig(v, embedDim, bigramVocab, bigramDim, hidden, tags, keepProb, embedInit);
  }

  public NetworkConfig withBigramVocab(int b) {
    return new NetworkConfig(vocabSize, embedDim, b, bigramDim, hidden, tags, keepProb, embedInit);
  }

  public NetworkConfig withKeepProb(float k) {
    return new NetworkConfig(vocabSize, embedDim, bigramVocab, bigramDim, hidden, tags, k, embedInit);
  }

  public boolean hasBigrams() {
    return bigramDim > 0;
  }

  /** Width of the first convolution's input (character and bigram embedding side by side). */
  public int inputDim() {
    return embedDim + bigramDim;
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  /** Multiply-adds per character of one forward pass (as training does it, without tables). */
  public long macsPerChar() {
    long macs = 0;
    int in = inputDim();
    for (int h : hidden) {
      macs += 3L * in * h;
      in = h;
    }
    return macs + 3L * in * tags;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkConfig c && c.vocabSize == vocabSize && c.embedDim == embedDim
        && c.bigramVocab == bigramVocab && c.bigramDim == bigramDim
        && Arrays.equals(c.hidden, hidden) && c.tags == tags && c.keepProb == keepProb
        && c.embedInit.equals(embedInit);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(hidden) * 31 + vocabSize) * 31 + bigramVocab;
  }

  @Override
  public String toString() {
    return "embed " + embedDim + (hasBigrams() ? ", bigrams " + bigramVocab + " x " + bigramDim : "")
        + ", conv3 " + Arrays.toString(hidden) + " -> " + tags + ", keep " + keepProb + ", init " + embedInit;
  }
}
