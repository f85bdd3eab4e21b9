package dev.fenci.spark;

import dev.fenci.Segmenter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.BlockId;
import org.apache.spark.storage.BlockManager;
import org.apache.spark.storage.BroadcastBlockId;
import scala.jdk.javaapi.CollectionConverters;

/** What the Spark tests share: a local session whose two executor threads serialize tasks as a cluster does, and a model file. */
final class LocalSpark {
  private LocalSpark() {}

  /** A local session with two executor threads, without UI, on the loopback address. */
  static SparkSession start(String app) {
    return builder(app).getOrCreate();
  }

  /** {@link #start} with Spark's Kryo serializer. */
  static SparkSession startWithKryo(String app) {
    return builder(app).config("spark.serializer", "org.apache.spark.serializer.KryoSerializer").getOrCreate();
  }

  private static SparkSession.Builder builder(String app) {
    return SparkSession.builder().master("local[2]").appName(app)
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
  }

  /**
   * Drops this JVM's deserialized copies of the broadcasts (their serialized pieces stay), so that
   * the next tasks deserialize the pieces with the session's serializer as a cluster's executors do:
   * in local mode they would otherwise get the driver's very objects, and no serializer would read them.
   */
  static void dropBroadcastValues() {
    BlockManager blocks = SparkEnv.get().blockManager();
    for (BlockId id : CollectionConverters.asJava(
        blocks.getMatchingBlockIds(b -> b instanceof BroadcastBlockId bb && bb.field().isEmpty()))) {
      blocks.removeBlock(id, false);
    }
  }

  /** A model file in {@code dir}: a copy of the seed preset's. */
  static Path seedModelFile(Path dir) throws IOException {
    Path model = dir.resolve("seed-copy.safetensors");
    try (InputStream in = Segmenter.class.getResourceAsStream("/dev/fenci/models/seed.safetensors")) {
      Files.write(model, in.readAllBytes());
    }
    return model;
  }
}
