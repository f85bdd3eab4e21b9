package dev.fenci.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web pages of other origins that may call the server (CORS), opt-in: none by default, when
 * the browser keeps a page from reading the answers of another origin. A request from an allowed
 * origin gets {@code Access-Control-Allow-Origin} (its origin, with {@code Vary: Origin}; {@code *}
 * for every request when any origin is allowed), and a preflight from one also the methods of the
 * path, the request headers the server reads and how long the browser may keep that. Requests from
 * other origins are answered as before, without these headers: the browser then keeps their
 * answers from the page (a 403 would say no more). No credentials: the server has no
 * authentication.
 */
final class Cors {
  /** No origin allowed: no CORS headers. */
  static final Cors NONE = new Cors(Set.of());
  /** The request headers a preflight may ask for: the ones the server reads. */
  static final String ALLOW_HEADERS = "Content-Type, Content-Encoding";
  /** Seconds a browser may keep a preflight's answer (Chrome keeps one at most 2 hours). */
  static final int MAX_AGE_SECONDS = 7200;

  private static final Pattern ORIGIN = Pattern.compile(
      "([A-Za-z][A-Za-z0-9+.-]*)://(\\[[0-9A-Fa-f:.]+\\]|[^\\[\\]/?#@:\\s*]+)(?::([0-9]{1,5}))?");

  /**
   * An http or https origin whose {@code ://} is misspelt ({@code http:/}, {@code http//}, {@code https:}), and
   * the rest; not a host named http with a port ({@code http:8080}).
   */
  private static final Pattern MISSPELT_SCHEME = Pattern.compile("(?i)(https?)(:/|:?//?|:(?![0-9]+(?:/|$)))(.*)");

  private final Set<String> origins;
  private final boolean any;

  private Cors(Set<String> origins) {
    this.origins = origins;
    this.any = origins.contains("*");
  }

  /** The origins given, checked (see {@link #origin}); none: {@link #NONE}. */
  static Cors of(Collection<String> origins) {
    Set<String> set = new LinkedHashSet<>();
    for (String o : origins) {
      set.add(origin(o));
    }
    return set.isEmpty() ? NONE : new Cors(Set.copyOf(set));
  }

  /**
   * An origin as a browser sends it in {@code Origin} ({@code scheme://host[:port]}, the scheme and
   * host in lower case, without the scheme's default port), or {@code *}: any origin.
   *
   * @throws IllegalArgumentException if it is no origin, saying what one is
   */
  static String origin(String value) {
    String v = value == null ? "" : value.strip();
    if (v.equals("*")) {
      return v;
    }
    String expected = "an origin is the start of a page's address, scheme://host[:port] without a path or a trailing"
        + " /, e.g. http://localhost:3000 or https://example.com; or * for any origin";
    if (v.isEmpty()) {
      throw new IllegalArgumentException("an empty origin: " + expected);
    }
    if (!v.contains("://")) {
      Matcher typo = MISSPELT_SCHEME.matcher(v);
      String host = typo.matches() ? typo.group(3).split("/")[0] : "";
      if (!host.isEmpty()) {
        // http:/localhost:3000, https//example.com, https:localhost: the scheme is there, its :// is not
        String meant = typo.group(1).toLowerCase(Locale.ROOT) + "://" + host;
        throw new IllegalArgumentException("'" + v + "' misspells the :// after its scheme: " + expected
            + " (did you mean " + meant + "?)");
      }
      throw new IllegalArgumentException("'" + v + "' has no scheme: " + expected
          + (v.equals("null") ? " (a page opened from a file sends Origin: null: allow it with *)"
              : " (did you mean http://" + v.split("/")[0] + " or https://" + v.split("/")[0] + "?)"));
    }
    int slash = v.indexOf('/', v.indexOf("://") + 3);
    if (slash >= 0) {
      String bare = v.substring(0, slash);
      throw new IllegalArgumentException("'" + v + "' has a path" + (slash == v.length() - 1 ? " (a trailing /)" : "")
          + ": " + expected + " (did you mean " + bare + "?)");
    }
    if (v.indexOf('*') >= 0) {
      throw new IllegalArgumentException("'" + v + "' has a wildcard: " + expected
          + " (list each origin, or allow any with *)");
    }
    Matcher m = ORIGIN.matcher(v);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + v + "' is no origin: " + expected);
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String host = m.group(2);
    if (!host.chars().allMatch(c -> c < 0x80)) {
      try {
        host = java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED); // as the browser sends it: xn--...
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + v + "' has no valid host name (" + e.getMessage() + "): " + expected);
      }
    }
    host = host.toLowerCase(Locale.ROOT);
    String port = m.group(3);
    if (port != null) {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("'" + v + "' has a port out of range (from 1 to 65535): " + expected);
      }
      boolean standard = scheme.equals("http") && p == 80 || scheme.equals("https") && p == 443;
      port = standard ? null : String.valueOf(p);
    }
    return scheme + "://" + host + (port == null ? "" : ":" + port);
  }

  /** Sets the CORS headers of the answer to a request (a preflight's too): none if its origin is not allowed. */
  void answer(HttpExchange ex) {
    if (origins.isEmpty()) {
      return;
    }
    Headers out = ex.getResponseHeaders();
    String origin = ex.getRequestHeaders().getFirst("Origin");
    if (!any) {
      out.set("Vary", "Origin"); // caches keep the answer to each origin apart, allowed or not
    }
    if (any || origin != null && origins.contains(origin)) {
      out.set("Access-Control-Allow-Origin", any ? "*" : origin);
      out.set("Access-Control-Expose-Headers", "Retry-After"); // a page can then wait as a busy server asks
    }
  }

  /**
   * Sets the headers of a preflight's answer, if the request ({@code OPTIONS}) is one, from an
   * allowed origin, to a path that takes {@code methods}: the browser checks the method and headers
   * it asked for against them.
   */
  void preflight(HttpExchange ex, String methods) {
    Headers in = ex.getRequestHeaders();
    String origin = in.getFirst("Origin");
    if (origins.isEmpty() || origin == null || in.getFirst("Access-Control-Request-Method") == null
        || !any && !origins.contains(origin)) {
      return;
    }
    Headers out = ex.getResponseHeaders();
    out.set("Access-Control-Allow-Methods", methods);
    out.set("Access-Control-Allow-Headers", ALLOW_HEADERS);
    out.set("Access-Control-Max-Age", String.valueOf(MAX_AGE_SECONDS));
    if ("true".equalsIgnoreCase(in.getFirst("Access-Control-Request-Private-Network"))) {
      out.set("Access-Control-Allow-Private-Network", "true"); // a public page calling a server on this machine (Chrome)
    }
  }
}
