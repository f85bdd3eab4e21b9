package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.DataFiles;
import dev.fenci.Segmenter;
import dev.fenci.corpus.Corpus;
import dev.fenci.eval.Score;
import dev.fenci.eval.Scorer;
import dev.fenci.model.Model;
import dev.fenci.model.SafeTensors;
import dev.fenci.nn.Param;
import dev.fenci.nn.Transitions;
import dev.fenci.text.Chunker;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on slices of People's Daily: learns, is reproducible, resumes exactly. */
class TrainerTest {
  @TempDir
  Path dir;
  Path train;
  Path dev;
  List<List<String>> devLines;

  @BeforeEach
  void slices() throws Exception {
    List<String> all = Files.readAllLines(DataFiles.require("pd1998/train.utf8"), StandardCharsets.UTF_8);
    train = dir.resolve("train.utf8");
    Files.write(train, all.subList(0, 3000), StandardCharsets.UTF_8);
    List<String> d = Files.readAllLines(DataFiles.require("pd1998/dev.utf8"), StandardCharsets.UTF_8);
    dev = dir.resolve("dev.utf8");
    Files.write(dev, d.subList(0, 300), StandardCharsets.UTF_8);
    devLines = Corpus.read(dev);
    devLines.removeIf(List::isEmpty);
  }

  private TrainingOptions options(String name, int epochs, int threads, boolean resume, int lines) throws Exception {
    return options("seed", name, epochs, threads, resume, lines);
  }

  private TrainingOptions options(String arch, String name, int epochs, int threads, boolean resume, int lines)
      throws Exception {
    Path t = train;
    if (lines > 0) {
      t = dir.resolve("train-" + lines + ".utf8");
      Files.write(t, Files.readAllLines(train, StandardCharsets.UTF_8).subList(0, lines), StandardCharsets.UTF_8);
    }
    return plain(List.of(t), dir.resolve(name + ".safetensors")).arch(arch).epochs(epochs).threads(threads)
        .resume(resume).build();
  }

  /** The options every test starts from: the seed's optimiser, batches of 256, seed 7, one thread. */
  private TrainingOptions.Builder plain(List<Path> train, Path model) {
    return TrainingOptions.builder(train, model).dev(dev).arch("seed").batch(256).threads(1).seed(7)
        .schedule("constant").ema(0f).wordModel(false);
  }

  private static PrintStream quiet() {
    return new PrintStream(java.io.OutputStream.nullOutputStream());
  }

  /** A file is recorded by its name; a pipe ({@code --train <(zcat c.gz)}, /dev/fd/63) by its path, its name being a number. */
  @Test
  void provenanceNamesAFileByItsNameAndAPipeByItsPath() throws Exception {
    Path f = Files.writeString(Files.createTempFile("corpus", ".utf8"), "你好\n");
    try {
      assertThat(Trainer.recordedName(f)).isEqualTo(f.getFileName().toString());
    } finally {
      Files.delete(f);
    }
    Path devNull = Path.of("/dev/null");
    if (Files.exists(devNull)) { // a character device, read here as a pipe would be: not a regular file
      assertThat(Trainer.recordedName(devNull)).isEqualTo("pipe (/dev/null)");
    }
  }

  @Test
  void learnsToSegmentFarBetterThanOneCharacterPerWord() throws Exception {
    TrainingOptions o = options("small", 2, 2, false, 0);
    List<Trainer.EpochStats> h = new Trainer(o, quiet(), false).run();
    assertThat(h).hasSize(2);
    assertLearned(o);
    Model m = Model.load(o.model());
    assertThat(m.provenance()).containsKeys("train_sha256", "dev_f1", "date", "trained_with", "epoch");
    assertThat(m.transitions()).isNull();
  }

