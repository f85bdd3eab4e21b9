package dev.fenci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.model.Model;
import dev.fenci.model.SafeTensors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fenci train} killed with SIGKILL at arbitrary moments: the last checkpoint and the best
 * model stay readable, and {@code --resume} finishes the run.
 */
class KilledTrainingTest {
  @TempDir
  Path dir;

  private static final String[] WORDS = {"我们", "中国", "发展", "经济", "的", "了", "人民", "和", "社会主义",
      "建设", "在", "新", "世纪", "改革", "开放", "是", "一", "个", "重要", "问题"};

  private void corpus(Path p, int lines, long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      StringBuilder b = new StringBuilder();
      for (int w = 0, n = 3 + r.nextInt(12); w < n; w++) {
        b.append(w == 0 ? "" : "  ").append(WORDS[r.nextInt(WORDS.length)]);
      }
      out.add(b.toString());
    }
    Files.write(p, out, StandardCharsets.UTF_8);
  }

  private Process train(Path model, boolean resume) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "train", "--train", dir.resolve("train.txt").toString(),
        "--dev", dir.resolve("dev.txt").toString(), "--model", model.toString(), "--epochs", "400",
        "--threads", "1", "--batch", "64", "--arch", "seed"));
    if (resume) {
      cmd.add("--resume");
    }
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(resume ? "resume.log" : "train.log").toFile()).start();
  }

  @Test
  void aKilledRunLeavesReadableFilesAndResumes() throws Exception {
    corpus(dir.resolve("train.txt"), 300, 1);
    corpus(dir.resolve("dev.txt"), 30, 2);
    Path model = dir.resolve("m.safetensors");
    Path ckpt = dir.resolve("m.safetensors.ckpt");
    SplittableRandom r = new SplittableRandom(3);
    int lastEpoch = 0;
    for (int kill = 0; kill < 3; kill++) {
      Process p = train(model, kill > 0);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.exists(ckpt) && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(20);
      }
      assertThat(Files.exists(ckpt)).as(Files.readString(dir.resolve(kill > 0 ? "resume.log" : "train.log"))).isTrue();
      Thread.sleep(200 + r.nextInt(1500)); // somewhere in the middle of an epoch or a write
      p.destroyForcibly(); // SIGKILL
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      SafeTensors ck = SafeTensors.read(ckpt); // checksum verified
      int epoch = Integer.parseInt(ck.metadata().get("train.epoch"));
      assertThat(epoch).as("resumed, then went on").isGreaterThanOrEqualTo(lastEpoch);
      lastEpoch = epoch;
      assertThat(Model.load(model).network()).isNotNull();
      try (var files = Files.list(dir)) {
        // a temporary file may remain from the moment of the kill; it is never the model
        assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count()).isLessThanOrEqualTo(1);
      }
    }
    assertThat(lastEpoch).isLessThan(400);
    Process p = train(model, true);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String log = Files.readString(dir.resolve("resume.log"));
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log).contains("resuming").contains("epoch 400:");
    assertThat(SafeTensors.read(ckpt).metadata().get("train.epoch")).isEqualTo("400");
  }

  /** Stopped by a signal that lets it end (Ctrl-C, kill), a run says how to go on; a --resume without a checkpoint says it starts afresh. */
  @Test
  void aStoppedRunSaysHowToResume() throws Exception {
    corpus(dir.resolve("train.txt"), 300, 1);
    corpus(dir.resolve("dev.txt"), 30, 2);
    Path model = dir.resolve("m.safetensors");
    Process p = train(model, true);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(dir.resolve("m.safetensors.ckpt")) && System.nanoTime() < deadline && p.isAlive()) {
      Thread.sleep(20);
    }
    p.destroy(); // SIGTERM, as kill sends; Ctrl-C's SIGINT runs the same shutdown
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(dir.resolve("resume.log"));
    assertThat(log).contains("note: --resume: no checkpoint").contains("starting at epoch 1")
        .contains("fenci: training stopped; the same command with --resume continues from " + model + ".ckpt");
  }

  /**
   * A checkpoint an earlier run left is not offered as this run's to a fresh run stopped before its
   * first epoch ended, but said to be still there for --resume.
   */
  @Test
  void anEarlierRunsCheckpointIsOfferedOnlyToAResumeOrOnceReplaced() throws Exception {
    Path ckpt = dir.resolve("m.safetensors.ckpt");
    assertThat(TrainCommand.stoppedMessage(ckpt, false, null)).contains("no checkpoint of this run yet")
        .doesNotContain("earlier run");
    Files.writeString(ckpt, "earlier");
    Files.setLastModifiedTime(ckpt, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    Object before = TrainCommand.lastModified(ckpt);
    assertThat(TrainCommand.stoppedMessage(ckpt, false, before)).contains("no checkpoint of this run yet")
        .contains(ckpt + " of the earlier run is unchanged: the same command with --resume continues it");
    assertThat(TrainCommand.stoppedMessage(ckpt, true, before)).contains("--resume continues from " + ckpt);
    Files.setLastModifiedTime(ckpt, java.nio.file.attribute.FileTime.fromMillis(2_000_000)); // this run's first epoch
    assertThat(TrainCommand.stoppedMessage(ckpt, false, before)).contains("--resume continues from " + ckpt);
  }
}
