package dev.fenci.train;

import dev.fenci.eval.Score;
import dev.fenci.model.Json;
import dev.fenci.model.Model;
import dev.fenci.model.ModelFormatException;
import dev.fenci.model.SafeTensors;
import dev.fenci.nn.Adam;
import dev.fenci.nn.Ema;
import dev.fenci.nn.NetworkConfig;
import dev.fenci.nn.Param;
import dev.fenci.train.Trainer.EpochStats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A training run's checkpoint, written after every epoch so that a killed run can be resumed: the
 * weights, the Adam moments and (with a moving average) the average of every parameter, the epoch,
 * the best dev F1 so far and the per-epoch history, and the run's fingerprint (the data and the
 * options that shape its steps), which a resumed run must match.
 */
final class Checkpoint {
  private final Path file;
  private final List<Param> params;
  private final Adam adam;
  /** The moving average of {@link #params}, or null. */
  private final Ema ema;
  private final Map<String, String> fingerprint;

  /**
   * The checkpoint {@code file} of a run that optimises {@code params} with {@code adam} (and
   * averages them with {@code ema}, or null), whose {@link #fingerprint} is {@code fingerprint}.
   */
  Checkpoint(Path file, List<Param> params, Adam adam, Ema ema, Map<String, String> fingerprint) {
    this.file = file;
    this.params = params;
    this.adam = adam;
    this.ema = ema;
    this.fingerprint = fingerprint;
  }

  /** Where a checkpoint leaves a run: after {@code epoch}, the best dev F1 so far and its epoch, the epochs' figures. */
  record Resumed(int epoch, double bestF1, int bestEpoch, List<EpochStats> history) {}