  @Test
  void aCrfArchitectureLearnsItsTransitions() throws Exception {
    TrainingOptions o = options("accurate-crf", "crf", 2, 2, false, 0);
    List<Trainer.EpochStats> h = new Trainer(o, quiet(), false).run();
    assertThat(h).hasSize(2);
    assertThat(h.get(1).lossPerChar()).isLessThan(h.get(0).lossPerChar());
    assertThat(h.get(1).accuracy()).isGreaterThan(0.75);
    assertLearned(o);
    Model m = Model.load(o.model());
    assertThat(m.arch()).isEqualTo("accurate-crf");
    float[] v = m.transitions().param().value;
    int moved = 0;
    for (int i = 0; i < v.length; i++) {
      if (Transitions.legal(i / 4, i % 4)) {
        moved += v[i] != 0f ? 1 : 0;
      } else {
        assertThat(v[i]).isEqualTo(Float.NEGATIVE_INFINITY);
      }
    }
    assertThat(moved).as("legal entries trained away from 0").isEqualTo(12);
  }

  @Test
  void aLexiconArchitectureLearnsKeepsItsLexiconAndResumesExactly() throws Exception {
    TrainingOptions o = options("accurate-lex", "lex", 2, 2, false, 0);
    List<Trainer.EpochStats> h = new Trainer(o, quiet(), false).run();
    assertThat(h.get(1).accuracy()).isGreaterThan(0.75);
    assertLearned(o);
    Model m = Model.load(o.model());
    assertThat(m.arch()).isEqualTo("accurate-lex");
    assertThat(m.network().config().hasLexicon()).isTrue();
    assertThat(m.network().lexicon().size()).isGreaterThan(100);
    // the features of each piece are fixed by the data: a resumed run continues the same steps
    new Trainer(options("accurate-lex", "lex-straight", 2, 1, false, 300), quiet(), false).run();
    new Trainer(options("accurate-lex", "lex-resumed", 1, 1, false, 300), quiet(), false).run();
    new Trainer(options("accurate-lex", "lex-resumed", 2, 1, true, 300), quiet(), false).run();
    var a = SafeTensors.read(dir.resolve("lex-straight.safetensors.ckpt"));
    var b = SafeTensors.read(dir.resolve("lex-resumed.safetensors.ckpt"));
    for (String name : a.names()) {
      if (name.contains("weight")) {
        assertThat(b.floats(name)).as(name).containsExactly(a.floats(name));
      }
    }
  }

  private void assertLearned(TrainingOptions o) throws Exception {
    Segmenter s = Segmenter.load(o.model());
    List<List<String>> predicted = new ArrayList<>();
    List<List<String>> baseline = new ArrayList<>();
    for (List<String> g : devLines) {
      String text = String.join("", g);
      List<String> words = s.segment(text);
      words.removeIf(Chunker::isSpaceWord);
      predicted.add(words);
      baseline.add(text.codePoints().mapToObj(Character::toString).toList());
    }
    Set<String> vocab = new HashSet<>();
    Scorer scorer = new Scorer(vocab);
    Score model = scorer.score(devLines, predicted);
    Score trivial = scorer.score(devLines, baseline);
    assertThat(model.f1()).isGreaterThan(0.80).isGreaterThan(trivial.f1() + 0.3);
  }

