package dev.fenci.bench;

import java.util.Arrays;

/** Command-line checks and the statistics the benchmark tools print. */
final class Usage {
  private Usage() {}

  /** Prints {@code usage} (and the problem, if any) and exits: 0 for {@code --help}, 2 for a mistake. */
  static void exit(String usage, String problem) {
    if (problem == null) {
      System.out.println(usage);
      System.exit(0);
    }
    System.err.println(problem);
    System.err.println(usage);
    System.exit(2);
  }

  /** Exits with the usage when {@code args} asks for help. */
  static void helpIfAsked(String[] args, String usage) {
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        exit(usage, null);
      }
    }
  }

  /** The value after option {@code args[i]}, or the usage if there is none. */
  static String value(String[] args, int i, String usage) {
    if (i + 1 >= args.length) {
      exit(usage, args[i] + " needs a value");
    }
    return args[i + 1];
  }

  /** {@code value} as a number of at least {@code min}, or the usage. */
  static int atLeast(String value, int min, String what, String usage) {
    try {
      int v = Integer.parseInt(value);
      if (v >= min) {
        return v;
      }
    } catch (NumberFormatException e) {
      // the usage below
    }
    exit(usage, what + " must be a whole number of at least " + min + ", got " + value);
    return min;
  }

  /** {@code value} as a positive number, or the usage. */
  static double positive(String value, String what, String usage) {
    try {
      double v = Double.parseDouble(value);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // the usage below
    }
    exit(usage, what + " must be a positive number, got " + value);
    return 1;
  }

  /** The median (the mean of the middle two for an even count). */
  static double median(double[] v) {
    return quantile(v, 0.5);
  }

  /** The {@code q}-quantile by linear interpolation between the sorted values. */
  static double quantile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    double at = q * (s.length - 1);
    int lo = (int) Math.floor(at);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (at - lo) * (s[hi] - s[lo]);
  }

  /** Deletes a folder and what it holds, quietly (temporary files of a tool). */
  static void deleteTree(java.nio.file.Path dir) {
    if (dir == null || !java.nio.file.Files.exists(dir)) {
      return;
    }
    try (var paths = java.nio.file.Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
