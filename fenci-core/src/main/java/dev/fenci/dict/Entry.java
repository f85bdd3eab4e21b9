package dev.fenci.dict;

/**
 * A dictionary word and its multiplier. The multiplier scales, wherever the word occurs, the
 * probability of the tags that make that occurrence one word; {@code +Infinity} forces it.
 */
public record Entry(String word, double multiplier) {
  /** The multiplier a line with a bare word gets. */
  public static final double DEFAULT_MULTIPLIER = 10.0;

  public Entry {
    if (word == null || word.isEmpty()) {
      throw new IllegalArgumentException("a dictionary word cannot be empty");
    }
    if (!(multiplier > 0) || Double.isNaN(multiplier)) {
      throw new IllegalArgumentException("multiplier of '" + word + "' must be a positive number or inf, got " + multiplier);
    }
  }

  /** An entry that keeps the word whole wherever it occurs. */
  public static Entry forced(String word) {
    return new Entry(word, Double.POSITIVE_INFINITY);
  }

  public boolean isForced() {
    return multiplier == Double.POSITIVE_INFINITY;
  }
}
