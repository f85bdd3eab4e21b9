package dev.fenci.model;

import dev.fenci.nn.Half;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors layout (an 8-byte little-endian header length, a JSON header,
 * then little-endian arrays) with fenci's checksum (the metadata entry {@code crc32c}, see
 * {@code Checksum}). Tensors are F32, F16 (read into floats),
 * I8 with a scale per row (a quantised float tensor {@code X}: the I8 tensor {@code X} and the F32
 * tensor {@code X.scale}, one value per row, read as one float tensor) or I32. See docs/model-format.md.
 */
public final class SafeTensors {
  private static final long MAX_HEADER = 64L << 20;

  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final Map<String, Object> tensors = new LinkedHashMap<>();
  private final Map<String, int[]> shapes = new LinkedHashMap<>();
  /** Float tensors stored as 16-bit floats. */
  private final java.util.Set<String> half = new java.util.HashSet<>();

  public Map<String, String> metadata() {
    return metadata;
  }

  public SafeTensors put(String name, float[] data, int... shape) {
    check(name, data.length, shape);
    checkNotAScale(name);
    tensors.put(name, data);
    shapes.put(name, shape.clone());
    half.remove(name);
    return this;
  }

  /**
   * A float tensor to be stored as 16-bit floats (F16): half the bytes, values rounded to the
   * nearest half (about 3 significant digits; magnitudes above 65,504 become infinite).
   */
  public SafeTensors putHalf(String name, float[] data, int... shape) {
    put(name, data, shape);
    half.add(name);
    return this;
  }

  /** Suffix of the F32 tensor that holds the row scales of a quantised (I8) tensor. */
  public static final String SCALE = ".scale";
  /** Largest level of a quantised value: levels run from -127 to 127. */
  static final int LEVELS = 127;

  /**
   * A float tensor of two or more dimensions to be stored as 8-bit levels with one scale per row
   * (its first dimension): a quarter of the bytes of F32. Each row's scale is its largest
   * magnitude / 127, each value the nearest level times that scale (an error of at most half a
   * scale step: 0.4% of the row's largest value).
   */
  public SafeTensors putQuantised(String name, float[] data, int... shape) {
    check(name, data.length, shape);
    if (shape.length < 2) {
      throw new IllegalArgumentException("tensor " + name + " needs rows to be quantised (shape of 2 or more dimensions)");
    }
    if (name.endsWith(SCALE) || tensors.containsKey(name + SCALE)) {
      throw new IllegalArgumentException("tensor " + name + " cannot be quantised: its scales would be stored as "
          + name + SCALE + (name.endsWith(SCALE) ? ", a name ending in " + SCALE : ", a tensor that exists"));
    }
    int rows = shape[0];
    int cols = rows == 0 ? 0 : data.length / rows;
    byte[] levels = new byte[data.length];
    float[] scales = new float[rows];
    for (int r = 0; r < rows; r++) {
      float max = 0;
      for (int j = r * cols; j < (r + 1) * cols; j++) {
        if (!Float.isFinite(data[j])) {
          throw new IllegalArgumentException("tensor " + name + " holds " + data[j] + " at " + j + ": cannot be quantised");
        }
        max = Math.max(max, Math.abs(data[j]));
      }
      float scale = rowScale(max);
      scales[r] = scale;
      for (int j = r * cols; j < (r + 1) * cols; j++) {
        levels[j] = scale == 0 ? 0 : (byte) Math.max(-LEVELS, Math.min(LEVELS, Math.round(data[j] / scale)));
      }
    }
    tensors.put(name, new Levels(levels, scales));
    shapes.put(name, shape.clone());
    half.remove(name);
    return this;
  }

  /**
   * The scale of a row whose largest magnitude is {@code max}: {@code max / 127}, or the float
   * beside it whose 127 times is exactly {@code max}, so that a row read from a file (levels times
   * a scale) is quantised again to the same levels and scale: saving a loaded model keeps its values.
   */
  private static float rowScale(float max) {
    float s = max / LEVELS;
    for (float c : new float[] {s, Math.nextDown(s), Math.nextUp(s)}) {
      if (c * LEVELS == max) {
        return c;
      }
    }
    return s;
  }

