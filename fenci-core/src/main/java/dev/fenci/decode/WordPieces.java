package dev.fenci.decode;

import java.util.Locale;

/**
 * The pieces a word is written in, for search: the runs of Chinese characters and of other
 * scripts in a mixed word ({@code 索尼} and {@code mp3} in {@code 索尼mp3}, {@code 马克} and {@code
 * 吐温} in {@code 马克·吐温}), the runs of letters and digits between delimiters ({@code x86} and
 * {@code 64} in {@code x86_64}, {@code windows} and {@code hosts} in a file path), the letters and
 * the digits of a run that has both ({@code iphone} and {@code 15} in {@code iphone15}; letters
 * three or more: {@code mp3} has no part {@code mp}), two letter runs joined by a slash ({@code
 * mmol/L}, {@code km/h}), and the
 * host of a web or mail address ({@code example.com}, also without a scheme when a path follows,
 * {@code github.com/apache}; an address's scheme, {@code www} and
 * top-level domain are no pieces: {@code https} or {@code com} would find every address). Unlike the known words of {@link Subwords},
 * they need no vocabulary: a search for {@code mp3} should find {@code 索尼mp3} whatever a model
 * knows.
 *
 * <p>Works on a word's characters as {@link Subwords} sees them (combining marks belong to the
 * character before them): {@code cps[i]} is character {@code i}'s code point and ranges are
 * character indices {@code [start, end)}. A piece has two characters or more; the caller drops the
 * whole word. A number keeps its decimal point, thousands separator and time colon ({@code 3.14},
 * {@code 1,000}, {@code 10:30} are one piece), and a letter run its {@code +} or {@code #} at
 * the end of a run ({@code c++} and {@code c#} in {@code c++教程}).
 */
final class WordPieces {
  private WordPieces() {}

  private static final int HAN = 0, LETTER = 1, DIGIT = 2, OTHER = 3;

  /** Receives a piece. */
  interface Sink {
    void piece(int start, int end);
  }

  /** Reports the pieces of the word of {@code n} characters {@code cps} to {@code sink}, in no particular order. */
  static void find(int[] word, int n, Sink sink) {
    int[] cps = asciiForms(word, n);
    int[] kind = new int[n];
    boolean han = false, other = false;
    for (int i = 0; i < n; i++) {
      kind[i] = kindOf(cps[i]);
      han |= kind[i] == HAN;
      other |= kind[i] != HAN;
    }
    if (!other) {
      return; // Chinese characters only: the known words of Subwords are its parts
    }
    int[] host = host(cps, kind, n);
    Sink pieces = host == null ? sink : (s, e) -> {
      if (!addressNoise(cps, host, s, e)) {
        sink.piece(s, e);
      }
    };
    for (int s = 0; s < n; ) {
      int e = s + 1;
      while (e < n && (kind[e] == HAN) == (kind[s] == HAN)) {
        e++;
      }
      if (kind[s] == HAN) {
        add(pieces, s, e);
      } else {
        nonChinese(cps, kind, s, e, pieces);
        scripts(cps, kind, s, e, pieces);
        if (host == null) {
          listed(cps, kind, s, e, pieces);
        }
      }
      s = e;
    }
    if (host != null) {
      add(sink, host[1], host[2]);
      add(sink, site(cps, host), host[2]);
    } else {
      slashed(cps, kind, n, sink);
    }
  }

  /**
   * The names of a list joined by slashes, as job posts write skills ({@code C++}, {@code Java} and
   * {@code Python} in {@code C++/Java/Python}, {@code ASP.NET} and {@code C#} in {@code ASP.NET/C#}):
   * each name whole, as {@link #nonChinese} reads a run, with its {@code +} or {@code #}. An
   * address's path is not asked: its names are letter runs already.
   */
  private static void listed(int[] cps, int[] kind, int from, int to, Sink sink) {
    for (int i = from; i < to; i++) {
      if ((i == from || cps[i - 1] == '/') && kind[i] != LETTER && cps[i] != '/') {
        return; // a name starts with a letter: 3.9~6.1mmol/L is a number and a unit, 4G/5G have their runs
      }
    }
    for (int a = from, b = from; b <= to; b++) {
      if (b == to || cps[b] == '/') {
        if (a > from || b < to) {
          nonChinese(cps, kind, a, b, sink);
        }
        a = b + 1;
      }
    }
  }

