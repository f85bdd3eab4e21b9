package dev.fenci.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tokens {@link CharacterTagReader} takes for a tag, and how many tagged lines make the layout. */
class CharacterTagReaderTest {

  @Test
  void aTagIsOneLetterOfBmiesoWithAnySuffixAfterAHyphenOrUnderscore() {
    assertThat(CharacterTagReader.tagLetter("B")).isEqualTo("B");
    assertThat(CharacterTagReader.tagLetter("e_v")).isEqualTo("E");
    assertThat(CharacterTagReader.tagLetter("I-LOC")).isEqualTo("I");
    assertThat(CharacterTagReader.tagLetter("S-")).isEqualTo("S");
    assertThat(CharacterTagReader.tagLetter("o")).isEqualTo("O"); // recognised, to be refused by name
    assertThat(CharacterTagReader.tagLetter("X")).isNull();
    assertThat(CharacterTagReader.tagLetter("BE")).isNull();
    assertThat(CharacterTagReader.tagLetter("B.1")).isNull();
    assertThat(CharacterTagReader.isOneCharacter("𠀀")).isTrue(); // a code point, not a UTF-16 unit
    assertThat(CharacterTagReader.isOneCharacter("中国")).isFalse();
  }

  @Test
  void halfOfTheFirstTenNonBlankLinesTaggedMakeTheLayout() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      lines.add("中 S");
      lines.add("");
      lines.add("中国 人民");
    }
    assertThat(CharacterTagReader.looksCharacterTagged(lines)).isTrue(); // 5 of 10
    lines.set(12, "中国 人民");
    lines.add("中 S");
    assertThat(CharacterTagReader.looksCharacterTagged(lines)).isFalse(); // 4 of 10; the 11th line is not read
    assertThat(CharacterTagReader.looksCharacterTagged(List.of("中 S", "中国 人民", "中国 人民"))).isFalse();
  }
}
