package dev.fenci.text;

import java.util.Set;

/**
 * Finds web and e-mail addresses, which the chunker keeps whole: the network, trained on
 * newspaper text with next to none, would cut them at {@code :}, {@code ?} or {@code @}.
 * Characters are compared in their ASCII forms, so that full-width letters, digits and marks
 * ({@code ｗｗｗ．ｐｅｏｐｌｅｄａｉｌｙ．ｃｏｍ．ｃｎ}, as the People's Daily writes an address, one word
 * in its segmentation) count as the ASCII ones, as they do for the network under the
 * {@link TextRules#FOLD fold} rules; but the full-width marks that Chinese text uses as its own
 * punctuation ({@code ，；：！？（）［］＇＂}) end an address, except the colon of its scheme.
 *
 * <ul>
 *   <li>A web address starts with a scheme and {@code ://} ({@code http://}, {@code https://}, {@code ftp://}
 *       in any case, and any other in lower case: {@code redis://}, {@code file:///}, {@code jdbc:mysql://};
 *       {@link #schemeEnd}) or with {@code www.} after a character that is not a letter or digit, and runs over the
 *       characters a URL may hold (RFC 3986: letters, digits and {@code -._~:/?#[]@!$&'()*+,;=%}).
 *       It ends before the first closing bracket ({@code )} or {@code ]}) that it did not open, and
 *       marks that end a sentence or clause ({@code . , ; : ! ? ' "}), open a bracket or
 *       emphasise in Markdown ({@code *}) are not taken at its end.</li>
 *   <li>Without a scheme, a host name ({@code example.com}: two or more dot-separated labels, the
 *       last of two letters or more) followed by a path ({@code /a}), perhaps after a port
 *       ({@code :8080/a}), starts a web address too, which runs on as above; so does {@code localhost},
 *       or a host name of a common domain or of three labels or more, with a port, with or without a
 *       path ({@code localhost:8080}, {@code example.com:8080}, but not {@code Node.js:18}).</li>
 *   <li>A relative file path as a shell writes it ({@code ./configure}, {@code ../a/b.sh},
 *       {@code ~/.bashrc}; {@link #relativePathEnd}).</li>
 *   <li>A Windows file path from a drive letter ({@code C:\Windows\system32}) or a network path
 *       ({@code \\\\server\share}) runs over ASCII letters and digits, backslashes and the marks of
 *       file names up to a space or any other character ({@link #drivePathEnd}).</li>
 *   <li>An IPv6 or MAC address ({@code 2001:db8::1}, {@code 00:1A:2B:3C:4D:5E}; {@link #hexAddressEnd}).</li>
 *   <li>An e-mail address is a local part of letters, digits and {@code . _ % + -} that does not
 *       follow another such character, {@code @}, then two or more dot-separated labels of
 *       letters, digits and {@code -}, the last of two letters or more.</li>
 * </ul>
 *
 * Letters and digits here are those of ASCII (or their full-width forms); inside a web address
 * also Latin letters with diacritics and combining marks ({@code https://café.fr},
 * {@code https://cafe\u0301.fr}); anything else is left to the network.
 */
final class Links {
  private static final String URL_MARKS = "-._~:/?#[]@!$&'()*+,;=%";
  private static final String TRAILING = ".,;:!?'\"([*";
  private static final String LOCAL_MARKS = "._%+-";
  /** Full-width marks that are Chinese punctuation, never part of an address (but for a scheme's colon). */
  private static final String CHINESE_PUNCTUATION = "，；：！？（）［］＇＂";

  private Links() {}

  /** The end of the web or e-mail address that starts at {@code i}, or -1 if none starts there. */
  static int end(CharSequence text, int i) {
    if (!isAlnum(text.charAt(i))) {
      char c = text.charAt(i);
      return c == '\\' ? uncPathEnd(text, i) : c == '.' || c == '~' ? relativePathEnd(text, i)
          : c == ':' ? hexAddressEnd(text, i) : -1;
    }
    int url = urlEnd(text, i);
    if (url < 0) {
      url = bareHostEnd(text, i);
    }
    if (url < 0) {
      url = drivePathEnd(text, i);
    }
    if (url < 0) {
      url = hexAddressEnd(text, i);
    }
    return url > 0 ? url : emailEnd(text, i);
  }