  /** Refuses a tensor named as the scales of a quantised one (the file would hold two tensors of that name). */
  private void checkNotAScale(String name) {
    if (name.endsWith(SCALE) && tensors.get(name.substring(0, name.length() - SCALE.length())) instanceof Levels) {
      throw new IllegalArgumentException("tensor " + name + " would collide with the scales of the quantised tensor "
          + name.substring(0, name.length() - SCALE.length()));
    }
  }

  /**
   * A quantised tensor's 8-bit levels and row scales (value = level times its row's scale), or
   * null if the tensor is not quantised.
   */
  public Levels levels(String name) {
    return tensors.get(name) instanceof Levels l ? l : null;
  }

  /** The 8-bit levels of a quantised tensor, row after row, and one scale per row. */
  public record Levels(byte[] levels, float[] rowScales) {
    void decodeInto(float[] dest) {
      int rows = rowScales.length;
      dev.fenci.nn.Param.quantised("levels", levels, rowScales, rows, rows == 0 ? 0 : levels.length / rows)
          .copy(0, levels.length, dest, 0);
    }
  }

  /** Whether a float tensor is (or will be) stored as F16. */
  public boolean isHalf(String name) {
    return half.contains(name);
  }

  public SafeTensors put(String name, int[] data, int... shape) {
    check(name, data.length, shape);
    checkNotAScale(name);
    tensors.put(name, data);
    shapes.put(name, shape.clone());
    half.remove(name); // an int tensor replacing a half float one is stored as I32
    return this;
  }

  private static void check(String name, int size, int[] shape) {
    long n = 1;
    for (int s : shape) {
      n *= s;
    }
    if (n != size) {
      throw new IllegalArgumentException("tensor " + name + " has " + size + " values, shape says " + n);
    }
  }

  public boolean has(String name) {
    return tensors.containsKey(name);
  }

  public int[] shape(String name) {
    return shapes.get(name).clone();
  }

  /** A float tensor's values (F32, or F16 widened to floats). */
  public float[] floats(String name) {
    Object t = tensors.get(name);
    if (t instanceof Levels l) {
      float[] f = new float[l.levels().length];
      l.decodeInto(f);
      return f;
    }
    if (t instanceof Stored s) {
      float[] f = new float[s.count()];
      s.decodeInto(f);
      tensors.put(name, f);
      return f;
    }
    if (!(t instanceof float[] f)) {
      throw new IllegalArgumentException(missing(name, t, true));
    }
    return f;
  }

  /**
   * Copies a float tensor's values into {@code dest} (of its size); a tensor read from a file is
   * decoded straight from the file's bytes, without an intermediate array.
   */
  public void readFloats(String name, float[] dest) {
    Object t = tensors.get(name);
    int size = t instanceof Stored s ? s.count() : t instanceof float[] f ? f.length
        : t instanceof Levels l ? l.levels().length : -1;
    if (size < 0) {
      throw new IllegalArgumentException(missing(name, t, true));
    }
    if (size != dest.length) {
      throw new IllegalArgumentException("tensor " + name + " has " + size + " values, not " + dest.length);
    }
    if (t instanceof Stored s) {
      s.decodeInto(dest);
    } else if (t instanceof Levels l) {
      l.decodeInto(dest);
    } else {
      System.arraycopy((float[]) t, 0, dest, 0, size);
    }
  }

  /**
   * The raw 16-bit floats of a tensor stored as F16 in a file that was read (the bits of IEEE
   * half floats, as {@code Half.toFloat} reads them); null for any other tensor.
   */
  public short[] halves(String name) {
    if (tensors.get(name) instanceof Stored s && s.half()) {
      short[] h = new short[s.count()];
      s.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(h);
      return h;
    }
    return null;
  }

  /** A float tensor as it lies in a file that was read, decoded when asked for. */
  private record Stored(boolean half, ByteBuffer bytes, int count) {
    void decodeInto(float[] dest) {
      ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      if (half) {
        Half.decode(b, dest);
      } else {
        b.asFloatBuffer().get(dest);
      }
    }
  }

