package dev.fenci.nn;

import dev.fenci.tag.Tag;
import java.util.Locale;

/**
 * Learned tag transition scores of a linear-chain CRF output layer: one score for each legal
 * transition between the tags of consecutive characters, for each legal first tag and for each
 * legal last tag. A tag path scores the sum of its characters' tag scores plus these.
 *
 * <p>One parameter, {@value #NAME}, of shape {@code [6, 4]}: row {@code f < 4} holds the scores of
 * the transitions from tag f to each tag (S, B, M, E), row {@value #START} the scores of starting
 * with each tag, row {@value #END} those of ending with each. Illegal entries (S or E to M or E,
 * B or M to S or B, starting with M or E, ending with B or M) are negative infinity: they are not
 * parameters, get no gradient and never change. The legal ones start at 0, where a path scores
 * the sum of its tag scores alone (the uniform transitions of a model without this layer).
 */
public final class Transitions {
  /** Name of the parameter (and of the model file's tensor). */
  public static final String NAME = "crf.transitions";
  /** Row of the start scores. */
  public static final int START = 4;
  /** Row of the end scores. */
  public static final int END = 5;
  static final int ROWS = 6;

  private final Param param = new Param(NAME, ROWS, Tag.COUNT);

  /** Legal entries 0, illegal ones negative infinity. */
  public Transitions() {
    for (int i = 0; i < param.size(); i++) {
      param.value[i] = legal(i / Tag.COUNT, i % Tag.COUNT) ? 0f : Float.NEGATIVE_INFINITY;
    }
  }

  /**
   * Scores from a model file ({@code 6 x 4}, row-major as above).
   *
   * @throws IllegalArgumentException unless every legal entry is finite and every illegal one is
   *                                  negative infinity
   */
  public static Transitions of(float[] values) {
    if (values.length != ROWS * Tag.COUNT) {
      throw new IllegalArgumentException(NAME + " has " + values.length + " values, expected " + ROWS * Tag.COUNT);
    }
    for (int i = 0; i < values.length; i++) {
      float v = values[i];
      boolean legal = legal(i / Tag.COUNT, i % Tag.COUNT);
      if (legal ? !Float.isFinite(v) : v != Float.NEGATIVE_INFINITY) {
        throw new IllegalArgumentException(NAME + "[" + i / Tag.COUNT + "][" + i % Tag.COUNT + "] is " + v
            + (legal ? ", a legal entry must be finite" : ", an illegal entry must be -Infinity"));
      }
    }
    Transitions t = new Transitions();
    System.arraycopy(values, 0, t.param.value, 0, values.length);
    return t;
  }

  /** Whether entry {@code (row, tag)} is a legal transition (row < 4), start or end. */
  public static boolean legal(int row, int tag) {
    Tag t = Tag.of(tag);
    if (row == START) {
      return t.startsWord();
    }
    if (row == END) {
      return t.endsWord();
    }
    return Tag.of(row).canPrecede(t);
  }

  /** The parameter (for the optimiser, checkpoints and the model file). */
  public Param param() {
    return param;
  }

  /** Score of tag {@code to} after tag {@code from}. */
  public float transition(int from, int to) {
    return param.value[from * Tag.COUNT + to];
  }

  /** Score of starting a sequence with {@code tag}. */
  public float start(int tag) {
    return param.value[START * Tag.COUNT + tag];
  }

  /** Score of ending a sequence with {@code tag}. */
  public float end(int tag) {
    return param.value[END * Tag.COUNT + tag];
  }

  /**
   * The legal entries, three decimals each: {@code S>S -0.412 S>B 0.103 B>M ...; start S ... B ...; end S ... E ...}
   * (the illegal ones are always negative infinity and not shown).
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    Tag[] tags = Tag.values();
    for (int r = 0; r < ROWS; r++) {
      sb.append(r == START ? "; start" : r == END ? "; end" : "");
      for (int t = 0; t < Tag.COUNT; t++) {
        if (legal(r, t)) {
          sb.append(sb.length() == 0 ? "" : " ").append(r < START ? tags[r] + ">" + tags[t] : tags[t].toString())
              .append(String.format(Locale.ROOT, " %.3f", param.value[r * Tag.COUNT + t]));
        }
      }
    }
    return sb.toString();
  }
}