  /**
   * Two letter runs joined by one slash, as units and pairs are written ({@code mmol/L} in {@code
   * 3.9~6.1mmol/L}, {@code km/h} in {@code 120km/h}, {@code A/B}): one piece, as a query writes it.
   * Not in a path of several slashes ({@code usr/local/bin}), nor where a run is part of a longer
   * name ({@code NET/C} of {@code ASP.NET/C#}, {@code js/Vue} of {@code Node.js/Vue.js}); an address
   * is not asked.
   */
  private static void slashed(int[] cps, int[] kind, int n, Sink sink) {
    for (int i = 1; i + 1 < n; i++) {
      if (cps[i] != '/' || kind[i - 1] != LETTER || kind[i + 1] != LETTER) {
        continue;
      }
      int s = i - 1;
      while (s > 0 && kind[s - 1] == LETTER) {
        s--;
      }
      int e = i + 1;
      while (e < n && kind[e] == LETTER) {
        e++;
      }
      if ((s == 0 || cps[s - 1] != '/' && cps[s - 1] != '.') && (e == n || "/.+#".indexOf(cps[e]) < 0)) {
        add(sink, s, e);
      }
    }
  }

  /**
   * Where the host's site starts, the name its owner registered: its last two labels ({@code
   * baidu.com} of {@code pan.baidu.com}, {@code example.com} of {@code www.example.com}), or three
   * under a country's generic second level ({@code shanghai.gov.cn} of {@code
   * zwfw.shanghai.gov.cn}, {@code bbc.co.uk}); the host's start if it has no more labels than that,
   * or if it is an IP address, which has no site ({@code 1.1} of {@code 192.168.1.1} would find a
   * version 1.1).
   */
  private static int site(int[] cps, int[] host) {
    int last = lastDot(cps, host[1], host[2]);
    if (last >= 0 && java.util.stream.IntStream.range(last + 1, host[2]).allMatch(i -> Character.isDigit(cps[i]))) {
      return host[1]; // a top-level domain is never a number: an IP address
    }
    int labels = genericUnderCountry(cps, host) ? 3 : 2;
    for (int i = host[2] - 1; i > host[1]; i--) {
      if (cps[i] == '.' && --labels == 0) {
        return i + 1;
      }
    }
    return host[1];
  }

  /** Whether the host ends in a generic second level under a country's domain ({@code .gov.cn}, {@code .co.uk}). */
  private static boolean genericUnderCountry(int[] cps, int[] host) {
    int last = lastDot(cps, host[1], host[2]);
    if (last < 0 || host[2] - last - 1 != 2) {
      return false;
    }
    int second = lastDot(cps, host[1], last);
    return second >= 0 && GENERIC.contains(new String(cps, second + 1, last - second - 1).toLowerCase(Locale.ROOT));
  }

  /** Second-level labels that name a kind of site, not a site, under a two-letter country domain. */
  private static final java.util.Set<String> GENERIC =
      java.util.Set.of("com", "net", "org", "gov", "edu", "ac", "co", "mil", "or", "ne", "go");