  /**
   * An integer tensor's values, in a new array at every call that the caller owns (a tensor of a
   * file that was read is decoded from the file's bytes: the loader keeps no second copy of what
   * the model keeps).
   */
  public int[] ints(String name) {
    Object t = tensors.get(name);
    if (t instanceof StoredInts s) {
      return s.decode();
    }
    if (!(t instanceof int[] f)) {
      throw new IllegalArgumentException(missing(name, t, false));
    }
    return f.clone();
  }

  /**
   * Why tensor {@code name} (its content {@code t}, null if absent) is not a float tensor
   * ({@code floats}) or an integer one: a damaged dtype in a file's tensor table (which the
   * checksum does not cover) is named with what the tensor holds.
   */
  private static String missing(String name, Object t, boolean floats) {
    if (t == null) {
      return (floats ? "no float tensor " : "no I32 tensor ") + name;
    }
    return "tensor " + name
        + (floats ? " holds integers (I32), not floats" : " holds floats (F32, F16 or I8), not integers (I32)");
  }

  public List<String> names() {
    return new ArrayList<>(tensors.keySet());
  }

  /** An integer tensor as it lies in a file that was read, decoded when asked for. */
  private record StoredInts(ByteBuffer bytes, int count) {
    int[] decode() {
      int[] a = new int[count];
      bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(a);
      return a;
    }
  }

  /** Decodes every tensor still in its stored form (before writing). */
  private void materialise() {
    for (String name : names()) {
      if (tensors.get(name) instanceof Stored) {
        floats(name);
      } else if (tensors.get(name) instanceof StoredInts s) {
        tensors.put(name, s.decode());
      }
    }
  }

  /** The file as bytes. */
  public byte[] toBytes() {
    materialise();
    long dataSize = 0;
    for (Map.Entry<String, Object> e : tensors.entrySet()) {
      Object t = e.getValue();
      dataSize += t instanceof float[] f ? (half.contains(e.getKey()) ? 2L : 4L) * f.length
          : t instanceof Levels l ? l.levels().length + 4L * l.rowScales().length : 4L * ((int[]) t).length;
    }
    ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(dataSize)).order(ByteOrder.LITTLE_ENDIAN);
    Map<String, Object> header = new LinkedHashMap<>();
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.remove(Checksum.KEY);
    meta.remove(Checksum.LEGACY_KEY);
    // 4-byte values first (F32, I32 and the scales of I8 tensors), then F16, then I8: every
    // tensor starts at a multiple of its width, as readers that view the bytes in place need
    for (int width : new int[] {4, 2, 1}) {
      for (Map.Entry<String, Object> e : tensors.entrySet()) {
        Object t = e.getValue();
        String name = e.getKey();
        long begin = data.position();
        if (t instanceof Levels l) {
          if (width == 4) {
            data.asFloatBuffer().put(l.rowScales());
            data.position(data.position() + 4 * l.rowScales().length);
            header.put(name + SCALE, info("F32", new int[] {l.rowScales().length}, begin, data.position()));
          } else if (width == 1) {
            data.put(l.levels());
            header.put(name, info("I8", shapes.get(name), begin, data.position()));
          }
        } else if (t instanceof float[] f && half.contains(name)) {
          if (width == 2) {
            for (float v : f) {
              data.putShort(Half.fromFloat(v));
            }
            header.put(name, info("F16", shapes.get(name), begin, data.position()));
          }
        } else if (width == 4 && t instanceof float[] f) {
          data.asFloatBuffer().put(f);
          data.position(data.position() + 4 * f.length);
          header.put(name, info("F32", shapes.get(name), begin, data.position()));
        } else if (width == 4) {
          int[] a = (int[]) t;
          data.asIntBuffer().put(a);
          data.position(data.position() + 4 * a.length);
          header.put(name, info("I32", shapes.get(name), begin, data.position()));
        }
      }
    }
    byte[] dataBytes = data.array();
    meta.put(Checksum.KEY, Checksum.crc32c(meta, ByteBuffer.wrap(dataBytes)));
    Map<String, Object> full = new LinkedHashMap<>();
    full.put("__metadata__", meta);
    full.putAll(header);
    byte[] h = Json.write(full).getBytes(StandardCharsets.UTF_8);
    int padded = (h.length + 7) / 8 * 8;
    ByteBuffer out = ByteBuffer.allocate(8 + padded + dataBytes.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(padded);
    out.put(h);
    for (int k = h.length; k < padded; k++) {
      out.put((byte) ' ');
    }
    out.put(dataBytes);
    return out.array();
  }

