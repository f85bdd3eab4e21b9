package dev.fenci.text;

import java.util.Set;

/**
 * Finds the words of source code that begin with a mark, which the chunker makes one word: a C preprocessor's
 * directive ({@code #include}, {@code #define}), the {@code #!} that starts a script's first line, and an annotation
 * of Java and its kin or a decorator of Python ({@code @Override}, {@code @Autowired}, {@code @property},
 * {@code @app.route}). No training text holds one, and the network had cut the mark off ({@code # include},
 * {@code @ Override}). A micro-blog's mention ({@code @ 京东}, {@code @ Happy}) stays two words, as NLPCC's
 * annotation writes it: an annotation is one of {@link #ANNOTATIONS} or, at a line's start, a name before {@code (} or a
 * dotted name before the line's end ({@code @wraps(f)}, {@code @app.route("/")}, {@code @pytest.fixture}), as no
 * mention is written.
 */
final class SourceCode {
  /** The most characters of a dotted decorator's name ({@code pytest.mark.parametrize}). */
  static final int LONGEST = 64;

  private SourceCode() {}

  /** The end of the directive, {@code #!} or annotation that starts at {@code i}, or -1 if none does. */
  static int end(CharSequence text, int i) {
    char c = text.charAt(i);
    if (i > 0 && continuesName(text.charAt(i - 1))) {
      return -1; // C#, a@b, x.@y: not a mark that starts a word
    }
    if (c == '#') {
      return directiveEnd(text, i);
    }
    return c == '@' ? annotationEnd(text, i) : -1;
  }

  /**
   * {@code #!} at a line's very start before a path ({@code #!/bin/bash}), or {@code #} and a directive of
   * {@link #DIRECTIVES} that no letter, digit, underscore or {@code #} follows ({@code #include <stdio.h>},
   * {@code #endif}, {@code 用#define定义}; a topic {@code #if#} is left to the hashtag's marks).
   */
  private static int directiveEnd(CharSequence text, int i) {
    int n = text.length();
    if (i + 2 < n && text.charAt(i + 1) == '!' && text.charAt(i + 2) == '/' && (i == 0 || Chunker.endsLine(text, i - 1))) {
      return i + 2;
    }
    int k = nameEnd(text, i + 1, false);
    if (k < 0 || k < n && text.charAt(k) == '#' || !DIRECTIVES.contains(text.subSequence(i + 1, k).toString())) {
      return -1;
    }
    return k;
  }

