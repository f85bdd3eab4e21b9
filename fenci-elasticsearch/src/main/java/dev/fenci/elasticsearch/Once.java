package dev.fenci.elasticsearch;

import java.util.function.Supplier;

/** A value made on first use, once, by whichever thread asks first. */
final class Once<T> implements Supplier<T> {
  private final Supplier<T> make;
  private volatile T made;

  Once(Supplier<T> make) {
    this.make = make;
  }

  @Override
  public T get() {
    T t = made;
    if (t == null) {
      synchronized (this) {
        t = made;
        if (t == null) {
          made = t = make.get();
        }
      }
    }
    return t;
  }

  /** The value if it was made, else null. */
  T ifMade() {
    return made;
  }
}