  /**
   * The lattice loss trains the network through the word model's lattice: another run than the tag CRF's, the weight
   * kept for decoding, the loss in the provenance; its loss per character is below the CRF's, since the word model
   * already gives part of what the network would have to.
   */
  @Test
  void aLatticeLossRunLearnsWithItsWeightAndSaysSo() throws Exception {
    TrainingOptions crf = options("accurate-lex", "crf", 1, 1, false, 600).toBuilder().wordModel(true).build();
    TrainingOptions lattice = options("accurate-lex", "lattice", 1, 1, false, 600).toBuilder().wordModel(true)
        .latticeLoss(true).wordModelWeight(0.15).build();
    List<Trainer.EpochStats> a = new Trainer(crf, quiet(), false).run();
    List<Trainer.EpochStats> b = new Trainer(lattice, quiet(), false).run();
    assertThat(b.get(0).lossPerChar()).isLessThan(a.get(0).lossPerChar());
    assertThat(b.get(0).accuracy()).isGreaterThan(0.75);
    Model m = Model.load(lattice.model());
    assertThat(m.wordModel().settings().weight()).isEqualTo(0.15);
    assertThat(m.provenance()).containsEntry("loss", "word lattice");
    assertThat(Model.load(crf.model()).provenance()).doesNotContainKey("loss");
    assertThat(Model.load(crf.model()).wordModel().settings().weight()).isEqualTo(0.1);
    // the loss's weight apart from the decoder's: the weights of a run at 0.15 throughout, decoded at 0.2
    TrainingOptions apart = lattice.toBuilder().model(dir.resolve("apart.safetensors")).wordModelWeight(0.2)
        .latticeWeight(0.15).build();
    List<Trainer.EpochStats> c = new Trainer(apart, quiet(), false).run();
    assertThat(c.get(0).lossPerChar()).isEqualTo(b.get(0).lossPerChar());
    var same = SafeTensors.read(dir.resolve("lattice.safetensors.ckpt"));
    var other = SafeTensors.read(dir.resolve("apart.safetensors.ckpt"));
    for (String name : same.names()) {
      if (name.contains("weight")) {
        assertThat(other.floats(name)).as(name).containsExactly(same.floats(name));
      }
    }
    Model m2 = Model.load(apart.model());
    assertThat(m2.wordModel().settings().weight()).isEqualTo(0.2);
    assertThat(m2.provenance()).containsEntry("lattice_weight", "0.15");
  }

  @Test
  void sameSeedSameModelWhateverTheThreadCount() throws Exception {
    new Trainer(options("one", 1, 1, false, 400), quiet(), false).run();
    new Trainer(options("two", 1, 2, false, 400), quiet(), false).run();
    assertSameWeights(Model.load(dir.resolve("one.safetensors")), Model.load(dir.resolve("two.safetensors")));
  }

  @Test
  void resumingContinuesExactlyWhereTheRunStopped() throws Exception {
    new Trainer(options("straight", 2, 2, false, 400), quiet(), false).run();
    new Trainer(options("resumed", 1, 2, false, 400), quiet(), false).run();
    new Trainer(options("resumed", 2, 2, true, 400), quiet(), false).run();
    var a = SafeTensors.read(dir.resolve("straight.safetensors.ckpt"));
    var b = SafeTensors.read(dir.resolve("resumed.safetensors.ckpt"));
    for (String name : a.names()) {
      if (name.contains("weight")) {
        assertThat(b.floats(name)).as(name).containsExactly(a.floats(name));
      }
    }
  }

  /** Unknown-character dropout: reproducible with its seed, different from training without it. */
  @Test
  void unknownCharacterRateIsSeededAndChangesTheTraining() throws Exception {
    TrainingOptions base = options("plain", 1, 1, false, 400);
    new Trainer(base, quiet(), false).run();
    for (String name : new String[] {"unk-a", "unk-b"}) {
      TrainingOptions o = plain(base.train(), dir.resolve(name + ".safetensors")).epochs(1).unkRate(0.1f).build();
      new Trainer(o, quiet(), false).run();
    }
    Model a = Model.load(dir.resolve("unk-a.safetensors"));
    assertSameWeights(a, Model.load(dir.resolve("unk-b.safetensors")));
    assertThat(a.provenance()).containsEntry("unk_rate", "0.1");
    assertThat(a.network().params().get(0).value)
        .isNotEqualTo(Model.load(dir.resolve("plain.safetensors")).network().params().get(0).value);
  }

