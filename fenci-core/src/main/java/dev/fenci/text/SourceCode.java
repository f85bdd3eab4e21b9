package dev.fenci.text;

import java.util.Set;

/**
 * Finds the words of source code that begin with a mark, which the chunker makes one word: a C preprocessor's
 * directive ({@code #include}, {@code #define}), the {@code #!} that starts a script's line, and an annotation of
 * Java and its kin or a decorator of Python ({@code @Override}, {@code @Autowired}, {@code @property},
 * {@code @app.route}), and the marks of a C comment (slash-star, star-slash: {@link #commentMarkEnd}). No training
 * text holds one, and the network had cut the mark off ({@code # include}, {@code @ Override}) or split it. A
 * micro-blog's mention ({@code @ 京东}, {@code @ Happy}, {@code @ Data 哥}) and topic ({@code # if 不 是 你 #}) stay
 * as the NLPCC annotation writes them, so a name that is also a word or a person's ({@code Data}, {@code Test},
 * {@code if}, {@code line}) counts only where a mention or a topic would not be written: at a line's start, alone or
 * before code, before {@code 注解} ("annotation") or a quoted argument, or beside a distinctive annotation
 * ({@code @Data @Builder @AllArgsConstructor}).
 */
final class SourceCode {
  /** The most characters of a dotted decorator's name ({@code pytest.mark.parametrize}). */
  static final int LONGEST = 64;
  /** The most annotations in a run ({@code @Data @Builder @AllArgsConstructor}) that the rules look along. */
  static final int LONGEST_RUN = 16;

  private SourceCode() {}

  /** The end of the directive, {@code #!} or annotation that starts at {@code i}, or -1 if none does. */
  static int end(CharSequence text, int i) {
    char c = text.charAt(i);
    if (afterName(text, i)) {
      int start = c == '@' && nextMemberEnd(text, i) > 0 ? runStart(text, i) : -1;
      if (start < 0 || start == i || afterName(text, start)) {
        return -1; // C#, a@b, x.@y, x@Data@Builder: not a mark that starts a word (but @Data@Builder: a run's second)
      }
    }
    if (c == '#') {
      return directiveEnd(text, i);
    }
    return c == '@' ? annotationEnd(text, i) : -1;
  }

  /**
   * {@code #!} at a line's start before a path ({@code #!/bin/bash}), or {@code #} and a directive that no letter,
   * digit, underscore or {@code #} follows and no {@code #} later on its line (which would close a topic): one of
   * {@link #DIRECTIVES} anywhere ({@code #include <stdio.h>}, {@code 用#define定义}), one of {@link #LINE_DIRECTIVES}
   * only at a line's start and with no Chinese character after it on the line but in a comment ({@code #if DEBUG},
   * {@code #else // 否则}; not {@code #if不是你#}, {@code #line 今天}).
   */
  private static int directiveEnd(CharSequence text, int i) {
    int n = text.length();
    if (i + 2 < n && text.charAt(i + 1) == '!' && text.charAt(i + 2) == '/' && (i == 0 || Chunker.endsLine(text, i - 1))) {
      return i + 2;
    }
    int k = nameEnd(text, i + 1, false);
    if (k < 0 || k < n && text.charAt(k) == '#') {
      return -1;
    }
    String name = text.subSequence(i + 1, k).toString();
    boolean listed = DIRECTIVES.contains(name);
    if (!listed && !(LINE_DIRECTIVES.contains(name) && startsLine(text, i))) {
      return -1;
    }
    for (int j = k; j < n && !isLineBreak(text.charAt(j)) && !opensComment(text, j); j++) {
      char c = text.charAt(j);
      if (c == '#' || !listed && Character.isIdeographic(c)) {
        return -1;
      }
    }
    return k;
  }

