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
 * @param dilations   one per convolution ({@code hidden.length + 1}): the distance between the
 *                    rows its three taps read (1 everywhere in the seed); the first must be 1
 * @param lexiconDim  0, or {@link Lexicon#FEATURES}: the first convolution also reads the
 *                    {@link Lexicon}'s word features of every character
 */
public record NetworkConfig(int vocabSize, int embedDim, int bigramVocab, int bigramDim, int[] hidden, int tags,
    float keepProb, String embedInit, int[] dilations, int lexiconDim) {

  /** Largest dilation accepted (a packed batch needs that many padding rows between sequences). */
  public static final int MAX_DILATION = 16;

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
    if (dilations == null) {
      dilations = new int[hidden.length + 1];
      Arrays.fill(dilations, 1);
    }
    dilations = dilations.clone();
    if (dilations.length != hidden.length + 1) {
      throw new IllegalArgumentException("dilations needs one value per convolution (" + (hidden.length + 1)
          + "), got " + dilations.length);
    }
    for (int d : dilations) {
      if (d < 1 || d > MAX_DILATION) {
        throw new IllegalArgumentException("dilations must be in [1, " + MAX_DILATION + "], got "
            + Arrays.toString(dilations));
      }
    }
    if (lexiconDim != 0 && lexiconDim != Lexicon.FEATURES) {
      throw new IllegalArgumentException("lexiconDim must be 0 or " + Lexicon.FEATURES + ", got " + lexiconDim);
    }
    if (dilations[0] != 1) {
      throw new IllegalArgumentException("the first convolution's dilation must be 1 (it is read from tables"
          + " at inference), got " + dilations[0]);
    }
  }

  /** A network without lexicon features. */
  public NetworkConfig(int vocabSize, int embedDim, int bigramVocab, int bigramDim, int[] hidden, int tags,
      float keepProb, String embedInit, int[] dilations) {
    this(vocabSize, embedDim, bigramVocab, bigramDim, hidden, tags, keepProb, embedInit, dilations, 0);
  }

  /** A network whose convolutions all have dilation 1. */
  public NetworkConfig(int vocabSize, int embedDim, int bigramVocab, int bigramDim, int[] hidden, int tags,
      float keepProb, String embedInit) {
    this(vocabSize, embedDim, bigramVocab, bigramDim, hidden, tags, keepProb, embedInit, null);
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
    return new NetworkConfig(v, embedDim, bigramVocab, bigramDim, hidden, tags, keepProb, embedInit, dilations, lexiconDim);
  }

  public NetworkConfig withBigramVocab(int b) {
    return new NetworkConfig(vocabSize, embedDim, b, bigramDim, hidden, tags, keepProb, embedInit, dilations, lexiconDim);
  }

  public NetworkConfig withKeepProb(float k) {
    return new NetworkConfig(vocabSize, embedDim, bigramVocab, bigramDim, hidden, tags, k, embedInit, dilations, lexiconDim);
  }

  /** This network with the given dilation per convolution. */
  public NetworkConfig withDilations(int... d) {
    return new NetworkConfig(vocabSize, embedDim, bigramVocab, bigramDim, hidden, tags, keepProb, embedInit, d, lexiconDim);
  }

  /** This network with lexicon features ({@link Lexicon#FEATURES} of them, or 0: none). */
  public NetworkConfig withLexiconDim(int l) {
    return new NetworkConfig(vocabSize, embedDim, bigramVocab, bigramDim, hidden, tags, keepProb, embedInit, dilations, l);
  }

  public boolean hasBigrams() {
    return bigramDim > 0;
  }

  public boolean hasLexicon() {
    return lexiconDim > 0;
  }

  /** Width of the first convolution's input (character and bigram embedding and lexicon features side by side). */
  public int inputDim() {
    return embedDim + bigramDim + lexiconDim;
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  @Override
  public int[] dilations() {
    return dilations.clone();
  }

  /** Whether some convolution has a dilation above 1. */
  public boolean isDilated() {
    return maxDilation() > 1;
  }

  public int maxDilation() {
    return Arrays.stream(dilations).max().orElse(1);
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
        && Arrays.equals(c.hidden, hidden) && Arrays.equals(c.dilations, dilations) && c.tags == tags
        && c.keepProb == keepProb && c.lexiconDim == lexiconDim
        && c.embedInit.equals(embedInit);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(hidden) * 31 + vocabSize) * 31 + bigramVocab;
  }

  @Override
  public String toString() {
    return "embed " + embedDim + (hasBigrams() ? ", bigrams " + bigramVocab + " x " + bigramDim : "")
        + ", conv3 " + Arrays.toString(hidden) + " -> " + tags
        + (isDilated() ? ", dilations " + Arrays.toString(dilations) : "")
        + (hasLexicon() ? ", lexicon features " + lexiconDim : "") + ", keep " + keepProb + ", init " + embedInit;
  }
}
