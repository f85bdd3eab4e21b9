package dev.fenci.server;

import com.sun.net.httpserver.HttpExchange;
import dev.fenci.model.Json;
import dev.fenci.server.Requests.Refused;
import dev.fenci.text.InvalidUtf8Exception;
import dev.fenci.text.Utf8Reader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A request's text or texts, read from its body: its type and charset checked, its content coding
 * (gzip) undone, its size bounded (compressed and decompressed), its UTF-8 decoded, and a JSON
 * body's {@code text} or {@code texts} taken; a body that is none of these is refused, with what
 * is wrong and how to send it.
 */
final class RequestTexts {
  private RequestTexts() {}

  /** The request's text (a String) or texts (a List of String). */
  static Object read(HttpExchange ex, long maxBody) throws IOException, Refused {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    String mime = type == null ? "text/plain" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (type != null) {
      for (String param : type.split(";")) {
        String[] kv = param.split("=", 2);
        if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
          String charset = kv[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
          if (!charset.equals("utf-8") && !charset.equals("utf8") && !charset.equals("us-ascii")) {
            throw new Refused(415, "the body must be UTF-8, not " + kv[1].strip()
                + " (convert it first, e.g. iconv -f " + kv[1].strip().replace("\"", "").toUpperCase(Locale.ROOT)
                + " -t UTF-8)");
          }
        }
      }
    }
    boolean json = mime.equals("application/json");
    // curl -d sends this type (without encoding the text unless told to): the body is the text,
    // unless it is evidently URL-encoded (see urlEncoded)
    boolean form = mime.equals("application/x-www-form-urlencoded");
    if (!json && !form && !mime.equals("text/plain")) {
      throw new Refused(415, "the body must be text/plain (the text) or application/json, not " + mime);
    }
    boolean gzip = gzipped(ex);
    byte[] bytes = body(ex, maxBody);
    if (gzip) {
      bytes = gunzip(new ByteArrayInputStream(bytes), maxBody);
    }
    if (form && urlEncoded(bytes)) {
      throw new Refused(415, "the body is URL-encoded form data (Content-Type: application/x-www-form-urlencoded, as curl "
          + "--data-urlencode and -d 'text=...' send it), which the server does not decode: send the text itself, "
          + "e.g. curl --data-binary '扫描二维码' -H 'Content-Type: text/plain; charset=utf-8' (or --data-binary @file), "
          + "or JSON {\"text\": \"...\"} with -H 'Content-Type: application/json'");
    }
    String body = utf8(bytes);
    if ((form || type == null) && jsonRequest(body)) {
      throw new Refused(415, "the body is a JSON request, but its Content-Type is "
          + (form ? "application/x-www-form-urlencoded (as curl -d sends it without -H)" : "missing")
          + ": send it with -H 'Content-Type: application/json' (or typed text/plain, to segment it as text)");
    }
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
    throw new Refused(400, "the JSON body must be {\"text\": \"...\"} or {\"texts\": [\"...\", ...]}, nothing else: "
        + jsonProblem(v));
  }

  /** What keeps a JSON value from being a request, for the client's error message. */
  private static String jsonProblem(Object v) {
    if (!(v instanceof Map<?, ?> m)) {
      return "it is " + jsonKind(v);
    }
    if (m.isEmpty()) {
      return "it has no field";
    }
    if (m.containsKey("text") && m.containsKey("texts")) {
      return "it has both";
    }
    for (Object k : m.keySet()) {
      if (!k.equals("text") && !k.equals("texts")) {
        return "it also has " + Json.write(k);
      }
    }
    if (m.containsKey("text")) {
      return "\"text\" is " + jsonKind(m.get("text"));
    }
    if (!(m.get("texts") instanceof List<?> l)) {
      return "\"texts\" is " + jsonKind(m.get("texts"));
    }
    for (int i = 0; i < l.size(); i++) {
      if (!(l.get(i) instanceof String)) {
        return "item " + i + " of \"texts\" is " + jsonKind(l.get(i));
      }
    }
    return "it is not"; // (not reached: such a body is a request)
  }

  private static String jsonKind(Object v) {
    return v == null ? "null" : v instanceof String ? "a string" : v instanceof Number ? "a number"
        : v instanceof Boolean ? "a boolean" : v instanceof Map ? "an object" : "an array";
  }

