package dev.fenci.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fenci.Segmenter;
import dev.fenci.Token;
import dev.fenci.corpus.Corpus;
import dev.fenci.corpus.CorpusFormatException;
import dev.fenci.corpus.Utf8Lines;
import dev.fenci.dict.DictionaryFile;
import dev.fenci.dict.DictionaryFormatException;
import dev.fenci.dict.UserDictionary;
import dev.fenci.model.Model;
import dev.fenci.model.ModelFormatException;
import dev.fenci.text.InvalidUtf8Exception;
import dev.fenci.text.Utf8Reader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.util.List;

/**
 * Coverage-guided fuzz targets (Jazzer). A normal build runs each on its stored inputs in
 * {@code src/test/resources/dev/fenci/fuzz/FuzzTargetsTestInputs/<target>/} (crash inputs found by
 * fuzzing are kept there and so become regression tests); {@code JAZZER_FUZZ=1} fuzzes one target
 * for its time limit (see {@code .ci/run} and docs/robustness.md). Each target states what must
 * hold for any input: only the documented exception types, and lossless segmentation.
 */
class FuzzTargetsTest {
  private static final Segmenter SEGMENTER = Segmenter.load();
  private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

  @FuzzTest(maxDuration = "60s")
  void segmenter(FuzzedDataProvider data) throws IOException {
    String dictText = data.consumeString(200);
    String text = data.consumeRemainingAsString();
    Segmenter s = SEGMENTER;
    try {
      List<dev.fenci.dict.Entry> entries = DictionaryFile.parse(dictText.lines().toList(), "fuzz", true, QUIET);
      UserDictionary d = UserDictionary.empty();
      d.addAll(entries);
      s = SEGMENTER.withDictionary(d);
    } catch (DictionaryFormatException e) {
      // lenient parsing may still reject a line it cannot skip; the text is segmented without
    }
    List<Token> tokens = s.tokenize(text);
    int at = 0;
    for (Token t : tokens) {
      assertThat(t.start()).isEqualTo(at);
      assertThat(t.end()).isGreaterThan(t.start());
      assertThat(t.word()).isEqualTo(text.substring(t.start(), t.end()));
      at = t.end();
    }
    assertThat(at).isEqualTo(text.length());
  }

  @FuzzTest(maxDuration = "30s")
  void dictionaryParser(byte[] bytes) throws IOException {
    List<String> lines;
    try {
      lines = Utf8Lines.decode(bytes, "fuzz.dict");
    } catch (CorpusFormatException e) {
      return;
    }
    try {
      for (dev.fenci.dict.Entry e : DictionaryFile.parse(lines, "fuzz.dict", false, QUIET)) {
        assertThat(e.word()).isNotEmpty();
        assertThat(e.multiplier()).isPositive();
      }
    } catch (DictionaryFormatException e) {
      assertThat(e.getMessage()).startsWith("fuzz.dict:");
    }
  }

  @FuzzTest(maxDuration = "30s")
  void corpusReaders(byte[] bytes) throws IOException {
    try {
      for (List<String> sentence : Corpus.parse(Utf8Lines.decode(bytes, "fuzz.txt"), "fuzz.txt")) {
        for (String w : sentence) {
          assertThat(w).isNotEmpty();
        }
      }
    } catch (CorpusFormatException e) {
      assertThat(e.getMessage()).startsWith("fuzz.txt:");
    }
    try (Reader r = new Utf8Reader(new ByteArrayInputStream(bytes), "fuzz.txt", false)) {
      r.transferTo(java.io.Writer.nullWriter());
    } catch (InvalidUtf8Exception e) {
      assertThat(e.getMessage()).startsWith("fuzz.txt:");
    }
  }

  @FuzzTest(maxDuration = "30s")
  void modelLoader(byte[] bytes) {
    try {
      Model m = Model.load(bytes, "fuzz.safetensors");
      assertThat(m.network()).isNotNull();
    } catch (ModelFormatException e) {
      assertThat(e.getMessage()).startsWith("fuzz.safetensors");
    }
  }
}
