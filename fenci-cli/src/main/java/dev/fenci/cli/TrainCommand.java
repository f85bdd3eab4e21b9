package dev.fenci.cli;

import dev.fenci.model.Model;
import dev.fenci.text.TextRules;
import dev.fenci.train.Architectures;
import dev.fenci.train.Trainer;
import dev.fenci.train.TrainingOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", description = "Train a segmenter on segmented text; keeps the model with the best dev F1.")
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--train", required = true, paramLabel = "FILE",
      description = "Segmented training text (a sentence a line, words separated by spaces), People's Daily word/pos, "
          + "CoNLL-U or a character a line with its B/M/E/S tag; repeatable. Refused: unsegmented text (more than 1%% of "
          + "the lines; fewer are noted), one word a line (with or without a tag after it) and words tagged word_TAG (Penn Chinese Treebank).")
  List<Path> train;

  @Option(names = "--dev", paramLabel = "FILE", description = "Segmented development text, scored after each epoch "
      + "(default: every " + Trainer.HELD_OUT_EVERY + "th line of the training data is held out for it).")
  Path dev;

  @Option(names = "--model", required = true, paramLabel = "OUT", description = "Where the best model is written (checkpoint: OUT.ckpt).")
  Path model;

  @Option(names = "--init", paramLabel = "NAME|FILE",
      description = "Start from this preset (e.g. accurate) or model file instead of random weights: fine-tuning on your own text. "
          + "Its architecture and text rules are kept (leave out --arch and --text-rules); its vocabulary, bigrams and lexicon grow by the new text's characters (see --min-count), bigrams and words.")
  String init;

  @Option(names = "--arch", defaultValue = Architectures.DEFAULT,
      description = "Architecture: seed, bigram, bigram-deep, accurate, accurate-crf (accurate with learned tag transitions, a CRF output layer), accurate-dil and accurate-dil-wide (accurate-crf with dilated middle convolutions), accurate-wide (wider middle convolutions), accurate-lex (accurate-crf reading which training words start and end at each character), accurate-lex-deep (one more convolution), fast, fast-wide, fast-deep or fast-lex (fast-wide with accurate-lex's features); see docs/results.md. Default: ${DEFAULT-VALUE}, the default preset's (accurate). "
          + "Options left out come from the architecture's recipe: for accurate-lex --epochs 20 --batch 256 --lr-schedule cosine --ema 0.999 --word-lm, "
          + "for fast-lex (the fast preset's) and accurate-lex-deep the same without the word model, for the others --epochs 30 --batch 1024 --lr-schedule constant (the seed's).")
  String arch;

  @Option(names = "--embed-init", defaultValue = "uniform",
      description = "Embedding initialisation: uniform (the seed's uniform(-1,1)) or normal (N(0,1)). Default: ${DEFAULT-VALUE}.")
  String embedInit;

  @Option(names = "--text-rules", defaultValue = "fold",
      description = "fold (ASCII shown full-width to the network, letter/digit runs never split but may join neighbours, as the default model) or seed (the seed method: ASCII letter/digit runs are words of their own). Default: ${DEFAULT-VALUE}.")
  String textRules;

  @Option(names = "--epochs", description = "Epochs (default: the architecture's recipe, see --arch).")
  Integer epochs;

  @Option(names = "--batch", description = "Most pieces per batch (default: the architecture's recipe, see --arch).")
  Integer batch;

  @Option(names = "--threads", description = "Threads (default: all cores).")
  Integer threads;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--min-count", defaultValue = "2", description = "Rarer characters share the unknown id; with --init, rarer characters that the "
      + "model does not know (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(names = "--lr", defaultValue = "0.001", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
  float lr;

  @Option(names = "--lr-schedule",
      description = "constant (the seed) or cosine (decays to 5%% of --lr by the last epoch). Default: the architecture's recipe, see --arch.")
  String schedule;

  @Option(names = "--unk-rate", defaultValue = "0",
      description = "Probability of replacing each training character by the unknown id, afresh in every batch (default: ${DEFAULT-VALUE}, the seed's; not with the -lex architectures, whose lexicon features would still name the word).")
  float unkRate;

  @Option(names = "--keep", defaultValue = "0",
      description = "Dropout keep probability on the embeddings (default: the architecture's, 0.5; with --init, the model's; "
          + "recorded as keep in the provenance).")
  float keep;

  @Option(names = "--hidden-keep", defaultValue = "1",
      description = "Dropout keep probability on the hidden convolutions' outputs (default: ${DEFAULT-VALUE}, no dropout there).")
  float hiddenKeep;

  @Option(names = "--weight-decay", defaultValue = "0",
      description = "Decoupled weight decay (AdamW) on the weights and embeddings, not the biases or transition scores (default: ${DEFAULT-VALUE}, none).")
  float weightDecay;

  @Option(names = "--ema",
      description = "Decay of a moving average of the weights (e.g. 0.999), scored on dev beside them after every epoch; the better is kept; 0: none "
          + "(default: the architecture's recipe, see --arch).")
  Float ema;

  @Option(names = "--batches", defaultValue = "length",
      description = "length (the seed: pieces of one length per batch) or mixed (pieces of any length, as many batches per epoch). Default: ${DEFAULT-VALUE}.")
  String batches;

  @Option(names = "--word-lm", negatable = true, description = "Give the model a word bigram language model of the training words, "
      + "which the decoder adds to the network's scores over a word lattice (the accurate preset has one; "
      + "with --init, a model that has one gives the new model one of its own training words, instead of its own, "
      + "and --no-word-lm is refused). "
      + "Default: the architecture's recipe (accurate-lex: yes), see --arch.")
  Boolean wordLm;

  @Option(names = "--word-lm-weight", paramLabel = "W",
      description = "Weight of the word model's log-probabilities beside the network's scores, when decoding (stored in "
          + "the model) and in --lattice-loss (default: 0.1, chosen on pd1998's dev set for a network trained without "
          + "--lattice-loss; with --init, the model's).")
  Double wordLmWeight;

  @Option(names = "--lattice-loss", description = "Train the network through the decoder's word lattice: the loss is "
      + "that of the gold segmentation among all segmentations, each scored by the network, its transitions and the "
      + "word model (each piece's counted from the other folds of the training text), so that the network learns "
      + "what the word model does not already give. Needs the word model and an architecture with CRF transitions "
      + "(accurate-lex, fast-lex); about as fast as without (see docs/training.md).")
  boolean latticeLoss;

  @Option(names = "--lattice-loss-weight", paramLabel = "W",
      description = "With --lattice-loss: the word model's weight in the loss, where it may differ from its weight when "
          + "decoding (--word-lm-weight; default: that weight).")
  Double latticeLossWeight;

  @Option(names = "--merge-word-lm", description = "With --init from a model with a word model (accurate, weibo): the new "
      + "word model counts the words and word pairs of that model's training text as well as yours, instead of yours "
      + "alone, so that more of the starting model's domain is kept (see docs/training.md, Fine-tuning).")
  boolean mergeWordLm;

  @Option(names = "--pretrain", paramLabel = "EPOCHS",
      description = "Epochs of skip-gram (word2vec) over the training text that the character and bigram embeddings start from, "
          + "instead of random values (about a minute an epoch on 3.4 million characters, on one thread whatever --threads says; "
          + "it replaces --embed-init; skipped on --resume, whose checkpoint holds the weights). Not with --init. "
          + "Default: 0 (none; 3 raised dev F1 by 0.07 to 0.11 point on pd1998, docs/results.md).")
  Integer pretrain;

  @Option(names = "--lenient", description = "Replace invalid UTF-8 in the training and dev files with U+FFFD (and count it) instead of failing "
          + "(recorded as lenient in the provenance).")
  boolean lenient;

  @Option(names = "--resume", description = "Continue from OUT.ckpt if it exists (without --resume, an existing OUT.ckpt is said at the start "
      + "and replaced after the run's first epoch).")
  boolean resume;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    for (Path f : train) {
      if (Main.isStdin(f)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--train must be a file: training reads its data "
            + "once per epoch, and standard input ('-') can be read once (save it to a file first)");
      }
    }
    if (dev != null && Main.isStdin(dev)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--dev must be a file: it is scored after every epoch,"
          + " and standard input ('-') can be read once (save it to a file first)");
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--keep") && !(keep > 0 && keep <= 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--keep must be in (0, 1]: the probability of keeping"
          + " an embedding value (leave it out for the architecture's, 0.5), got " + keep);
    }
    TextRules rules;
    try {
      rules = TextRules.parse(textRules);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--text-rules: " + e.getMessage());
    }
    Model base = null;
    if (init != null) {
      CommandLine.ParseResult given = spec.commandLine().getParseResult();
      if (given.hasMatchedOption("--embed-init")) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--embed-init has no effect with --init: the embeddings come from the model started from");
      }
      base = Main.loadModel(init).model();
      // the run keeps the model's architecture and text rules: given ones must be the same
      if (given.hasMatchedOption("--arch") && !arch.equals(base.arch())) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--arch " + arch + " differs from the architecture of "
            + init + " (" + base.arch() + "): a run that starts from a model keeps its architecture; leave --arch out");
      }
      if (given.hasMatchedOption("--text-rules") && rules != base.rules()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--text-rules " + textRules + " differs from the rules of "
            + init + " (" + base.rules().id() + "): a run that starts from a model keeps them; leave --text-rules out");
      }
      arch = base.arch();
      rules = base.rules();
      if (Boolean.FALSE.equals(wordLm) && base.wordModel() != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--no-word-lm: " + init + " decodes with a word model, "
            + "so a model trained from it gets one of its own training words; leave --no-word-lm out");
      }
    }
    TrainingOptions.Builder b = TrainingOptions.builder(train, model).dev(dev).arch(arch).embedInit(embedInit).rules(rules)
        .threads(t).seed(seed).minCount(minCount).resume(resume).lr(lr).lenient(lenient).unkRate(unkRate).keep(keep)
        .batches(batches).hiddenKeep(hiddenKeep).weightDecay(weightDecay).init(init);
    // the recipe's settings where none is given (see --arch)
    if (epochs != null) {
      b.epochs(epochs);
    }
    if (batch != null) {
      b.batch(batch);
    }
    if (schedule != null) {
      b.schedule(schedule);
    }
    if (ema != null) {
      b.ema(ema);
    }
    if (wordLm != null) {
      b.wordModel(wordLm);
    }
    if (pretrain != null) {
      b.pretrain(pretrain);
    }
    b.mergeWordModel(mergeWordLm);
    if (wordLmWeight != null) {
      b.wordModelWeight(wordLmWeight);
    }
    b.latticeLoss(latticeLoss);
    if (latticeLossWeight != null) {
      b.latticeWeight(latticeLossWeight);
    }
    TrainingOptions o;
    try {
      o = b.build();
    } catch (IllegalArgumentException e) { // an unknown architecture, a value out of its range
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    // stopped by Ctrl-C or kill: say how to go on (the checkpoint is written after every epoch); a
    // checkpoint left by an earlier run counts only when this run resumes it or has replaced it
    java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
    Object before = lastModified(o.checkpoint());
    Thread advice = new Thread(() -> {
      if (!ended.get()) {
        System.err.println("\n" + stoppedMessage(o.checkpoint(), o.resume(), before));
      }
    }, "fenci-train-stopped");
    Runtime.getRuntime().addShutdownHook(advice);
    try {
      new Trainer(o, base, System.err, Terminal.stderr()).run();
    } finally {
      ended.set(true);
      try {
        Runtime.getRuntime().removeShutdownHook(advice);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs and, seeing the run ended, says nothing
      }
    }
    return 0;
  }

  /**
   * What a stopped run says: resume from the checkpoint when this run resumed it or wrote it (its
   * modification time is no longer {@code before}, the one it had when the run started).
   */
  static String stoppedMessage(java.nio.file.Path checkpoint, boolean resume, Object before) {
    Object now = lastModified(checkpoint);
    return now != null && (resume || !now.equals(before))
        ? "fenci: training stopped; the same command with --resume continues from " + checkpoint
        : "fenci: training stopped before its first epoch ended (no checkpoint of this run yet"
            + (now != null ? "; " + checkpoint + " of the earlier run is unchanged: the same command with --resume "
            + "continues it)" : ")");
  }

  /** The file's modification time, or null when it does not exist. */
  static Object lastModified(java.nio.file.Path p) {
    try {
      return java.nio.file.Files.getLastModifiedTime(p);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
