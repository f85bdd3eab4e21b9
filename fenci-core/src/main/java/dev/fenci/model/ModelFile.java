package dev.fenci.model;

import dev.fenci.nn.Bigrams;
import dev.fenci.nn.Lexicon;
import dev.fenci.nn.Network;
import dev.fenci.nn.NetworkConfig;
import dev.fenci.nn.Param;
import dev.fenci.nn.Transitions;
import dev.fenci.text.TextRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Model} as a file: its tensors and metadata in safetensors, written and read back with
 * every part checked (docs/model-format.md).
 */
final class ModelFile {
  private ModelFile() {}

  /**
   * The model's tensors and metadata; with {@code compactEmbeddings} the embedding tables (most of
   * a model's bytes) are stored as 8-bit levels with a scale per row, as {@link Model#save} does.
   */
  static SafeTensors write(Model model, boolean compactEmbeddings) {
    Network network = model.network();
    Vocabulary vocabulary = model.vocabulary();
    Transitions transitions = model.transitions();
    WordLanguageModel wordModel = model.wordModel();
    SafeTensors st = new SafeTensors();
    Map<String, String> meta = st.metadata();
    meta.put("format", Model.FORMAT);
    NetworkConfig c = network.config();
    meta.put("format_version", Integer.toString(compactEmbeddings || wordModel != null ? 6
        : c.hasLexicon() ? 4 : c.isDilated() ? 3 : 2));
    meta.put("arch", model.arch());
    Map<String, Object> net = new LinkedHashMap<>();
    net.put("vocab_size", c.vocabSize());
    net.put("embed_dim", c.embedDim());
    if (c.hasBigrams()) {
      net.put("bigram_vocab", c.bigramVocab());
      net.put("bigram_dim", c.bigramDim());
    }
    net.put("hidden", c.hidden());
    if (c.isDilated()) {
      net.put("dilations", c.dilations());
    }
    if (c.hasLexicon()) {
      net.put("lexicon_dim", c.lexiconDim());
    }
    net.put("tags", c.tags());
    net.put("keep_prob", (double) c.keepProb());
    net.put("embed_init", c.embedInit());
    meta.put("network", Json.write(net));
    meta.put("text_rules", model.rules().id());
    meta.put("provenance", Json.write(model.provenance()));
    int[] cps = vocabulary.codePoints();
    st.put("vocab.codepoints", cps, cps.length);
    if (network.bigrams() != null) {
      int[] keys = network.bigrams().keys();
      st.put("bigram.keys", keys, keys.length);
    }
    if (network.lexicon() != null) {
      int[] words = network.lexicon().words();
      st.put("lexicon.words", words, words.length);
      if (network.lexicon().trained() < network.lexicon().size()) {
        meta.put("lexicon_trained", Integer.toString(network.lexicon().trained()));
      }
    }
    for (Param p : network.params()) {
      float[] values = p.floats(); // a compact table decoded once
      if (compactEmbeddings && isEmbedding(p.name()) && allFinite(values)) {
        st.putQuantised(p.name(), values, p.shape());
      } else if (compactEmbeddings && isEmbedding(p.name())) {
        st.putHalf(p.name(), values, p.shape()); // a diverged table (infinities, NaN): as version 5 stored it
      } else {
        st.put(p.name(), values, p.shape());
      }
    }
    if (transitions != null) {
      st.put(Transitions.NAME, transitions.param().value, transitions.param().shape());
    }
    if (wordModel != null) {
      wordModel.writeTo(st);
    }
    return st;
  }

