package dev.fenci.model;

import dev.fenci.nn.Lexicon;
import dev.fenci.nn.Network;
import dev.fenci.nn.Transitions;
import dev.fenci.text.TextRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained segmenter's content: architecture name, network weights, learned transition scores
 * (CRF models only), vocabulary, the text rules it was trained with, and provenance (how it was
 * made). Stored as a safetensors file, see docs/model-format.md.
 */
public final class Model {
  public static final String FORMAT = "fenci-segmenter";
  /**
   * The newest version read and written; version 2 added 16-bit float (F16) tensors, version 3
   * dilated convolutions, version 4 lexicon features, version 5 a word language model, version 6
   * 8-bit (I8) embedding tables with a scale per row and the word model's pairs grouped by
   * previous word. A model is written with the oldest version that describes it (a checkpoint at
   * full precision without dilations, lexicon and word model: 2), so that older readers still
   * load every model they can run.
   */
  public static final int FORMAT_VERSION = 6;
  /** The oldest version read. */
  static final int OLDEST_VERSION = 1;

  private final String arch;
  private final Network network;
  private final Transitions transitions;
  private final Vocabulary vocabulary;
  private final TextRules rules;
  private final Map<String, String> provenance;
  private final WordLanguageModel wordModel;
  /**
   * The model whose weights this one shares (the one {@link #withLexiconWords} or another copy was
   * made from, or its own source), kept reachable while this one is: a cache that let it go while
   * this one lives would load a second copy of the weights. Never read.
   */
  @SuppressWarnings("unused")
  private Model extended;

  /** A model without learned transitions (every legal tag transition weighs the same). */
  public Model(String arch, Network network, Vocabulary vocabulary, TextRules rules,
      Map<String, String> provenance) {
    this(arch, network, null, vocabulary, rules, provenance);
  }

  /** A model with learned transition scores ({@code transitions} may be null: none). */
  public Model(String arch, Network network, Transitions transitions, Vocabulary vocabulary, TextRules rules,
      Map<String, String> provenance) {
    this(arch, network, transitions, vocabulary, rules, provenance, null);
  }

  Model(String arch, Network network, Transitions transitions, Vocabulary vocabulary, TextRules rules,
      Map<String, String> provenance, WordLanguageModel wordModel) {
    if (network.config().vocabSize() != vocabulary.size()) {
      throw new IllegalArgumentException("network expects " + network.config().vocabSize()
          + " ids, vocabulary has " + vocabulary.size());
    }
    this.arch = arch;
    this.network = network;
    this.transitions = transitions;
    this.vocabulary = vocabulary;
    this.rules = rules;
    this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    this.wordModel = wordModel;
  }

  /**
   * The word language model the decoder adds to the network's scores (a word lattice instead of
   * the tag Viterbi), or null: none.
   */
  public WordLanguageModel wordModel() {
    return wordModel;
  }

  /** This model with a word language model ({@code null}: without one). */
  public Model withWordModel(WordLanguageModel wordModel) {
    return sharing(new Model(arch, network, transitions, vocabulary, rules, provenance, wordModel));
  }

  /** {@code copy}, a model with this one's weights, keeping the model they come from reachable. */
  private Model sharing(Model copy) {
    copy.extended = extended != null ? extended : this;
    return copy;
  }

  public String arch() {
    return arch;
  }

  public Network network() {
    return network;
  }

