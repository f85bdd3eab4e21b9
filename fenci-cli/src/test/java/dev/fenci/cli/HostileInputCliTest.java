package dev.fenci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile sizes through the real command line, in a separate JVM limited to 128 MB of heap: a
 * 50 MB line without punctuation or spaces, ten million short lines, a megabyte of one character
 * and a line of nothing but punctuation. Each must finish and give back every input character.
 */
class HostileInputCliTest {
  @TempDir
  Path dir;

  private interface Content {
    void write(Writer w) throws IOException;
  }

  private Path file(String name, Content c) throws IOException {
    Path p = dir.resolve(name);
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16)) {
      c.write(w);
    }
    return p;
  }

  /** Runs {@code fenci segment FILE} with -Xmx128m; returns the output file. */
  private Path segment(Path input, String... extra) throws Exception {
    Path out = dir.resolve(input.getFileName() + ".out");
    Path err = dir.resolve(input.getFileName() + ".err");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-Xss512k", "--add-modules", "jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "segment"));
    cmd.addAll(List.of(extra));
    cmd.add(input.toString());
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    return out;
  }

  /** Input and output hold the same characters once the delimiters (spaces) are removed. */
  private static void assertSameText(Path input, Path output) throws IOException {
    try (Reader a = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        Reader b = new BufferedReader(Files.newBufferedReader(output, StandardCharsets.UTF_8), 1 << 16)) {
      long i = 0;
      while (true) {
        int x = a.read();
        int y;
        do {
          y = b.read();
        } while (y == ' ');
        if (x < 0 && y == '\n') {
          y = b.read(); // the last line ends with a line break in the output even if not in the input
        }
        assertThat(y).as("character %d", i).isEqualTo(x);
        if (x < 0) {
          return;
        }
        i++;
      }
    }
  }

  @Test
  void aFiftyMegabyteLineWithoutPunctuationOrSpaces() throws Exception {
    String para = "中共中央总书记国家主席江泽民发表新年讲话回顾过去的一年展望新的世纪扫描二维码关注微信号"
        + "人民日报社论指出改革开放以来我国经济持续快速健康发展人民生活水平不断提高在2001年用iPhone15看了55.6亿次";
    Path in = file("long.txt", w -> {
      long bytes = 0;
      while (bytes < 50L << 20) {
        w.write(para);
        bytes += para.getBytes(StandardCharsets.UTF_8).length;
      }
    });
    Path out = segment(in);
    assertSameText(in, out);
    assertThat(Files.size(out)).isGreaterThan(Files.size(in));
  }

  @Test
  void tenMillionShortLines() throws Exception {
    Path in = file("lines.txt", w -> {
      for (int i = 0; i < 10_000_000; i++) {
        w.write(i % 3 == 0 ? "是\n" : i % 3 == 1 ? "好的\n" : "\n");
      }
    });
    Path out = segment(in, "--threads", "2");
    try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      assertThat(r.lines().count()).isEqualTo(10_000_000);
    }
    assertSameText(in, out);
  }

  @Test
  void aMegabyteOfOneCharacterAndALineOfPunctuation() throws Exception {
    Path in = file("runs.txt", w -> {
      w.write("哈".repeat(1 << 20));
      w.write('\n');
      w.write("，。！？、".repeat(200_000));
      w.write('\n');
    });
    Path out = segment(in);
    assertSameText(in, out);
  }

  @Test
  void nestedDictionaryEntriesOverALongRunStayInBoundedMemory() throws Exception {
    // 256 entries nested in one another (the longest a word may be): every character of the run
    // ends 256 occurrences, so a block of 16,384 characters holds about four million; they are
    // applied as they are found, never collected (600 of them, collected, took more than the 128 MB heap)
    Path dict = file("nested.dict", w -> {
      for (int k = 1; k <= dev.fenci.dict.Entry.MAX_LENGTH; k++) {
        w.write("哈".repeat(k) + ",2\n");
      }
    });
    Path in = file("run.txt", w -> w.write("哈".repeat(20_000) + "\n"));
    Path out = segment(in, "--dict", dict.toString());
    assertSameText(in, out);
    // the same entries forced: the longest wins from the left, across the windows of the line too
    // (the forced occurrences had been collected, boxed, and ran out of the heap)
    Path forced = file("forced.dict", w -> {
      for (int k = 1; k <= dev.fenci.dict.Entry.MAX_LENGTH; k++) {
        w.write("哈".repeat(k) + ",inf\n");
      }
    });
    Path tiled = segment(in, "--dict", forced.toString());
    assertSameText(in, tiled);
    String[] words = Files.readString(tiled, StandardCharsets.UTF_8).strip().split(" ");
    assertThat(words).hasSize(20_000 / dev.fenci.dict.Entry.MAX_LENGTH + 1);
    for (int i = 0; i + 1 < words.length; i++) {
      assertThat(words[i]).as("word %d", i).hasSize(dev.fenci.dict.Entry.MAX_LENGTH);
    }
  }

  @Test
  void everyShippedPresetSegmentsWith128Megabytes() throws Exception {
    Path in = file("small.txt", w -> w.write("扫描二维码，关注微信号。\n在2001年用iPhone15Pro看了55.6亿次\n"));
    for (dev.fenci.Presets.Preset p : dev.fenci.Presets.list()) {
      Path out = segment(in, "--model", p.name());
      assertSameText(in, out);
    }
    // two threads share one first-layer table (the fast preset's holds 47 MB)
    Path many = file("many.txt", w -> {
      for (int i = 0; i < 20_000; i++) {
        w.write("扫描二维码，关注微信号。在2001年用iPhone15Pro看了55.6亿次\n");
      }
    });
    for (dev.fenci.Presets.Preset p : dev.fenci.Presets.list()) {
      assertSameText(many, segment(many, "--model", p.name(), "--threads", "2"));
    }
  }

  /**
   * The default model loads and segments every common character within a 64 MB heap: loading
   * reads the file off the heap and keeps one copy of each array (it needed 72 MB before). Run
   * with the serial collector, whose needs are those of the live data: 52 MB suffice there with the
   * file read into the heap, where G1 (the default on 2 cores) needs about 60 MB, and whether 64 MB
   * sufficed under G1 came to depend on timing (one failure in a CI run on a loaded machine). A
   * second copy of the file's 16 MB would still fail it.
   */
  @Test
  void theDefaultModelRunsInA64MegabyteHeap() throws Exception {
    Path in = file("every-character.txt", w -> {
      for (int c = 0x4E00; c <= 0x9FA5; c++) {
        w.write(c);
        if (c % 40 == 0) {
          w.write("，扫描二维码，关注微信号。\n");
        }
      }
      w.write('\n');
    });
    Path out = dir.resolve("every-character.out");
    Path err = dir.resolve("every-character.err");
    // the file is read off the heap when direct memory has room, else into the heap (1 MB: none)
    for (String directMemory : new String[] {"-XX:MaxDirectMemorySize=256m", "-XX:MaxDirectMemorySize=1m"}) {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx64m", "-XX:+UseSerialGC", directMemory, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
          Main.class.getName(), "segment", in.toString())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
      assertThat(p.exitValue()).as(directMemory + ": " + Files.readString(err)).isZero();
      assertSameText(in, out);
    }
  }

  @Test
  void aBigramTableWithoutRoomInTheHeapIsLeftOutWithANote() throws Exception {
    Path in = file("table.txt", w -> w.write("扫描二维码，关注微信号。\n".repeat(50)));
    Path out = dir.resolve("table.out");
    Path err = dir.resolve("table.err");
    // accurate's table takes 91 MB: allowed by the property, not by the heap
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx80m", "-Dfenci.bigramTableMB=100", "--add-modules", "jdk.incubator.vector", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "segment", in.toString(), in.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
    String message = Files.readString(err);
    assertThat(p.exitValue()).as(message).isZero();
    assertThat(Files.readAllLines(out)).hasSize(100).allSatisfy(l -> assertThat(l).isEqualTo("扫描 二维码 ， 关注 微 信号 。"));
    assertThat(message).containsOnlyOnce("fenci: no room in the heap for the bigram table (91 MB)")
        .contains("-Dfenci.bigramTableMB");
    // a property below the table's size: said once, not silently ignored
    p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfenci.bigramTableMB=90", "--add-modules", "jdk.incubator.vector", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "segment", in.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(Files.readString(err)).containsOnlyOnce("-Dfenci.bigramTableMB allows 90 MB; this model's bigram table"
        + " takes 91 MB");
  }

  @Test
  void runningOutOfMemoryIsAMessageNotAStackTrace() throws Exception {
    Path in = file("oom.txt", w -> w.write("扫描二维码，关注微信号。\n"));
    Path err = dir.resolve("oom.err");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx16m", "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "segment", in.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
    String message = Files.readString(err);
    assertThat(p.exitValue()).as(message).isEqualTo(Main.EXIT_DATA);
    assertThat(message).contains("fenci: out of memory with a maximum heap of").contains("-Xmx")
        .doesNotContain("\tat dev.fenci");
  }
}