  /**
   * {@code @} and a name of {@link #ANNOTATIONS} that no letter, digit, underscore or dot follows, or, after nothing
   * but indentation on its line, a name before {@code (} ({@code @wraps(func)}) or a dotted name before {@code (} or
   * the line's end ({@code @app.route("/")}, {@code @pytest.fixture}).
   */
  private static int annotationEnd(CharSequence text, int i) {
    int n = text.length();
    int k = nameEnd(text, i + 1, false);
    if (k < 0) {
      return -1;
    }
    if (ANNOTATIONS.contains(text.subSequence(i + 1, k).toString()) && (k == n || text.charAt(k) != '.')) {
      return k;
    }
    if (!startsLine(text, i)) {
      return -1;
    }
    int dotted = nameEnd(text, i + 1, true);
    if (dotted < 0) {
      return -1;
    }
    if (dotted < n && text.charAt(dotted) == '(' || dotted > k && (dotted == n || isLineBreak(text.charAt(dotted)))) {
      return dotted;
    }
    return -1;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /**
   * The end of the identifier that starts at {@code from} (an ASCII letter or underscore, then letters, digits and
   * underscores; with {@code dots}, more such names after single dots), or -1 if none starts there or it runs on
   * past {@link #LONGEST} characters.
   */
  private static int nameEnd(CharSequence text, int from, boolean dots) {
    int n = text.length();
    if (from >= n || !startsName(text.charAt(from))) {
      return -1;
    }
    int k = from + 1;
    while (k < n && k - from <= LONGEST) {
      char c = text.charAt(k);
      if (continuesName(c) && c != '.') {
        k++;
      } else if (dots && c == '.' && k + 1 < n && startsName(text.charAt(k + 1))) {
        k += 2;
      } else {
        break;
      }
    }
    return k - from > LONGEST ? -1 : k;
  }

  private static boolean startsName(char c) {
    return Chunker.isAsciiLetter(c) || c == '_';
  }

  /** A character that a name holds, or that joins one to the next ({@code .}): a mark after it starts nothing. */
  private static boolean continuesName(char c) {
    return Chunker.isAsciiAlnum(c) || c == '_' || c == '.' || c == '#' || c == '@' || c == '$';
  }

  /** Whether only spaces and tabs come before {@code i} on its line. */
  private static boolean startsLine(CharSequence text, int i) {
    for (int a = i - 1; a >= 0 && text.charAt(a) != '\n' && text.charAt(a) != '\r'; a--) {
      if (text.charAt(a) != ' ' && text.charAt(a) != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The C preprocessor's directives (and C#'s and Objective-C's of the same form). */
  static final Set<String> DIRECTIVES = Set.of("include", "include_next", "define", "undef", "if", "ifdef", "ifndef",
      "elif", "else", "endif", "pragma", "error", "warning", "line", "import", "region", "endregion");

  /**
   * The annotations and decorators that Chinese programming text names most: Java's own, JUnit's, Spring's, Lombok's,
   * JPA's, MyBatis', Jackson's and Kotlin's, Angular's, and Python's built-in and standard-library decorators.
   */
  static final Set<String> ANNOTATIONS = Set.of(
      "Override", "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs", "interface", "Retention",
      "Target", "Documented", "Inherited", "Repeatable", "Native",
      "Test", "BeforeEach", "AfterEach", "BeforeAll", "AfterAll", "ParameterizedTest", "DisplayName", "Disabled",
      "Before", "After", "BeforeClass", "AfterClass", "RunWith", "ExtendWith", "Mock", "InjectMocks", "MockBean",
      "SpringBootTest", "SpringBootApplication", "EnableAutoConfiguration", "ComponentScan", "Configuration", "Bean",
      "Component", "Service", "Repository", "Controller", "RestController", "ControllerAdvice",
      "RestControllerAdvice", "ExceptionHandler", "RequestMapping", "GetMapping", "PostMapping", "PutMapping",
      "DeleteMapping", "PatchMapping", "RequestParam", "RequestBody", "ResponseBody", "RequestHeader",
      "PathVariable", "ResponseStatus", "CrossOrigin", "Autowired", "Qualifier", "Primary", "Resource", "Value",
      "Scope", "Lazy", "Profile", "Conditional", "ConditionalOnClass", "ConditionalOnMissingBean",
      "ConditionalOnProperty", "ConfigurationProperties", "EnableConfigurationProperties", "PropertySource", "Import",
      "Async", "EnableAsync", "Scheduled", "EnableScheduling", "Transactional", "EnableTransactionManagement",
      "Cacheable", "CacheEvict", "CachePut", "EnableCaching", "EventListener", "PostConstruct", "PreDestroy",
      "Valid", "Validated", "NotNull", "NotBlank", "NotEmpty", "Nullable", "NonNull", "Inject", "Named", "Singleton",
      "Entity", "Table", "Id", "GeneratedValue", "Column", "Transient", "OneToMany", "ManyToOne", "OneToOne",
      "ManyToMany", "JoinColumn", "MappedSuperclass", "Embeddable", "Embedded",
      "Mapper", "Param", "Select", "Insert", "Update", "Delete", "Results", "Result", "TableName", "TableId",
      "TableField", "MapperScan",
      "Data", "Getter", "Setter", "ToString", "EqualsAndHashCode", "Builder", "NoArgsConstructor",
      "AllArgsConstructor", "RequiredArgsConstructor", "Slf4j", "Log4j2", "SneakyThrows", "Accessors",
      "JsonProperty", "JsonIgnore", "JsonFormat", "JsonInclude", "JsonIgnoreProperties", "JSONField",
      "JvmStatic", "JvmField", "JvmOverloads", "Composable",
      "Injectable", "NgModule", "Input", "Output", "HostListener", "ViewChild",
      "property", "staticmethod", "classmethod", "abstractmethod", "dataclass", "cached_property", "lru_cache",
      "contextmanager", "total_ordering", "singledispatch");
}