  /** The learned transition scores of a CRF model, or null (uniform transitions). */
  public Transitions transitions() {
    return transitions;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  public TextRules rules() {
    return rules;
  }

  /** How the model was made: training files and their SHA-256, epochs, dev F1, date, version. */
  public Map<String, String> provenance() {
    return provenance;
  }

  /**
   * The model's tensors and metadata at full precision, ready to be written or extended
   * (checkpoints keep every bit, so that training resumes exactly).
   */
  public SafeTensors toSafeTensors() {
    return toSafeTensors(false);
  }

  /**
   * The model's tensors and metadata; with {@code compactEmbeddings} the embedding tables (most of
   * a model's bytes) are stored as 8-bit levels with a scale per row, as {@link #save} does.
   */
  public SafeTensors toSafeTensors(boolean compactEmbeddings) {
    return ModelFile.write(this, compactEmbeddings);
  }

  /**
   * Writes the model file, with the embedding tables as 8-bit levels and a scale per row: a
   * quarter of their bytes at full precision, no measurable change in accuracy
   * (docs/model-format.md). A model loaded back from the file therefore differs from this one in
   * those weights by at most half a level (0.4% of each row's largest value).
   */
  public void save(Path path) throws IOException {
    toSafeTensors(true).write(path);
  }

  /**
   * Reads a model file, checking every part (docs/model-format.md).
   *
   * @throws ModelFormatException if it is not a model file this fenci reads, saying what is wrong
   * @throws IOException if it cannot be read (no such file, a directory, no permission)
   */
  public static Model load(Path path) throws IOException {
    return ModelFile.read(path);
  }

  /** Reads a model from a file's bytes, checking every part; {@code source} names the file. */
  public static Model load(byte[] bytes, String source) throws ModelFormatException {
    return fromSafeTensors(SafeTensors.read(bytes, source), source);
  }

  /** Rebuilds a model from a file's tensors, checking every part; {@code source} names the file. */
  public static Model fromSafeTensors(SafeTensors st, String source) throws ModelFormatException {
    return ModelFile.read(st, source);
  }

  /**
   * This model with more words in the lexicon its network reads ({@link #hasLexicon()}): each
   * becomes a lexicon word as a training word is, at no cost per character (a user dictionary
   * with multiplier 1 marks the same words through its automaton). Words of fewer than two or
   * more than {@link Lexicon#MAX_LENGTH} characters, with a character the vocabulary cannot read,
   * or already in the lexicon are skipped (a user dictionary still marks the first two kinds: see
   * docs/dictionaries.md). The weights are shared with this model, and {@code provenance} (a
   * description of the list) is recorded under {@code extra_lexicon}, after those of earlier lists,
   * with how many words were added and how many of each kind were skipped: {@code "my list (2 words
   * added to the 61234 of the lexicon; skipped: 1 with a character the vocabulary cannot read)"}.
   *
   * @throws IllegalStateException if the network reads no lexicon features
   */
  public Model withLexiconWords(Collection<String> words, String provenance) {
    Lexicon lexicon = network.lexicon();
    if (lexicon == null) {
      throw new IllegalStateException("this model (architecture " + arch + ") reads no lexicon features: a word"
          + " list can only reach it as a user dictionary");
    }
    List<int[]> more = new ArrayList<>();
    int[] ids = new int[Lexicon.MAX_LENGTH];
    int unreadable = 0;
    int outOfLength = 0;
    for (String w : words) {
      int n = 0;
      boolean known = true;
      for (int i = 0; i < w.length() && known && n <= Lexicon.MAX_LENGTH; n++) {
        int cp = w.codePointAt(i);
        i += Character.charCount(cp);
        if (n < ids.length) {
          ids[n] = vocabulary.read(cp, rules);
          known = ids[n] != Vocabulary.UNKNOWN;
        }
      }
      if (!known) {
        unreadable++;
      } else if (n < 2 || n > Lexicon.MAX_LENGTH) {
        outOfLength++;
      } else {
        more.add(Arrays.copyOf(ids, n));
      }
    }
    // the lexicon keeps each word once: two spellings can be one word to the network (繁 / 简, Ａ / A)
    Lexicon bigger = lexicon.with(more);
    int added = bigger.size() - lexicon.size();
    List<String> skipped = new ArrayList<>();
    if (unreadable > 0) {
      skipped.add(unreadable + " with a character the vocabulary cannot read");
    }
    if (outOfLength > 0) {
      skipped.add(outOfLength + " of fewer than 2 or more than " + Lexicon.MAX_LENGTH + " characters");
    }
    if (more.size() > added) {
      skipped.add((more.size() - added) + " already in the lexicon or repeated");
    }
    Map<String, String> p = new LinkedHashMap<>(this.provenance);
    String record = provenance + " (" + added + " words added to the " + lexicon.size() + " of the lexicon"
        + (skipped.isEmpty() ? "" : "; skipped: " + String.join(", ", skipped)) + ")";
    p.merge("extra_lexicon", record, (before, now) -> before + "; " + now);
    // the root is kept: a chain of extensions pins no middle link
    return sharing(new Model(arch, network.withLexicon(bigger), transitions, vocabulary, rules, p, wordModel));
  }

  /** Whether the network reads lexicon features (see {@link #withLexiconWords}). */
  public boolean hasLexicon() {
    return network.lexicon() != null;
  }

  /** A copy of the provenance with more entries (for the trainer). */
  public Model withProvenance(Map<String, String> more) {
    Map<String, String> p = new LinkedHashMap<>(provenance);
    p.putAll(more);
    return sharing(new Model(arch, network, transitions, vocabulary, rules, p, wordModel));
  }
}