  private static Map<String, Object> info(String dtype, int[] shape, long begin, long end) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("dtype", dtype);
    info.put("shape", shape);
    info.put("data_offsets", List.of(begin, end));
    return info;
  }

  /**
   * Writes atomically: to a temporary file beside {@code path}, flushed to disk, then renamed over
   * it, so that a crash leaves either the old file or the new one. A symbolic link at {@code path}
   * is written through (the file it names is replaced, the link stays); a path that exists but is
   * not a regular file (a directory, a device such as {@code /dev/null}, a pipe) is refused.
   */
  public void write(Path path) throws IOException {
    write(path, tmp -> {
      var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE,
          java.nio.file.StandardOpenOption.CREATE_NEW);
      return new java.io.FilterOutputStream(java.nio.channels.Channels.newOutputStream(ch)) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          try {
            out.flush();
            ch.force(true); // on disk before the rename
          } finally {
            super.close();
          }
        }
      };
    });
  }

  /** How {@link #write(Path)} opens its temporary file (tests substitute failing streams). */
  interface Opener {
    OutputStream open(Path tmp) throws IOException;
  }

  /**
   * Refuses, before any work, a path that {@link #write(Path)} could not write: an empty name, an
   * existing directory, device, pipe or socket (also behind a symbolic link), or a missing or
   * read-only directory.
   */
  public static void checkWritable(Path path) throws IOException {
    if (path.toString().isEmpty()) {
      throw new IOException("the model file's name is empty; give the path to write the model to");
    }
    Path abs = target(path);
    Path dir = abs.getParent();
    String whose = abs.equals(path.toAbsolutePath()) ? "its directory" : "the directory of " + abs + ", which it links to,";
    if (dir == null || !Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(path.toString(), null, whose + " does not exist");
    }
    if (!Files.isWritable(dir)) {
      throw new java.nio.file.AccessDeniedException(path.toString(), null, whose + " is not writable");
    }
  }

  /**
   * The file that writing {@code path} replaces: the path itself, or the file its symbolic links
   * lead to; refused when that exists and is not a regular file.
   */
  static Path target(Path path) throws IOException {
    Path abs = path.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(abs); hops++) {
      if (hops == 40) {
        throw new java.nio.file.FileSystemException(path.toString(), null, "too many levels of symbolic links");
      }
      abs = abs.resolveSibling(Files.readSymbolicLink(abs)); // a relative link is relative to its directory
    }
    if (Files.isDirectory(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new java.nio.file.FileSystemException(path.toString(), null,
          "is a directory; give the path of a file to write");
    }
    if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new java.nio.file.FileSystemException(path.toString(), null,
          "is not a regular file (a device, a pipe or a socket) and would be replaced; give the path of a file to write");
    }
    return abs;
  }

  void write(Path path, Opener opener) throws IOException {
    byte[] bytes = toBytes();
    Path abs = target(path);
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = abs.resolveSibling(abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
    try {
      try (OutputStream os = opener.open(tmp)) {
        os.write(bytes);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IOException("cannot write " + path + " (" + e.getMessage() + "); the previous file, if any, is unchanged", e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The largest file read: one Java array holds it (fenci's models are tens of MB). */
  static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  public static SafeTensors read(Path path) throws IOException {
    long size = Files.size(path);
    if (size > MAX_FILE_BYTES) {
      throw new ModelFormatException(path.toString(), String.format(java.util.Locale.ROOT,
          "%,d bytes: larger than any model fenci can read (at most %,d bytes)", size, MAX_FILE_BYTES));
    }
    try (InputStream in = new java.io.FileInputStream(path.toFile())) {
      return read(in, size, path.toString());
    }
  }

  /**
   * Parses the {@code size} bytes of a model file from {@code in} (a jar's resource, say);
   * {@code source} names the file in error messages.
   */
  public static SafeTensors read(InputStream in, long size, String source) throws IOException {
    if (size < 0 || size > MAX_FILE_BYTES) {
      throw new ModelFormatException(source, String.format(java.util.Locale.ROOT,
          "%,d bytes: not a size fenci can read (at most %,d bytes)", size, MAX_FILE_BYTES));
    }
    return read(readFully(in, (int) size, source), source);
  }

  /**
   * The {@code size} bytes of a model file from {@code in}, off the heap when the JVM's direct
   * memory has room (the heap then holds only the model's arrays, not the file's bytes beside
   * them while it loads), else in a heap buffer. Read through a plain stream, so that a thread
   * whose interrupt flag is set still loads (an interruptible channel would close).
   */
  private static ByteBuffer readFully(InputStream in, int size, String source) throws IOException {
    ByteBuffer bytes;
    try {
      bytes = ByteBuffer.allocateDirect(size);
    } catch (OutOfMemoryError e) { // -XX:MaxDirectMemorySize below the file's size
      bytes = ByteBuffer.allocate(size);
    }
    byte[] chunk = new byte[Math.min(size, 1 << 16)];
    while (bytes.hasRemaining()) {
      int n = in.read(chunk, 0, Math.min(chunk.length, bytes.remaining()));
      if (n < 0) {
        throw new ModelFormatException(source, "the file ended early while it was read (" + bytes.position()
            + " of " + size + " bytes; did it change?)");
      }
      bytes.put(chunk, 0, n);
    }
    if (in.read() != -1) {
      throw new ModelFormatException(source, "the file grew while it was read (more than " + size + " bytes)");
    }
    return bytes.flip();
  }

  /** Parses a file's bytes; {@code source} names the file in error messages. */
  public static SafeTensors read(byte[] bytes, String source) throws ModelFormatException {
    return read(ByteBuffer.wrap(bytes), source);
  }

  /**
   * Parses a file's bytes from the buffer's position to its limit (a heap or a direct buffer;
   * the tensors read from it refer to it until they are decoded); {@code source} names the file
   * in error messages.
   */
  private static SafeTensors read(ByteBuffer file, String source) throws ModelFormatException {
    ByteBuffer buf = file.slice().order(ByteOrder.LITTLE_ENDIAN);
    int length = buf.remaining();
    if (length == 0) {
      throw new ModelFormatException(source, "the file is empty");
    }
    if (length < 10) {
      throw new ModelFormatException(source, "too short to be a model file (" + length + " bytes)");
    }
    // the magic numbers of gzip (deflate) and zip: header lengths no fenci file has (odd, or above MAX_HEADER)
    if ((buf.get(0) & 0xff) == 0x1f && (buf.get(1) & 0xff) == 0x8b && buf.get(2) == 8) {
      throw new ModelFormatException(source, "not a model file but gzip-compressed data: decompress it first"
          + " (gunzip -k FILE) and give the result");
    }
    if (buf.get(0) == 'P' && buf.get(1) == 'K' && buf.get(2) == 3 && buf.get(3) == 4) {
      throw new ModelFormatException(source, "not a model file but a zip archive: extract the .safetensors file"
          + " from it (unzip) and give that");
    }
    long headerLen = buf.getLong();
    if (headerLen <= 0 || headerLen > MAX_HEADER) {
      throw new ModelFormatException(source, "not a model file: a safetensors file starts with the length of its"
          + " JSON header (8 bytes) and then the header, and this one does not");
    }
    if (headerLen > length - 8) {
      throw new ModelFormatException(source, "truncated: its header alone needs " + (headerLen + 8)
          + " bytes, and the file has " + length + " (an interrupted download or copy?)");
    }
    byte[] headerBytes = new byte[(int) headerLen];
    buf.get(headerBytes);
    String headerText = new String(headerBytes, StandardCharsets.UTF_8);
    if (!headerText.startsWith("{")) {
      throw new ModelFormatException(source, "not a safetensors model file (no JSON header)");
    }
    Map<?, ?> header;
    try {
      Object parsed = Json.parse(headerText.strip());
      if (!(parsed instanceof Map<?, ?> m)) {
        throw new ModelFormatException(source, "header is not a JSON object");
      }
      header = m;
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(source, "damaged header: " + e.getMessage());
    }
    int dataStart = 8 + (int) headerLen;
    int dataLen = length - dataStart;
    SafeTensors st = new SafeTensors();
    if (header.get("__metadata__") instanceof Map<?, ?> meta) {
      for (Map.Entry<?, ?> e : meta.entrySet()) {
        st.metadata.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
      }
    }
    ByteBuffer data = buf.duplicate().position(dataStart).slice().order(ByteOrder.LITTLE_ENDIAN);
    Map<String, byte[]> quantised = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : header.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (name.equals("__metadata__")) {
        continue;
      }
      try {
        Map<?, ?> info = (Map<?, ?>) e.getValue();
        String dtype = (String) info.get("dtype");
        List<?> shapeList = (List<?>) info.get("shape");
        List<?> offs = (List<?>) info.get("data_offsets");
        int[] shape = new int[shapeList.size()];
        long count = 1;
        for (int k = 0; k < shape.length; k++) {
          shape[k] = Math.toIntExact((Long) shapeList.get(k));
          if (shape[k] < 0 || (shape[k] > 0 && count > Integer.MAX_VALUE / shape[k])) {
            throw new ModelFormatException(source, "tensor " + name + " has an impossible shape " + shapeList);
          }
          count *= shape[k];
        }
        long begin = (Long) offs.get(0);
        long end = (Long) offs.get(1);
        long width = switch (dtype) { // no dtype: a NullPointerException, a damaged entry
          case "F32", "I32" -> 4;
          case "F16" -> 2;
          case "I8" -> 1;
          default -> throw new ModelFormatException(source, "tensor " + name + " has unsupported dtype " + dtype);
        };
        if (begin < 0 || end < begin || end - begin != width * count) {
          // the checksum does not cover the tensor table: a damaged shape or offset, not a short file
          throw new ModelFormatException(source, "tensor " + name + ": shape " + shapeList + " of " + dtype + " needs "
              + width * count + " bytes, but its data_offsets [" + begin + ", " + end + "] "
              + (begin < 0 || end < begin ? "are no range of bytes" : "hold " + (end - begin))
              + ": the file's header is damaged");
        }
        if (end > dataLen) {
          throw new ModelFormatException(source, "tensor " + name + " lies outside the file (data "
              + begin + ".." + end + " of " + dataLen + " bytes): the file is truncated or damaged");
        }
        ByteBuffer slice = data.duplicate().position((int) begin).limit((int) end).slice().order(ByteOrder.LITTLE_ENDIAN);
        if ("F32".equals(dtype) || "F16".equals(dtype)) {
          boolean isHalf = "F16".equals(dtype);
          st.tensors.put(name, new Stored(isHalf, slice, (int) count));
          st.shapes.put(name, shape);
          if (isHalf) {
            st.half.add(name);
          }
        } else if ("I32".equals(dtype)) {
          st.tensors.put(name, new StoredInts(slice, (int) count));
          st.shapes.put(name, shape);
        } else { // I8
          byte[] a = new byte[(int) count];
          slice.get(a);
          quantised.put(name, a);
          st.shapes.put(name, shape);
        }
      } catch (ClassCastException | NullPointerException | ArithmeticException | IndexOutOfBoundsException ex) {
        throw new ModelFormatException(source, "damaged header entry for tensor " + name);
      }
    }
    for (Map.Entry<String, byte[]> q : quantised.entrySet()) {
      String name = q.getKey();
      int[] shape = st.shapes.get(name);
      String scaleName = name + SCALE;
      if (shape.length < 2 || !st.has(scaleName) || !java.util.Arrays.equals(st.shape(scaleName), new int[] {shape[0]})
          || st.isHalf(scaleName) || !(st.tensors.get(scaleName) instanceof Stored)) {
        throw new ModelFormatException(source, "I8 tensor " + name + " needs an F32 tensor " + scaleName
            + " of one scale per row (" + (shape.length < 2 ? "and two or more dimensions" : shape[0] + " values") + ")");
      }
      float[] scales = st.floats(scaleName);
      st.tensors.remove(scaleName);
      st.shapes.remove(scaleName);
      st.tensors.put(name, new Levels(q.getValue(), scales));
    }
    Checksum.verify(st.metadata, data, source);
    return st;
  }
}
