package dev.fenci.nn;

/**
 * IEEE 754 binary16 ("F16" in safetensors, and the bigram rows of a first-layer table) to and
 * from {@code float}; Java 17 has no such conversion built in. Rounding is to nearest, ties to
 * even; overflow gives infinity.
 */
public final class Half {
  private Half() {}

  /** Every half's float, so that decoding a table is one load per value (fast even in a cold JVM). */
  private static final class Table {
    static final float[] FLOATS = new float[0x10000];

    static {
      for (int h = 0; h < FLOATS.length; h++) {
        FLOATS[h] = toFloat((short) h);
      }
    }
  }

  /** Decodes {@code dest.length} little-endian halves from {@code bytes} (from its position). */
  public static void decode(java.nio.ByteBuffer bytes, float[] dest) {
    java.nio.ShortBuffer in = bytes.order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer();
    short[] chunk = new short[Math.min(dest.length, 4096)];
    float[] table = Table.FLOATS;
    for (int i = 0; i < dest.length; i += chunk.length) {
      int n = Math.min(chunk.length, dest.length - i);
      in.get(chunk, 0, n);
      for (int j = 0; j < n; j++) {
        dest[i + j] = table[chunk[j] & 0xFFFF];
      }
    }
  }

  public static short fromFloat(float f) {
    int bits = Float.floatToRawIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    int v = bits & 0x7FFFFFFF;
    if (v >= 0x7F800000) { // infinity or NaN (NaN keeps being a NaN)
      return (short) (sign | 0x7C00 | (v > 0x7F800000 ? 0x200 | ((v >>> 13) & 0x3FF) : 0));
    }
    if (v >= 0x477FF000) { // 65520 and above round to infinity
      return (short) (sign | 0x7C00);
    }
    if (v >= 0x38800000) { // a normal half: rebias the exponent, round away 13 mantissa bits
      int r = v - 0x38000000;
      r += 0xFFF + ((r >>> 13) & 1);
      return (short) (sign | (r >>> 13));
    }
    if (v < 0x33000000) { // at most 2^-25: rounds to zero
      return (short) sign;
    }
    // a subnormal half: m x 2^-24
    int exp = v >>> 23;
    int mant = (v & 0x7FFFFF) | 0x800000;
    int shift = 126 - exp;
    int m = mant >>> shift;
    int rest = mant & ((1 << shift) - 1);
    int halfway = 1 << (shift - 1);
    if (rest > halfway || (rest == halfway && (m & 1) == 1)) {
      m++;
    }
    return (short) (sign | m);
  }

  public static float toFloat(short h) {
    int b = h & 0xFFFF;
    int sign = (b & 0x8000) << 16;
    int exp = (b >>> 10) & 0x1F;
    int mant = b & 0x3FF;
    if (exp == 0x1F) {
      return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
    }
    if (exp == 0) {
      float v = mant * 0x1p-24f;
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }
}