  /**
   * {@code @} and an annotation's or a decorator's name that no letter, digit or underscore follows, nor a dot before
   * another name: one of {@link #ANNOTATIONS} anywhere ({@code 加上@Autowired注解}), one of {@link #COMMON_NAMES}
   * only before {@code 注解} ({@code 使用@Data注解}) or a quoted argument ({@code 用@Value("${port}")注入}) or where a
   * line's start would also take any name (below);
   * {@code @} and a dotted name whose first part is one of {@link #DECORATOR_OBJECTS} ({@code 用@app.route定义});
   * and, after nothing but indentation on its line, a name before {@code (} and no Chinese character
   * ({@code @wraps(func)}, not {@code @kitten(小猫咪)}), a dotted name that starts with no capital before {@code (} or
   * the line's end ({@code @pytest.fixture}, not {@code @Mr.Wang}), or one of {@link #COMMON_NAMES} before the line's
   * end ({@code @Data}); and one of {@link #COMMON_NAMES} in a run of annotations, glued or one space apart, that holds
   * one of {@link #ANNOTATIONS}, comes before {@code 注解} or fills its line, the last one's arguments aside
   * ({@code @Data @Builder @AllArgsConstructor}, {@code @Data@Builder注解}, {@code @Data @Builder(toBuilder = true)}).
   */
  private static int annotationEnd(CharSequence text, int i) {
    int n = text.length();
    int k = nameEnd(text, i + 1, false);
    if (k < 0 || k + 1 < n && text.charAt(k) == '.' && startsName(text.charAt(k + 1))) {
      int dotted = nameEnd(text, i + 1, true);
      return k > 0 && DECORATOR_OBJECTS.contains(text.subSequence(i + 1, k).toString())
          || dotted > 0 && startsLine(text, i) && !Character.isUpperCase(text.charAt(i + 1))
          && (endsLineAt(text, dotted) || opensCall(text, dotted)) ? dotted : -1;
    }
    String name = text.subSequence(i + 1, k).toString();
    if (ANNOTATIONS.contains(name)) {
      return k;
    }
    if (COMMON_NAMES.contains(name)
        && (beforeWord(text, k, "注解") || startsLine(text, i) && endsLineAt(text, k) || opensString(text, k)
            || inAnnotationRun(text, i, k))) {
      return k;
    }
    return startsLine(text, i) && opensCall(text, k) ? k : -1;
  }

  /**
   * Whether the annotation at {@code i} (its name ending at {@code k}) is one of two or more, each named in
   * {@link #ANNOTATIONS} or {@link #COMMON_NAMES}, glued or one space apart, such that one is in {@link #ANNOTATIONS},
   * or the run comes before {@code 注解}, or it fills its line (the last one may open a call's arguments).
   */
  private static boolean inAnnotationRun(CharSequence text, int i, int k) {
    int first = runStart(text, i);
    if (first < 0 || afterName(text, first)) {
      return false; // longer than the rules look along, or x@Data@Builder: an address's part, not a run
    }
    int last = nameEnd(text, first + 1, false);
    boolean distinctive = ANNOTATIONS.contains(text.subSequence(first + 1, last).toString());
    int members = 1;
    for (int e = nextMemberEnd(text, last); e >= 0; e = nextMemberEnd(text, last)) {
      if (++members > LONGEST_RUN) {
        return false;
      }
      int at = text.charAt(last) == ' ' ? last + 2 : last + 1;
      distinctive |= ANNOTATIONS.contains(text.subSequence(at, e).toString());
      last = e;
    }
    return members > 1
        && (distinctive || beforeWord(text, last, "注解")
            || startsLine(text, first) && (endsLineAt(text, last) || opensCall(text, last)));
  }

  /** Whether a name's character or a mark that joins names comes just before {@code i}. */
  private static boolean afterName(CharSequence text, int i) {
    return i > 0 && continuesName(text.charAt(i - 1));
  }

  /**
   * The position of the {@code @} that starts the run of annotations {@code i} ends (itself if none comes before), or
   * -1 if the run is longer than {@link #LONGEST_RUN}.
   */
  private static int runStart(CharSequence text, int i) {
    int first = i;
    int members = 1;
    for (int p = previousMember(text, first); p >= 0; p = previousMember(text, first)) {
      first = p;
      if (++members > LONGEST_RUN) {
        return -1;
      }
    }
    return first;
  }

