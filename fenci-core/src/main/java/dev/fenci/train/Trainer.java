package dev.fenci.train;

import dev.fenci.corpus.Corpus;
import dev.fenci.corpus.Utf8Lines;
import dev.fenci.Segmenter;
import dev.fenci.eval.Score;
import dev.fenci.eval.Scorer;
import dev.fenci.model.Json;
import dev.fenci.model.Model;
import dev.fenci.model.SafeTensors;
import dev.fenci.model.Vocabulary;
import dev.fenci.model.WordLanguageModel;
import dev.fenci.nn.Adam;
import dev.fenci.nn.Bigrams;
import dev.fenci.nn.CrfLoss;
import dev.fenci.nn.Ema;
import dev.fenci.nn.Network;
import dev.fenci.nn.NetworkConfig;
import dev.fenci.nn.Lexicon;
import dev.fenci.nn.PackedBatch;
import dev.fenci.nn.Parallel;
import dev.fenci.nn.Param;
import dev.fenci.nn.SoftmaxCrossEntropy;
import dev.fenci.nn.Transitions;
import dev.fenci.tag.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Trains a tagger: Adam on length-grouped batches, summed cross-entropy (or, for architectures with
 * learned transitions, the CRF negative log-likelihood summed over pieces), dev precision/recall/F1
 * after every epoch; keeps the model with the best dev F1 and writes a checkpoint (weights,
 * optimiser state, epoch) after every epoch so that a killed run can be resumed.
 */
public final class Trainer {
  private final TrainingOptions opt;
  private final PrintStream log;
  private final boolean terminal;
  /** The model {@link TrainingOptions#init} names, when the caller has loaded it already; else null. */
  private final Model init;

  public Trainer(TrainingOptions options, PrintStream log, boolean terminal) {
    this(options, null, log, terminal);
  }

  /**
   * A trainer for {@code options} whose {@link TrainingOptions#init} model the caller has already
   * loaded as {@code init} (null: loaded here when the options name one).
   */
  public Trainer(TrainingOptions options, Model init, PrintStream log, boolean terminal) {
    if (init != null && options.init() == null) {
      throw new IllegalArgumentException("a model to start from, but the options name none (init)");
    }
    this.opt = options;
    this.init = init;
    this.log = log;
    this.terminal = terminal;
  }

  /**
   * One epoch's figures: {@code dev} scores the weights after the epoch's last step, {@code averaged}
   * (null without {@code --ema}) their moving average.
   */
  public record EpochStats(int epoch, double lossPerChar, double accuracy, Score dev, Score averaged,
      double seconds, double charsPerSecond) {

    /** The better dev score of the two weights. */
    public Score best() {
      return averaged != null && averaged.f1() > dev.f1() ? averaged : dev;
    }
  }

  /** Fails now, not after the first epoch, when the model (and its checkpoint) cannot be written there. */
  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * How many of the dev sentences are also training sentences, compared by their text without the
   * spaces between words (so that any layout and any segmentation of the same text match): a set
   * of the training sentences' 64-bit hashes, not of their text.
   */
  static int sharedSentences(List<List<String>> train, List<List<String>> dev) {
    Set<Long> seen = new HashSet<>(train.size() * 2);
    for (List<String> s : train) {
      seen.add(sentenceHash(s));
    }
    int shared = 0;
    for (List<String> s : dev) {
      if (!s.isEmpty() && seen.contains(sentenceHash(s))) {
        shared++;
      }
    }
    return shared;
  }

  /** A 64-bit FNV-1a hash of a sentence's characters, its words joined without spaces. */
  private static long sentenceHash(List<String> words) {
    long h = 0xcbf29ce484222325L;
    for (String w : words) {
      for (int i = 0; i < w.length(); i++) {
        h = (h ^ w.charAt(i)) * 0x100000001b3L;
      }
    }
    return h;
  }