  private static int lastDot(int[] cps, int from, int to) {
    for (int i = to - 1; i > from; i--) {
      if (cps[i] == '.') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether {@code [s, e)} is a piece of a web or mail address that would find every address: its
   * scheme ({@code https}), the {@code www} of its host, the {@code xn} of a punycode label, its
   * top-level domain ({@code com}) or the generic second level under a country's ({@code gov} of
   * {@code .gov.cn}).
   */
  private static boolean addressNoise(int[] cps, int[] host, int s, int e) {
    if (e == host[0]) {
      return true; // the scheme, before ://
    }
    if (s == host[1] && e - s == 3 && new String(cps, s, 3).toLowerCase(Locale.ROOT).equals("www")) {
      return true;
    }
    if (e - s == 2 && s >= host[1] && e + 2 <= host[2] && (s == host[1] || cps[s - 1] == '.') && cps[e] == '-'
        && cps[e + 1] == '-' && new String(cps, s, 2).toLowerCase(Locale.ROOT).equals("xn")) {
      return true; // the prefix of a punycode label: xn--fiqs8s
    }
    if (e == host[2] && s > host[1] && cps[s - 1] == '.') {
      return true; // the top-level domain: com, cn
    }
    // a generic second level under a country's domain: gov in .gov.cn
    return genericUnderCountry(cps, host) && e == lastDot(cps, host[1], host[2]) && s > host[1] && cps[s - 1] == '.';
  }

  /** A run without Chinese characters: itself without the marks around it, its letter and digit runs, their letters and digits. */
  private static void nonChinese(int[] cps, int[] kind, int from, int to, Sink sink) {
    int s = from, e = to;
    while (s < e && kind[s] == OTHER) {
      s++;
    }
    int keep = e; // trailing + and # after a letter stay: c++, c#
    while (keep > s && (cps[keep - 1] == '+' || cps[keep - 1] == '#')) {
      keep--;
    }
    if (keep == e || keep == s || kind[keep - 1] != LETTER) {
      while (e > s && kind[e - 1] == OTHER) {
        e--;
      }
    }
    if (s >= e) {
      return; // marks only
    }
    add(sink, s, e);
    for (int a = s; a < e; ) {
      if (kind[a] == OTHER) {
        a++;
        continue;
      }
      int b = a + 1;
      while (b < e && (kind[b] != OTHER || insideNumber(cps, kind, b, e))) {
        b++;
      }
      add(sink, a, b);
      lettersAndDigits(cps, kind, a, b, sink);
      a = b;
    }
  }

  /**
   * A run without Chinese characters that holds letters of two scripts or more ({@code ソニーのmp3},
   * kana then Latin): the pieces of each script's part, as {@link #nonChinese} finds them, so that
   * {@code mp3} is one. Digits and marks go with the letters before them (with the letters after
   * them at the run's start); hiragana and katakana are one script, as Japanese writes them together.
   * A lone letter of a script ({@code μ} in {@code μg/L} or {@code 5μm}, a unit's prefix) is no part:
   * it goes with the letters around it, as the chunker leaves a lone letter of an alphabet to the
   * network ({@code g/L} would find a query for grams per litre).
   */
  private static void scripts(int[] cps, int[] kind, int from, int to, Sink sink) {
    int current = -1; // the script of the last run of two letters or more
    int s = from;
    for (int i = from; i < to; ) {
      int script = kind[i] == LETTER ? script(cps[i]) : -1;
      if (script < 0) {
        i++;
        continue;
      }
      int letters = 0; // of this script, up to a letter of another one (other characters between them do not end the run)
      int j = i;
      for (; j < to; j++) {
        int other = kind[j] == LETTER ? script(cps[j]) : -1;
        if (other >= 0 && other != script) {
          break;
        }
        letters += other >= 0 ? 1 : 0;
      }
      if (letters >= 2) {
        if (current >= 0 && script != current) {
          nonChinese(cps, kind, s, i, sink);
          s = i;
        }
        current = script;
      }
      i = j;
    }
    if (s > from) {
      nonChinese(cps, kind, s, to, sink); // the last part, when there was more than one
    }
  }

  /** A letter's script, hiragana and katakana as one; -1 for the scripts letters of any script use (the prolonged sound mark). */
  private static int script(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    if (script == Character.UnicodeScript.HIRAGANA) {
      script = Character.UnicodeScript.KATAKANA;
    }
    return script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED ? -1 : script.ordinal();
  }

  /** The letter runs and the digit runs (numbers with their points) of a run of letters and digits. */
  private static void lettersAndDigits(int[] cps, int[] kind, int from, int to, Sink sink) {
    for (int a = from; a < to; ) {
      boolean digits = kind[a] != LETTER;
      int b = a + 1;
      while (b < to && (digits ? kind[b] == DIGIT || kind[b] == OTHER : kind[b] == LETTER)) {
        b++;
      }
      if ((a > from || b < to) && (digits || b - a >= 3)) { // mp3 has no part mp
        add(sink, a, b);
      }
      a = b;
    }
  }

  /** Whether the mark at {@code i} sits inside a number: {@code . , :} (or their full-width forms) between two digits. */
  private static boolean insideNumber(int[] cps, int[] kind, int i, int end) {
    int c = cps[i];
    boolean point = c == '.' || c == ',' || c == ':' || c == '．' || c == '，' || c == '：';
    return point && i > 0 && i + 1 < end && kind[i - 1] == DIGIT && kind[i + 1] == DIGIT;
  }

  /**
   * The host of a web address ({@code www.example.com} in {@code https://www.example.com/a}, {@code
   * example.com} in {@code http://user@example.com}) or of a mail address, as {@code {scheme,
   * start, end}} ({@code scheme}: where {@code ://} starts, or -1), or null if the word has none (a
   * host of one label, {@code localhost}, only after a scheme).
   */
  private static int[] host(int[] cps, int[] kind, int n) {
    int start = -1;
    int scheme = -1;
    for (int i = 0; i + 2 < n; i++) {
      if (cps[i] == ':' && cps[i + 1] == '/' && cps[i + 2] == '/') {
        scheme = i;
        start = i + 3;
        break;
      }
    }
    for (int i = Math.max(start, 0); start >= 0 && i < n && !endsHost(cps, kind, i); i++) {
      if (cps[i] == '@') {
        start = i + 1; // after the user (and password) before the host: http://user:secret@example.com
      }
    }
    if (start < 0) {
      for (int i = 1; i < n; i++) {
        if (cps[i] == '@' && kind[i - 1] != OTHER && kind[i - 1] != HAN) {
          start = i + 1;
          break;
        }
      }
    }
    if (start < 0 && (n > 4 && new String(cps, 0, 4).toLowerCase(Locale.ROOT).equals("www.") || hostWithPath(cps, kind, n))) {
      start = 0;
    }
    if (start < 0) {
      return null;
    }
    int end = start;
    boolean dot = false;
    while (end < n && !endsHost(cps, kind, end) && cps[end] != ':') {
      dot |= cps[end] == '.' && end > start && end + 1 < n && kind[end + 1] != OTHER;
      end++;
    }
    while (end > start && kind[end - 1] == OTHER) {
      end--; // a full stop after the address
    }
    return dot || scheme >= 0 ? new int[] {scheme, start, end} : null; // http://localhost: a host of one label
  }

  /**
   * Top-level domains that mark a word of dot-separated labels as a host name even without a scheme
   * or a path ({@code pan.baidu.com}, {@code zwfw.shanghai.gov.cn}), written in lower case: the
   * generic ones and the countries Chinese text names most, not those that are also file
   * extensions ({@code md}, {@code py}, {@code sh}, {@code rs}, {@code ai}: {@code readme.md}).
   */
  private static final java.util.Set<String> BARE_HOST_TLDS = java.util.Set.of("com", "net", "org", "cn", "edu",
      "gov", "info", "biz", "top", "xyz", "hk", "tw", "mo", "jp", "kr", "uk", "de", "fr", "ru", "us", "sg", "tv",
      "cc", "me", "mil", "int", "co");

  /**
   * Last labels of names that are not hosts, as technical text writes them before a slash ({@code
   * Node.js/Vue.js}): file types and the suffixes of programming frameworks, none of them a
   * top-level domain in common use ({@code rs}, {@code sh} and {@code md} are: {@code docs.rs/serde}).
   */
  private static final java.util.Set<String> NAME_SUFFIXES =
      java.util.Set.of("js", "ts", "jsx", "tsx", "py", "cs", "cpp", "java", "json", "xml", "html",
          "htm", "txt", "exe", "dll", "jar", "php", "css", "vue");

  /**
   * Whether the word starts with a host name followed by a path, perhaps after a port ({@code
   * github.com/apache/lucene}, {@code example.com:8080/a}), as the chunker keeps such an address
   * whole without a scheme, or is a host name alone under a common top-level domain in lower case
   * ({@link #BARE_HOST_TLDS}: {@code pan.baidu.com}): two or more dot-separated labels of letters,
   * digits and {@code -}, the last of two letters or more, not in capitals and not a file type
   * ({@link #NAME_SUFFIXES}) when a path follows. Another name alone ({@code app.ini}, {@code
   * ASP.NET}, {@code Node.js}) is not taken for a host, nor one before a slash ({@code ASP.NET/C#}).
   */
  private static boolean hostWithPath(int[] cps, int[] kind, int n) {
    int i = 0;
    int labels = 0;
    int lastLetters = 0;
    int lastStart = 0;
    while (true) {
      int s = i;
      boolean letters = true;
      while (i < n && (kind[i] == LETTER || kind[i] == DIGIT || cps[i] == '-')) {
        letters &= kind[i] == LETTER;
        i++;
      }
      if (i == s) {
        return false;
      }
      labels++;
      lastLetters = letters ? i - s : 0;
      lastStart = s;
      if (i + 1 < n && cps[i] == '.' && kind[i + 1] != OTHER && kind[i + 1] != HAN) {
        i++;
      } else {
        break;
      }
    }
    if (labels < 2 || lastLetters < 2) {
      return false;
    }
    String last = new String(cps, lastStart, i - lastStart);
    if (i == n) { // a host name alone: only under a common top-level domain written in lower case
      return BARE_HOST_TLDS.contains(last);
    }
    if (last.equals(last.toUpperCase(Locale.ROOT)) || NAME_SUFFIXES.contains(last.toLowerCase(Locale.ROOT))) {
      return false; // ASP.NET/C#, Node.js/Vue.js: a list of names, not an address
    }
    if (i + 1 < n && cps[i] == ':' && kind[i + 1] == DIGIT) {
      i++;
      while (i < n && kind[i] == DIGIT) {
        i++; // a port
      }
    }
    return i + 1 < n && cps[i] == '/';
  }

  /** Whether the character at {@code i} ends an address's host and the user before it: a path, query, fragment or Chinese. */
  private static boolean endsHost(int[] cps, int[] kind, int i) {
    int c = cps[i];
    return kind[i] == HAN || c == '/' || c == '?' || c == '#' || c == '\\';
  }

  /**
   * The word's code points with full-width ASCII forms ({@code ｇｉｔｈｕｂ．ｃｏｍ／}, as an input method types
   * them) read as ASCII, so that an address or a unit is found in either; the same array when it has none.
   * Pieces are character ranges, so the caller's text keeps its forms.
   */
  private static int[] asciiForms(int[] cps, int n) {
    int[] folded = cps;
    for (int i = 0; i < n; i++) {
      int ascii = dev.fenci.text.Chunker.asciiForm(cps[i]);
      if (ascii != cps[i]) {
        folded = folded == cps ? java.util.Arrays.copyOf(cps, n) : folded;
        folded[i] = ascii;
      }
    }
    return folded;
  }

  private static void add(Sink sink, int start, int end) {
    if (end - start >= 2) {
      sink.piece(start, end);
    }
  }

  private static int kindOf(int cp) {
    if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
      return HAN; // as Subwords reads it (〇 and the radicals too)
    }
    return Character.isDigit(cp) ? DIGIT : Character.isLetter(cp) ? LETTER : OTHER;
  }
}
