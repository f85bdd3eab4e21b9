package dev.fenci.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * fenci's checksum of a model file: the metadata entry {@link #KEY} is the CRC-32C (files of
 * format version 1: {@link #LEGACY_KEY}, the SHA-256) of every other metadata entry (sorted by
 * key, each as key NUL value NUL) followed by the whole data section. See docs/model-format.md.
 */
final class Checksum {
  /** The checksum written: CRC-32C, 8 hex digits; a cold JVM computes it in milliseconds. */
  static final String KEY = "crc32c";
  /** The checksum of format version 1 files, still read: it cost a cold JVM 150-250 ms. */
  static final String LEGACY_KEY = "sha256";

  private Checksum() {}

  /**
   * Refuses a file whose metadata has no checksum (another program's safetensors file, or a
   * damaged fenci one) or one that does not match the metadata and the data section;
   * {@code source} names the file in error messages.
   */
  static void verify(Map<String, String> metadata, ByteBuffer data, String source) throws ModelFormatException {
    boolean legacy = !metadata.containsKey(KEY);
    String expected = metadata.get(legacy ? LEGACY_KEY : KEY);
    if (expected == null) {
      String format = metadata.get("format");
      if (!Model.FORMAT.equals(format)) { // another program's safetensors file, not a damaged fenci one
        throw new ModelFormatException(source, "not a fenci model: a safetensors file " + (format == null
            ? "without fenci's metadata (no format '" + Model.FORMAT + "'" : "of another program (format '" + format + "'")
            + ", no checksum), another program's weights perhaps; fenci reads the models that 'fenci train' writes"
            + " and its presets ('fenci models' lists them)");
      }
      throw new ModelFormatException(source, "no checksum: not a fenci model file");
    }
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.remove(KEY);
    meta.remove(LEGACY_KEY);
    String actual = legacy ? sha256(meta, data.duplicate()) : crc32c(meta, data.duplicate());
    if (!actual.equals(expected)) {
      throw new ModelFormatException(source, "checksum mismatch (the file is damaged or was modified)");
    }
  }

  /** CRC-32C of the metadata (sorted by key, each as key NUL value NUL) and then the data. */
  static String crc32c(Map<String, String> meta, ByteBuffer data) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    for (Map.Entry<String, String> e : new TreeMap<>(meta).entrySet()) {
      crc.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      crc.update(0);
      crc.update(e.getValue().getBytes(StandardCharsets.UTF_8));
      crc.update(0);
    }
    crc.update(data);
    return String.format("%08x", crc.getValue());
  }

  /** The same over SHA-256: the checksum of version 1 files. */
  static String sha256(Map<String, String> meta, ByteBuffer data) {
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