  /** Runs the training; returns the per-epoch figures (of this run and any resumed one). */
  public List<EpochStats> run() throws IOException {
    // the output and the model to start from first: a wrong one is reported before the data is read
    SafeTensors.checkWritable(opt.model());
    SafeTensors.checkWritable(opt.checkpoint());
    Model base = opt.init() != null ? StartingModel.load(opt, init) : null;
    if (!opt.resume() && Files.exists(opt.checkpoint())) {
      String epoch = Checkpoint.epochOf(opt.checkpoint());
      log.printf(Locale.ROOT, "note: %s %s; this run starts afresh and will replace it after its first epoch "
          + "(--resume continues it)%n", opt.checkpoint(), epoch != null ? "holds epoch " + epoch + " of an earlier run"
          : "exists (not a checkpoint this version can read)");
    }
    for (int i = 0; i < opt.train().size(); i++) {
      for (int j = 0; j < i; j++) {
        if (sameFile(opt.train().get(i), opt.train().get(j))) {
          // given twice, a file would count twice (every word and pair as often again)
          throw new IllegalArgumentException("training file " + opt.train().get(i) + " is given twice (as "
              + opt.train().get(j) + " too); give each file once");
        }
      }
    }
    // each file read once, its checksum from the bytes read (a pipe cannot be read twice)
    List<List<String>> trainSentences = new ArrayList<>();
    List<String> trainNames = new ArrayList<>();
    List<String> trainHashes = new ArrayList<>();
    List<CorpusFile> trainFiles = new ArrayList<>();
    for (Path p : opt.train()) {
      String name = recordedName(p);
      CorpusFile f = readCorpus(p);
      trainFiles.add(f);
      trainNames.add(name);
      trainHashes.add(f.sha256());
      trainSentences.addAll(f.sentences());
    }
    // blank lines hold no words: left out before every 20th line is held out, so that a file with
    // a blank line between paragraphs does not hold out blank lines only
    trainSentences.removeIf(List::isEmpty);
    if (trainSentences.isEmpty()) {
      throw new IllegalArgumentException("the training data " + opt.train() + " holds no words");
    }
    List<List<String>> devSentences;
    String devHash = "-";
    String devName = "held out: every " + HELD_OUT_EVERY + "th line of the training data";
    if (opt.dev() != null) {
      devName = recordedName(opt.dev());
      // a dev file that is also a training file is not read again (nor said twice how it reads)
      CorpusFile f = null;
      for (int i = 0; i < opt.train().size() && f == null; i++) {
        if (sameFile(opt.train().get(i), opt.dev())) {
          f = trainFiles.get(i);
        }
      }
      if (f == null) {
        f = readCorpus(opt.dev());
      }
      devHash = f.sha256();
      devSentences = new ArrayList<>(f.sentences());
    } else {
      devSentences = holdOut(trainSentences);
    }
    devSentences.removeIf(List::isEmpty);
    if (devSentences.isEmpty()) {
      throw new IllegalArgumentException(opt.dev() != null ? "the dev file " + opt.dev() + " holds no words"
          : "the training data has too few lines to hold out a dev set (every " + HELD_OUT_EVERY + "th); give --dev");
    }
    if (opt.dev() != null && opt.train().stream().anyMatch(p -> sameFile(p, opt.dev()))) {
      log.printf(Locale.ROOT, "note: the dev file %s is also a training file: its F1 will say little about new text, "
          + "and the epoch it chooses may be one that overfits%n", opt.dev());
    } else if (opt.dev() != null && trainHashes.contains(devHash)) {
      log.printf(Locale.ROOT, "note: the dev file %s is a copy of the training file %s (the same SHA-256): its F1 will "
          + "say little about new text, and the epoch it chooses may be one that overfits%n", opt.dev(),
          opt.train().get(trainHashes.indexOf(devHash)));
    } else if (opt.dev() != null) {
      int shared = sharedSentences(trainSentences, devSentences);
      if (shared > 0) {
        log.printf(Locale.ROOT, "note: %,d of %,d dev sentences are also training sentences (the same text, however "
            + "laid out): the dev F1 overstates how the model does on new text%n", shared, devSentences.size());
      }
    }
    if (opt.dev() == null) {
      log.printf(Locale.ROOT, "no --dev: every %dth line of the training data is held out for model selection (%,d %s)%n",
          HELD_OUT_EVERY, devSentences.size(), devSentences.size() == 1 ? "line" : "lines");
    }
    Set<String> trainingWords = new HashSet<>();
    for (List<String> s : trainSentences) {
      trainingWords.addAll(s);
    }
    TrainingData data = base == null ? TrainingData.build(trainSentences, opt.rules(), opt.minCount())
        : TrainingData.build(trainSentences, base.rules(), base.vocabulary(), opt.minCount());
    if (data.characters() == 0) {
      throw new IllegalArgumentException("the training data " + opt.train() + " holds nothing for the network to "
          + "learn from: only punctuation, spaces and what the text rules keep whole without it (addresses, emoji "
          + "and the like)");
    }
    Vocabulary vocab = data.vocabulary();
    NetworkConfig config = base == null ? Architectures.config(opt.arch(), vocab.size(), opt.embedInit())
        : base.network().config().withVocabSize(vocab.size());
    if (opt.keep() > 0) {
      config = config.withKeepProb(opt.keep());
    }
    Bigrams bigrams = null;
    if (config.hasBigrams()) {
      List<int[]> seqs = new ArrayList<>(data.pieces().size());
      for (TrainingData.Piece p : data.pieces()) {
        seqs.add(p.ids());
      }
      int minCount = Architectures.bigramMinCount(opt.arch());
      // from a model: its bigrams keep their ids (the rows of the embedding carried over), new ones follow
      bigrams = base == null ? Bigrams.count(seqs, vocab.size(), minCount)
          : base.network().bigrams().extend(seqs, vocab.size(), minCount);
      config = config.withBigramVocab(bigrams.size());
    }
    List<TrainingData.Piece> pieces = data.pieces();
    Lexicon lexicon = null;
    if (Architectures.hasLexicon(opt.arch())) {
      Lexicon baseLexicon = base != null ? base.network().lexicon() : null;
      LexiconFeatures lf = new LexiconFeatures(pieces, baseLexicon);
      lexicon = lf.lexicon();
      pieces = lf.pieces();
      if (base == null) {
        config = config.withLexiconDim(Lexicon.FEATURES);
        log.printf(Locale.ROOT, "lexicon of %,d training words; each piece's features from the other %d folds' words%n",
            lexicon.size(), LexiconFeatures.FOLDS - 1);
      } else {
        log.printf(Locale.ROOT, "lexicon of %,d words: the %,d of %s and %,d new training words; each piece's "
            + "features from those and the other %d folds' words%n", lexicon.size(), baseLexicon.size(), opt.init(),
            lexicon.size() - baseLexicon.size(), LexiconFeatures.FOLDS - 1);
      }
    }
    Network net = new Network(config, bigrams, lexicon);
    net.initialise(opt.seed());
    if (opt.pretrain() > 0 && base == null && !(opt.resume() && Files.exists(opt.checkpoint()))) {
      // a resumed run takes its weights from the checkpoint
      EmbeddingPretraining.run(net, pieces, opt.pretrain(), opt.seed(), log, terminal);
    }
    Transitions transitions = Architectures.hasTransitions(opt.arch()) ? new Transitions() : null;
    if (base != null) {
      StartingModel.copyInto(base, net, transitions, data, opt, log);
      if (base.network().bigramTableFits() && !net.bigramTableFits()) {
        log.printf(Locale.ROOT, "note: %s reads its bigrams from a table at segmentation; with %,d bigrams that table "
            + "would take %,d MB, more than this JVM allows, so this model will multiply them out instead, which is "
            + "slower (-D%s=%d or more keeps a table)%n", opt.init(), net.bigrams().size(), net.bigramTableMegabytes(),
            Network.BIGRAM_TABLE_PROPERTY, net.bigramTableMegabytes());
      }
    }
    List<Param> params = new ArrayList<>(net.params());
    if (transitions != null) {
      params.add(transitions.param());
    }
    Adam adam = new Adam(params);
    adam.setWeightDecay(opt.weightDecay());
    Ema ema = opt.ema() > 0 ? new Ema(params, opt.ema()) : null;
    // the model started from, by its weights: the same model however it was named
    String initCrc = base == null ? "-" : StartingModel.weightsCrc(base);
    String devId = opt.dev() != null ? devHash : "every " + HELD_OUT_EVERY + "th training line";
    Map<String, String> fingerprint = Checkpoint.fingerprint(opt, config, initCrc, String.join(",", trainHashes), devId,
        wordModel(base));
    // derived from the data and the options: checked last, so that a mismatch names its cause
    fingerprint.put("vocabulary", Integer.toString(vocab.size()));
    Checkpoint checkpoint = new Checkpoint(opt.checkpoint(), params, adam, ema, fingerprint);
    String initId = base == null ? "-" : StartingModel.name(opt.init()) + " " + initCrc;
    List<EpochStats> history = new ArrayList<>();
    int firstEpoch = 1;
    double bestF1 = -1;
    int bestEpoch = 0;
    if (opt.resume() && !Files.exists(opt.checkpoint())) {
      log.printf(Locale.ROOT, "note: --resume: no checkpoint %s to continue from; starting at epoch 1%n", opt.checkpoint());
    }
    if (opt.resume() && Files.exists(opt.checkpoint())) {
      Checkpoint.Resumed resumed = checkpoint.resume(base != null);
      net.refresh();
      firstEpoch = resumed.epoch() + 1;
      bestF1 = resumed.bestF1();
      bestEpoch = resumed.bestEpoch();
      history.addAll(resumed.history());
      log.printf(Locale.ROOT, "resuming %s after epoch %d (best dev F1 %.4f at epoch %d)%n",
          opt.checkpoint(), firstEpoch - 1, bestF1, bestEpoch);
      if (bestEpoch > 0 && !Files.exists(opt.model())) {
        // said now, not after the remaining epochs: the run ends in an error unless a later epoch beats it
        log.printf(Locale.ROOT, "note: %s, where the run this one resumes saved its best epoch (%d), is gone: a model"
            + " is saved only if a later epoch beats dev F1 %.4f; otherwise the run ends with an error%n",
            opt.model(), bestEpoch, bestF1);
      }
    }
    // a run from a model starts from its weights, not from an initialisation
    String shape = base == null ? config.toString()
        : config.toString().replace(", init " + config.embedInit(), ", weights from " + opt.init());
    log.printf(Locale.ROOT, "training %s (%s%s) on %,d piece%s, %,d characters; vocabulary %,d; %d thread%s; gemm %s%n",
        opt.arch(), shape, transitions != null ? ", CRF transitions" : "", data.pieces().size(),
        data.pieces().size() == 1 ? "" : "s", data.characters(), vocab.size(), opt.threads(), opt.threads() == 1 ? "" : "s",
        dev.fenci.nn.Gemm.best().name());
    WordLanguageModel words = null;
    WordLatticeLoss lattice = null;
    if (wordModel(base)) {
      // a model fine-tuned from one with a word model keeps its settings
      WordLanguageModel.Settings settings = base != null && base.wordModel() != null ? base.wordModel().settings()
          : WordLanguageModel.Settings.DEFAULT;
      if (!Double.isNaN(opt.wordModelWeight())) {
        settings = settings.withWeight(opt.wordModelWeight());
      }
      words = wordModel(data.pieces(), vocab.size(), settings);
      if (opt.latticeLoss()) {
        WordLanguageModel.Settings loss = Double.isNaN(opt.latticeWeight()) ? settings
            : settings.withWeight(opt.latticeWeight());
        lattice = new WordLatticeLoss(pieces, vocab.size(), loss);
        log.printf(Locale.ROOT, "training through the word lattice: each piece's segmentations scored with the word model"
            + " of the other %d folds' pieces, weight %s (decoding: %s)%n", LexiconFeatures.FOLDS - 1, loss.weight(),
            settings.weight());
      }
      if (opt.mergeWordModel()) {
        int own = words.size();
        words = base.wordModel().plus(words, settings); // with the weight asked for, if one was
        log.printf(Locale.ROOT, "word language model of %,d training words and the %,d of %s's (%,d in all); decoding "
            + "over a word lattice%n", own, base.wordModel().size(), opt.init(), words.size());
      } else {
        log.printf(Locale.ROOT, "word language model of %,d training words; decoding over a word lattice%n", words.size());
      }
    }
    List<String> devTexts = new ArrayList<>();
    for (List<String> s : devSentences) {
      devTexts.add(String.join("", s));
    }
    Batcher batcher = opt.batcher(pieces);
    Scorer scorer = new Scorer(trainingWords);
    try (Parallel par = new Parallel(opt.threads())) {
      for (int epoch = firstEpoch; epoch <= opt.epochs(); epoch++) {
        SplittableRandom rnd = new SplittableRandom(opt.seed() * 0x9E3779B97F4A7C15L + epoch);
        adam.setLearningRate(opt.learningRate(epoch));
        List<List<TrainingData.Piece>> batches = batcher.epoch(rnd);
        ProgressBar bar = new ProgressBar(log, String.format(Locale.ROOT, "epoch %d/%d", epoch, opt.epochs()),
            data.characters(), "chars", terminal);
        double loss = 0;
        long correct = 0;
        long seen = 0;
        for (List<TrainingData.Piece> b : batches) {
          SoftmaxCrossEntropy.Result r = step(net, transitions, lattice, adam, par, b, rnd, opt.unkRate(),
              opt.hiddenKeep());
          if (ema != null) {
            ema.update(par);
          }
          loss += r.loss();
          correct += r.correct();
          seen += r.count();
          bar.advance(r.count(), String.format(Locale.ROOT, "loss %.4f acc %.4f", loss / seen, (double) correct / seen));
        }
        double secs = bar.elapsedSeconds();
        bar.finish(String.format(Locale.ROOT, "loss %.4f acc %.4f", loss / seen, (double) correct / seen));
        Model model = new Model(opt.arch(), net, transitions, vocab, opt.rules(), Map.of()).withWordModel(words);
        Score dev = scorer.score(devSentences, Segmenter.of(model).segmentAll(devTexts));
        Score averaged = null;
        if (ema != null) {
          ema.swap();
          net.refresh();
          averaged = scorer.score(devSentences, Segmenter.of(model).segmentAll(devTexts));
        }
        EpochStats st = new EpochStats(epoch, loss / seen, (double) correct / seen, dev, averaged, secs, seen / secs);
        history.add(st);
        boolean best = st.best().f1() > bestF1;
        boolean keepAverage = st.best() == averaged;
        log.printf(Locale.ROOT, "epoch %d: loss/char %.4f, tag accuracy %.4f, %.0f chars/s; dev P %.4f R %.4f F1 %.4f OOV-R %s%s%s%n",
            epoch, st.lossPerChar(), st.accuracy(), st.charsPerSecond(), dev.precision(), dev.recall(), dev.f1(),
            oovRecall(dev), averaged == null ? "" : String.format(Locale.ROOT, "; moving average P %.4f R %.4f F1 %.4f OOV-R %s",
                averaged.precision(), averaged.recall(), averaged.f1(), oovRecall(averaged)),
            best ? (keepAverage ? " (best so far, average saved)" : " (best so far, saved)") : "");
        if (transitions != null) {
          log.printf(Locale.ROOT, "epoch %d: transitions %s%n", epoch, transitions);
        }
        Model kept = null;
        if (best) {
          bestF1 = st.best().f1();
          bestEpoch = epoch;
          kept = new Model(opt.arch(), net, transitions, vocab, opt.rules(),
              provenance(trainNames, trainHashes, devName, devHash, epoch, st.best(), history, keepAverage, base, initId,
                  config))
              .withWordModel(words);
        }
        if (kept != null && keepAverage) {
          kept.save(opt.model()); // the network holds the average now
        }
        if (ema != null) {
          ema.swap(); // back to the training weights, whatever was saved
          net.refresh();
        }
        if (kept != null && !keepAverage) {
          kept.save(opt.model());
        }
        checkpoint.write(new Model(opt.arch(), net, transitions, vocab, opt.rules(), Map.of()), epoch, bestF1, bestEpoch,
            history);
      }
    }
    if (!Files.exists(opt.model())) {
      // a resumed run whose best epoch came before it, and whose model file is gone
      throw new java.nio.file.NoSuchFileException(opt.model().toString(), null, "the best epoch (" + bestEpoch
          + ", dev F1 " + String.format(Locale.ROOT, "%.4f", bestF1) + ") was saved here by the run this one resumed,"
          + " and the file is gone; no later epoch beat it");
    }
    log.printf(Locale.ROOT, "best dev F1 %.4f at epoch %d, model in %s%n", bestF1, bestEpoch, opt.model());
    return history;
  }

