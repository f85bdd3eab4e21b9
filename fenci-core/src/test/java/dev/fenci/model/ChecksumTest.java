package dev.fenci.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecksumTest {
  /**
   * The checksums' bytes are part of the file format: every metadata key and value, each followed
   * by NUL, sorted by key, then the data.
   */
  @Test
  void theChecksumsCoverEveryMetadataKeyAndValueAndTheData() throws Exception {
    Map<String, String> meta = new java.util.HashMap<>(Map.of("b", "2", "a", "1"));
    byte[] data = {1, 2, 3};
    java.io.ByteArrayOutputStream covered = new java.io.ByteArrayOutputStream();
    covered.writeBytes("a\u00001\u0000b\u00002\u0000".getBytes(StandardCharsets.UTF_8));
    covered.writeBytes(data);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(covered.toByteArray());
    assertThat(Checksum.crc32c(meta, java.nio.ByteBuffer.wrap(data))).isEqualTo(String.format("%08x", crc.getValue()));
    byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(covered.toByteArray());
    assertThat(Checksum.sha256(meta, java.nio.ByteBuffer.wrap(data))).isEqualTo(java.util.HexFormat.of().formatHex(sha));
  }

  /**
   * A file is checked by its CRC-32C, else (version 1) by its SHA-256, each over the metadata
   * without either entry; the data's position is left as it was.
   */
  @Test
  void aMatchingChecksumOfEitherKindPassesAndAnyChangeIsRefused() throws Exception {
    ByteBuffer data = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
    Map<String, String> meta = new HashMap<>(Map.of("format", Model.FORMAT, "arch", "seed"));
    Map<String, String> crc = new HashMap<>(meta);
    crc.put(Checksum.KEY, Checksum.crc32c(meta, data.duplicate()));
    Checksum.verify(crc, data, "a.safetensors");
    assertThat(data.position()).isZero();
    Map<String, String> legacy = new HashMap<>(meta);
    legacy.put(Checksum.LEGACY_KEY, Checksum.sha256(meta, data.duplicate()));
    Checksum.verify(legacy, data, "v1.safetensors");
    Map<String, String> both = new HashMap<>(crc);
    both.put(Checksum.LEGACY_KEY, "not looked at"); // the CRC-32C is the one checked
    Checksum.verify(both, data, "both.safetensors");

    Map<String, String> edited = new HashMap<>(crc);
    edited.put("arch", "fast");
    assertThatThrownBy(() -> Checksum.verify(edited, data, "edited.safetensors")).isInstanceOf(ModelFormatException.class)
        .hasMessage("edited.safetensors: checksum mismatch (the file is damaged or was modified)");
    assertThatThrownBy(() -> Checksum.verify(legacy, ByteBuffer.wrap(new byte[] {1, 2, 3, 5}), "v1.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("checksum mismatch");
  }

  /** Without a checksum, a fenci file is damaged and another program's file is named as such. */
  @Test
  void aFileWithoutAChecksumIsRefusedAsDamagedOrAsAnotherProgramsFile() {
    ByteBuffer data = ByteBuffer.allocate(0);
    assertThatThrownBy(() -> Checksum.verify(Map.of("format", Model.FORMAT), data, "edited.safetensors"))
        .isInstanceOf(ModelFormatException.class).hasMessage("edited.safetensors: no checksum: not a fenci model file");
    assertThatThrownBy(() -> Checksum.verify(Map.of("format", "pt"), data, "pt.safetensors"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith("pt.safetensors: not a fenci model: a safetensors file of another program (format 'pt',"
            + " no checksum)");
    assertThatThrownBy(() -> Checksum.verify(Map.of(), data, "other.safetensors"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith("other.safetensors: not a fenci model: a safetensors file without fenci's metadata"
            + " (no format 'fenci-segmenter', no checksum)");
  }
}
