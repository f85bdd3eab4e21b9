package dev.fenci.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON of a model file's header: what is read, what is refused and how values are written. */
class JsonTest {
  @Test
  void readsEveryKindOfValueKeepingTheOrderOfKeys() {
    Object v = Json.parse(" \t\r\n{\"b\" : [1, -2, 1.5, 1e3, 2E-2, true, false, null, \"x\", {}, []], \"a\":{\"c\":\"d\"}} \n");
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("c", "d");
    assertThat(v).isInstanceOf(Map.class);
    assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) v).keySet())).containsExactly("b", "a");
    assertThat(new java.util.ArrayList<Object>((List<?>) ((Map<?, ?>) v).get("b"))).containsExactly(1L, -2L, 1.5, 1000.0, 0.02, true, false, null, "x", Map.of(),
        List.of());
    assertThat(((Map<?, ?>) v).get("a")).isEqualTo(inner);
  }

  @Test
  void whitespaceMayStandAroundEveryToken() {
    assertThat((List<?>) Json.parse("[ ]")).isEmpty();
    assertThat((Map<?, ?>) Json.parse("{ }")).isEmpty();
    assertThat(Json.parse("{ \"a\" : 1 , \"b\" : [ 2 , 3 ] }")).isEqualTo(Map.of("a", 1L, "b", List.of(2L, 3L)));
  }

  @Test
  void readsEveryEscape() {
    assertThat(Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\\u4E2D\"")).isEqualTo("\" \\ / \b \f \n \r \t é中");
  }

  @Test
  void refusesMalformedTextSayingWhereAndWhat() {
    String[][] cases = {
        {"", "offset 0: unexpected end"},
        {"[", "offset 1: unexpected end"},
        {"[1", "offset 2: expected ']'"},
        {"1 2", "offset 2: unexpected text after the value"},
        {"{", "offset 1: expected a key"},
        {"{\"a\" 1}", "offset 5: expected ':'"},
        {"{\"a\":1", "offset 6: expected '}'"},
        {"{\"a\":1, \"a\":2}", "offset 8: duplicate key \"a\""},
        {"[1 2]", "offset 3: expected ']'"},
        {"\"abc", "offset 4: unterminated string"},
        {"\"\\", "offset 2: unterminated escape"},
        {"\"\\u12\"", "offset 3: short \\u escape"},
        {"\"\\uZZZZ\"", "offset 3: bad \\u escape"},
        {"\"\\x\"", "offset 3: bad escape \\x"},
        {"tru", "offset 0: expected true"},
        {"fals", "offset 0: expected false"},
        {"nul", "offset 0: expected null"},
        {"@", "offset 0: unexpected character '@'"},
        {"1-2", "offset 3: bad number 1-2"},
        {"1.2.3", "offset 5: bad number 1.2.3"},
        {"+1", "offset 2: bad number +1"},
        {".5", "offset 2: bad number .5"},
        {"01", "offset 2: bad number 01"},
        {"1.", "offset 2: bad number 1."},
        {"1e", "offset 2: bad number 1e"},
        {"-", "offset 1: bad number -"},
        {"\"\\u-001\"", "offset 3: bad \\u escape"},
        {"\"\\u+0FF\"", "offset 3: bad \\u escape"},
        {"\"\\u\uFF10\uFF10\uFF14\uFF11\"", "offset 3: bad \\u escape"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> Json.parse(c[0])).as(c[0]).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bad JSON at " + c[1]);
    }
  }

  @Test
  void numbersFollowJsonsGrammarAndIntegersBeyondALongAreDoubles() {
    assertThat(Json.parse("[0, -0, 10, -1.25e+2, 3E4, 9223372036854775807, 92233720368547758070]")).isEqualTo(
        List.of(0L, 0L, 10L, -125.0, 30000.0, Long.MAX_VALUE, 9.223372036854775807E19));
  }

  @Test
  void aNumberJsonCannotHoldIsNotWritten() {
    for (Object v : new Object[] {Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> Json.write(List.of(v))).as(String.valueOf(v)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be finite");
    }
  }

  @Test
  void nestingIsCountedPerLevelNotPerValue() {
    String deepest = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
    assertThat(Json.parse(deepest)).isInstanceOf(List.class);
    assertThatThrownBy(() -> Json.parse("[" + deepest + "]")).hasMessageContaining("nested deeper than 64 levels");
    assertThatThrownBy(() -> Json.parse("{\"a\":" + "{\"a\":".repeat(Json.MAX_DEPTH) + "1" + "}".repeat(Json.MAX_DEPTH + 1)))
        .hasMessageContaining("nested deeper than 64 levels");
    // many values side by side, each an array or an object, are one level each
    String wide = "[" + "[],{},".repeat(100) + "[]]";
    assertThat((List<?>) Json.parse(wide)).hasSize(201);
  }

  @Test
  void writesEveryKindOfValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "\"\\\n\r\t\u0001é\uD83D\uDE00/ ~");
    m.put("n", Arrays.asList(1, 2.5, -3L, true, null));
    m.put("a", new int[] {4, 5});
    m.put("e", Map.of());
    m.put("l", List.of());
    String json = Json.write(m);
    assertThat(json).isEqualTo("{\"s\":\"\\\"\\\\\\n\\r\\t\\u0001é\\ud83d\\ude00/ ~\",\"n\":[1,2.5,-3,true,null],\"a\":[4,5],"
        + "\"e\":{},\"l\":[]}");
    Map<?, ?> back = (Map<?, ?>) Json.parse(json);
    assertThat(back.get("s")).isEqualTo(m.get("s"));
    assertThat(new java.util.ArrayList<Object>((List<?>) back.get("a"))).containsExactly(4L, 5L);
    assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot write class java.lang.Object");
  }
}