  /**
   * One optimiser step on one batch. With {@code transitions} (a CRF architecture) the loss is the
   * CRF negative log-likelihood of each piece's gold tags, summed over pieces, and the result's
   * accuracy counts argmaxes of the posterior tag marginals; without, summed per-character
   * cross-entropy and argmaxes of the logits. With {@code lattice} (and transitions) the loss is that of the
   * segmentations over the word lattice instead. {@code hiddenKeep}: see {@link TrainingOptions#hiddenKeep}.
   */
  static SoftmaxCrossEntropy.Result step(Network net, Transitions transitions, WordLatticeLoss lattice, Adam adam,
      Parallel par,
      List<TrainingData.Piece> batch, SplittableRandom rnd, float unkRate, float hiddenKeep) {
    List<int[]> seqs = new ArrayList<>(batch.size());
    for (TrainingData.Piece p : batch) {
      int[] ids = p.ids();
      if (unkRate > 0) {
        ids = ids.clone();
        for (int i = 0; i < ids.length; i++) {
          if (rnd.nextDouble() < unkRate) {
            ids[i] = Vocabulary.UNKNOWN;
          }
        }
      }
      seqs.add(ids);
    }
    PackedBatch pb = PackedBatch.of(net.pad(), seqs);
    if (net.lexicon() != null) {
      List<byte[]> features = new ArrayList<>(batch.size());
      for (TrainingData.Piece p : batch) {
        features.add(p.lexicon());
      }
      pb = pb.withLexiconFeatures(features);
    }
    int[] gold = new int[pb.rows()];
    java.util.Arrays.fill(gold, -1);
    for (int i = 0; i < batch.size(); i++) {
      System.arraycopy(batch.get(i).tags(), 0, gold, pb.start(i), pb.length(i));
    }
    Network.Trace trace = net.forward(par, pb, rnd, hiddenKeep);
    float[] grad = new float[pb.rows() * Tag.COUNT];
    SoftmaxCrossEntropy.Result r;
    if (transitions == null) {
      r = SoftmaxCrossEntropy.lossAndGrad(trace.logits(), gold, Tag.COUNT, grad);
    } else {
      transitions.param().zeroGrad();
      r = lattice != null ? lattice.lossAndGrad(trace.logits(), pb, gold, batch, transitions, grad)
          : CrfLoss.lossAndGrad(trace.logits(), pb, gold, transitions, grad);
    }
    net.zeroGrad();
    net.backward(par, trace, grad);
    adam.step(par);
    net.refresh();
    return r;
  }

