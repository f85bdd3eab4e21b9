package dev.fenci.train;

import static dev.fenci.Segmenter.MAX_THREADS;

import dev.fenci.Presets;
import dev.fenci.Segmenter;
import dev.fenci.text.TextRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Trainer} trains and how.
 *
 * @param train     segmented training files (or People's Daily format)
 * @param dev       segmented development file: scored after each epoch, selects the kept model;
 *                  null: every 20th line of the training data is held out for it
 * @param model     where the best model goes; its checkpoint is {@code model + ".ckpt"}
 * @param arch      architecture name (see {@link Architectures})
 * @param embedInit "uniform" (the seed's uniform(-1, 1)) or "normal" (N(0, 1))
 * @param rules     text rules (see {@link TextRules})
 * @param epochs    epochs to run in all (a resumed run continues up to this number)
 * @param batch     most pieces in one batch
 * @param threads   threads for the matrix products
 * @param seed      seed of every random choice (initialisation, shuffling, dropout)
 * @param minCount  characters seen fewer times share the unknown id (with {@code init}: characters
 *                  that the model's vocabulary cannot read, see {@link dev.fenci.model.Vocabulary#read})
 * @param resume    continue from the checkpoint if there is one
 * @param lr        Adam's learning rate (the seed: 0.001)
 * @param schedule  "constant" (the seed) or "cosine": the learning rate of epoch e (1-based) of E is
 *                  {@code lr * (0.05 + 0.95 * (1 + cos(pi * (e - 1) / E)) / 2)}
 * @param lenient   invalid UTF-8 in the training and dev files becomes U+FFFD (counted) instead of an error
 * @param unkRate   each training character is replaced, with this probability and afresh in every
 *                  batch, by the unknown id (so is the bigram it starts): the network learns to
 *                  segment around characters and pairs it has not seen, as in text outside the
 *                  training data; 0 (the seed) keeps every character
 * @param keep      dropout keep probability on the embeddings; 0 keeps the architecture's (0.5 for all)
 * @param ema       decay of a moving average of the weights, updated after every step and scored on
 *                  dev beside them after every epoch (the better of the two is kept); 0 (the seed): none
 * @param batches   "length" (the seed: pieces of one length per batch, see {@link LengthBatcher}) or
 *                  "mixed" (pieces of any length, as many batches per epoch, see {@link MixedBatcher})
 * @param hiddenKeep dropout keep probability on the outputs of the hidden convolutions (after their
 *                  ReLU, before the next convolution); 1 (the seed): no dropout there
 * @param weightDecay decoupled weight decay (AdamW) on the weights and embeddings, not the biases or
 *                  transition scores; 0 (the seed): none
 * @param init      a preset name or model file to start from (fine-tuning), or null: random weights.
 *                  The run keeps that model's network, weights and text rules ({@code arch} and
 *                  {@code rules} must be its own; {@code embedInit} plays no part); its vocabulary
 *                  grows by the new characters seen at least {@code minCount} times, its bigram table by
 *                  the new bigrams seen as often as the architecture asks (each new row starting as
 *                  the row the model read in its place), and its lexicon by the new training words
 * @param wordModel whether the model gets a word bigram language model of the training words,
 *                  decoded with over a word lattice (and so scored on dev), see
 *                  {@link dev.fenci.model.WordLanguageModel}; a run from a model ({@code init})
 *                  that has one gets one of its own training words either way
 * @param mergeWordModel with {@code init} whose model has a word model: the new one counts that
 *                  model's words and word pairs too, added to those of the training text, instead of
 *                  the training text's alone (keeps more of the starting model's domain, see
 *                  docs/training.md); false: the training text's alone
 * @param pretrain  epochs of skip-gram (word2vec) over the training text that the character and bigram embeddings
 *                  start from, instead of {@code embedInit}'s random values, on one thread and from {@code seed};
 *                  0: none. Not with {@code init}, whose model's embeddings the run starts from
 * @param wordModelWeight the weight of the word model's log-probabilities in the decoder's scores (and in the
 *                  lattice loss); NaN: the starting model's ({@code init}), else
 *                  {@link dev.fenci.model.WordLanguageModel.Settings#DEFAULT}'s 0.1
 * @param latticeLoss train the network through the decoder's word lattice ({@link WordLatticeLoss}, a semi-Markov CRF
 *                  whose segmentations are scored with the word model) instead of the tag CRF alone, so that it
 *                  learns what the word model does not already give; needs the word model and CRF transitions
 * @param latticeWeight the word model's weight in the lattice loss; NaN: its weight when decoding (a network trained
 *                  through the lattice at one weight may decode best at a heavier one, docs/results.md)
 */