  /**
   * The position of the {@code @} of the annotation just before {@code i} (glued to it or one space before), if its
   * name is in {@link #ANNOTATIONS} or {@link #COMMON_NAMES}; otherwise -1.
   */
  private static int previousMember(CharSequence text, int i) {
    int e = i > 0 && text.charAt(i - 1) == ' ' ? i - 1 : i;
    int s = e;
    while (s > 0 && e - s <= LONGEST && (Chunker.isAsciiAlnum(text.charAt(s - 1)) || text.charAt(s - 1) == '_')) {
      s--;
    }
    return s < e && s > 0 && text.charAt(s - 1) == '@' && startsName(text.charAt(s))
        && isMember(text.subSequence(s, e).toString()) ? s - 1 : -1;
  }

  /**
   * The end of the annotation that follows {@code k} (glued to it or after one space), if its name is in
   * {@link #ANNOTATIONS} or {@link #COMMON_NAMES} and no dot joins another name to it; otherwise -1.
   */
  private static int nextMemberEnd(CharSequence text, int k) {
    int n = text.length();
    int at = k < n && text.charAt(k) == ' ' ? k + 1 : k;
    if (at >= n || text.charAt(at) != '@') {
      return -1;
    }
    int e = nameEnd(text, at + 1, false);
    if (e < 0 || e + 1 < n && text.charAt(e) == '.' && startsName(text.charAt(e + 1))) {
      return -1;
    }
    return isMember(text.subSequence(at + 1, e).toString()) ? e : -1;
  }

  private static boolean isMember(String name) {
    return ANNOTATIONS.contains(name) || COMMON_NAMES.contains(name);
  }

  /**
   * The end of the mark of a C comment that starts at {@code i}, or -1. The opening slash-star: after no letter, digit
   * or {@code _ . / *}, and before a space, a tab, a Chinese character or the line's end (a javadoc's slash-star-star,
   * or a banner's slash and a longer run of stars, only before a space, a tab or the line's end). The closing
   * star-slash (or a run of stars and the slash, a banner's end): after no slash or star, before no letter, digit or
   * {@code _ . / *} (a run of stars after no ASCII letter or digit), and either after such an opening mark on its
   * line that no closing mark has closed (within {@link #LONGEST} x 4 characters) or alone at its line's end (after a
   * space, a tab, a line break or nothing; a {@code //} comment may follow, {@link #endsLineAt}). Not a glob
   * ({@code src/*.java}, {@code /*.txt}, a slash, two stars and a slash), cron's star-slash-5, a face written with
   * these marks around it, Markdown's bold after a slash or before one, a masked number's stars or a product
   * {@code a * b}.
   */
  static int commentMarkEnd(CharSequence text, int i) {
    int n = text.length();
    if (i + 1 >= n) {
      return -1;
    }
    char c = text.charAt(i);
    char prev = i > 0 ? text.charAt(i - 1) : ' ';
    if (c == '/' && text.charAt(i + 1) == '*') {
      return openingEnd(text, i);
    }
    if (c != '*' || prev == '/' || prev == '*') {
      return -1;
    }
    // i is the first star of its run, so each run is scanned once; slash is where the slash must be
    int slash = starsEnd(text, i);
    if (slash >= n || text.charAt(slash) != '/' || slash + 1 < n && continuesComment(text.charAt(slash + 1))
        || slash - i > 1 && Chunker.isAsciiAlnum(prev)) { // a masked number's stars (138****/), not a mark
      return -1;
    }
    for (int a = i - 1; a > 0 && i - a <= 4 * LONGEST && !isLineBreak(text.charAt(a)); a--) {
      if (text.charAt(a) == '/' && text.charAt(a - 1) == '*') {
        break; // a closing mark before this one: the comment it closes is no longer open
      }
      if (text.charAt(a) == '*' && text.charAt(a - 1) == '/' && openingEnd(text, a - 1) > 0) {
        return slash + 1;
      }
    }
    return (prev == ' ' || prev == '\t' || isLineBreak(prev)) && endsLineAt(text, slash + 1) ? slash + 1 : -1;
  }