  @Test
  void aResumedRunWhoseBestModelFileIsGoneSaysSoInsteadOfNamingIt() throws Exception {
    TrainingOptions o = options("gone", 1, 1, false, 200);
    new Trainer(o, quiet(), false).run();
    java.nio.file.Files.delete(o.model());
    TrainingOptions resumed = o.toBuilder().resume(true).build(); // the epoch is done: nothing beats it
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    assertThatThrownBy(() -> new Trainer(resumed, new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8), false).run())
        .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("the file is gone");
    // and said at the start, not only after the remaining epochs
    assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("is gone: a model is saved only if a later epoch beats");
  }

  @Test
  void aCrfRunResumesExactlyTransitionsAndTheirMomentsIncluded() throws Exception {
    new Trainer(options("accurate-crf", "straight", 2, 2, false, 400), quiet(), false).run();
    new Trainer(options("accurate-crf", "resumed", 1, 2, false, 400), quiet(), false).run();
    new Trainer(options("accurate-crf", "resumed", 2, 2, true, 400), quiet(), false).run();
    var a = SafeTensors.read(dir.resolve("straight.safetensors.ckpt"));
    var b = SafeTensors.read(dir.resolve("resumed.safetensors.ckpt"));
    assertThat(a.names()).contains("crf.transitions", "adam.m.crf.transitions", "adam.v.crf.transitions");
    assertThat(b.names()).containsExactlyElementsOf(a.names());
    for (String name : a.names()) {
      if (name.contains("weight") || name.contains("crf.")) {
        assertThat(b.floats(name)).as(name).containsExactly(a.floats(name));
      }
    }
  }

  @Test
  void resumingWithAnotherUnknownCharacterRateIsRefused() throws Exception {
    TrainingOptions base = options("rate", 1, 1, false, 400);
    TrainingOptions withRate = base.toBuilder().epochs(2).resume(true).unkRate(0.1f).build();
    new Trainer(base, quiet(), false).run(); // a checkpoint trained at rate 0
    assertThatThrownBy(() -> new Trainer(withRate, quiet(), false).run())
        .isInstanceOf(dev.fenci.model.ModelFormatException.class).hasMessageContaining("unk_rate");
  }

  @Test
  void resumingOnOtherTrainingDataNamesTheDataNotItsVocabulary() throws Exception {
    TrainingOptions o = options("data", 1, 1, false, 200);
    new Trainer(o, quiet(), false).run();
    Path other = dir.resolve("other.utf8");
    Files.write(other, Files.readAllLines(train, StandardCharsets.UTF_8).subList(1000, 1300), StandardCharsets.UTF_8);
    TrainingOptions resumed = plain(List.of(other), o.model()).epochs(2).resume(true).build();
    assertThatThrownBy(() -> new Trainer(resumed, quiet(), false).run())
        .isInstanceOf(dev.fenci.model.ModelFormatException.class)
        .hasMessageContaining("other training data").hasMessageContaining("--resume")
        .hasMessageNotContaining("vocabulary");
  }

  @Test
  void aModelFileWhereTheCheckpointShouldBeIsNotResumed() throws Exception {
    TrainingOptions o = options("model", 1, 1, false, 200);
    new Trainer(o, quiet(), false).run();
    Files.copy(o.model(), o.checkpoint(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    TrainingOptions resumed = o.toBuilder().epochs(2).resume(true).build();
    assertThatThrownBy(() -> new Trainer(resumed, quiet(), false).run())
        .isInstanceOf(dev.fenci.model.ModelFormatException.class)
        .hasMessageContaining("not a training checkpoint").hasMessageNotContaining("null");
  }

  @Test
  void dataWithNothingForTheNetworkIsRefusedInsteadOfScoringNaN() throws Exception {
    Path punct = dir.resolve("punct.utf8");
    Files.write(punct, java.util.Collections.nCopies(40, "，  。  ！  https://example.com  👍🏻"),
        StandardCharsets.UTF_8);
    TrainingOptions o = plain(List.of(punct), dir.resolve("punct.safetensors")).epochs(1).build();
    assertThatThrownBy(() -> new Trainer(o, quiet(), false).run()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing for the network to learn from");
    assertThat(dir.resolve("punct.safetensors")).doesNotExist();
  }

  @Test
  void aCosineRunResumedWithOtherEpochsIsRefusedAConstantOneMayGoOn() throws Exception {
    TrainingOptions cosine = options("cos", 1, 1, false, 200).toBuilder().schedule("cosine").build();
    new Trainer(cosine, quiet(), false).run();
    TrainingOptions longer = cosine.toBuilder().epochs(2).resume(true).build();
    assertThatThrownBy(() -> new Trainer(longer, quiet(), false).run())
        .isInstanceOf(dev.fenci.model.ModelFormatException.class).hasMessageContaining("epochs = 1, this run has 2")
        .hasMessageContaining("--epochs");
    TrainingOptions constant = options("const", 1, 1, false, 200);
    new Trainer(constant, quiet(), false).run();
    assertThat(new Trainer(constant.toBuilder().epochs(2).resume(true).build(), quiet(), false).run()).hasSize(2);
  }

  @Test
  void aDevFileThatIsAlsoTrainingDataIsPointedOut() throws Exception {
    TrainingOptions o = plain(List.of(dev), dir.resolve("self.safetensors")).epochs(1).build();
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    new Trainer(o, new PrintStream(log, true, StandardCharsets.UTF_8), false).run();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("is also a training file");
    // in another layout, the file is read once: its layout is said once
    StringBuilder conllu = new StringBuilder();
    for (List<String> sentence : devLines) {
      for (int i = 0; i < sentence.size(); i++) {
        conllu.append(i + 1).append('\t').append(sentence.get(i)).append("\t_\t_\t_\t_\t_\t_\t_\t_\n");
      }
      conllu.append('\n');
    }
    Path both = dir.resolve("both.conllu");
    Files.writeString(both, conllu, StandardCharsets.UTF_8);
    log.reset();
    new Trainer(plain(List.of(both), dir.resolve("both.safetensors")).dev(both).epochs(1).build(),
        new PrintStream(log, true, StandardCharsets.UTF_8), false).run();
    String said = log.toString(StandardCharsets.UTF_8);
    assertThat(said).contains("is also a training file").containsOnlyOnce("read as");
  }

  private TrainingOptions withAverage(TrainingOptions o, int epochs, boolean resume, float keep) {
    return with(o, epochs, resume, keep, 0.99f);
  }

  private TrainingOptions with(TrainingOptions o, int epochs, boolean resume, float keep, float ema) {
    return o.toBuilder().epochs(epochs).resume(resume).lenient(false).unkRate(0f).keep(keep).ema(ema).build();
  }

  /**
   * The moving average changes nothing in the training trajectory, is scored beside the weights, is
   * checkpointed (a resumed run ends with the same average) and the saved model says which it is.
   */
  @Test
  void aMovingAverageIsScoredBesideTheWeightsAndResumesExactly() throws Exception {
    TrainingOptions plain = options("plain", 2, 1, false, 400);
    List<Trainer.EpochStats> p = new Trainer(plain, quiet(), false).run();
    TrainingOptions avg = withAverage(options("avg", 2, 1, false, 400), 2, false, 0f);
    List<Trainer.EpochStats> a = new Trainer(avg, quiet(), false).run();
    for (int e = 0; e < 2; e++) {
      assertThat(a.get(e).dev()).isEqualTo(p.get(e).dev());
      assertThat(a.get(e).averaged()).isNotNull().isNotEqualTo(a.get(e).dev());
    }
    // same trajectory: after the last epoch the weights and Adam's moments are those of the run
    // without the average, bit for bit (a missing swap back would leave the average in them)
    var withoutAverage = SafeTensors.read(dir.resolve("plain.safetensors.ckpt"));
    var withAverage = SafeTensors.read(dir.resolve("avg.safetensors.ckpt"));
    for (String name : withoutAverage.names()) {
      if (name.startsWith("vocab.") || name.startsWith("bigram.keys")) {
        continue;
      }
      assertSameBits(name, withAverage.floats(name), withoutAverage.floats(name));
    }
    TrainingOptions half = withAverage(options("resumed", 2, 1, false, 400), 1, false, 0f);
    new Trainer(half, quiet(), false).run();
    List<Trainer.EpochStats> r = new Trainer(withAverage(half, 2, true, 0f), quiet(), false).run();
    assertThat(r.get(1).averaged()).isEqualTo(a.get(1).averaged());
    var x = SafeTensors.read(dir.resolve("avg.safetensors.ckpt"));
    var y = SafeTensors.read(dir.resolve("resumed.safetensors.ckpt"));
    assertThat(y.names()).containsExactlyElementsOf(x.names());
    for (String name : x.names()) {
      if (!name.startsWith("vocab.") && !name.startsWith("bigram.keys")) {
        assertSameBits(name, y.floats(name), x.floats(name));
      }
    }
    assertThat(x.names()).anyMatch(n -> n.startsWith("ema."));
    Model m = Model.load(avg.model());
    assertThat(m.provenance()).containsEntry("ema", "0.99").containsKey("weights");
    Trainer.EpochStats kept = a.get(Integer.parseInt(m.provenance().get("epoch")) - 1);
    assertThat(m.provenance().get("weights")).isEqualTo(kept.best() == kept.averaged() ? "moving average" : "last step");
    // the saved weights are the ones declared (within the 16-bit rounding of the saved embedding:
    // here the average, still close to the random start, scores far below the weights)
    long saved = new Scorer(Set.of()).score(devLines, Segmenter.of(m).segmentAll(texts(devLines))).correct();
    assertThat(Math.abs(saved - kept.averaged().correct()) < Math.abs(saved - kept.dev().correct()))
        .as("saved model scores like the %s", m.provenance().get("weights"))
        .isEqualTo(m.provenance().get("weights").equals("moving average"));
    assertThat(saved).isCloseTo(kept.best().correct(), org.assertj.core.data.Offset.offset(kept.best().goldWords() / 200));
  }

  /** When the average scores better on dev, it is what the model file holds. */
  @Test
  void aBetterMovingAverageIsSaved() throws Exception {
    // a short memory (decay 0.5) and a high learning rate: the average is a mean of the last few
    // steps, which the noisy last step often loses to
    TrainingOptions o = plain(List.of(train), dir.resolve("short.safetensors")).epochs(3).batch(64).lr(0.01f).ema(0.5f)
        .build();
    List<Trainer.EpochStats> h = new Trainer(o, quiet(), false).run();
    Model m = Model.load(o.model());
    Trainer.EpochStats kept = h.get(Integer.parseInt(m.provenance().get("epoch")) - 1);
    assertThat(h).anyMatch(s -> s.averaged().f1() > s.dev().f1());
    // whichever was saved, training went on from the weights: the same as without the average
    TrainingOptions plain = o.toBuilder().model(dir.resolve("short-plain.safetensors")).ema(0f).build();
    new Trainer(plain, quiet(), false).run();
    var x = SafeTensors.read(plain.checkpoint());
    var y = SafeTensors.read(o.checkpoint());
    for (String name : x.names()) {
      if (!name.startsWith("vocab.")) {
        assertSameBits(name, y.floats(name), x.floats(name));
      }
    }
    assertThat(m.provenance().get("weights")).isEqualTo(kept.best() == kept.averaged() ? "moving average" : "last step");
    long saved = new Scorer(Set.of()).score(devLines, Segmenter.of(m).segmentAll(texts(devLines))).correct();
    assertThat(saved).isCloseTo(kept.best().correct(), org.assertj.core.data.Offset.offset(kept.best().goldWords() / 500));
  }

  @Test
  void mixedBatchesAreSeededRecordedAndNotResumedAsLengthBatches() throws Exception {
    TrainingOptions base = options("length", 1, 1, false, 400);
    new Trainer(base, quiet(), false).run();
    for (String name : new String[] {"mixed-a", "mixed-b"}) {
      TrainingOptions o = plain(base.train(), dir.resolve(name + ".safetensors")).epochs(1).batches("mixed").build();
      new Trainer(o, quiet(), false).run();
    }
    Model a = Model.load(dir.resolve("mixed-a.safetensors"));
    assertSameWeights(a, Model.load(dir.resolve("mixed-b.safetensors")));
    assertThat(a.provenance()).containsEntry("batches", "mixed");
    assertThat(Model.load(base.model()).provenance()).containsEntry("batches", "length");
    assertThat(a.network().params().get(0).value).isNotEqualTo(Model.load(base.model()).network().params().get(0).value);
    // resumed after one epoch, a mixed run ends where an uninterrupted one does
    TrainingOptions straight = plain(base.train(), dir.resolve("mixed-2.safetensors")).epochs(2).batches("mixed").build();
    new Trainer(straight, quiet(), false).run();
    java.nio.file.Files.copy(dir.resolve("mixed-a.safetensors.ckpt"), dir.resolve("mixed-r.safetensors.ckpt"));
    TrainingOptions resumed = straight.toBuilder().model(dir.resolve("mixed-r.safetensors")).resume(true).build();
    new Trainer(resumed, quiet(), false).run();
    var x = SafeTensors.read(straight.checkpoint());
    var y = SafeTensors.read(resumed.checkpoint());
    for (String name : x.names()) {
      if (!name.startsWith("vocab.")) {
        assertSameBits(name, y.floats(name), x.floats(name));
      }
    }
    TrainingOptions resumeAsLength = plain(base.train(), dir.resolve("mixed-a.safetensors")).epochs(2).resume(true).build();
    assertThatThrownBy(() -> new Trainer(resumeAsLength, quiet(), false).run())
        .isInstanceOf(dev.fenci.model.ModelFormatException.class).hasMessageContaining("batches = mixed");
  }

  @Test
  void aKeepProbabilityOtherThanTheArchitecturesChangesTheTraining() throws Exception {
    List<Trainer.EpochStats> p = new Trainer(options("plain", 1, 1, false, 400), quiet(), false).run();
    TrainingOptions k = with(options("keep", 1, 1, false, 400), 1, false, 0.8f, 0f);
    List<Trainer.EpochStats> q = new Trainer(k, quiet(), false).run();
    assertThat(q.get(0).dev()).isNotEqualTo(p.get(0).dev());
    assertThat(Model.load(k.model()).network().config().keepProb()).isEqualTo(0.8f);
    // recorded in the provenance, as --lenient is, so that fenci models shows the command's options
    assertThat(Model.load(k.model()).provenance()).containsEntry("keep", "0.8").containsEntry("lenient", "false");
    TrainingOptions lenient = options("lenient", 1, 1, false, 200).toBuilder().lenient(true).build();
    new Trainer(lenient, quiet(), false).run();
    assertThat(Model.load(lenient.model()).provenance()).containsEntry("keep", "0.5").containsEntry("lenient", "true");
  }

  /**
   * A dev file that overlaps the training data is said: a copy (the same SHA-256), or sentences
   * that are training sentences too, in any layout.
   */
  @Test
  void aDevFileThatOverlapsTheTrainingDataIsPointedOut() throws Exception {
    TrainingOptions o = options("over", 1, 1, false, 200);
    Path t = o.train().get(0);
    List<String> lines = Files.readAllLines(t, StandardCharsets.UTF_8);
    Path copy = Files.copy(t, dir.resolve("copy.utf8"));
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    new Trainer(o.toBuilder().dev(copy).build(), new PrintStream(log, true, StandardCharsets.UTF_8), false).run();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("note: the dev file " + copy + " is a copy of the "
        + "training file " + t + " (the same SHA-256)").doesNotContain("dev sentences are also");
    // 150 training lines, as CoNLL-U, and 50 new ones
    StringBuilder conllu = new StringBuilder();
    List<List<String>> sentences = new ArrayList<>(Corpus.parse(lines.subList(50, 200), "t"));
    sentences.addAll(devLines.subList(0, 50));
    for (List<String> sentence : sentences) {
      for (int i = 0; i < sentence.size(); i++) {
        conllu.append(i + 1).append('\t').append(sentence.get(i)).append("\t_\t_\t_\t_\t_\t_\t_\t_\n");
      }
      conllu.append('\n');
    }
    Path over = Files.writeString(dir.resolve("over.conllu"), conllu, StandardCharsets.UTF_8);
    log.reset();
    new Trainer(o.toBuilder().dev(over).build(), new PrintStream(log, true, StandardCharsets.UTF_8), false).run();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("note: 150 of 200 dev sentences are also training "
        + "sentences").doesNotContain("is a copy");
    log.reset();
    new Trainer(o, new PrintStream(log, true, StandardCharsets.UTF_8), false).run();
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("dev sentences are also").doesNotContain("is a copy");
    // compared without the spaces: another segmentation of the same text is the same sentence
    assertThat(Trainer.sharedSentences(List.of(List.of("迈向", "充满", "希望")),
        List.of(List.of("迈向", "充满希望"), List.of("迈向"), List.of()))).isEqualTo(1);
  }

  /**
   * A run started without --resume where a checkpoint is says which epoch it holds, that it will
   * be replaced after this run's first epoch, and that --resume continues it.
   */
  @Test
  void aCheckpointOfAnEarlierRunIsSaidWhenARunStartsAfresh() throws Exception {
    TrainingOptions o = options("again", 2, 1, false, 200);
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    new Trainer(o, new PrintStream(log, true, StandardCharsets.UTF_8), false).run();
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("note: " + o.checkpoint());
    log.reset();
    new Trainer(o.toBuilder().epochs(1).build(), new PrintStream(log, true, StandardCharsets.UTF_8), false).run();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("note: " + o.checkpoint() + " holds epoch 2 of an earlier "
        + "run; this run starts afresh and will replace it after its first epoch (--resume continues it)");
    assertThat(Checkpoint.epochOf(o.checkpoint())).isEqualTo("1");
    assertThat(Checkpoint.epochOf(o.model())).isNull(); // a model file records no epoch
    Files.writeString(o.checkpoint(), "not a checkpoint");
    log.reset();
    new Trainer(o.toBuilder().epochs(1).build(), new PrintStream(log, true, StandardCharsets.UTF_8), false).run();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("note: " + o.checkpoint() + " exists (not a checkpoint "
        + "this version can read); this run starts afresh");
  }

  /** A training or dev file with a few unsegmented lines trains, and the log says how many and where the first is. */
  @Test
  void unsegmentedLinesInATrainingFileAreSaid() throws Exception {
    TrainingOptions o = options("partly", 1, 1, false, 200);
    List<String> lines = new ArrayList<>(Files.readAllLines(o.train().get(0), StandardCharsets.UTF_8));
    lines.set(100, lines.get(100).replace(" ", ""));
    Files.write(o.train().get(0), lines, StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    new Trainer(o, new PrintStream(log, true, StandardCharsets.UTF_8), false).run();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("note: " + o.train().get(0) + ": 1 of 200 lines looks "
        + "unsegmented").contains("the first " + o.train().get(0) + ":101 (");
    lines.set(101, lines.get(101).replace(" ", ""));
    lines.set(150, lines.get(150).replace(" ", ""));
    Files.write(o.train().get(0), lines, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new Trainer(o, quiet(), false).run()).isInstanceOf(dev.fenci.corpus.CorpusFormatException.class)
        .hasMessageStartingWith(o.train().get(0) + ":101: looks partly unsegmented: 3 of its 200 lines");
  }

  /** Bit-for-bit equality of two tensors (AssertJ's element-wise diff of large arrays is very slow). */
  private static void assertSameBits(String name, float[] actual, float[] expected) {
    assertThat(actual.length).as(name + " length").isEqualTo(expected.length);
    int first = java.util.Arrays.mismatch(actual, expected);
    assertThat(first).as("%s differs first at %d", name, first).isEqualTo(-1);
  }

  private static List<String> texts(List<List<String>> lines) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lines) {
      out.add(String.join("", l));
    }
    return out;
  }

  private static void assertSameWeights(Model a, Model b) {
    for (int i = 0; i < a.network().params().size(); i++) {
      Param x = a.network().params().get(i);
      Param y = b.network().params().get(i);
      assertThat(y.value).as(x.name()).containsExactly(x.value);
    }
  }
}