  /**
   * Whether the body is compressed with gzip ({@code Content-Encoding: gzip}, or {@code x-gzip},
   * which RFC 9110 takes as the same); {@code identity} is no coding. Any other coding, or more
   * than one, is refused with 415 and {@code Accept-Encoding: gzip}, as RFC 9110 (15.5.16) asks,
   * rather than read as text.
   */
  private static boolean gzipped(HttpExchange ex) throws Refused {
    List<String> values = ex.getRequestHeaders().get("Content-Encoding");
    boolean gzip = false;
    for (String value : values == null ? List.<String>of() : values) {
      for (String c : value.split(",")) {
        String coding = c.strip().toLowerCase(Locale.ROOT);
        if (coding.isEmpty() || coding.equals("identity")) {
          continue;
        }
        if (coding.equals("gzip") || coding.equals("x-gzip")) {
          if (!gzip) {
            gzip = true;
            continue;
          }
          coding = "gzip twice";
        }
        ex.getResponseHeaders().set("Accept-Encoding", "gzip");
        throw new Refused(415, "the body's content coding " + coding + " (Content-Encoding) is not supported: "
            + "send it uncompressed, or compressed once with gzip (Content-Encoding: gzip)");
      }
    }
    return gzip;
  }

  /**
   * The bytes of a gzip body, refused with 413 as soon as they pass {@code limit}: a small body that
   * would inflate to gigabytes (a decompression bomb) is inflated only to the limit. The compressed
   * bytes are all in memory, read already: an error here is in them, not in the connection.
   */
  static byte[] gunzip(InputStream compressed, long limit) throws Refused {
    try (InputStream in = new GZIPInputStream(compressed, 1 << 13)) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 14];
      for (int r; (r = in.read(buf)) >= 0; ) {
        if (b.size() + (long) r > limit) {
          throw tooLarge(limit, "the body is, decompressed,");
        }
        b.write(buf, 0, r);
      }
      return b.toByteArray();
    } catch (IOException e) { // ZipException, EOFException
      throw new Refused(400, "the body is not valid gzip, as its Content-Encoding says (" + e.getMessage() + ")");
    }
  }

  /**
   * Whether a body sent as {@code application/x-www-form-urlencoded} is evidently URL-encoded
   * rather than the text itself (which {@code curl -d 'text'} sends with that type): it starts with
   * the name of a field ({@code text=} or {@code texts=}, as {@code curl -d 'text=...'} sends), or
   * it is all ASCII, holds a {@code %XX} escape, and decodes to UTF-8 ({@code curl
   * --data-urlencode} escapes every byte of Chinese text, and spaces as {@code +}). Text with a
   * character beyond ASCII was not encoded, so {@code 打折100%} or {@code a=b的值} is text; so is
   * ASCII without an escape ({@code 100%}, {@code a=b}) or whose escapes are not UTF-8 ({@code 5%ab}).
   */
  static boolean urlEncoded(byte[] body) {
    String start = new String(body, 0, Math.min(body.length, 6), StandardCharsets.ISO_8859_1);
    if (start.startsWith("text=") || start.startsWith("texts=")) {
      return true;
    }
    ByteArrayOutputStream decoded = new ByteArrayOutputStream(body.length);
    boolean escaped = false;
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if (b < 0) {
        return false; // beyond ASCII: the text itself
      }
      int hi = i + 2 < body.length && b == '%' ? Character.digit(body[i + 1], 16) : -1;
      int lo = hi < 0 ? -1 : Character.digit(body[i + 2], 16);
      if (lo >= 0) {
        decoded.write(hi << 4 | lo);
        escaped = true;
        i += 2;
      } else {
        decoded.write(b);
      }
    }
    if (!escaped) {
      return false;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(decoded.toByteArray()));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Whether a body sent without a type, or typed as a form, is evidently a JSON request (an object
   * with a {@code text} or {@code texts} field) whose type was left out, rather than text.
   */
  static boolean jsonRequest(String body) {
    String t = body.strip();
    if (!t.startsWith("{")) {
      return false;
    }
    try {
      return Json.parse(t) instanceof Map<?, ?> m && (m.containsKey("text") || m.containsKey("texts"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The body's bytes, refused beyond the limit. */
  private static byte[] body(HttpExchange ex, long maxBody) throws IOException, Refused {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null && Long.parseLong(length.strip()) > maxBody) { // the JDK's server refuses one that is not a number
      throw tooLarge(maxBody);
    }
    InputStream in = ex.getRequestBody();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    for (int r; (r = in.read(buf)) > 0; ) {
      if (b.size() + (long) r > maxBody) {
        throw tooLarge(maxBody);
      }
      b.write(buf, 0, r);
    }
    return b.toByteArray();
  }

  private static Refused tooLarge(long maxBody) {
    return tooLarge(maxBody, "the body is");
  }

  private static Refused tooLarge(long limit, String what) {
    return new Refused(413, what + " larger than the server's limit of " + limit
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
    } catch (InvalidUtf8Exception e) {
      // the reader's advice ends with the command line's --lenient, which the server does not take,
      // and for a gzip body says to decompress the file, which the server does given the header
      throw new Refused(400, e.getMessage().replace(InvalidUtf8Exception.LENIENT_HINT, "")
          .replace(InvalidUtf8Exception.remedy(1, 0x8B, -1), "the body looks gzip-compressed: send it with Content-Encoding: gzip")
          + "; send UTF-8");
    }
  }
}
