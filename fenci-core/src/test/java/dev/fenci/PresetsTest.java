package dev.fenci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fenci.model.Model;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetsTest {
  /** Loads a preset made of a base and a word list, and returns weak references to both. */
  private static List<WeakReference<Model>> loadAndDrop() throws Exception {
    Model derived = Segmenter.load("weibo+jieba").model();
    Model base = Presets.load("weibo");
    assertThat(Presets.load("weibo")).isSameAs(base); // loaded once while in use
    assertThat(derived.network().params()).isEqualTo(base.network().params()); // the weights shared
    return List.of(new WeakReference<>(derived), new WeakReference<>(base));
  }

  /**
   * A preset nothing uses any more is released when the heap needs the room, the base of a
   * "+jieba" preset with it (a side map from preset to base had kept the base, about 40 MB each,
   * until a later preset load: two +jieba presets in turn ran out of memory at -Xmx100m).
   */
  @Test
  void aPresetMadeOfABaseAndItsBaseAreReleasedWhenNothingUsesThem() throws Exception {
    List<WeakReference<Model>> refs = loadAndDrop();
    // fill the heap 16 MB at a time until both are cleared (soft references go as free memory runs
    // out; running out of it entirely clears them all, the last resort, caught here)
    List<long[]> pressure = new ArrayList<>();
    try {
      while (refs.get(0).get() != null || refs.get(1).get() != null) {
        pressure.add(new long[2 << 20]);
      }
    } catch (OutOfMemoryError lastResort) {
      // every soft reference was cleared before it was thrown
    } finally {
      pressure.clear();
    }
    System.gc();
    assertThat(refs.get(0).get()).as("weibo+jieba").isNull();
    assertThat(refs.get(1).get()).as("weibo, its base").isNull();
    assertThat(Segmenter.load("weibo+jieba").segment("扫描二维码")).isNotEmpty(); // and loads again
  }
}
