package dev.fenci.train;

import dev.fenci.Segmenter;
import dev.fenci.model.Model;
import dev.fenci.model.Vocabulary;
import dev.fenci.nn.Bigrams;
import dev.fenci.nn.Network;
import dev.fenci.nn.Param;
import dev.fenci.nn.Transitions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The model a run starts from ({@code --init}) instead of random weights: loaded and checked
 * against the run's options, its weights copied into the run's network (grown by the new
 * characters and bigrams), and named in the provenance by its name and the checksum of its weights.
 */
final class StartingModel {
  private StartingModel() {}

  /**
   * The model {@link TrainingOptions#init} names, checked against the options: the run keeps its
   * architecture and text rules. {@code loaded}: that model, when the caller has loaded it already;
   * else null.
   */
  static Model load(TrainingOptions opt, Model loaded) throws IOException {
    Path initFile = Path.of(opt.init());
    if (Files.exists(initFile) && Files.exists(opt.model()) && Files.isSameFile(initFile, opt.model())) {
      throw new IllegalArgumentException("the model to start from, " + opt.init() + ", is the output " + opt.model()
          + ": the run would overwrite it after its first epoch, and a resumed run could no longer check what it started"
          + " from; write the new model to another file");
    }
    Model base = loaded;
    if (base == null) {
      try {
        base = Segmenter.load(opt.init()).model();
      } catch (java.nio.file.NoSuchFileException e) {
        java.nio.file.NoSuchFileException wrapped = new java.nio.file.NoSuchFileException(opt.init(), null,
            "cannot start from it: " + (e.getReason() != null ? e.getReason() : "no such file"));
        wrapped.initCause(e);
        throw wrapped;
      }
    }
    if (!Architectures.names().contains(base.arch())) {
      throw new IllegalArgumentException("cannot start from '" + opt.init() + "': its architecture '" + base.arch()
          + "' is not one fenci trains (" + String.join(", ", Architectures.names()) + ")");
    }
    if (!base.arch().equals(opt.arch())) {
      throw new IllegalArgumentException("'" + opt.init() + "' is a model of architecture " + base.arch()
          + ", not " + opt.arch() + ": a run that starts from a model keeps its architecture");
    }
    if (base.rules() != opt.rules()) {
      throw new IllegalArgumentException("'" + opt.init() + "' was trained with the text rules " + base.rules().id()
          + ", not " + opt.rules().id() + ": a run that starts from a model keeps its text rules");
    }
    if (Architectures.hasTransitions(base.arch()) != (base.transitions() != null)) {
      throw new IllegalArgumentException("'" + opt.init() + "' has " + (base.transitions() == null ? "no " : "")
          + "transition scores, which architecture " + base.arch() + " does not fit");
    }
    if (opt.mergeWordModel() && base.wordModel() == null) {
      throw new IllegalArgumentException("'" + opt.init() + "' has no word model to merge with the training text's "
          + "(it decodes with tag Viterbi); leave --merge-word-lm out");
    }
    return base;
  }