  /** OOV recall with four decimals, or "--" (as the score script writes) when the dev set holds no OOV word. */
  private static String oovRecall(Score s) {
    return s.oovWords() == 0 ? "--" : String.format(Locale.ROOT, "%.4f", s.oovRecall());
  }

  /**
   * Whether the run's model gets a word language model: asked for, or the model started from has
   * one (a fine-tuned model is decoded as its base was, with a word model of its own training data).
   */
  private boolean wordModel(Model base) {
    return opt.wordModel() || (base != null && base.wordModel() != null);
  }

  /**
   * The word language model of the training pieces: each piece (a TEXT chunk of a training
   * sentence, cut as the decoder cuts text) one sequence, its words read off its gold tags as the
   * character ids the network reads, so that the model counts exactly the words and neighbours
   * that the decoder's lattice will look up.
   */
  static WordLanguageModel wordModel(List<TrainingData.Piece> pieces, int vocabSize,
      WordLanguageModel.Settings settings) {
    List<List<int[]>> sequences = new ArrayList<>(pieces.size());
    for (TrainingData.Piece p : pieces) {
      List<int[]> seq = new ArrayList<>();
      int[] ids = p.ids();
      int start = 0;
      for (int k = 0; k < ids.length; k++) {
        if (Tag.of(p.tags()[k]).endsWord()) {
          seq.add(java.util.Arrays.copyOfRange(ids, start, k + 1));
          start = k + 1;
        }
      }
      sequences.add(seq);
    }
    return WordLanguageModel.build(settings, sequences, vocabSize);
  }