  /**
   * The end of the IPv6 or MAC address that starts at {@code i}, or -1 if none does: groups of one to four ASCII
   * hexadecimal digits between colons, eight of them or fewer with one {@code ::} ({@code 2001:db8::1}, {@code ::1},
   * {@code 2001:0db8:85a3:0000:0000:8a2e:0370:7334}), the last two perhaps an IPv4 address ({@code ::ffff:192.168.1.1}),
   * perhaps with a zone ({@code fe80::1%eth0}) or a prefix's length
   * ({@code 2001:db8::/32}), or six groups of two digits ({@code 00:1A:2B:3C:4D:5E}); not after a letter, a digit or
   * {@code : . _ -}, nor before a letter or digit. The network had cut them at their colons
   * ({@code 2001 : db8::1}, {@code 00:1A : 2B : 3C}); a time ({@code 12:30:45}) has too few groups.
   */
  private static int hexAddressEnd(CharSequence text, int i) {
    int n = text.length();
    if (i > 0 && (Chunker.isAsciiAlnum(text.charAt(i - 1)) || ":._-".indexOf(text.charAt(i - 1)) >= 0)) {
      return -1;
    }
    int k = i;
    boolean doubleColon = false;
    if (text.charAt(k) == ':') {
      if (k + 1 >= n || text.charAt(k + 1) != ':') {
        return -1;
      }
      doubleColon = true;
      k += 2;
    }
    int groups = 0;
    boolean pairs = true; // every group two digits (a MAC address)
    while (groups < 8) {
      int s = k;
      while (k < n && k - s < 4 && isHexDigit(text.charAt(k))) {
        k++;
      }
      if (k == s) {
        break; // nothing after :: (fe80::)
      }
      groups++;
      pairs &= k - s == 2;
      if (k + 1 < n && text.charAt(k) == ':' && text.charAt(k + 1) == ':' && !doubleColon) {
        doubleColon = true;
        k += 2;
      } else if (k + 1 < n && text.charAt(k) == ':' && isHexDigit(text.charAt(k + 1))) {
        k++;
      } else {
        break;
      }
    }
    boolean ipv6 = doubleColon ? groups <= 7 && k - i > 2 : groups == 8;
    boolean mac = !doubleColon && groups == 6 && pairs;
    if (k + 1 < n && text.charAt(k) == '.' && text.charAt(k + 1) >= '0' && text.charAt(k + 1) <= '9' && groups >= 1
        && (doubleColon || groups == 7)) {
      // an IPv4 address in the last 32 bits (::ffff:192.168.1.1, 64:ff9b::192.0.2.33): the last group read is its first
      // number, and it stands for two groups
      int s = k - 1;
      while (s > i && Chunker.isAsciiAlnum(text.charAt(s - 1))) {
        s--;
      }
      int e = ipv4End(text, s);
      if (e < 0) {
        return -1;
      }
      ipv6 = true;
      mac = false;
      k = e;
    }
    if (!ipv6 && !mac || k < n && (Chunker.isAsciiAlnum(text.charAt(k)) || text.charAt(k) == ':'
        || text.charAt(k) == '.' && k + 1 < n && text.charAt(k + 1) >= '0' && text.charAt(k + 1) <= '9')) {
      return -1;
    }
    if (ipv6 && k + 1 < n && (text.charAt(k) == '%' || text.charAt(k) == '/') && Chunker.isAsciiAlnum(text.charAt(k + 1))) {
      int e = k + 1; // a zone (%eth0) or a prefix's length (/64)
      while (e < n && Chunker.isAsciiAlnum(text.charAt(e)) && e - k <= 16) {
        e++;
      }
      boolean prefix = text.charAt(k) == '/';
      if (!(prefix && !allDigits(text, k + 1, e)) && (e == n || !Chunker.isAsciiAlnum(text.charAt(e)))) {
        k = e;
      }
    }
    return k;
  }