  /**
   * Sets the weights of {@code net} (and the transition scores) to those of {@code base}, whose
   * network has the same shape but for the rows that the vocabulary and the bigram table grew by.
   * Each new row starts as the row the base read in its place: a new character's as the unknown
   * character's, a new bigram's as that of the same pair with its new characters read as unknown
   * (the unknown bigram's when the base did not know that pair either). Logs how much the
   * vocabulary grew and how much of the training text still reads as unknown.
   */
  static void copyInto(Model base, Network net, Transitions transitions, TrainingData data, TrainingOptions opt,
      PrintStream log) {
    List<Param> from = base.network().params();
    List<Param> to = net.params();
    for (int i = 0; i < to.size(); i++) {
      // a loaded model keeps its bigram embedding compact (8-bit levels, or 16-bit floats): widened here to train
      float[] src = from.get(i).floats();
      float[] dst = to.get(i).value;
      if (dst.length == src.length) {
        System.arraycopy(src, 0, dst, 0, src.length);
        continue;
      }
      int[] shape = to.get(i).shape();
      if (shape.length != 2 || src.length % shape[1] != 0 || dst.length < src.length) {
        throw new IllegalStateException(to.get(i).name() + " cannot grow from " + src.length + " to " + dst.length + " values");
      }
      int dim = shape[1];
      System.arraycopy(src, 0, dst, 0, src.length);
      // the embeddings: characters first, then bigrams (Network's order)
      int[] bigramKeys = to.get(i).name().equals("bigram.weight") ? net.bigrams().keys() : null;
      for (int row = src.length / dim; row < shape[0]; row++) {
        int was = bigramKeys != null ? baseBigramOf(base, bigramKeys[row - 1], net.bigrams().vocab()) : Vocabulary.UNKNOWN;
        System.arraycopy(src, was * dim, dst, row * dim, dim);
      }
    }
    net.refresh();
    if (transitions != null) {
      float[] t = base.transitions().param().value;
      System.arraycopy(t, 0, transitions.param().value, 0, t.length);
    }
    long unknown = 0;
    for (TrainingData.Piece p : data.pieces()) {
      for (int id : p.ids()) {
        if (id == Vocabulary.UNKNOWN) {
          unknown++;
        }
      }
    }
    // characters, as `fenci models` counts them: a vocabulary's size counts the unknown character's id too
    int baseChars = base.vocabulary().size() - 1;
    int chars = data.vocabulary().size() - 1;
    Bigrams bigrams = net.bigrams();
    log.printf(Locale.ROOT, "starting from %s (%s): its vocabulary of %s gains %s seen at least %s%s; "
        + "%,d training characters (%.2f%%) read as the unknown character, as at segmentation%n",
        opt.init(), base.arch(), count(baseChars, "character"), count(chars - baseChars, "new character"),
        count(opt.minCount(), "time"),
        bigrams == null ? "" : String.format(Locale.ROOT, ", its %s %s", count(base.network().bigrams().size(), "bigram"),
            count(bigrams.size() - base.network().bigrams().size(), "new one")),
        unknown, 100.0 * unknown / Math.max(1, data.characters()));
  }

  /** {@code n} and the noun, in the plural unless {@code n} is 1: "1 time", "2 times", "4,823 characters". */
  static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  /**
   * The base's id of the bigram {@code key} of a table grown to {@code vocab} character ids: the
   * pair with the characters that the base did not know read as its unknown character (and the
   * end of a piece as the base's end mark).
   */
  private static int baseBigramOf(Model base, int key, int vocab) {
    int baseVocab = base.vocabulary().size();
    int first = key / (vocab + 1);
    int next = key % (vocab + 1);
    int f = first < baseVocab ? first : Vocabulary.UNKNOWN;
    int n = next == vocab ? baseVocab : next < baseVocab ? next : Vocabulary.UNKNOWN;
    return base.network().bigrams().id(f, n);
  }

  /** The model started from as the provenance names it: a preset's name, or a file's name without its directories. */
  static String name(String init) {
    if (dev.fenci.Presets.exists(init)) {
      return init.equals(dev.fenci.Presets.DEFAULT) ? dev.fenci.Presets.defaultName() : init;
    }
    java.nio.file.Path name = java.nio.file.Path.of(init).getFileName();
    return name != null ? name.toString() : init;
  }

  /** CRC-32C of a model's weights and transition scores: which model a run started from. */
  static String weightsCrc(Model m) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    List<Param> all = new ArrayList<>(m.network().params());
    if (m.transitions() != null) {
      all.add(m.transitions().param());
    }
    for (Param p : all) {
      float[] v = p.floats();
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(v);
      crc.update(b.array());
    }
    return String.format(Locale.ROOT, "crc32c:%08x", crc.getValue());
  }
}
