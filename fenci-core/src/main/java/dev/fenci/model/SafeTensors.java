package dev.fenci.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the safetensors layout (an 8-byte little-endian header length, a JSON header,
 * then little-endian arrays) with fenci's checksum: the metadata entry {@code sha256} is the
 * SHA-256 of every other metadata entry (sorted by key, each as key NUL value NUL) followed by the
 * whole data section. Tensors are F32 or I32. See docs/model-format.md.
 */
public final class SafeTensors {
  static final String CHECKSUM = "sha256";
  private static final long MAX_HEADER = 64L << 20;

  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final Map<String, Object> tensors = new LinkedHashMap<>();
  private final Map<String, int[]> shapes = new LinkedHashMap<>();

  public Map<String, String> metadata() {
    return metadata;
  }

  public SafeTensors put(String name, float[] data, int... shape) {
    check(name, data.length, shape);
    tensors.put(name, data);
    shapes.put(name, shape.clone());
    return this;
  }

  public SafeTensors put(String name, int[] data, int... shape) {
    check(name, data.length, shape);
    tensors.put(name, data);
    shapes.put(name, shape.clone());
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

  public float[] floats(String name) {
    Object t = tensors.get(name);
    if (!(t instanceof float[] f)) {
      throw new IllegalArgumentException("no F32 tensor " + name);
    }
    return f;
  }

  public int[] ints(String name) {
    Object t = tensors.get(name);
    if (!(t instanceof int[] f)) {
      throw new IllegalArgumentException("no I32 tensor " + name);
    }
    return f;
  }

  public List<String> names() {
    return new ArrayList<>(tensors.keySet());
  }

  /** The file as bytes. */
  public byte[] toBytes() {
    long dataSize = 0;
    for (Object t : tensors.values()) {
      dataSize += 4L * (t instanceof float[] f ? f.length : ((int[]) t).length);
    }
    ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(dataSize)).order(ByteOrder.LITTLE_ENDIAN);
    Map<String, Object> header = new LinkedHashMap<>();
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.remove(CHECKSUM);
    for (Map.Entry<String, Object> e : tensors.entrySet()) {
      long begin = data.position();
      Object t = e.getValue();
      String dtype;
      if (t instanceof float[] f) {
        dtype = "F32";
        data.asFloatBuffer().put(f);
        data.position(data.position() + 4 * f.length);
      } else {
        int[] a = (int[]) t;
        dtype = "I32";
        data.asIntBuffer().put(a);
        data.position(data.position() + 4 * a.length);
      }
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("dtype", dtype);
      info.put("shape", shapes.get(e.getKey()));
      info.put("data_offsets", List.of(begin, (long) data.position()));
      header.put(e.getKey(), info);
    }
    byte[] dataBytes = data.array();
    meta.put(CHECKSUM, checksum(meta, dataBytes));
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

  /**
   * Writes atomically: to a temporary file beside {@code path}, flushed to disk, then renamed over
   * it, so that a crash leaves either the old file or the new one.
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

  void write(Path path, Opener opener) throws IOException {
    byte[] bytes = toBytes();
    Path abs = path.toAbsolutePath();
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

  public static SafeTensors read(Path path) throws IOException {
    return read(Files.readAllBytes(path), path.toString());
  }

  /** Parses a file's bytes; {@code source} names the file in error messages. */
  public static SafeTensors read(byte[] bytes, String source) throws ModelFormatException {
    if (bytes.length == 0) {
      throw new ModelFormatException(source, "the file is empty");
    }
    if (bytes.length < 10) {
      throw new ModelFormatException(source, "too short to be a model file (" + bytes.length + " bytes)");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLen = buf.getLong();
    if (headerLen <= 0 || headerLen > MAX_HEADER || headerLen > bytes.length - 8) {
      throw new ModelFormatException(source, "not a safetensors model file, or truncated (header length "
          + headerLen + ", file length " + bytes.length + ")");
    }
    String headerText = new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8);
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
    int dataLen = bytes.length - dataStart;
    SafeTensors st = new SafeTensors();
    if (header.get("__metadata__") instanceof Map<?, ?> meta) {
      for (Map.Entry<?, ?> e : meta.entrySet()) {
        st.metadata.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
      }
    }
    long maxEnd = 0;
    ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, dataLen).slice().order(ByteOrder.LITTLE_ENDIAN);
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
          count *= shape[k];
        }
        long begin = (Long) offs.get(0);
        long end = (Long) offs.get(1);
        if (begin < 0 || end > dataLen || end - begin != 4 * count) {
          throw new ModelFormatException(source, "tensor " + name + " lies outside the file (data "
              + begin + ".." + end + " of " + dataLen + " bytes): the file is truncated or damaged");
        }
        maxEnd = Math.max(maxEnd, end);
        ByteBuffer slice = data.duplicate().position((int) begin).limit((int) end).slice().order(ByteOrder.LITTLE_ENDIAN);
        if ("F32".equals(dtype)) {
          float[] f = new float[(int) count];
          slice.asFloatBuffer().get(f);
          st.put(name, f, shape);
        } else if ("I32".equals(dtype)) {
          int[] a = new int[(int) count];
          slice.asIntBuffer().get(a);
          st.put(name, a, shape);
        } else {
          throw new ModelFormatException(source, "tensor " + name + " has unsupported dtype " + dtype);
        }
      } catch (ClassCastException | NullPointerException | ArithmeticException | IndexOutOfBoundsException ex) {
        throw new ModelFormatException(source, "damaged header entry for tensor " + name);
      }
    }
    String expected = st.metadata.get(CHECKSUM);
    if (expected == null) {
      throw new ModelFormatException(source, "no checksum: not a fenci model file");
    }
    Map<String, String> meta = new LinkedHashMap<>(st.metadata);
    meta.remove(CHECKSUM);
    byte[] dataBytes = new byte[dataLen];
    System.arraycopy(bytes, dataStart, dataBytes, 0, dataLen);
    String actual = checksum(meta, dataBytes);
    if (!actual.equals(expected)) {
      throw new ModelFormatException(source, "checksum mismatch (the file is damaged or was modified)");
    }
    return st;
  }

  static String checksum(Map<String, String> meta, byte[] data) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> e : new TreeMap<>(meta).entrySet()) {
        md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      md.update(data);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