  /**
   * Writes the weights of {@code weights} (with its transitions, if any), the Adam moments and (with
   * {@code ema}) the moving average of every one of {@code params}.
   */
  void write(Model weights, int epoch, double bestF1, int bestEpoch, List<EpochStats> history) throws IOException {
    SafeTensors st = weights.toSafeTensors();
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      st.put("adam.m." + p.name(), adam.firstMoment(i), p.shape());
      st.put("adam.v." + p.name(), adam.secondMoment(i), p.shape());
      if (ema != null) {
        st.put("ema." + p.name(), ema.average(i), p.shape());
      }
    }
    Map<String, String> meta = st.metadata();
    for (Map.Entry<String, String> e : fingerprint.entrySet()) {
      meta.put("train." + e.getKey(), e.getValue());
    }
    meta.put("train.epoch", Integer.toString(epoch));
    meta.put("train.adam_steps", Long.toString(adam.steps()));
    meta.put("train.best_f1", Double.toString(bestF1));
    meta.put("train.best_epoch", Integer.toString(bestEpoch));
    meta.put("train.history", historyJson(history));
    st.write(file);
  }

  /**
   * Sets the parameters, the Adam moments and steps and the moving average to the checkpoint's,
   * after checking that it is a checkpoint of this run: its fingerprint and its tensors' shapes.
   * {@code fineTuning}: the run starts from a model. The network's derived state is the caller's
   * to refresh.
   */
  Resumed resume(boolean fineTuning) throws IOException {
    SafeTensors ck = SafeTensors.read(file);
    if (!ck.metadata().containsKey("train.epoch")) {
      throw new ModelFormatException(file.toString(), "is not a training checkpoint (it records no "
          + "epoch; a model file?); move it away, or start afresh without --resume");
    }
    if (fineTuning && "-".equals(ck.metadata().get("train.min_count"))) {
      throw new ModelFormatException(file.toString(), "was made by a version of fenci whose fine-tuning "
          + "kept the starting model's vocabulary, which this one grows; start afresh without --resume");
    }
    for (Map.Entry<String, String> e : fingerprint.entrySet()) {
      String saved = ck.metadata().getOrDefault("train." + e.getKey(), BEFORE_THE_OPTION.get(e.getKey()));
      if (saved == null && NOT_RECORDED_BEFORE.contains(e.getKey())) {
        continue; // a checkpoint from before the data was recorded: its tensors' shapes are checked below
      }
      if (!e.getValue().equals(saved)) {
        throw new ModelFormatException(file.toString(), mismatch(e.getKey(), saved, e.getValue()));
      }
    }
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (!ck.has(p.name()) || !java.util.Arrays.equals(ck.shape(p.name()), p.shape())) {
        throw new ModelFormatException(file.toString(), "holds " + p.name() + " with shape "
            + (ck.has(p.name()) ? java.util.Arrays.toString(ck.shape(p.name())) : "(missing)") + ", this run needs "
            + java.util.Arrays.toString(p.shape()) + "; start afresh without --resume or use the same data");
      }
      System.arraycopy(ck.floats(p.name()), 0, p.value, 0, p.size());
      System.arraycopy(ck.floats("adam.m." + p.name()), 0, adam.firstMoment(i), 0, p.size());
      System.arraycopy(ck.floats("adam.v." + p.name()), 0, adam.secondMoment(i), 0, p.size());
      if (ema != null) {
        System.arraycopy(ck.floats("ema." + p.name()), 0, ema.average(i), 0, p.size());
      }
    }
    adam.setSteps(Long.parseLong(ck.metadata().get("train.adam_steps")));
    int epoch = Integer.parseInt(ck.metadata().get("train.epoch"));
    double bestF1 = Double.parseDouble(ck.metadata().get("train.best_f1"));
    int bestEpoch = Integer.parseInt(ck.metadata().get("train.best_epoch"));
    return new Resumed(epoch, bestF1, bestEpoch, parseHistory(ck.metadata().get("train.history")));
  }

  /**
   * The epoch a checkpoint records ({@code train.epoch}), read from its header alone; null when
   * the file is not a checkpoint this version can read.
   */
  static String epochOf(Path checkpoint) {
    try (InputStream in = Files.newInputStream(checkpoint)) {
      byte[] length = in.readNBytes(8);
      if (length.length < 8) {
        return null;
      }
      long n = java.nio.ByteBuffer.wrap(length).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
      if (n <= 0 || n > (1 << 26)) {
        return null;
      }
      byte[] header = in.readNBytes((int) n);
      Object json = Json.parse(new String(header, java.nio.charset.StandardCharsets.UTF_8));
      if (json instanceof Map<?, ?> m && m.get("__metadata__") instanceof Map<?, ?> meta
          && meta.get("train.epoch") instanceof String epoch) {
        return epoch;
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The fingerprint of a run with options {@code opt}, without its vocabulary's size (added by the
   * caller, checked last).
   */
  static Map<String, String> fingerprint(TrainingOptions opt, NetworkConfig config, String initCrc, String trainHashes,
      String dev, boolean wordModel) {
    Map<String, String> f = new LinkedHashMap<>();
    // causes first: when the starting model or the data differ, so does much else (network, vocabulary)
    f.put("init", initCrc);
    f.put("train_sha256", trainHashes);
    f.put("dev", dev);
    f.put("arch", opt.arch());
    f.put("network", config.toString());
    f.put("rules", opt.rules().id());
    f.put("seed", Long.toString(opt.seed()));
    f.put("batch", Integer.toString(opt.batch()));
    f.put("min_count", Integer.toString(opt.minCount()));
    f.put("lr", Float.toString(opt.lr()));
    f.put("schedule", opt.schedule());
    // a cosine schedule's rate at every step depends on the number of epochs; a constant one's does not
    f.put("epochs", opt.schedule().equals("cosine") ? Integer.toString(opt.epochs()) : "any (constant rate)");
    f.put("unk_rate", Float.toString(opt.unkRate()));
    f.put("ema", Float.toString(opt.ema()));
    f.put("batches", opt.batches());
    f.put("hidden_keep", Float.toString(opt.hiddenKeep()));
    f.put("weight_decay", Float.toString(opt.weightDecay()));
    f.put("word_lm", opt.mergeWordModel() ? "merged" : Boolean.toString(wordModel));
    f.put("pretrain", Integer.toString(opt.pretrain()));
    return f;
  }

  /**
   * What a fingerprint entry meant in checkpoints made before its option existed: they trained
   * without it (the seed's setting).
   */
  private static final Map<String, String> BEFORE_THE_OPTION =
      Map.of("unk_rate", Float.toString(0f), "ema", Float.toString(0f), "batches", "length",
          "hidden_keep", Float.toString(1f), "weight_decay", Float.toString(0f), "init", "-",
          "word_lm", "false", "pretrain", "0");

  /**
   * The option each fingerprint entry comes from, for the message of a resume that does not match
   * ({@code network} has several: see {@link #networkOptions}).
   */
  private static final Map<String, String> OPTION = Map.ofEntries(Map.entry("init", "--init"),
      Map.entry("arch", "--arch"), Map.entry("rules", "--text-rules"),
      Map.entry("seed", "--seed"), Map.entry("batch", "--batch"), Map.entry("min_count", "--min-count"),
      Map.entry("lr", "--lr"), Map.entry("schedule", "--lr-schedule"), Map.entry("unk_rate", "--unk-rate"),
      Map.entry("ema", "--ema"), Map.entry("batches", "--batches"), Map.entry("hidden_keep", "--hidden-keep"),
      Map.entry("weight_decay", "--weight-decay"), Map.entry("word_lm", "--word-lm, --merge-word-lm"), Map.entry("epochs", "--epochs"),
      Map.entry("pretrain", "--pretrain"));

  /** Why a checkpoint cannot be resumed by this run: its entry {@code key} was {@code saved}, is now {@code now}. */
  private static String mismatch(String key, String saved, String now) {
    String remedy = "; start afresh without --resume, or resume with ";
    switch (key) {
      case "train_sha256":
        return "was made from other training data (the SHA-256 of the --train files differs: " + saved + " then, "
            + now + " now)" + remedy + "the files it was made from";
      case "dev":
        return "was made with another dev set (" + devSet(saved) + " then, " + devSet(now) + " now)" + remedy
            + "the same --dev";
      case "init":
        return "was made " + (saved.equals("-") ? "from random weights" : "starting from a model (--init, weights "
            + saved + ")") + ", this run starts " + (now.equals("-") ? "from random weights (no --init)"
            : "from " + (saved.equals("-") ? "a model" : "another model") + " (weights " + now + ")") + remedy
            + (saved.equals("-") ? "no --init" : "the same --init");
      case "vocabulary":
        return "was made with a vocabulary of " + saved + " characters, this run has " + now + remedy
            + "the same data and options";
      default:
        String option = key.equals("network") ? networkOptions(saved, now) : OPTION.get(key);
        return "was made with " + key + " = " + saved + ", this run has " + now + " (option " + option + ")"
            + remedy + "the same options";
    }
  }

  /**
   * The options behind the parts of two network descriptions ({@link NetworkConfig#toString()})
   * that differ: the dropout and the embedding initialisation have options of their own, the rest
   * is the architecture's.
   */
  static String networkOptions(String saved, String now) {
    Set<String> before = new HashSet<>(List.of(saved.split(", ")));
    Set<String> options = new java.util.LinkedHashSet<>();
    for (String part : now.split(", ")) {
      if (!before.contains(part)) {
        options.add(part.startsWith("keep ") ? "--keep" : part.startsWith("init ") ? "--embed-init" : "--arch");
      }
    }
    return options.isEmpty() ? "--arch" : String.join(", ", options);
  }

  private static String devSet(String fingerprint) {
    return fingerprint.startsWith("every ") ? fingerprint : "the --dev file of SHA-256 " + fingerprint;
  }

  /** Fingerprint entries that checkpoints of earlier versions lack (not checked on those). */
  private static final Set<String> NOT_RECORDED_BEFORE = Set.of("vocabulary", "train_sha256", "dev", "epochs");

  static String historyJson(List<EpochStats> history) {
    List<Object> rows = new ArrayList<>();
    for (EpochStats s : history) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("epoch", s.epoch());
      m.put("loss", s.lossPerChar());
      m.put("acc", s.accuracy());
      m.put("gold", s.dev().goldWords());
      m.put("test", s.dev().testWords());
      m.put("correct", s.dev().correct());
      m.put("oov", s.dev().oovWords());
      m.put("oov_correct", s.dev().oovCorrect());
      if (s.averaged() != null) {
        m.put("ema_test", s.averaged().testWords());
        m.put("ema_correct", s.averaged().correct());
        m.put("ema_oov_correct", s.averaged().oovCorrect());
      }
      m.put("seconds", s.seconds());
      m.put("cps", s.charsPerSecond());
      rows.add(m);
    }
    return Json.write(rows);
  }

  static List<EpochStats> parseHistory(String json) {
    List<EpochStats> out = new ArrayList<>();
    if (json == null) {
      return out;
    }
    for (Object o : (List<?>) Json.parse(json)) {
      Map<?, ?> m = (Map<?, ?>) o;
      Score dev = new Score(num(m, "gold").longValue(), num(m, "test").longValue(), num(m, "correct").longValue(),
          num(m, "oov").longValue(), num(m, "oov_correct").longValue());
      Score averaged = m.containsKey("ema_test") ? new Score(dev.goldWords(), num(m, "ema_test").longValue(),
          num(m, "ema_correct").longValue(), dev.oovWords(), num(m, "ema_oov_correct").longValue()) : null;
      out.add(new EpochStats(num(m, "epoch").intValue(), num(m, "loss").doubleValue(), num(m, "acc").doubleValue(),
          dev, averaged, num(m, "seconds").doubleValue(), num(m, "cps").doubleValue()));
    }
    return out;
  }

  private static Number num(Map<?, ?> m, String k) {
    return (Number) m.get(k);
  }
}
