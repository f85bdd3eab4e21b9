package dev.fenci.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.nn.Bigrams;
import dev.fenci.nn.Network;
import dev.fenci.nn.NetworkConfig;
import dev.fenci.nn.Param;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmbeddingPretrainingTest {
  private static final int VOCAB = 12;

  /**
   * Pieces in which characters 2 and 3 always stand between 4 and 5, character 6 between 7 and 8, and 9-11 anywhere:
   * skip-gram should place 2 and 3 nearer each other than either is to 6.
   */
  private static List<TrainingData.Piece> pieces() {
    SplittableRandom r = new SplittableRandom(3);
    List<TrainingData.Piece> out = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      int[] ids = new int[7];
      ids[0] = 9 + r.nextInt(3);
      ids[1] = i % 3 == 2 ? 7 : 4;
      ids[2] = i % 3 == 0 ? 2 : i % 3 == 1 ? 3 : 6;
      ids[3] = i % 3 == 2 ? 8 : 5;
      ids[4] = 9 + r.nextInt(3);
      ids[5] = 9 + r.nextInt(3);
      ids[6] = 1;
      out.add(new TrainingData.Piece(ids, new int[ids.length]));
    }
    return out;
  }

  private static Network network(List<TrainingData.Piece> pieces) {
    List<int[]> seqs = new ArrayList<>();
    for (TrainingData.Piece p : pieces) {
      seqs.add(p.ids());
    }
    Bigrams bigrams = Bigrams.count(seqs, VOCAB, 1);
    Network net = new Network(new NetworkConfig(VOCAB, 16, bigrams.size(), 8, new int[] {8}, 4, 0.5f, "uniform"), bigrams);
    net.initialise(1);
    return net;
  }

  private static float[] run(long seed) {
    List<TrainingData.Piece> pieces = pieces();
    Network net = network(pieces);
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    EmbeddingPretraining.run(net, pieces, 3, seed, log, false);
    Param emb = net.params().get(0);
    Param big = net.params().get(1);
    float[] both = new float[emb.value.length + big.value.length];
    System.arraycopy(emb.value, 0, both, 0, emb.value.length);
    System.arraycopy(big.value, 0, both, emb.value.length, big.value.length);
    return both;
  }

  private static double cosine(float[] e, int a, int b, int d) {
    double ab = 0, aa = 0, bb = 0;
    for (int j = 0; j < d; j++) {
      ab += e[a * d + j] * e[b * d + j];
      aa += e[a * d + j] * e[a * d + j];
      bb += e[b * d + j] * e[b * d + j];
    }
    return ab / Math.sqrt(aa * bb);
  }

  @Test
  void charactersOfTheSameContextsStartNearEachOther() {
    float[] e = run(1);
    assertThat(cosine(e, 2, 3, 16)).isGreaterThan(cosine(e, 2, 6, 16) + 0.2).isGreaterThan(cosine(e, 3, 6, 16) + 0.2);
  }

  @Test
  void aNetworkWithoutBigramsAndPiecesOfOneCharacterAreTakenAsTheyAre() {
    List<TrainingData.Piece> pieces = new ArrayList<>(pieces());
    pieces.add(new TrainingData.Piece(new int[] {5}, new int[1]));
    Network net = new Network(new NetworkConfig(VOCAB, 16, new int[] {8}, 4, 0.5f, "uniform"));
    net.initialise(1);
    float[] conv = net.params().get(1).value.clone();
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    EmbeddingPretraining.run(net, pieces, 2, 1, log, false);
    float[] e = net.params().get(0).value;
    assertThat(cosine(e, 2, 3, 16)).isGreaterThan(cosine(e, 2, 6, 16) + 0.2);
    // only the embedding is replaced: the convolutions keep the trainer's random start
    assertThat(net.params().get(1).value).isEqualTo(conv);
  }

  @Test
  void theVectorsHaveTheSizeOfTheRandomStartAndASeedGivesTheSameOnes() {
    float[] e = run(1);
    double ss = 0;
    for (int i = 0; i < VOCAB * 16; i++) {
      ss += e[i] * e[i];
    }
    assertThat(Math.sqrt(ss / (VOCAB * 16))).isCloseTo(1 / Math.sqrt(3), org.assertj.core.api.Assertions.within(1e-4));
    assertThat(run(1)).isEqualTo(e);
    assertThat(run(2)).isNotEqualTo(e);
  }
}