  /**
   * Without a dev file, line i of the training data (from 0, blank lines not counted) is held out
   * when i % this == this - 1.
   */
  public static final int HELD_OUT_EVERY = 20;

  /** Removes every {@link #HELD_OUT_EVERY}th sentence from {@code train} and returns them. */
  static List<List<String>> holdOut(List<List<String>> train) {
    List<List<String>> kept = new ArrayList<>(train.size());
    List<List<String>> held = new ArrayList<>(train.size() / HELD_OUT_EVERY + 1);
    for (int i = 0; i < train.size(); i++) {
      (i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 ? held : kept).add(train.get(i));
    }
    train.clear();
    train.addAll(kept);
    return held;
  }

  private Map<String, String> provenance(List<String> trainNames, List<String> trainHashes, String devName, String devHash, int epoch, Score dev,
      List<EpochStats> history, boolean average, Model base, String initId, NetworkConfig config) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("trained_with", "fenci " + version());
    p.put("date", Instant.now().toString());
    if (base != null) {
      // the starting model's own record, so that the whole lineage (its training data too) stays known
      p.put("init", initId);
      p.put("init_provenance", Json.write(base.provenance()));
    }
    p.put("train_files", Json.write(trainNames));
    p.put("train_sha256", Json.write(trainHashes));
    p.put("dev_file", devName);
    p.put("dev_sha256", devHash);
    p.put("arch", opt.arch());
    p.put("embed_init", base == null ? opt.embedInit() : base.network().config().embedInit());
    p.put("min_count", Integer.toString(opt.minCount()));
    p.put("text_rules", opt.rules().id());
    p.put("epoch", Integer.toString(epoch));
    p.put("epochs_planned", Integer.toString(opt.epochs()));
    p.put("batch", Integer.toString(opt.batch()));
    p.put("lr", Float.toString(opt.lr()));
    p.put("lr_schedule", opt.schedule());
    p.put("unk_rate", Float.toString(opt.unkRate()));
    p.put("ema", Float.toString(opt.ema()));
    p.put("batches", opt.batches());
    p.put("keep", Float.toString(config.keepProb()));
    p.put("hidden_keep", Float.toString(opt.hiddenKeep()));
    p.put("weight_decay", Float.toString(opt.weightDecay()));
    if (opt.pretrain() > 0 && base == null) {
      p.put("pretrain", Integer.toString(opt.pretrain()));
    }
    if (wordModel(base)) {
      p.put("word_lm", opt.mergeWordModel() ? "training words and the starting model's" : "training words");
      if (opt.latticeLoss()) {
        p.put("loss", "word lattice");
        if (!Double.isNaN(opt.latticeWeight())) {
          p.put("lattice_weight", Double.toString(opt.latticeWeight())); // else the word model's own (metadata word_lm)
        }
      }
    }
    p.put("weights", average ? "moving average" : "last step");
    p.put("seed", Long.toString(opt.seed()));
    p.put("threads", Integer.toString(opt.threads()));
    p.put("lenient", Boolean.toString(opt.lenient()));
    p.put("dev_f1", String.format(Locale.ROOT, "%.4f", dev.f1()));
    p.put("dev_precision", String.format(Locale.ROOT, "%.4f", dev.precision()));
    p.put("dev_recall", String.format(Locale.ROOT, "%.4f", dev.recall()));
    double secs = 0;
    for (EpochStats s : history) {
      if (s.epoch() <= epoch) {
        secs += s.seconds();
      }
    }
    p.put("training_seconds", String.format(Locale.ROOT, "%.0f", secs));
    return p;
  }

  /**
   * How the provenance names a training or dev file: its file name, or for what is not a regular
   * file (a pipe, {@code --train <(zcat corpus.gz)}) {@code pipe (/dev/fd/63)}, whose bare name
   * would be a number.
   */
  static String recordedName(Path p) {
    return Files.isRegularFile(p) ? p.getFileName().toString() : "pipe (" + p + ")";
  }

  /** A training or dev file read once: its sentences, checked to be segmented, and the SHA-256 of its bytes. */
  private record CorpusFile(List<List<String>> sentences, String sha256) {}

  private CorpusFile readCorpus(Path p) throws IOException {
    byte[] bytes = Utf8Lines.readBytes(p);
    Corpus.Sentences read = Corpus.readSentences(bytes, p.toString(), opt.lenient(), log);
    Corpus.requireSegmented(read, p.toString(), log);
    return new CorpusFile(read.sentences(), sha256(bytes));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String version() {
    try (InputStream in = Trainer.class.getResourceAsStream("/dev/fenci/version.properties")) {
      java.util.Properties p = new java.util.Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
