package dev.fenci.decode;

import java.util.Arrays;

/** A growable int array (word ends, as {@link Decoder#prefixEnds} appends them). */
public final class IntList {
  private int[] a = new int[16];
  private int n;

  public void add(int v) {
    if (n == a.length) {
      a = Arrays.copyOf(a, n * 2);
    }
    a[n++] = v;
  }

  public int[] toArray() {
    return Arrays.copyOf(a, n);
  }

  public int size() {
    return n;
  }

  public int get(int i) {
    return a[i];
  }

  public void clear() {
    n = 0;
  }
}
