package dev.fenci.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.fenci.Segmenter;
import dev.fenci.Token;
import dev.fenci.model.Json;
import dev.fenci.text.Utf8Reader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's requests and answers.
 *
 * <ul>
 *   <li>{@code POST /segment}: the body is the text ({@code text/plain}, UTF-8), or JSON
 *       ({@code application/json}) {@code {"text": "..."}} or {@code {"texts": ["...", ...]}};
 *       the answer {@code {"words": [...]}}, or {@code {"words": [[...], ...]}} for {@code texts}
 *       (one list per text, segmented as one batch).</li>
 *   <li>{@code POST /tokenize}: the same requests; the answer {@code {"tokens": [{"word": "...",
 *       "start": 0, "end": 2}, ...]}} (or a list of such lists), offsets in UTF-16 code units as in
 *       Java and JavaScript strings.</li>
 *   <li>{@code GET /health}: {@code ok}. {@code GET /}: this list, as text.</li>
 * </ul>
 *
 * Words are those of {@link Segmenter#segment(String)}: they concatenate back to the text,
 * whitespace included. Errors are JSON {@code {"error": "..."}} with 400 (invalid UTF-8 or JSON,
 * a missing field), 404, 405, 413 (a body over the limit) or 415 (another content type or
 * charset); a failure inside the server is 500 with its message.
 */
final class Requests implements HttpHandler {
  private static final String USAGE = """
      fenci segmenter
        POST /segment    body: text (text/plain; UTF-8) or JSON {"text": "..."} / {"texts": ["...", ...]}
                         answer: {"words": [...]} / {"words": [[...], ...]}
        POST /tokenize   the same; answer: {"tokens": [{"word": "...", "start": 0, "end": 2}, ...]}
        GET  /health     ok
      """;

  private final Segmenter segmenter;
  private final long maxBody;
  private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();

  Requests(Segmenter segmenter, long maxBody) {
    this.segmenter = segmenter;
    this.maxBody = maxBody;
  }

  /** A request that cannot be answered: its status and a message for the client. */
  private static final class Refused extends Exception {
    final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** Requests being handled now. */
  int active() {
    return active.get();
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    active.incrementAndGet();
    try (ex) {
      try {
        route(ex);
      } catch (Refused r) {
        // the body may be unread (a refused length, a refused type): the connection cannot carry
        // another request, so it closes after this answer
        ex.getResponseHeaders().set("Connection", "close");
        answer(ex, r.status, Map.of("error", r.getMessage()));
      } catch (RuntimeException e) {
        answer(ex, 500, Map.of("error", "the segmenter failed: " + e));
      }
    } finally {
      active.decrementAndGet();
    }
  }

  private void route(HttpExchange ex) throws IOException, Refused {
    String path = ex.getRequestURI().getPath();
    switch (path) {
      case "/segment", "/tokenize" -> {
        allow(ex, "POST");
        boolean tokens = path.equals("/tokenize");
        Object texts = texts(ex);
        String key = tokens ? "tokens" : "words";
        if (texts instanceof String text) {
          answer(ex, 200, Map.of(key, tokens ? tokens(segmenter.tokenize(text)) : segmenter.segment(text)));
        } else {
          @SuppressWarnings("unchecked")
          List<String> list = (List<String>) texts;
          List<Object> out = new ArrayList<>(list.size());
          if (tokens) {
            for (String text : list) {
              out.add(tokens(segmenter.tokenize(text)));
            }
          } else {
            out.addAll(segmenter.segmentAll(list));
          }
          answer(ex, 200, Map.of(key, out));
        }
      }
      case "/health" -> {
        allow(ex, "GET");
        text(ex, 200, "ok\n");
      }
      case "/" -> {
        allow(ex, "GET");
        text(ex, 200, USAGE);
      }
      default -> throw new Refused(404, "no such endpoint: " + path + " (POST /segment, POST /tokenize, GET /health)");
    }
  }

  private static void allow(HttpExchange ex, String method) throws Refused {
    String m = ex.getRequestMethod();
    if (!m.equals(method) && !(method.equals("GET") && m.equals("HEAD"))) {
      ex.getResponseHeaders().set("Allow", method.equals("GET") ? "GET, HEAD" : method);
      throw new Refused(405, ex.getRequestURI().getPath() + " takes " + method + ", not " + m);
    }
  }

  /** The request's text (a String) or texts (a List of String). */
  private Object texts(HttpExchange ex) throws IOException, Refused {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    String mime = type == null ? "text/plain" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (type != null) {
      for (String param : type.split(";")) {
        String p = param.strip().toLowerCase(Locale.ROOT);
        if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
          throw new Refused(415, "the body must be UTF-8, not " + param.strip().substring(8)
              + " (convert it first, e.g. iconv -f GBK -t UTF-8)");
        }
      }
    }
    boolean json = mime.equals("application/json");
    // curl --data sends this type by default; the body is taken as the text, as with text/plain
    if (!json && !mime.equals("text/plain") && !mime.equals("application/x-www-form-urlencoded")) {
      throw new Refused(415, "the body must be text/plain (the text) or application/json, not " + mime);
    }
    String body = utf8(body(ex));
    if (!json) {
      return body;
    }
    Object v;
    try {
      v = Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw new Refused(400, "the body is not JSON: " + e.getMessage());
    }
    if (v instanceof Map<?, ?> m && m.size() == 1) {
      if (m.get("text") instanceof String s) {
        return s;
      }
      if (m.get("texts") instanceof List<?> l && l.stream().allMatch(t -> t instanceof String)) {
        return l;
      }
    }
    throw new Refused(400, "the JSON body must be {\"text\": \"...\"} or {\"texts\": [\"...\", ...]}");
  }

  /** The body's bytes, refused beyond the limit. */
  private byte[] body(HttpExchange ex) throws IOException, Refused {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > maxBody) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new Refused(400, "Content-Length is not a number: " + length);
      }
    }
    InputStream in = ex.getRequestBody();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    for (int r; (r = in.read(buf)) > 0; ) {
      if (b.size() + (long) r > maxBody) {
        throw tooLarge();
      }
      b.write(buf, 0, r);
    }
    return b.toByteArray();
  }

  private Refused tooLarge() {
    return new Refused(413, "the body is larger than the server's limit of " + maxBody
        + " bytes: send the text in parts (the limit is fenci serve's --max-body)");
  }

  /** The text of UTF-8 bytes; invalid UTF-8 is refused with its byte offset. */
  private static String utf8(byte[] bytes) throws IOException, Refused {
    try (Utf8Reader r = new Utf8Reader(new ByteArrayInputStream(bytes), "the body", false)) {
      StringBuilder b = new StringBuilder(bytes.length / 2);
      char[] buf = new char[8192];
      for (int n; (n = r.read(buf, 0, buf.length)) > 0; ) {
        b.append(buf, 0, n);
      }
      return b.toString();
    } catch (dev.fenci.text.InvalidUtf8Exception e) {
      throw new Refused(400, e.getMessage());
    }
  }

  private static List<Map<String, Object>> tokens(List<Token> tokens) {
    List<Map<String, Object>> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("word", t.word());
      m.put("start", t.start());
      m.put("end", t.end());
      out.add(m);
    }
    return out;
  }

  private static void answer(HttpExchange ex, int status, Object json) throws IOException {
    send(ex, status, "application/json; charset=utf-8", Json.write(json) + "\n");
  }

  private static void text(HttpExchange ex, int status, String text) throws IOException {
    send(ex, status, "text/plain; charset=utf-8", text);
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