  /** The end of the dotted IPv4 address ({@code 192.168.1.1}: four numbers up to 255) at {@code from}, or -1. */
  private static int ipv4End(CharSequence text, int from) {
    int n = text.length();
    int k = from;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (k >= n || text.charAt(k) != '.') {
          return -1;
        }
        k++;
      }
      int s = k;
      int value = 0;
      while (k < n && k - s < 3 && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
        value = value * 10 + text.charAt(k) - '0';
        k++;
      }
      if (k == s || value > 255) {
        return -1;
      }
    }
    return k;
  }

  /** An ASCII hexadecimal digit, either case. */
  static boolean isHexDigit(char c) {
    return c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'f';
  }

  private static boolean allDigits(CharSequence text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (text.charAt(k) < '0' || text.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Marks a Windows file path holds besides letters, digits and backslashes ({@code C:\Program_Files\a-b (2).txt}). */
  private static final String PATH_MARKS = "._-~$()+,;=@[]{}!#%&'";

  /**
   * A Windows path from a drive letter ({@code C:\Windows\system32\drivers\etc\hosts}): an ASCII
   * letter that follows no letter or digit, {@code :\}, then backslashes, ASCII letters and digits,
   * Latin letters with their marks and {@link #PATH_MARKS}, up to a space, a Chinese character or any
   * other character (a folder written in Chinese ends it, as for web addresses), without marks that
   * end a sentence at its end, and before the first closing bracket it did not open.
   */
  private static int drivePathEnd(CharSequence text, int i) {
    char d = text.charAt(i);
    if ((d | 0x20) < 'a' || (d | 0x20) > 'z' || i + 2 >= text.length() || text.charAt(i + 1) != ':'
        || text.charAt(i + 2) != '\\' || i > 0 && (isAlnum(text.charAt(i - 1)) || continuesLetter(text, i - 1))) {
      return -1;
    }
    return scanEnd(text, i + 3, i + 3, Links::isPathChar);
  }

  /** A network path ({@code \\\\server\share\file}): two backslashes after no backslash, then a letter or digit, then as a drive path. */
  private static int uncPathEnd(CharSequence text, int i) {
    if (i + 2 >= text.length() || text.charAt(i + 1) != '\\' || !isAsciiAlnum(text.charAt(i + 2))
        || i > 0 && text.charAt(i - 1) == '\\') {
      return -1;
    }
    return scanEnd(text, i + 2, i + 2, Links::isPathChar);
  }

  /**
   * A relative file path as a shell writes it ({@code ./configure}, {@code ../scripts/build.sh},
   * {@code ~/.bashrc}): {@code ./}, {@code ../} or {@code ~/} in ASCII after no letter, digit or
   * {@code . / \ ~ _ -} (a quote or a bracket is fine), then a letter, a digit or {@code . _ -}, and on
   * as a drive path with slashes ({@link #isUnixPathChar}), up to a space or a Chinese character. The
   * network, which never saw one, had cut {@code . /configure}. A path from the root
   * ({@code /usr/local/bin}) is left to the network, which keeps it whole: after a Chinese character it
   * cannot be told from a slash between two words ({@code 元/kg}).
   */
  private static int relativePathEnd(CharSequence text, int i) {
    int n = text.length();
    int slash = text.charAt(i) == '~' ? i + 1 : i + 1 < n && text.charAt(i + 1) == '.' ? i + 2 : i + 1;
    if (slash + 1 >= n || text.charAt(slash) != '/') {
      return -1;
    }
    char first = text.charAt(slash + 1);
    if (!isAsciiAlnum(first) && "._-".indexOf(first) < 0) {
      return -1;
    }
    if (i > 0) {
      char before = text.charAt(i - 1);
      if (isAlnum(before) || "./\\~_-".indexOf(before) >= 0
          || continuesLetter(text, i - Character.charCount(Character.codePointBefore(text, i)))) {
        return -1;
      }
    }
    int end = scanEnd(text, slash + 1, slash + 1, Links::isUnixPathChar);
    return end > slash + 1 ? end : -1; // not ./. nor ../..: the marks that end a sentence are not taken at its end
  }

  private static boolean isUnixPathChar(CharSequence text, int i) {
    char c = text.charAt(i);
    return isAsciiAlnum(c) || c == '/' || PATH_MARKS.indexOf(c) >= 0 || continuesLetter(text, i);
  }

  private static boolean isPathChar(CharSequence text, int i) {
    char c = text.charAt(i);
    return isAsciiAlnum(c) || c == '\\' || PATH_MARKS.indexOf(c) >= 0 || continuesLetter(text, i);
  }

  private static boolean isAsciiAlnum(char c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }

  private static int urlEnd(CharSequence text, int i) {
    if (i > 0 && isAlnum(text.charAt(i - 1))) {
      return -1;
    }
    int n = text.length();
    int start;
    if (startsWithIgnoringCase(text, i, WWW)) {
      start = i + WWW.length();
      if (start >= n || !isAlnum(text.charAt(start))) {
        return -1; // a name must follow
      }
    } else {
      start = schemeEnd(text, i);
      if (start < 0 || start >= n) {
        return -1;
      }
      char first = ascii(text.charAt(start));
      boolean web = isWebScheme(text, i);
      // a name must follow the scheme, or an IPv6 address in brackets (http://[::1]:8080), or for another scheme a
      // path (file:///etc/hosts)
      if (!isAlnum(text.charAt(start)) && first != '[' && (web || first != '/')) {
        return -1;
      }
      int end = restEnd(text, start, start);
      // another scheme's address holds a host's or a path's marks (redis://127.0.0.1, steam://run/730), or is a long
      // name (a download link's Base64, thunder://QUFodHRwOi8v...), not a word alone, as a comment after a label is
      // (default://do nothing, note://something)
      return web || first == '/' || holdsAny(text, start, end, "./:@?[=") || isCode(text, start, end) ? end : -1;
    }
    return restEnd(text, start, start);
  }

  /**
   * Whether {@code text[from, to)} is a long code ({@link #LONG_NAME} characters or more, with a digit and a capital:
   * Base64, {@code QUFodHRwOi8v...}), not words run together ({@code error://somethingwentwrong}).
   */
  private static boolean isCode(CharSequence text, int from, int to) {
    boolean digit = false;
    boolean capital = false;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      digit |= c >= '0' && c <= '9';
      capital |= c >= 'A' && c <= 'Z';
    }
    return to - from >= LONG_NAME && digit && capital;
  }

  /** Whether one of {@code marks} occurs in {@code text[from, to)}. */
  private static boolean holdsAny(CharSequence text, int from, int to, String marks) {
    for (int k = from; k < to; k++) {
      if (marks.indexOf(text.charAt(k)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of {@link #WEB_SCHEMES} starts at {@code i}. */
  private static boolean isWebScheme(CharSequence text, int i) {
    for (String scheme : WEB_SCHEMES) {
      if (startsWithIgnoringCase(text, i, scheme)) {
        return true;
      }
    }
    return false;
  }

  private static final String WWW = "www.";
  /** Characters after another scheme than the web's that make an address without a host's or a path's marks. */
  private static final int LONG_NAME = 16;
  /** The schemes of web addresses, which full-width text writes too ({@code ｈｔｔｐ：／／}) and any case. */
  private static final String[] WEB_SCHEMES = {"http://", "https://", "ftp://"};
  /** Characters of a scheme after its first letter (RFC 3986: {@code git+ssh}, {@code coap.tcp}, {@code x-foo}). */
  private static final String SCHEME_MARKS = "+-.";
  /** The most characters of one scheme, and the most schemes before {@code ://} ({@code jdbc:oracle:thin://}). */
  private static final int SCHEME_LENGTH = 32;
  private static final int SCHEMES_IN_A_ROW = 3;
  /** Schemes that wrap another ({@code jdbc:mysql://}, {@code jar:file:///}, {@code view-source:https://}). */
  private static final Set<String> WRAPPING_SCHEMES = Set.of("jdbc", "jar", "view-source", "blob", "feed");

  /**
   * The end of the {@code ://} after the scheme that starts at {@code i}, or -1 if none does: {@code http://},
   * {@code https://} or {@code ftp://} in any case and in full-width forms too ({@code ｈｔｔｐ：／／}), or any other
   * scheme as RFC 3986 writes it, in lower-case ASCII (a letter, then letters, digits and {@code + - .}; two
   * characters or more: {@code redis://}, {@code git+ssh://}, {@code file:///}), perhaps after a scheme that wraps
   * another ({@link #WRAPPING_SCHEMES}: {@code jdbc:mysql://}, {@code jdbc:oracle:thin://}). Not a word and a colon
   * before an address ({@code Source:http://}, {@code PS：http://}), nor a comment ({@code Note://}; and
   * {@link #urlEnd} wants a host's or a path's marks after another scheme: not {@code default://do}).
   */
  private static int schemeEnd(CharSequence text, int i) {
    for (String scheme : WEB_SCHEMES) {
      if (startsWithIgnoringCase(text, i, scheme)) {
        return i + scheme.length();
      }
    }
    int n = text.length();
    int k = i;
    for (int scheme = 0; scheme < SCHEMES_IN_A_ROW; scheme++) {
      int s = k;
      if (k >= n || text.charAt(k) < 'a' || text.charAt(k) > 'z') {
        return -1;
      }
      k++;
      while (k < n && k - s < SCHEME_LENGTH && isSchemeChar(text.charAt(k))) {
        k++;
      }
      if (k >= n || text.charAt(k) != ':' || k - s < 2) {
        return -1;
      }
      k++;
      if (k + 1 < n && text.charAt(k) == '/' && text.charAt(k + 1) == '/') {
        return k + 2;
      }
      if (scheme == 0 && !WRAPPING_SCHEMES.contains(text.subSequence(s, k - 1).toString())) {
        return -1;
      }
    }
    return -1;
  }

  /** A character of a scheme after its first letter: a lower-case ASCII letter, an ASCII digit or {@link #SCHEME_MARKS}. */
  private static boolean isSchemeChar(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || SCHEME_MARKS.indexOf(c) >= 0;
  }

  /**
   * The end of the address's characters from {@code from} on, the address's name starting at
   * {@code start}.
   */
  private static int restEnd(CharSequence text, int start, int from) {
    return scanEnd(text, start, from, (t, i) -> isUrlChar(t.charAt(i)) || continuesLetter(t, i));
  }

  /** Whether the character at an index of a text belongs to an address or a path. */
  private interface CharTest {
    boolean at(CharSequence text, int i);
  }

  /**
   * The end of a run of characters that pass {@code test} from {@code from} on: up to the first
   * closing bracket the run did not open ({@code (see http://example.com)} keeps its closing
   * bracket), without marks that end a sentence at its end (but never before {@code keep}).
   */
  private static int scanEnd(CharSequence text, int keep, int from, CharTest test) {
    int n = text.length();
    int end = from;
    int parens = 0;
    int brackets = 0;
    while (end < n && test.at(text, end)) {
      char c = ascii(text.charAt(end));
      parens += c == '(' ? 1 : c == ')' ? -1 : 0;
      brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
      if (parens < 0 || brackets < 0) {
        break;
      }
      end += Character.charCount(Character.codePointAt(text, end));
    }
    end = trimmed(text, keep, end);
    // an HTML character reference that the trimmed marks cut is the page's, not the address's
    // (http://a.cn&nbsp;, a.cn/?q=&quot;x&quot;), as its semicolon shows; one inside stays (?a=1&amp;b=2)
    for (int amp = end - 1; amp >= keep && end - amp <= HtmlEntities.LONGEST; amp--) {
      if (text.charAt(amp) == '&') {
        if (HtmlEntities.end(text, amp) <= end) {
          break;
        }
        end = trimmed(text, keep, amp);
        amp = end;
      }
    }
    return end;
  }

  /** {@code end} moved back over the marks that end a sentence ({@link #TRAILING}), never before {@code keep}. */
  private static int trimmed(CharSequence text, int keep, int end) {
    while (end > keep && TRAILING.indexOf(ascii(text.charAt(end - 1))) >= 0) {
      end--;
    }
    return end;
  }

  /**
   * A web address without a scheme whose host name is followed by a path, perhaps after a port
   * ({@code example.com/search?q=1}, {@code github.com:8080/path}): two or more dot-separated
   * labels of letters, digits and {@code -}, the last of two letters or more, then {@code /} and a
   * character a URL may hold. Not after a letter or digit (Latin ones beyond ASCII included), nor
   * after a mark of an address ({@code . _ - @ / %}, or {@code :} after a letter or digit); a
   * sentence's colon before it ({@code 网址：}, {@code 地址:}) is fine. A host name alone
   * ({@code example.com}), with a port alone unless {@link #isWebHost} ({@code example.com:8080} is an address,
   * {@code Node.js:18} is not) or with a slash before Chinese
   * ({@code Node.js/其他}, an "or") is left to the other rules. The one host of one label that
   * developers write, {@code localhost}, is an address with a port, with or without a path
   * ({@code localhost:8080}, {@code localhost:8080/api}; it had been cut {@code localhost : 8080}).
   */
  private static int bareHostEnd(CharSequence text, int i) {
    if (i > 0) {
      char raw = text.charAt(i - 1);
      char before = ascii(raw);
      boolean sentenceColon = before == ':' && (raw == '：' || i < 2 || !isAlnum(text.charAt(i - 2)));
      if (!sentenceColon && (isAlnum(before) || "._-@/:%".indexOf(before) >= 0
          || continuesLetter(text, i - Character.charCount(Character.codePointBefore(text, i))))) {
        return -1;
      }
    }
    int end = hostEnd(text, i);
    boolean local = end < 0 && startsWithIgnoringCase(text, i, LOCALHOST);
    if (local) {
      end = i + LOCALHOST.length();
    } else if (end < 0) {
      return -1;
    }
    int n = text.length();
    int host = end;
    boolean port = end + 1 < n && text.charAt(end) == ':' && isDigit(text.charAt(end + 1));
    if (port) {
      end++; // a port, then a path
      while (end < n && isDigit(text.charAt(end))) {
        end++;
      }
    }
    // the path: a slash (ASCII or full-width) and a character an address may hold
    if (end + 1 >= n || ascii(text.charAt(end)) != '/' || !isUrlChar(text.charAt(end + 1))) {
      if (!port || !local && !isWebHost(text, i, host)) {
        return -1;
      }
      // a port alone, or with a query or a fragment (example.com:8080?x=1)
      char next = end < n ? ascii(text.charAt(end)) : ' ';
      return (next == '?' || next == '#') && end + 1 < n && isUrlChar(text.charAt(end + 1)) ? restEnd(text, i, end)
          : end == n || !isAlnum(text.charAt(end)) ? end : -1;
    }
    return local && !port ? -1 : restEnd(text, i, end);
  }

  /**
   * The last labels of host names that are an address with a port alone ({@code api.example.com:443},
   * {@code www.baidu.com:80}; {@link #isWebHost}): the common generic and country domains, but for those that
   * are also file extensions with a line number after them ({@code foo.cc:42}, {@code Makefile.in:12}).
   */
  private static final Set<String> WEB_DOMAINS = Set.of("com", "net", "org", "edu", "gov", "mil",
      "int", "info", "biz", "io", "ai", "app", "dev", "co", "me", "tv", "xyz", "top", "site", "online", "tech",
      "cloud", "cn", "hk", "tw", "mo", "jp", "kr", "sg", "uk", "us", "de", "fr", "ru", "au", "ca");

  /**
   * Whether the host name {@code [from, end)} ({@link #hostEnd}) is a web host with or without a path
   * after its port ({@link #bareHostEnd}): a last label among {@link #WEB_DOMAINS} ({@code example.com}),
   * or three labels or more ({@code api.example.com}) unless the last is a file's extension
   * ({@link #FILE_EXTENSIONS}: {@code jquery.min.js:1} is a file and a line); not a name with a version
   * after a colon ({@code Node.js:18}, {@code Vue.js:3}).
   */
  private static boolean isWebHost(CharSequence text, int from, int end) {
    int dots = 0;
    int last = from;
    for (int k = from; k < end; k++) {
      if (ascii(text.charAt(k)) == '.') {
        dots++;
        last = k + 1;
      }
    }
    StringBuilder label = new StringBuilder(end - last);
    for (int k = last; k < end; k++) {
      label.append((char) (ascii(text.charAt(k)) | 0x20));
    }
    String domain = label.toString();
    return WEB_DOMAINS.contains(domain) || dots >= 2 && (!FILE_EXTENSIONS.contains(domain) || underSecondLevel(text, from, last));
  }

  /**
   * Whether the label before the last one, which starts the host's last label at {@code last}, is a
   * country's second-level domain ({@link #SECOND_LEVEL}: {@code example.co.in}, {@code shop.com.py}):
   * a host, whatever its last label.
   */
  private static boolean underSecondLevel(CharSequence text, int from, int last) {
    int start = last - 1;
    while (start > from && ascii(text.charAt(start - 1)) != '.') {
      start--;
    }
    StringBuilder label = new StringBuilder(last - 1 - start);
    for (int k = start; k < last - 1; k++) {
      label.append((char) (ascii(text.charAt(k)) | 0x20));
    }
    return SECOND_LEVEL.contains(label.toString());
  }

  /** The second-level domains under which a country's hosts are named ({@code co.in}, {@code com.pl}). */
  private static final Set<String> SECOND_LEVEL = Set.of("com", "net", "org", "edu", "gov", "co", "ac");

  /**
   * Extensions of files that developers cite with a line number ({@code jquery.min.js:1},
   * {@code app.config.json:3}): a name of three labels or more that ends in one is a file and a line,
   * as {@code main.py:12} is, not a host and a port ({@link #isWebHost}), unless a second-level domain
   * comes before it ({@code shop.com.py:80}). Not {@code cc} nor {@code in}, the domains of many Chinese and
   * Indian sites ({@code api.example.cc:8080}) more often than C++ sources and autoconf templates.
   */
  private static final Set<String> FILE_EXTENSIONS = Set.of("js", "mjs", "cjs", "ts", "jsx", "tsx", "vue",
      "py", "java", "kt", "scala", "go", "rs", "rb", "php", "c", "h", "cpp", "hpp", "cs", "swift", "m",
      "sh", "pl", "lua", "sql", "json", "yaml", "yml", "xml", "toml", "ini", "cfg", "conf", "properties",
      "html", "htm", "css", "scss", "md", "txt", "log", "csv", "gradle", "lock");

  /** The host of one label that is an address with a port ({@link #bareHostEnd}). */
  private static final String LOCALHOST = "localhost";

  /** An ASCII digit or its full-width form. */
  private static boolean isDigit(char c) {
    char a = ascii(c);
    return a >= '0' && a <= '9';
  }

  private static int emailEnd(CharSequence text, int i) {
    if (i > 0 && isLocalChar(text.charAt(i - 1))) {
      return -1;
    }
    int n = text.length();
    int at = i;
    while (at < n && isLocalChar(text.charAt(at))) {
      at++;
    }
    if (at >= n || ascii(text.charAt(at)) != '@') {
      return -1;
    }
    return hostEnd(text, at + 1);
  }

  /**
   * The end of the host name that starts at {@code from} (of an e-mail address after its
   * {@code @}, or of a web address without a scheme), or -1 if none does: two or more labels of
   * letters, digits and {@code -}, each dot followed by a letter or digit, the last label of two
   * letters or more.
   */
  private static int hostEnd(CharSequence text, int from) {
    int n = text.length();
    int end = from;
    int labels = 0;
    int lastLabelLetters = 0;
    while (true) {
      int s = end;
      boolean letters = true;
      while (end < n && (isAlnum(text.charAt(end)) || ascii(text.charAt(end)) == '-')) {
        letters &= Character.isLetter(ascii(text.charAt(end)));
        end++;
      }
      if (end == s) {
        break; // no label here (nothing after the @)
      }
      labels++;
      lastLabelLetters = letters ? end - s : 0;
      if (end + 1 < n && ascii(text.charAt(end)) == '.' && isAlnum(text.charAt(end + 1))) {
        end++;
        continue;
      }
      break;
    }
    return labels >= 2 && lastLabelLetters >= 2 ? end : -1;
  }

  private static boolean startsWithIgnoringCase(CharSequence text, int i, String prefix) {
    if (i + prefix.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      char c = ascii(text.charAt(i + k));
      char p = prefix.charAt(k);
      if (c != p && !(Character.isLetter(p) && (c | 0x20) == p)) {
        return false;
      }
    }
    return true;
  }

  /** The ASCII form of a full-width character ({@link Chunker#asciiForm}); any other character as it is. */
  private static char ascii(char c) {
    return (char) Chunker.asciiForm(c);
  }

  private static boolean isAlnum(char c) {
    return Chunker.isAsciiAlnum(ascii(c));
  }

  private static boolean isUrlChar(char c) {
    return isAlnum(c) || (URL_MARKS.indexOf(ascii(c)) >= 0 && CHINESE_PUNCTUATION.indexOf(c) < 0);
  }

  /**
   * Whether the character at {@code i}, inside an address, is a Latin letter beyond ASCII or a
   * combining mark ({@code café}, {@code cafe\u0301}, as an internationalised address writes
   * them). Chinese characters, which follow addresses without a space, never are.
   */
  private static boolean continuesLetter(CharSequence text, int i) {
    int cp = Character.codePointAt(text, i);
    return Chunker.isCombiningMark(cp)
        || (cp >= 0xC0 && Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
  }

  private static boolean isLocalChar(char c) {
    return isAlnum(c) || LOCAL_MARKS.indexOf(ascii(c)) >= 0;
  }
}