  private static boolean allFinite(float[] values) {
    for (float v : values) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isEmbedding(String tensor) {
    return tensor.equals("embedding.weight") || tensor.equals("bigram.weight");
  }

  /** Reads a model file, after checking that it is one that can be read (not a directory, a pipe). */
  static Model read(Path path) throws IOException {
    if (path.toString().isEmpty()) {
      throw new IOException("the model file's name is empty; give its path");
    }
    if (java.nio.file.Files.isDirectory(path)) {
      throw new java.nio.file.FileSystemException(path.toString(), null, "is a directory, not a model file");
    }
    if (!java.nio.file.Files.exists(path)) {
      throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such model file");
    }
    if (!java.nio.file.Files.isRegularFile(path)) {
      throw new java.nio.file.FileSystemException(path.toString(), null,
          "is not a regular file (a model is read from a file of known size, not a pipe or device)");
    }
    if (!java.nio.file.Files.isReadable(path)) {
      // before the read, whose error says it in the system's words and language
      throw new java.nio.file.AccessDeniedException(path.toString(), null, "the model file is not readable");
    }
    return read(SafeTensors.read(path), path.toString());
  }

  /** Rebuilds a model from a file's tensors, checking every part; {@code source} names the file. */
  static Model read(SafeTensors st, String source) throws ModelFormatException {
    Map<String, String> meta = st.metadata();
    if (!Model.FORMAT.equals(meta.get("format"))) {
      throw new ModelFormatException(source, "not a fenci segmenter model (format '" + meta.get("format") + "')");
    }
    String version = meta.get("format_version");
    if (version == null) {
      throw new ModelFormatException(source, "no format_version in the model description");
    }
    if (!supported(version)) {
      throw new ModelFormatException(source, "model format version " + version
          + " is not supported by this fenci (it reads versions " + Model.OLDEST_VERSION + " to " + Model.FORMAT_VERSION
          + ")");
    }
    try {
      Map<?, ?> net = (Map<?, ?>) Json.parse(meta.get("network"));
      int[] hidden = ints((List<?>) net.get("hidden"));
      int vocabSize = Math.toIntExact((Long) net.get("vocab_size"));
      int bigramVocab = net.containsKey("bigram_vocab") ? Math.toIntExact((Long) net.get("bigram_vocab")) : 0;
      NetworkConfig config = new NetworkConfig(vocabSize, Math.toIntExact((Long) net.get("embed_dim")),
          bigramVocab, net.containsKey("bigram_dim") ? Math.toIntExact((Long) net.get("bigram_dim")) : 0,
          hidden, Math.toIntExact((Long) net.get("tags")),
          ((Number) net.get("keep_prob")).floatValue(), (String) net.get("embed_init"),
          net.containsKey("dilations") ? ints((List<?>) net.get("dilations")) : null,
          net.containsKey("lexicon_dim") ? Math.toIntExact((Long) net.get("lexicon_dim")) : 0);
      int v = Integer.parseInt(version); // one of the supported versions: checked above
      if (config.hasLexicon() && v < 4) {
        throw new ModelFormatException(source, "lexicon features in a version " + version
            + " file (they need version 4)");
      }
      if (config.isDilated() && v < 3) {
        // a reader of the version the file claims would ignore the dilations and run another network
        throw new ModelFormatException(source, "dilated convolutions in a version " + version
            + " file (they need version 3)");
      }
      // every weight must be in the file with its shape before anything is allocated: a header
      // that claims a huge network must not make the loader run out of memory
      for (Map.Entry<String, int[]> w : Network.weightShapes(config).entrySet()) {
        if (!st.has(w.getKey())) {
          throw new ModelFormatException(source, "missing tensor " + w.getKey());
        }
        if (!Arrays.equals(st.shape(w.getKey()), w.getValue())) {
          throw new ModelFormatException(source, "tensor " + w.getKey() + " has shape "
              + Arrays.toString(st.shape(w.getKey())) + ", expected " + Arrays.toString(w.getValue()));
        }
      }
      Vocabulary vocab = new Vocabulary(st.ints("vocab.codepoints"));
      Bigrams bigrams = null;
      if (config.hasBigrams()) {
        if (!st.has("bigram.keys")) {
          throw new ModelFormatException(source, "missing tensor bigram.keys");
        }
        bigrams = new Bigrams(vocabSize, st.ints("bigram.keys"));
      }
      Lexicon lexicon = null;
      if (config.hasLexicon()) {
        if (!st.has("lexicon.words")) {
          throw new ModelFormatException(source, "missing tensor lexicon.words");
        }
        String trained = meta.get("lexicon_trained");
        boolean wellFormed = trained == null || trained.matches("0|[1-9][0-9]{0,8}");
        lexicon = new Lexicon(st.ints("lexicon.words"), trained == null || !wellFormed ? Integer.MAX_VALUE
            : Integer.parseInt(trained));
        if (!wellFormed || trained != null && Integer.parseInt(trained) > lexicon.size()) {
          throw new ModelFormatException(source, "lexicon_trained must be a number of words from 0 to the "
              + lexicon.size() + " of lexicon.words, got '" + trained + "'");
        }
      }
      // the bigram embedding, most of a model's heap, stays as the file has it (8-bit levels, or
      // 16-bit floats before version 6): the same values, widened row by row as they are read
      // (docs/performance.md)
      Param loadedBigram = null;
      if (config.hasBigrams()) {
        int[] shape = {config.bigramVocab(), config.bigramDim()};
        SafeTensors.Levels levels = st.levels("bigram.weight");
        short[] halves = st.halves("bigram.weight");
        loadedBigram = levels != null ? Param.quantised("bigram.weight", levels.levels(), levels.rowScales(), shape)
            : halves != null ? Param.compact("bigram.weight", halves, shape) : null;
      }
      for (String name : st.names()) {
        if (st.levels(name) != null && v < 6) {
          throw new ModelFormatException(source, "8-bit tensors in a version " + version + " file (they need version 6)");
        }
        if (st.levels(name) != null && !isEmbedding(name)) {
          throw new ModelFormatException(source, "tensor " + name + " is 8-bit (only the embedding tables may be)");
        }
      }
      Network network = new Network(config, bigrams, lexicon, loadedBigram);
      for (Param p : network.params()) { // present, with these shapes: checked above
        if (!p.isCompact()) {
          st.readFloats(p.name(), p.value);
          for (float x : p.value) {
            if (!Float.isFinite(x)) {
              throw new ModelFormatException(source, "tensor " + p.name() + " holds " + x + " (weights must be finite)");
            }
          }
        }
      }
      network.refresh();
      Transitions transitions = null;
      if (st.has(Transitions.NAME)) {
        Param shape = new Transitions().param();
        if (!Arrays.equals(st.shape(Transitions.NAME), shape.shape())) {
          throw new ModelFormatException(source, "tensor " + Transitions.NAME + " has shape "
              + Arrays.toString(st.shape(Transitions.NAME)) + ", expected " + Arrays.toString(shape.shape()));
        }
        transitions = Transitions.of(st.floats(Transitions.NAME)); // IllegalArgumentException: see below
      }
      Map<String, String> prov = new LinkedHashMap<>();
      Object parsed = Json.parse(meta.getOrDefault("provenance", "{}"));
      for (Map.Entry<?, ?> e : ((Map<?, ?>) parsed).entrySet()) {
        prov.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
      }
      WordLanguageModel words = WordLanguageModel.readFrom(st, source);
      if (words != null && v < 5) {
        throw new ModelFormatException(source, "a word language model in a version " + version
            + " file (it needs version 5)");
      }
      if (words != null && v < 6 && !st.has("word_lm.bigrams")) {
        throw new ModelFormatException(source, "a word language model's grouped pairs in a version " + version
            + " file (they need version 6)");
      }
      checkNames(st, network, source);
      return new Model(meta.get("arch"), network, transitions, vocab, TextRules.parse(meta.get("text_rules")), prov,
          words);
    } catch (ClassCastException e) {
      throw new ModelFormatException(source, "damaged model description: an entry of the wrong type");
    } catch (NullPointerException e) {
      throw new ModelFormatException(source, "damaged model description: an entry is missing");
    } catch (ArithmeticException | IllegalArgumentException e) {
      throw new ModelFormatException(source, "damaged model description: " + e.getMessage());
    }
  }

  /**
   * Every tensor of the file must be one a model (or a training checkpoint) has: the checksum does
   * not cover the tensor table, and a damaged name (a flipped bit in {@code crf.transitions})
   * would otherwise load as a model without that part.
   */
  private static void checkNames(SafeTensors st, Network network, String source) throws ModelFormatException {
    java.util.Set<String> known = new java.util.HashSet<>(List.of("vocab.codepoints", "bigram.keys", "lexicon.words",
        WordLanguageModel.WORDS, WordLanguageModel.COUNTS, WordLanguageModel.BIGRAMS, WordLanguageModel.PAIRS_PER_WORD,
        WordLanguageModel.FOLLOWERS, WordLanguageModel.PAIR_COUNTS, WordLanguageModel.CHARS));
    List<String> params = new java.util.ArrayList<>();
    for (Param p : network.params()) {
      params.add(p.name());
    }
    params.add(Transitions.NAME);
    for (String p : params) {
      known.addAll(List.of(p, "adam.m." + p, "adam.v." + p, "ema." + p)); // a checkpoint's optimiser state
    }
    for (String name : st.names()) {
      if (!known.contains(name)) {
        throw new ModelFormatException(source, "unknown tensor '" + name + "' (a damaged file, or one of another program)");
      }
    }
  }

  private static int[] ints(List<?> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.toIntExact((Long) list.get(i));
    }
    return a;
  }

  private static boolean supported(String version) {
    for (int v = Model.OLDEST_VERSION; v <= Model.FORMAT_VERSION; v++) {
      if (Integer.toString(v).equals(version)) {
        return true;
      }
    }
    return false;
  }
}