  /**
   * The end of the opening mark at {@code i} (a slash and a run of stars: slash-star, a javadoc's slash-star-star, a
   * banner's longer run), or -1 if it opens no comment.
   */
  private static int openingEnd(CharSequence text, int i) {
    int n = text.length();
    if (i > 0 && continuesComment(text.charAt(i - 1))) {
      return -1;
    }
    int e = starsEnd(text, i + 1);
    boolean one = e == i + 2;
    boolean opens = e == n || isLineBreak(text.charAt(e)) || text.charAt(e) == ' ' || text.charAt(e) == '\t'
        || one && Character.isIdeographic(Character.codePointAt(text, e));
    return opens ? e : -1;
  }

  /** The end of the run of stars that starts at {@code i} ({@code i} itself if none does). */
  private static int starsEnd(CharSequence text, int i) {
    int e = i;
    while (e < text.length() && text.charAt(e) == '*') {
      e++;
    }
    return e;
  }

  private static boolean continuesComment(char c) {
    return Chunker.isAsciiAlnum(c) || c == '_' || c == '.' || c == '/' || c == '*';
  }

  /** Whether a C comment starts at {@code j} after a space or tab ({@link #commentAt}). */
  private static boolean opensComment(CharSequence text, int j) {
    return j > 0 && (text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\t') && commentAt(text, j);
  }

  /** Whether {@code //} (not a micro-blog's repost, {@code //@}) or {@code /*} is at {@code k}. */
  private static boolean commentAt(CharSequence text, int k) {
    int n = text.length();
    return k + 1 < n && text.charAt(k) == '/'
        && (text.charAt(k + 1) == '*' || text.charAt(k + 1) == '/' && (k + 2 == n || text.charAt(k + 2) != '@'));
  }

  /** Whether {@code (} and a quotation mark are at {@code k}: an argument of code ({@code @Value("${port}")}). */
  private static boolean opensString(CharSequence text, int k) {
    return k + 1 < text.length() && text.charAt(k) == '(' && (text.charAt(k + 1) == '"' || text.charAt(k + 1) == '\'');
  }

  /** Whether {@code (} is at {@code k} and no Chinese character follows it: a call's arguments, not a gloss. */
  private static boolean opensCall(CharSequence text, int k) {
    return k + 1 < text.length() && text.charAt(k) == '(' && !Character.isIdeographic(text.charAt(k + 1));
  }

  /** Whether {@code word} follows {@code k}, after one space or none. */
  private static boolean beforeWord(CharSequence text, int k, String word) {
    int from = k < text.length() && text.charAt(k) == ' ' ? k + 1 : k;
    return from + word.length() <= text.length() && text.subSequence(from, from + word.length()).toString().equals(word);
  }

  /**
   * Whether the line ends at {@code k}, after spaces or tabs or none, or only a comment follows ({@code // lombok},
   * {@link #commentAt}).
   */
  private static boolean endsLineAt(CharSequence text, int k) {
    int n = text.length();
    while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
      k++;
    }
    return k == n || isLineBreak(text.charAt(k)) || commentAt(text, k);
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
      if (Chunker.isAsciiAlnum(c) || c == '_') {
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

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** Whether only spaces and tabs come before {@code i} on its line. */
  private static boolean startsLine(CharSequence text, int i) {
    for (int a = i - 1; a >= 0 && !isLineBreak(text.charAt(a)); a--) {
      if (text.charAt(a) != ' ' && text.charAt(a) != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The C preprocessor's directives that are no English word (and C#'s {@code #endregion}). */
  static final Set<String> DIRECTIVES = Set.of("include", "include_next", "define", "undef", "ifdef", "ifndef", "elif",
      "endif", "pragma", "endregion");

  /** The directives that are also English words, and so a topic's first word: taken at a line's start only. */
  static final Set<String> LINE_DIRECTIVES = Set.of("if", "else", "error", "warning", "line", "import", "region");

  /**
   * The annotations and decorators that Chinese programming text names most and that are no common word or name:
   * Java's own, JUnit's, Spring's, Lombok's, JPA's, MyBatis', Jackson's, Kotlin's and Angular's, and Python's built-in,
   * standard-library and Django's decorators.
   */
  static final Set<String> ANNOTATIONS = Set.of(
      "Override", "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs", "interface", "Retention",
      "BeforeEach", "AfterEach", "BeforeAll", "AfterAll", "ParameterizedTest", "DisplayName", "BeforeClass",
      "AfterClass", "RunWith", "ExtendWith", "InjectMocks", "MockBean", "SpringBootTest", "SpringBootApplication",
      "EnableAutoConfiguration", "ComponentScan", "Configuration", "RestController", "ControllerAdvice",
      "RestControllerAdvice", "ExceptionHandler", "RequestMapping", "GetMapping", "PostMapping", "PutMapping",
      "DeleteMapping", "PatchMapping", "RequestParam", "RequestBody", "ResponseBody", "RequestHeader", "PathVariable",
      "ResponseStatus", "CrossOrigin", "Autowired", "Qualifier", "ConditionalOnClass", "ConditionalOnMissingBean",
      "ConditionalOnProperty", "ConfigurationProperties", "EnableConfigurationProperties", "PropertySource",
      "EnableAsync", "Scheduled", "EnableScheduling", "Transactional", "EnableTransactionManagement", "Cacheable",
      "CacheEvict", "CachePut", "EnableCaching", "EventListener", "PostConstruct", "PreDestroy", "Validated", "NotNull",
      "NotBlank", "NotEmpty", "NonNull", "Nullable", "GeneratedValue", "OneToMany", "ManyToOne", "OneToOne", "ManyToMany",
      "JoinColumn", "MappedSuperclass", "Embeddable", "TableName", "TableId", "TableField", "MapperScan",
      "EqualsAndHashCode", "NoArgsConstructor", "AllArgsConstructor", "RequiredArgsConstructor", "Slf4j", "Log4j2",
      "SneakyThrows", "JsonProperty", "JsonIgnore", "JsonFormat", "JsonInclude", "JsonIgnoreProperties", "JSONField",
      "Pointcut", "EnableDiscoveryClient", "EnableFeignClients", "FeignClient", "EnableEurekaServer", "JvmStatic",
      "JvmField", "JvmOverloads", "NgModule", "HostListener", "ViewChild", "Injectable", "staticmethod", "classmethod",
      "abstractmethod", "dataclass", "cached_property", "lru_cache", "contextmanager", "total_ordering",
      "singledispatch", "login_required", "csrf_exempt");

  /**
   * Annotations and decorators whose names are also words or names a mention may hold ({@code @Data哥},
   * {@code 谢谢@Test老师}): taken only before {@code 注解}, alone on a line, or in a run of annotations that holds one of
   * {@link #ANNOTATIONS}, comes before {@code 注解} or fills its line.
   */
  static final Set<String> COMMON_NAMES = Set.of(
      "Target", "Documented", "Inherited", "Repeatable", "Native", "Test", "Before", "After", "Disabled", "Mock",
      "Bean", "Component", "Service", "Repository", "Controller", "Primary", "Resource", "Value", "Scope", "Lazy",
      "Profile", "Conditional", "Import", "Async", "Valid", "Inject", "Named", "Singleton", "Entity", "Table", "Id",
      "Column", "Transient", "Embedded", "Mapper", "Param", "Select", "Insert", "Update", "Delete", "Results",
      "Result", "Data", "Getter", "Setter", "ToString", "Builder", "Accessors", "Aspect", "Around", "Composable",
      "Input", "Output", "property", "wraps", "override", "overload", "final");

  /** The objects whose methods decorate in Python's web and test frameworks ({@code @app.route}, {@code @pytest.fixture}). */
  static final Set<String> DECORATOR_OBJECTS = Set.of("app", "pytest", "unittest", "mock", "functools", "router", "bp",
      "blueprint", "api", "torch", "celery");
}