public record TrainingOptions(List<Path> train, Path dev, Path model, String arch, String embedInit,
    TextRules rules, int epochs, int batch, int threads, long seed, int minCount, boolean resume,
    float lr, String schedule, boolean lenient, float unkRate, float keep, float ema, String batches,
    float hiddenKeep, float weightDecay, String init, boolean wordModel, boolean mergeWordModel, int pretrain,
    double wordModelWeight, boolean latticeLoss, double latticeWeight) {

  public TrainingOptions {
    checkWeight(wordModelWeight, "the word model's weight");
    if (!Double.isNaN(wordModelWeight) && !wordModel) {
      throw new IllegalArgumentException("a word model weight (--word-lm-weight) needs a word model (--word-lm)");
    }
    checkWeight(latticeWeight, "the lattice loss's weight");
    if (!Double.isNaN(latticeWeight) && !latticeLoss) {
      throw new IllegalArgumentException("a lattice loss weight (--lattice-loss-weight) is the weight of the lattice loss:"
          + " give --lattice-loss too");
    }
    if (latticeLoss && !wordModel) {
      throw new IllegalArgumentException("the lattice loss (--lattice-loss) scores segmentations with the word model: "
          + "it needs one (--word-lm)");
    }
    if (latticeLoss && !Architectures.hasTransitions(arch)) {
      throw new IllegalArgumentException("the lattice loss (--lattice-loss) trains CRF transitions, which " + arch
          + " has not (accurate-lex and fast-lex have them, see --arch)");
    }
    if (pretrain < 0 || pretrain > MAX_PRETRAIN) {
      throw new IllegalArgumentException("pretraining epochs must be from 0 (none) to " + MAX_PRETRAIN + ", got " + pretrain);
    }
    if (pretrain > 0 && init != null) {
      throw new IllegalArgumentException("pretraining (--pretrain " + pretrain + ") starts new embeddings; a run from a "
          + "model (--init) starts from that model's: give --pretrain 0 (or leave it out) with --init");
    }
    if (mergeWordModel && init == null) {
      throw new IllegalArgumentException("merging word models (--merge-word-lm) needs a model to start from "
          + "(--init): without one there is only the training text's to count");
    }
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training file");
    }
    if (!Architectures.names().contains(arch)) {
      throw new IllegalArgumentException("unknown architecture '" + arch + "' (known: "
          + String.join(", ", Architectures.names()) + ")");
    }
    if (!embedInit.equals("uniform") && !embedInit.equals("normal")) {
      throw new IllegalArgumentException("embedding initialisation must be 'uniform' or 'normal', got " + embedInit);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1 piece, got " + batch);
    }
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("threads must be from 1 to " + MAX_THREADS + ", got " + threads);
    }
    if (minCount < 1) {
      throw new IllegalArgumentException("min count must be at least 1, got " + minCount);
    }
    if (!(lr > 0 && lr < 1)) {
      throw new IllegalArgumentException("learning rate must be in (0, 1), got " + lr);
    }
    if (!schedule.equals("constant") && !schedule.equals("cosine")) {
      throw new IllegalArgumentException("learning-rate schedule must be 'constant' or 'cosine', got " + schedule);
    }
    if (!(unkRate >= 0 && unkRate < 1)) {
      throw new IllegalArgumentException("unknown-character rate must be in [0, 1), got " + unkRate);
    }
    if (!(keep == 0 || (keep > 0 && keep <= 1))) {
      throw new IllegalArgumentException("dropout keep probability must be in (0, 1] (or 0: the architecture's), got " + keep);
    }
    if (!(ema == 0 || (ema > 0 && ema < 1))) {
      throw new IllegalArgumentException("moving-average decay must be in (0, 1) (or 0: none), got " + ema);
    }
    if (!"length".equals(batches) && !"mixed".equals(batches)) {
      throw new IllegalArgumentException("batches must be 'length' or 'mixed', got " + batches);
    }
    if (!(weightDecay >= 0 && lr * weightDecay < 1)) {
      throw new IllegalArgumentException("weight decay must be at least 0 and below 1 / learning rate ("
          + 1 / lr + "), got " + weightDecay);
    }
    if (!(hiddenKeep > 0 && hiddenKeep <= 1)) {
      throw new IllegalArgumentException("hidden dropout keep probability must be in (0, 1] (1: none), got " + hiddenKeep);
    }
    if (unkRate > 0 && Architectures.hasLexicon(arch)) {
      // the features are fixed per piece: they would still mark words through a replaced character
      throw new IllegalArgumentException("the unknown-character rate is not supported with lexicon features "
          + "(architecture " + arch + ")");
    }
    Path checkpoint = checkpointOf(model);
    List<Path> inputs = new java.util.ArrayList<>(train);
    if (dev != null) {
      inputs.add(dev);
    }
    for (Path in : inputs) {
      if (writesOver(model, in) || writesOver(checkpoint, in)) {
        throw new IllegalArgumentException("the model would be written over " + in + ", which the run reads "
            + (train.contains(in) ? "as training data" : "as its dev set") + "; give the model another path");
      }
    }
    // the model itself against --init is refused by the trainer, with its own words; the checkpoint here
    if (init != null && !Presets.exists(init) && !init.isEmpty() && writesOver(checkpoint, Path.of(init))) {
      throw new IllegalArgumentException("the checkpoint " + checkpoint + " would be written over " + init
          + ", the model the run starts from; give the model another path");
    }
  }

  /** A weight option: NaN (not given) or from 0 to {@link #MAX_WORD_MODEL_WEIGHT}. */
  private static void checkWeight(double w, String what) {
    if (!(Double.isNaN(w) || w >= 0 && w <= MAX_WORD_MODEL_WEIGHT)) {
      throw new IllegalArgumentException(what + " must be from 0 to " + MAX_WORD_MODEL_WEIGHT + ", got " + w);
    }
  }

  /**
   * The heaviest word model weight taken ({@link #wordModelWeight}): a bound against a mistyped value; at 1 the word
   * model's log-probabilities already count as much as the network's scores.
   */
  public static final double MAX_WORD_MODEL_WEIGHT = 10;

  /** The most epochs of pretraining ({@link #pretrain}; each takes about a minute on pd1998's 3.4 million characters). */
  public static final int MAX_PRETRAIN = 100;

  /**
   * Whether writing {@code out} would replace the file {@code in}: the same path, or the same file
   * (a symbolic or hard link on either side). A save writes through a symbolic link, so a link at
   * {@code out} counts as the file it names, also one that does not exist yet.
   */
  static boolean writesOver(Path out, Path in) {
    if (out.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize())) {
      return true;
    }
    try {
      Path target = linkTarget(out);
      if (Files.exists(target) && Files.exists(in)) {
        return Files.isSameFile(target, in);
      }
      // the output does not exist yet (a new file, or a dangling link): the same name, links in both resolved
      return target.normalize().equals(linkTarget(in).normalize());
    } catch (java.io.IOException | SecurityException e) {
      return false; // a loop of links, an unreadable directory: writing or reading it fails with its own message
    }
  }

  /** {@code p} absolute, with the symbolic links at its end followed (as a save follows them), at most 40. */
  private static Path linkTarget(Path p) throws java.io.IOException {
    Path abs = p.toAbsolutePath();
    for (int hops = 0; hops < 40 && Files.isSymbolicLink(abs); hops++) {
      abs = abs.resolveSibling(Files.readSymbolicLink(abs)); // a relative link is relative to its directory
    }
    return abs;
  }

  /** This epoch's batches of {@code pieces}, made as {@link #batches} says. */
  Batcher batcher(List<TrainingData.Piece> pieces) {
    return batches.equals("mixed") ? new MixedBatcher(pieces, batch) : new LengthBatcher(pieces, batch);
  }

  /**
   * Options for training on {@code train} (segmented text files) into {@code model}: the
   * architecture {@link Architectures#DEFAULT} trained by its {@link Recipe}. Each setter of the
   * builder overrides one field; the fields a recipe holds (epochs, batch, schedule, ema, word
   * model, pretraining) come, when not set, from the recipe of the architecture chosen.
   */
  public static Builder builder(List<Path> train, Path model) {
    return new Builder(train, model);
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    return new Builder(train, model).dev(dev).arch(arch).embedInit(embedInit).rules(rules).epochs(epochs).batch(batch)
        .threads(threads).seed(seed).minCount(minCount).resume(resume).lr(lr).schedule(schedule).lenient(lenient)
        .unkRate(unkRate).keep(keep).ema(ema).batches(batches).hiddenKeep(hiddenKeep).weightDecay(weightDecay)
        .init(init).wordModel(wordModel).mergeWordModel(mergeWordModel).pretrain(pretrain)
        .wordModelWeight(wordModelWeight).latticeLoss(latticeLoss).latticeWeight(latticeWeight);
  }

  /** Builds {@link TrainingOptions}; see {@link #builder}. The defaults are those of {@code fenci train}. */
  public static final class Builder {
    private final List<Path> train;
    private Path model;
    private Path dev;
    private String arch = Architectures.DEFAULT;
    private boolean archSet;
    private String embedInit = "uniform";
    private TextRules rules = TextRules.FOLD;
    private Integer epochs;
    private Integer batch;
    private int threads = Runtime.getRuntime().availableProcessors();
    private long seed = 1;
    private int minCount = 2;
    private boolean resume;
    private float lr = 1e-3f;
    private String schedule;
    private boolean lenient;
    private float unkRate;
    private float keep;
    private Float ema;
    private String batches = "length";
    private float hiddenKeep = 1f;
    private float weightDecay;
    private String init;
    private Boolean wordModel;
    private boolean mergeWordModel;
    private Integer pretrain;
    private double wordModelWeight = Double.NaN;
    private boolean latticeLoss;
    private double latticeWeight = Double.NaN;

    private Builder(List<Path> train, Path model) {
      this.train = List.copyOf(train);
      this.model = model;
    }

    /** Where the best model goes. */
    public Builder model(Path model) {
      this.model = model;
      return this;
    }

    /** The development file (default: every 20th training line is held out). */
    public Builder dev(Path dev) {
      this.dev = dev;
      return this;
    }

    public Builder arch(String arch) {
      this.arch = arch;
      this.archSet = true;
      return this;
    }

    public Builder embedInit(String embedInit) {
      this.embedInit = embedInit;
      return this;
    }

    public Builder rules(TextRules rules) {
      this.rules = rules;
      return this;
    }

    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    public Builder batch(int batch) {
      this.batch = batch;
      return this;
    }

    /** Threads for the matrix products (default: all cores). */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder minCount(int minCount) {
      this.minCount = minCount;
      return this;
    }

    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    public Builder lr(float lr) {
      this.lr = lr;
      return this;
    }

    public Builder schedule(String schedule) {
      this.schedule = schedule;
      return this;
    }

    public Builder lenient(boolean lenient) {
      this.lenient = lenient;
      return this;
    }

    public Builder unkRate(float unkRate) {
      this.unkRate = unkRate;
      return this;
    }

    public Builder keep(float keep) {
      this.keep = keep;
      return this;
    }

    public Builder ema(float ema) {
      this.ema = ema;
      return this;
    }

    public Builder batches(String batches) {
      this.batches = batches;
      return this;
    }

    public Builder hiddenKeep(float hiddenKeep) {
      this.hiddenKeep = hiddenKeep;
      return this;
    }

    public Builder weightDecay(float weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    /**
     * A preset name or model file to start from. Without {@link #arch}, the run takes that model's
     * architecture (and its recipe's defaults), read when {@link #build} is called; an architecture
     * set must be the model's ({@link Trainer} checks), and so must the text rules.
     */
    public Builder init(String init) {
      this.init = init;
      return this;
    }

    public Builder wordModel(boolean wordModel) {
      this.wordModel = wordModel;
      return this;
    }

    /**
     * With {@link #init}: the new word model counts the starting model's words and pairs as well as
     * the training text's (see {@link TrainingOptions}).
     */
    public Builder mergeWordModel(boolean mergeWordModel) {
      this.mergeWordModel = mergeWordModel;
      return this;
    }

    /**
     * Epochs of skip-gram pretraining of the embeddings before training (see {@link TrainingOptions}; default: the recipe's, none when starting from a model
     * with {@link #init}).
     */
    public Builder pretrain(int pretrain) {
      this.pretrain = pretrain;
      return this;
    }

    /** The word model's weight in the decoder's scores (default: the starting model's, or 0.1). */
    public Builder wordModelWeight(double wordModelWeight) {
      this.wordModelWeight = wordModelWeight;
      return this;
    }

    /** Trains through the word lattice ({@link TrainingOptions#latticeLoss}). */
    public Builder latticeLoss(boolean latticeLoss) {
      this.latticeLoss = latticeLoss;
      return this;
    }

    /** The word model's weight in the lattice loss (default: its decoding weight). */
    public Builder latticeWeight(double latticeWeight) {
      this.latticeWeight = latticeWeight;
      return this;
    }

    /**
     * The options; throws {@link IllegalArgumentException} for an unknown architecture or a value
     * out of its range, {@link java.io.UncheckedIOException} when the model of {@link #init} cannot
     * be read to take its architecture.
     */
    public TrainingOptions build() {
      String arch = init != null && !archSet ? architectureOf(init) : this.arch;
      Recipe r = Recipe.of(arch);
      return new TrainingOptions(train, dev, model, arch, embedInit, rules, epochs != null ? epochs : r.epochs(),
          batch != null ? batch : r.batch(), threads, seed, minCount, resume, lr, schedule != null ? schedule : r.schedule(),
          lenient, unkRate, keep, ema != null ? ema : r.ema(), batches, hiddenKeep, weightDecay, init,
          wordModel != null ? wordModel : r.wordModel(), mergeWordModel,
          pretrain != null ? pretrain : init != null ? 0 : r.pretrain(), wordModelWeight, latticeLoss, latticeWeight);
    }
  }

  /** The architecture of the model {@code init} names (a preset or a file). */
  private static String architectureOf(String init) {
    try {
      return Segmenter.load(init).model().arch();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the model to start from, " + init + ": " + e.getMessage(), e);
    }
  }

  /** The learning rate of epoch {@code epoch} (1-based). */
  public float learningRate(int epoch) {
    if (schedule.equals("constant")) {
      return lr;
    }
    double f = 0.05 + 0.95 * (1 + Math.cos(Math.PI * (epoch - 1) / epochs)) / 2;
    return (float) (lr * f);
  }

  public Path checkpoint() {
    return checkpointOf(model);
  }

  private static Path checkpointOf(Path model) {
    return model.resolveSibling(model.getFileName() + ".ckpt");
  }
}
