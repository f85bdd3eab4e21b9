package dev.fenci.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.TestModels;
import dev.fenci.nn.Param;
import dev.fenci.text.TextRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  @TempDir
  Path dir;

  @Test
  void aLoadedModelKeepsItsBigramTableCompactAndSavesTheSameTensors() throws Exception {
    for (String preset : new String[] {"accurate", "fast"}) {
      Model m = dev.fenci.Presets.load(preset);
      Param bigram = m.network().params().stream().filter(p -> p.name().equals("bigram.weight")).findFirst().orElseThrow();
      assertThat(bigram.isCompact()).as(preset).isTrue();
      Path f = dir.resolve(preset + ".safetensors");
      m.save(f);
      Model back = Model.load(f);
      for (int i = 0; i < m.network().params().size(); i++) {
        assertThat(back.network().params().get(i).floats()).as(preset).isEqualTo(m.network().params().get(i).floats());
      }
      String text = "在2001年新年钟声即将敲响之际，中央总书记发表了讲话。";
      assertThat(new dev.fenci.decode.Decoder(back).wordEnds(text)).containsExactly(new dev.fenci.decode.Decoder(m).wordEnds(text));
    }
  }

  @Test
  void roundTripKeepsEverything() throws Exception {
    Model m = TestModels.random(TextRules.FOLD, 5);
    Path p = dir.resolve("m.safetensors");
    m.save(p);
    Model r = Model.load(p);
    assertThat(r.arch()).isEqualTo("seed");
    assertThat(r.rules()).isEqualTo(TextRules.FOLD);
    assertThat(r.network().config()).isEqualTo(m.network().config());
    assertThat(r.vocabulary().codePoints()).containsExactly(m.vocabulary().codePoints());
    assertThat(r.provenance()).containsEntry("note", "test model");
    for (int i = 0; i < m.network().params().size(); i++) {
      Param a = m.network().params().get(i);
      Param b = r.network().params().get(i);
      assertThat(b.name()).isEqualTo(a.name());
      assertThat(b.floats()).containsExactly(savedValues(a));
    }
    assertThat(Files.list(dir)).as("no temporary file left behind").hasSize(1);
  }

  @Test
  void isASafetensorsFile() throws Exception {
    byte[] b = TestModels.random(TextRules.SEED, 1).toSafeTensors().toBytes();
    long headerLen = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    String header = new String(b, 8, (int) headerLen, StandardCharsets.UTF_8);
    assertThat(header).startsWith("{\"__metadata__\":").contains("\"embedding.weight\":{\"dtype\":\"F32\"");
  }

  @Test
  void rejectsTruncatedFlippedEmptyAndForeignFiles() throws Exception {
    byte[] good = TestModels.random(TextRules.SEED, 1).toSafeTensors().toBytes();
    assertThatThrownBy(() -> Model.load(new byte[0], "empty.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("empty.safetensors").hasMessageContaining("empty");
    assertThatThrownBy(() -> Model.load(Arrays.copyOf(good, good.length - 10), "cut.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("cut.safetensors").hasMessageContaining("truncated");
    assertThatThrownBy(() -> Model.load(Arrays.copyOf(good, 100), "short.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("short.safetensors").hasMessageContaining("truncated");
    byte[] flipped = good.clone();
    flipped[flipped.length - 7] ^= 0x10;
    assertThatThrownBy(() -> Model.load(flipped, "flip.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("checksum");
    assertThatThrownBy(() -> Model.load("PK\u0003\u0004 this is a zip file, not a model".getBytes(StandardCharsets.UTF_8), "x.zip"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("x.zip").hasMessageContaining("not a model file");
    assertThatThrownBy(() -> Model.load("扫描二维码，关注微信号。\n".getBytes(StandardCharsets.UTF_8), "a.txt"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("a.txt: not a model file");
  }

  /** A compressed model (a .gz download, a zip of it) is refused with what to do, not as an unknown file. */
  @Test
  void aCompressedModelIsRefusedWithWhatToDo() throws Exception {
    byte[] good = TestModels.random(TextRules.SEED, 1).toSafeTensors().toBytes();
    var gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(good);
    }
    assertThatThrownBy(() -> Model.load(gz.toByteArray(), "m.safetensors.gz")).isInstanceOf(ModelFormatException.class)
        .hasMessage("m.safetensors.gz: not a model file but gzip-compressed data: decompress it first"
            + " (gunzip -k FILE) and give the result");
    var zip = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.ZipOutputStream(zip)) {
      out.putNextEntry(new java.util.zip.ZipEntry("m.safetensors"));
      out.write(good);
      out.closeEntry();
    }
    assertThatThrownBy(() -> Model.load(zip.toByteArray(), "m.zip")).isInstanceOf(ModelFormatException.class)
        .hasMessage("m.zip: not a model file but a zip archive: extract the .safetensors file from it (unzip) and give"
            + " that");
  }

  @Test
  void rejectsOtherFormatVersions() throws Exception {
    SafeTensors st = TestModels.random(TextRules.SEED, 1).toSafeTensors();
    st.metadata().put("format_version", "99");
    byte[] b = st.toBytes();
    assertThatThrownBy(() -> Model.load(b, "future.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("version 99");
  }

  @Test
  void rejectsAPlainSafetensorsFileWithoutChecksum() throws Exception {
    String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + h.length + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).putFloat(1f);
    assertThatThrownBy(() -> Model.load(b.array(), "other.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("not a fenci model");
  }

  /**
   * Another program's safetensors file is called that, with what fenci reads, rather than a fenci
   * file that lost its checksum; a fenci file without one is still called that.
   */
  @Test
  void aSafetensorsFileOfAnotherProgramIsCalledThat() throws Exception {
    byte[] plain = new SafeTensors().put("w", new float[] {1f}, 1).toBytes();
    // toBytes always adds a checksum: take it out again, as another program's file has none
    byte[] noChecksum = withoutChecksum(plain);
    assertThatThrownBy(() -> SafeTensors.read(noChecksum, "other.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessage("other.safetensors: not a fenci model: a safetensors file without fenci's metadata (no format"
            + " 'fenci-segmenter', no checksum), another program's weights perhaps; fenci reads the models that"
            + " 'fenci train' writes and its presets ('fenci models' lists them)");
    SafeTensors pt = new SafeTensors().put("w", new float[] {1f}, 1);
    pt.metadata().put("format", "pt");
    byte[] ptBytes = withoutChecksum(pt.toBytes());
    assertThatThrownBy(() -> SafeTensors.read(ptBytes, "pt.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith("pt.safetensors: not a fenci model: a safetensors file of another program (format 'pt',"
            + " no checksum)");
    SafeTensors fenci = new SafeTensors().put("w", new float[] {1f}, 1);
    fenci.metadata().put("format", Model.FORMAT);
    byte[] fenciBytes = withoutChecksum(fenci.toBytes());
    assertThatThrownBy(() -> SafeTensors.read(fenciBytes, "edited.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessage("edited.safetensors: no checksum: not a fenci model file");
  }

  /** A file's bytes with the checksum entry of its metadata blanked out with spaces (same length). */
  private static byte[] withoutChecksum(byte[] file) {
    String s = new String(file, StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(",?\"crc32c\":\"[0-9a-f]{8}\",?").matcher(s);
    assertThat(m.find()).isTrue();
    String entry = m.group();
    String keep = entry.startsWith(",") && entry.endsWith(",") ? "," : "";
    return (s.substring(0, m.start()) + keep + " ".repeat(entry.length() - keep.length()) + s.substring(m.end()))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aFullDiskFailsTheWriteAndLeavesThePreviousFileIntact() throws Exception {
    Path f = dir.resolve("m.safetensors");
    Model m = dev.fenci.TestModels.random(dev.fenci.text.TextRules.FOLD, 1);
    m.save(f);
    byte[] before = Files.readAllBytes(f);
    SafeTensors newer = dev.fenci.TestModels.random(dev.fenci.text.TextRules.FOLD, 2).toSafeTensors();
    // a disk that fills up after 1000 bytes
    SafeTensors.Opener full = tmp -> new java.io.FilterOutputStream(Files.newOutputStream(tmp)) {
      long written;

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        if (written + len > 1000) {
          out.write(b, off, (int) (1000 - written));
          throw new java.io.IOException("No space left on device");
        }
        out.write(b, off, len);
        written += len;
      }
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> newer.write(f, full))
        .hasMessageContaining(f.toString()).hasMessageContaining("No space left on device")
        .hasMessageContaining("unchanged");
    assertThat(Files.readAllBytes(f)).isEqualTo(before);
    assertThat(Model.load(f).provenance()).isEqualTo(m.provenance());
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.safetensors");
    }
  }


  /** A save through a symbolic link replaces the file it names; a pipe (as a device) is never replaced. */
  @Test
  void aSaveWritesThroughASymbolicLinkAndRefusesWhatIsNotARegularFile() throws Exception {
    Model m = dev.fenci.TestModels.random(dev.fenci.text.TextRules.FOLD, 1);
    Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link.safetensors"), Path.of("real", "m.safetensors"));
    m.save(link); // a dangling link: the file it names is created
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Model.load(dir.resolve("real/m.safetensors")).provenance()).isEqualTo(m.provenance());
    dev.fenci.TestModels.random(dev.fenci.text.TextRules.FOLD, 2).save(link); // and replaced through the link
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Model.load(link).provenance()).isEqualTo(Model.load(dir.resolve("real/m.safetensors")).provenance());

    Path fifo = dir.resolve("fifo");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
    Path toFifo = Files.createSymbolicLink(dir.resolve("to-fifo.safetensors"), fifo);
    for (Path p : List.of(fifo, toFifo)) {
      assertThatThrownBy(() -> m.save(p)).as(p.toString()).hasMessageContaining(p.toString())
          .hasMessageContaining("not a regular file");
      assertThatThrownBy(() -> SafeTensors.checkWritable(p)).hasMessageContaining("not a regular file");
    }
    assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThatThrownBy(() -> SafeTensors.checkWritable(dir)).hasMessageContaining("is a directory");
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.safetensors"), Path.of("nodir", "x.safetensors"));
    assertThatThrownBy(() -> SafeTensors.checkWritable(dangling))
        .hasMessageContaining("the directory of " + dir.resolve("nodir/x.safetensors") + ", which it links to, does not exist");
  }
  @Test
  void bigramModelsRoundTrip() throws Exception {
    var cfg = new dev.fenci.nn.NetworkConfig(7, 5, 4, 3, new int[] {6, 3}, 4, 0.5f, "normal");
    var net = new dev.fenci.nn.Network(cfg, new dev.fenci.nn.Bigrams(7, new int[] {10, 3, 55}));
    net.initialise(5);
    Model m = new Model("bigram", net, new Vocabulary(new int[] {'a', 'b', 'c', 'd', 'e', 'f'}),
        dev.fenci.text.TextRules.FOLD, java.util.Map.of());
    Path f = dir.resolve("b.safetensors");
    m.save(f);
    Model back = Model.load(f);
    assertThat(back.network().config()).isEqualTo(cfg);
    assertThat(back.network().bigrams()).isEqualTo(net.bigrams());
    for (int i = 0; i < net.params().size(); i++) {
      assertThat(back.network().params().get(i).floats()).containsExactly(savedValues(net.params().get(i)));
    }
  }

  @Test
  void dilatedModelsRoundTripAsVersionThreeAndOthersStayVersionTwo() throws Exception {
    var cfg = new dev.fenci.nn.NetworkConfig(7, 5, 4, 3, new int[] {6, 3}, 4, 0.5f, "normal").withDilations(1, 2, 4);
    var net = new dev.fenci.nn.Network(cfg, new dev.fenci.nn.Bigrams(7, new int[] {10, 3, 55}));
    net.initialise(5);
    Model m = new Model("accurate-dil", net, new Vocabulary(new int[] {'a', 'b', 'c', 'd', 'e', 'f'}),
        dev.fenci.text.TextRules.FOLD, java.util.Map.of());
    SafeTensors st = m.toSafeTensors();
    assertThat(st.metadata().get("format_version")).isEqualTo("3");
    assertThat(st.metadata().get("network")).contains("\"dilations\":[1,2,4]");
    Path f = dir.resolve("d.safetensors");
    m.save(f);
    Model back = Model.load(f);
    assertThat(back.network().config()).isEqualTo(cfg);
    assertThat(back.network().config().dilations()).containsExactly(1, 2, 4);
    assertThat(back.network().pad()).isEqualTo(4);
    // a file from before dilations (no such key) reads as dilation 1 everywhere
    SafeTensors plain = TestModels.random(TextRules.FOLD, 4).toSafeTensors();
    assertThat(plain.metadata().get("format_version")).isEqualTo("2");
    assertThat(plain.metadata().get("network")).doesNotContain("dilations");
    assertThat(Model.load(plain.toBytes(), "plain").network().config().dilations()).containsExactly(1, 1, 1);
    // a file that claims an older version, whose readers would ignore the dilations, is refused
    SafeTensors older = m.toSafeTensors();
    older.metadata().put("format_version", "2");
    assertThatThrownBy(() -> Model.load(older.toBytes(), "older.safetensors"))
        .hasMessageContaining("older.safetensors").hasMessageContaining("need version 3");
    // a damaged list is refused with the file's name
    st.metadata().put("network", st.metadata().get("network").replace("[1,2,4]", "[2,2,4]"));
    assertThatThrownBy(() -> Model.load(st.toBytes(), "bad.safetensors"))
        .hasMessageContaining("bad.safetensors").hasMessageContaining("dilation must be 1");
  }

  @Test
  void lexiconModelsRoundTripAsVersionFour() throws Exception {
    var cfg = new dev.fenci.nn.NetworkConfig(7, 5, 4, 3, new int[] {6, 3}, 4, 0.5f, "normal")
        .withLexiconDim(dev.fenci.nn.Lexicon.FEATURES);
    var lexicon = dev.fenci.nn.Lexicon.of(java.util.List.of(new int[] {1, 2}, new int[] {3, 4, 5}));
    var net = new dev.fenci.nn.Network(cfg, new dev.fenci.nn.Bigrams(7, new int[] {10, 3, 55}), lexicon);
    net.initialise(5);
    Model m = new Model("accurate-lex", net, new Vocabulary(new int[] {'a', 'b', 'c', 'd', 'e', 'f'}),
        dev.fenci.text.TextRules.FOLD, java.util.Map.of());
    SafeTensors st = m.toSafeTensors();
    assertThat(st.metadata().get("format_version")).isEqualTo("4");
    assertThat(st.metadata().get("network")).contains("\"lexicon_dim\":8");
    Path f = dir.resolve("l.safetensors");
    m.save(f);
    Model back = Model.load(f);
    assertThat(back.network().config()).isEqualTo(cfg);
    assertThat(back.network().lexicon().words()).containsExactly(lexicon.words());
    String text = "abcdefabc";
    assertThat(dev.fenci.Segmenter.of(back).segment(text)).isEqualTo(dev.fenci.Segmenter.of(m).segment(text));
    // an older version's reader would run the network without its features: refused
    SafeTensors older = m.toSafeTensors();
    older.metadata().put("format_version", "3");
    assertThatThrownBy(() -> Model.load(older.toBytes(), "older.safetensors"))
        .hasMessageContaining("older.safetensors").hasMessageContaining("need version 4");
    // with dilations too: still version 4, which describes both
    var both = cfg.withDilations(1, 2, 1);
    var dilated = new dev.fenci.nn.Network(both, new dev.fenci.nn.Bigrams(7, new int[] {10, 3, 55}), lexicon);
    dilated.initialise(6);
    Model md = new Model("accurate-lex", dilated, new Vocabulary(new int[] {'a', 'b', 'c', 'd', 'e', 'f'}),
        dev.fenci.text.TextRules.FOLD, java.util.Map.of());
    assertThat(md.toSafeTensors().metadata().get("format_version")).isEqualTo("4");
    assertThat(Model.load(md.toSafeTensors().toBytes(), "both").network().config()).isEqualTo(both);
    // words added after training stay known as added (the word model counts them as seen once)
    assertThat(st.metadata()).doesNotContainKey("lexicon_trained");
    Model added = new Model("accurate-lex", net.withLexicon(lexicon.with(java.util.List.of(new int[] {6, 1},
        new int[] {3, 1, 2}))), new Vocabulary(new int[] {'a', 'b', 'c', 'd', 'e', 'f'}), dev.fenci.text.TextRules.FOLD,
        java.util.Map.of());
    assertThat(added.toSafeTensors().metadata().get("lexicon_trained")).isEqualTo("2");
    Path fa = dir.resolve("added.safetensors");
    added.save(fa);
    Model addedBack = Model.load(fa);
    assertThat(addedBack.network().lexicon().trained()).isEqualTo(2);
    assertThat(addedBack.network().lexicon().isAdded(new int[] {6, 1}, 0, 2)).isTrue();
    for (String bad : new String[] {"two", "", "-1", "5", "+1", "01", " 2", "99999999999"}) {
      SafeTensors badCount = added.toSafeTensors();
      badCount.metadata().put("lexicon_trained", bad);
      assertThatThrownBy(() -> Model.load(badCount.toBytes(), "count.safetensors")).as("'%s'", bad)
          .hasMessageContaining("count.safetensors").hasMessageContaining("lexicon_trained");
    }
    // a damaged word list is refused with the file's name
    SafeTensors damaged = m.toSafeTensors();
    damaged.put("lexicon.words", new int[] {9, 1}, 2);
    assertThatThrownBy(() -> Model.load(damaged.toBytes(), "bad.safetensors"))
        .hasMessageContaining("bad.safetensors").hasMessageContaining("has length 9");
  }

  /** What a model file keeps of a weight: embedding tables as 8-bit levels with row scales, the rest exactly. */
  private static float[] savedValues(Param p) {
    if (!p.name().equals("embedding.weight") && !p.name().equals("bigram.weight")) {
      return p.value;
    }
    return new SafeTensors().putQuantised("t", p.value, p.shape()).floats("t");
  }

  /** A cancelled worker (its interrupt flag set) still loads a model: the file is not read through an interruptible channel. */
  @Test
  void aThreadWithItsInterruptFlagSetLoadsAModel() throws Exception {
    Model m = TestModels.random(TextRules.FOLD, 5);
    Path p = dir.resolve("m.safetensors");
    m.save(p);
    Thread.currentThread().interrupt();
    try {
      Model r = Model.load(p);
      assertThat(r.network().config()).isEqualTo(m.network().config());
      assertThat(Thread.currentThread().isInterrupted()).as("the flag is left as it was").isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  /** Integer tensors come out as arrays the caller owns, so a model never shares them with the tensors it was built from. */
  @Test
  void intTensorsAreCopiesTheCallerOwns() throws Exception {
    SafeTensors st = new SafeTensors();
    st.put("t", new int[] {7, 8}, 2);
    st.ints("t")[0] = 99;
    assertThat(st.ints("t")).containsExactly(7, 8);
    SafeTensors read = SafeTensors.read(st.toBytes(), "test");
    read.ints("t")[0] = 99;
    assertThat(read.ints("t")).containsExactly(7, 8);
  }

  @Test
  void anIntTensorReplacingAHalfFloatOneIsStoredAsIntegers() throws Exception {
    SafeTensors st = new SafeTensors();
    st.putHalf("t", new float[] {1.5f, 2f}, 2);
    st.put("t", new int[] {7, 123456}, 2);
    assertThat(st.isHalf("t")).isFalse();
    assertThat(SafeTensors.read(st.toBytes(), "test").ints("t")).containsExactly(7, 123456);
  }

  @Test
  void embeddingTablesAreStoredAsEightBitLevelsAndCheckpointsAtFullPrecision() throws Exception {
    Model m = TestModels.random(TextRules.FOLD, 3);
    Path f = dir.resolve("m.safetensors");
    m.save(f);
    SafeTensors file = SafeTensors.read(f);
    assertThat(file.levels("embedding.weight")).isNotNull();
    assertThat(file.levels("conv1.weight")).isNull();
    assertThat(file.names()).doesNotContain("embedding.weight" + SafeTensors.SCALE);
    assertThat(file.metadata()).containsEntry("format_version", "6");
    String header = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
    assertThat(header).contains("\"embedding.weight\":{\"dtype\":\"I8\"").contains("\"embedding.weight.scale\":{\"dtype\":\"F32\"");
    float[] original = m.network().params().get(0).value;
    float[] stored = file.floats("embedding.weight");
    int cols = m.network().config().embedDim();
    for (int i = 0; i < original.length; i++) {
      float max = 0;
      for (int j = i / cols * cols; j < (i / cols + 1) * cols; j++) {
        max = Math.max(max, Math.abs(original[j]));
      }
      assertThat(Math.abs(stored[i] - original[i])).as("value %d", i).isLessThanOrEqualTo(max / 127 / 2 * 1.0001f);
    }
    SafeTensors full = SafeTensors.read(m.toSafeTensors().toBytes(), "checkpoint");
    assertThat(full.levels("embedding.weight")).isNull();
    assertThat(full.metadata()).containsEntry("format_version", "2");
    assertThat(full.floats("embedding.weight")).containsExactly(original);
  }

  @Test
  void quantisedTensorsRoundTripAndAreRefusedWithoutTheirScales() throws Exception {
    float[] w = {0f, 0f, 0f, 1f, -2.54f, 0.02f, 1e-30f, 3e30f, -3e30f};
    SafeTensors st = new SafeTensors().putQuantised("w", w, 3, 3);
    SafeTensors back = SafeTensors.read(st.toBytes(), "q");
    assertThat(back.floats("w")).containsExactly(st.floats("w"));
    assertThat(back.floats("w")[0]).isZero();
    assertThat(back.floats("w")[4]).isCloseTo(-2.54f, org.assertj.core.data.Offset.offset(2.54f / 254));
    assertThat(back.levels("w").levels()).containsExactly(0, 0, 0, 50, -127, 1, 0, 127, -127);
    // saved again, a loaded table keeps its levels and scales exactly
    SafeTensors again = SafeTensors.read(new SafeTensors().putQuantised("w", back.floats("w"), 3, 3).toBytes(), "q2");
    assertThat(again.floats("w")).containsExactly(back.floats("w"));
    assertThatThrownBy(() -> new SafeTensors().putQuantised("v", new float[] {1, Float.NaN}, 1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> new SafeTensors().putQuantised("v", new float[] {1, 2}, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows");
    // an I8 tensor without its scales: a header edited by hand, refused with the tensor's name
    String text = new String(st.toBytes(), StandardCharsets.ISO_8859_1).replace("w.scale", "w.scalf");
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> SafeTensors.read(bytes, "edited.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("edited.safetensors").hasMessageContaining("w.scale");
  }

  @Test
  void everyTensorStartsAtAMultipleOfItsWidthAndScalesCannotCollide() throws Exception {
    SafeTensors st = new SafeTensors();
    st.putQuantised("a", new float[] {1, 2, 3}, 1, 3); // 3 bytes of levels
    st.putHalf("h", new float[] {1, 2, 3}, 3);
    st.put("f", new float[] {1, 2}, 2);
    st.putQuantised("b", new float[] {4, 5, 6, 7, 8}, 5, 1);
    st.put("i", new int[] {9}, 1);
    byte[] bytes = st.toBytes();
    Map<?, ?> header = (Map<?, ?>) Json.parse(new String(bytes, 8,
        (int) java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(), StandardCharsets.UTF_8).strip());
    for (Map.Entry<?, ?> e : header.entrySet()) {
      if (e.getKey().equals("__metadata__")) {
        continue;
      }
      Map<?, ?> info = (Map<?, ?>) e.getValue();
      long begin = (Long) ((List<?>) info.get("data_offsets")).get(0);
      int width = switch ((String) info.get("dtype")) { case "I8" -> 1; case "F16" -> 2; default -> 4; };
      assertThat(begin % width).as("%s", e.getKey()).isZero();
    }
    SafeTensors back = SafeTensors.read(bytes, "aligned");
    assertThat(back.floats("h")).containsExactly(1, 2, 3);
    assertThat(back.floats("f")).containsExactly(1, 2);
    assertThat(back.ints("i")).containsExactly(9);
    assertThat(back.floats("b")).containsExactly(st.floats("b"));
    assertThat(back.names()).containsExactlyInAnyOrder("a", "h", "f", "b", "i");
    assertThatThrownBy(() -> st.put("a" + SafeTensors.SCALE, new float[] {1}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collide");
    SafeTensors other = new SafeTensors().put("c" + SafeTensors.SCALE, new float[] {1}, 1);
    assertThatThrownBy(() -> other.putQuantised("c", new float[] {1}, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists");
  }

  @Test
  void onlyEmbeddingTablesMayBeEightBitAndADivergedTableIsKeptInHalves() throws Exception {
    Model m = TestModels.random(TextRules.FOLD, 3);
    SafeTensors st = m.toSafeTensors(true);
    st.putQuantised("conv1.weight", st.floats("conv1.weight"), st.shape("conv1.weight"));
    assertThatThrownBy(() -> Model.load(st.toBytes(), "convs.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("convs.safetensors").hasMessageContaining("conv1.weight");
    m.network().params().get(0).value[3] = Float.POSITIVE_INFINITY;
    SafeTensors diverged = m.toSafeTensors(true);
    assertThat(diverged.isHalf("embedding.weight")).isTrue();
    assertThat(diverged.floats("embedding.weight")[3]).isInfinite(); // written as it is
    // but a model that cannot segment is refused when loaded, naming the tensor
    assertThatThrownBy(() -> Model.load(diverged.toBytes(), "diverged")).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("embedding.weight holds Infinity");
  }

  @Test
  void eightBitTablesInAFileClaimingAnOlderVersionAreRefused() throws Exception {
    Model m = TestModels.random(TextRules.FOLD, 3);
    SafeTensors st = m.toSafeTensors(true);
    st.metadata().put("format_version", "5");
    assertThatThrownBy(() -> Model.load(st.toBytes(), "older.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("older.safetensors").hasMessageContaining("need version 6");
  }

  @Test
  void readsVersionOneFiles() throws Exception {
    SafeTensors st = TestModels.random(TextRules.FOLD, 4).toSafeTensors();
    st.metadata().put("format_version", "1");
    assertThat(Model.load(st.toBytes(), "old.safetensors").network().config())
        .isEqualTo(TestModels.random(TextRules.FOLD, 4).network().config());
  }

  /** A header claiming a negative size or reversed offsets is a format error, not a crash. */
  @Test
  void negativeShapesAndReversedOffsetsAreRefused() throws Exception {
    byte[] good = TestModels.random(TextRules.FOLD, 2).toSafeTensors().toBytes();
    long headerLen = java.nio.ByteBuffer.wrap(good).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    String header = new String(good, 8, (int) headerLen, StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("\"vocab.codepoints\":\\{\"dtype\":\"I32\",\"shape\":\\[(\\d+)\\],\"data_offsets\":\\[(\\d+),(\\d+)\\]")
        .matcher(header);
    assertThat(m.find()).isTrue();
    String[] crafted = {
        header.replace(m.group(), m.group().replace("[" + m.group(1) + "]", "[-1]")
            .replace("[" + m.group(2) + "," + m.group(3) + "]", "[" + m.group(2) + "," + (Long.parseLong(m.group(2)) - 4) + "]")),
        header.replace(m.group(), m.group().replace("[" + m.group(2) + "," + m.group(3) + "]", "[" + m.group(3) + "," + m.group(2) + "]"))};
    for (String h : crafted) {
      byte[] hb = h.strip().getBytes(StandardCharsets.UTF_8);
      int padded = (hb.length + 7) / 8 * 8;
      int dataLen = good.length - 8 - (int) headerLen;
      java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(8 + padded + dataLen).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      out.putLong(padded).put(hb);
      for (int k = hb.length; k < padded; k++) {
        out.put((byte) ' ');
      }
      out.put(good, 8 + (int) headerLen, dataLen);
      byte[] bad = out.array();
      assertThatThrownBy(() -> Model.load(bad, "crafted.safetensors"))
          .isInstanceOf(ModelFormatException.class).hasMessageContaining("crafted.safetensors");
    }
  }

  /** Files of a megabyte or more are hashed on a second thread: a damaged one is still refused. */
  @Test
  void aDamagedBigFileIsRefused() throws Exception {
    float[] big = new float[400_000];
    java.util.Arrays.fill(big, 0.25f);
    SafeTensors st = TestModels.random(TextRules.FOLD, 2).toSafeTensors().put("extra", big, big.length);
    byte[] good = st.toBytes();
    assertThat(SafeTensors.read(good, "big.safetensors").floats("extra")).hasSize(big.length);
    byte[] flipped = good.clone();
    flipped[flipped.length - 1000] ^= 0x01;
    assertThatThrownBy(() -> SafeTensors.read(flipped, "big.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("big.safetensors").hasMessageContaining("checksum");
  }

  @Test
  void aHeaderClaimingAHugeNetworkIsRejectedBeforeAnythingIsAllocated() throws Exception {
    SafeTensors st = TestModels.random(TextRules.FOLD, 1).toSafeTensors();
    // a valid checksum over a description of a 20,000 x 20,000 network (4.8 GB of weights)
    st.metadata().put("network", st.metadata().get("network").replace("\"hidden\":[8,4]", "\"hidden\":[20000,20000]"));
    assertThat(st.metadata().get("network")).contains("20000");
    byte[] bytes = st.toBytes();
    assertThatThrownBy(() -> Model.load(bytes, "huge.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("huge.safetensors")
        .hasMessageContaining("conv1.weight").hasMessageContaining("expected [24, 20000]");
  }

  @Test
  void weightShapesAreThoseOfTheNetwork() {
    var cfg = new dev.fenci.nn.NetworkConfig(7, 5, 4, 3, new int[] {6, 3}, 4, 0.5f, "normal");
    var net = new dev.fenci.nn.Network(cfg, new dev.fenci.nn.Bigrams(7, new int[] {10, 3, 55}));
    var shapes = dev.fenci.nn.Network.weightShapes(cfg);
    assertThat(shapes.keySet()).containsExactlyElementsOf(net.params().stream().map(Param::name).toList());
    for (Param p : net.params()) {
      assertThat(shapes.get(p.name())).containsExactly(p.shape());
    }
  }

  private static dev.fenci.nn.Transitions someTransitions() {
    float[] v = new dev.fenci.nn.Transitions().param().value.clone();
    for (int i = 0; i < v.length; i++) {
      if (dev.fenci.nn.Transitions.legal(i / 4, i % 4)) {
        v[i] = 0.25f * i - 2;
      }
    }
    return dev.fenci.nn.Transitions.of(v);
  }

  @Test
  void transitionsRoundTripAndModelsWithoutThemHaveNone() throws Exception {
    Model plain = TestModels.random(TextRules.FOLD, 5);
    assertThat(plain.transitions()).isNull();
    assertThat(plain.toSafeTensors().names()).doesNotContain("crf.transitions");
    Model m = new Model("accurate-crf", plain.network(), someTransitions(), plain.vocabulary(), plain.rules(),
        plain.provenance());
    Path p = dir.resolve("crf.safetensors");
    m.save(p);
    SafeTensors st = SafeTensors.read(p);
    assertThat(st.shape("crf.transitions")).containsExactly(6, 4);
    assertThat(st.floats("crf.transitions")[0 * 4 + 2]).as("S -> M").isEqualTo(Float.NEGATIVE_INFINITY);
    Model back = Model.load(p);
    assertThat(back.arch()).isEqualTo("accurate-crf");
    assertThat(back.transitions().param().value).containsExactly(m.transitions().param().value);
    assertThat(back.withProvenance(java.util.Map.of("x", "y")).transitions()).isSameAs(back.transitions());
    for (int i = 0; i < plain.network().params().size(); i++) {
      assertThat(back.network().params().get(i).floats()).containsExactly(savedValues(plain.network().params().get(i)));
    }
    Path q = dir.resolve("plain.safetensors");
    plain.save(q);
    assertThat(Model.load(q).transitions()).isNull();
  }

  @Test
  void damagedTransitionsAreRefused() throws Exception {
    Model plain = TestModels.random(TextRules.FOLD, 5);
    SafeTensors st = plain.toSafeTensors();
    float[] v = someTransitions().param().value.clone();
    v[1 * 4 + 0] = 1f; // B -> S made finite
    st.put("crf.transitions", v, 6, 4);
    byte[] illegal = st.toBytes();
    assertThatThrownBy(() -> Model.load(illegal, "illegal.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("illegal.safetensors")
        .hasMessageContaining("crf.transitions[1][0]");
    st.put("crf.transitions", new float[16], 4, 4);
    byte[] shape = st.toBytes();
    assertThatThrownBy(() -> Model.load(shape, "shape.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("expected [6, 4]");
  }

  @Test
  void aDamagedTensorNameANonFiniteWeightAndADeepHeaderAreRefused() throws Exception {
    Model plain = TestModels.random(TextRules.FOLD, 5);
    // a flipped bit in a name: the checksum does not cover the table, the names are checked instead
    SafeTensors renamed = plain.toSafeTensors();
    renamed.put("crf.transitionS", someTransitions().param().value.clone(), 6, 4);
    assertThatThrownBy(() -> Model.load(renamed.toBytes(), "renamed.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("renamed.safetensors")
        .hasMessageContaining("unknown tensor 'crf.transitionS'");
    SafeTensors nan = plain.toSafeTensors();
    Param last = plain.network().params().get(plain.network().params().size() - 1);
    float[] v = savedValues(last).clone();
    v[0] = Float.NaN;
    nan.put(last.name(), v, last.shape());
    assertThatThrownBy(() -> Model.load(nan.toBytes(), "nan.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("nan.safetensors")
        .hasMessageContaining(last.name()).hasMessageContaining("finite");
    assertThatThrownBy(() -> Json.parse("[".repeat(5000) + "]".repeat(5000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested deeper than 64");
    assertThat(Json.parse("[".repeat(64) + "]".repeat(64))).isNotNull();
  }

  @Test
  void aTensorWhoseShapeDoesNotMatchItsValuesIsRefusedAndPutsChain() {
    assertThatThrownBy(() -> new SafeTensors().put("f", new float[3], 2, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f has 3 values, shape says 4");
    assertThatThrownBy(() -> new SafeTensors().put("i", new int[3], 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("i has 3 values, shape says 2");
    assertThatThrownBy(() -> new SafeTensors().putQuantised("q", new float[3], 2, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("q has 3 values, shape says 4");
    SafeTensors quantised = new SafeTensors().putQuantised("q", new float[] {1, 2}, 2, 1);
    assertThatThrownBy(() -> quantised.put("q" + SafeTensors.SCALE, new int[] {1, 2}, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("collide");
    SafeTensors st = new SafeTensors().put("i", new int[] {1}, 1).putHalf("h", new float[] {0.5f}, 1).put("f", new float[] {2}, 1);
    assertThat(st.names()).containsExactly("i", "h", "f");
  }

  @Test
  void halfFloatTensorsReadFromAFileGiveTheirRawBitsAndOthersNone() throws Exception {
    SafeTensors st = new SafeTensors().putHalf("h", new float[] {1f, 0.5f, -2f}, 3).put("f", new float[] {1f}, 1);
    SafeTensors read = SafeTensors.read(st.toBytes(), "h.safetensors");
    assertThat(read.halves("h")).containsExactly((short) 0x3C00, (short) 0x3800, (short) 0xC000);
    assertThat(read.halves("f")).isNull();
    assertThat(st.halves("h")).as("not read from a file").isNull();
    float[] dest = new float[1];
    st.readFloats("f", dest);
    assertThat(dest).containsExactly(1f);
  }

  @Test
  void emptyTensorsAndAFileWithoutTensorsRoundTrip() throws Exception {
    SafeTensors st = new SafeTensors().put("e", new float[0], 0).put("z", new int[0], 2, 0);
    SafeTensors back = SafeTensors.read(st.toBytes(), "empty.safetensors");
    assertThat(back.floats("e")).isEmpty();
    back.readFloats("e", new float[0]);
    assertThat(back.shape("z")).containsExactly(2, 0);
    assertThat(SafeTensors.read(new SafeTensors().toBytes(), "none.safetensors").names()).isEmpty();
    assertThatThrownBy(() -> SafeTensors.read(new java.io.ByteArrayInputStream(new byte[0]), 0, "zero.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("the file is empty");
  }

  @Test
  void aFileReadAndWrittenAgainUntouchedKeepsItsTensors() throws Exception {
    SafeTensors st = new SafeTensors().put("f", new float[] {1.5f, -2f}, 2).put("i", new int[] {7}, 1)
        .putHalf("h", new float[] {0.25f}, 1).putQuantised("q", new float[] {1, -1, 0.5f, 2}, 2, 2);
    SafeTensors again = SafeTensors.read(SafeTensors.read(st.toBytes(), "a").toBytes(), "b");
    assertThat(again.floats("f")).containsExactly(1.5f, -2f);
    assertThat(again.ints("i")).containsExactly(7);
    assertThat(again.floats("h")).containsExactly(0.25f);
    assertThat(again.floats("q")).containsExactly(st.floats("q"));
  }

  @Test
  void theHeaderIsPaddedToAMultipleOfEightBytesAndNoMore() {
    SafeTensors st = new SafeTensors().put("f", new float[] {1f}, 1);
    byte[] bytes = st.toBytes();
    long headerLen = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    int json = new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8).length;
    assertThat(headerLen % 8).isZero();
    assertThat(headerLen).isBetween((long) json, json + 7L);
    assertThat(bytes).hasSize(8 + (int) headerLen + 4);
  }

  @Test
  void shortAndTruncatedHeadersAreRefusedForWhatTheyAre() {
    // ten bytes: a header of two, "{}", and no checksum
    byte[] tiny = {2, 0, 0, 0, 0, 0, 0, 0, '{', '}'};
    assertThatThrownBy(() -> SafeTensors.read(tiny, "tiny")).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("no checksum");
    byte[] zeroHeader = {0, 0, 0, 0, 0, 0, 0, 0, '{', '}'};
    assertThatThrownBy(() -> SafeTensors.read(zeroHeader, "zero")).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("starts with the length of its JSON header");
    byte[] good = new SafeTensors().put("f", new float[] {1f}, 1).toBytes();
    long headerLen = java.nio.ByteBuffer.wrap(good).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    byte[] cut = Arrays.copyOf(good, 8 + (int) headerLen - 1);
    assertThatThrownBy(() -> SafeTensors.read(cut, "cut")).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("truncated: its header alone needs " + (headerLen + 8) + " bytes, and the file has " + cut.length);
  }

  /**
   * The checksum does not cover the tensor table: a damaged shape or offset in the header must be
   * called that, not a truncated file whose tensors lie beyond its end.
   */
  @Test
  void aShapeOrOffsetThatDisagreesWithTheTensorsBytesIsADamagedHeaderNotATruncatedFile() {
    byte[] good = new SafeTensors().put("f", new float[] {1f, 2f}, 2).toBytes();
    byte[] badShape = replace(good, "\"shape\":[2]", "\"shape\":[3]");
    assertThatThrownBy(() -> SafeTensors.read(badShape, "shape.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("shape.safetensors: tensor f: shape [3] of F32 needs 12 bytes, but its data_offsets"
            + " [0, 8] hold 8: the file's header is damaged")
        .hasMessageNotContaining("outside").hasMessageNotContaining("truncated");
    byte[] badOffset = replace(good, "\"data_offsets\":[0,8]", "\"data_offsets\":[4,8]");
    assertThatThrownBy(() -> SafeTensors.read(badOffset, "offset.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("offset.safetensors: tensor f: shape [2] of F32 needs 8 bytes, but its data_offsets"
            + " [4, 8] hold 4: the file's header is damaged");
    byte[] backwards = replace(good, "\"data_offsets\":[0,8]", "\"data_offsets\":[9,8]");
    assertThatThrownBy(() -> SafeTensors.read(backwards, "backwards.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("backwards.safetensors: tensor f: shape [2] of F32 needs 8 bytes, but its data_offsets"
            + " [9, 8] are no range of bytes: the file's header is damaged");
    byte[] cut = Arrays.copyOf(good, good.length - 1);
    assertThatThrownBy(() -> SafeTensors.read(cut, "cut.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("cut.safetensors: tensor f lies outside the file (data 0..8 of 7 bytes): the file is"
            + " truncated or damaged");
  }

  /** A damaged dtype in the tensor table (not covered by the checksum) names the tensor and what it holds. */
  @Test
  void aTensorOfTheWrongTypeIsNamedWithWhatItHolds() throws Exception {
    byte[] good = TestModels.random(TextRules.SEED, 1).toSafeTensors().toBytes();
    byte[] floatVocab = replace(good, "\"vocab.codepoints\":{\"dtype\":\"I32\"", "\"vocab.codepoints\":{\"dtype\":\"F32\"");
    assertThatThrownBy(() -> Model.load(floatVocab, "v.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessage("v.safetensors: damaged model description: tensor vocab.codepoints holds floats (F32, F16 or I8),"
            + " not integers (I32)");
    byte[] intBias = replace(good, "\"conv1.bias\":{\"dtype\":\"F32\"", "\"conv1.bias\":{\"dtype\":\"I32\"");
    assertThatThrownBy(() -> Model.load(intBias, "b.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessage("b.safetensors: damaged model description: tensor conv1.bias holds integers (I32), not floats");
  }

  /** {@code bytes} with the only occurrence of {@code from} replaced by {@code to}, of the same length. */
  private static byte[] replace(byte[] bytes, String from, String to) {
    String s = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(s.indexOf(from)).isNotNegative().isEqualTo(s.lastIndexOf(from));
    assertThat(to).hasSameSizeAs(from);
    return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aCycleOfSymbolicLinksIsRefused() throws Exception {
    Path a = dir.resolve("a.safetensors");
    Path b = dir.resolve("b.safetensors");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    assertThatThrownBy(() -> SafeTensors.target(a)).isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessageContaining("too many levels of symbolic links");
  }

  @Test
  void writingAFileCreatesTheDirectoriesItNeeds() throws Exception {
    Path f = dir.resolve("a").resolve("b").resolve("m.safetensors");
    new SafeTensors().put("f", new float[] {1f}, 1).write(f);
    assertThat(SafeTensors.read(f).floats("f")).containsExactly(1f);
  }
}
