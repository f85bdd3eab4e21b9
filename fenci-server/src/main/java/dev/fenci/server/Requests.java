package dev.fenci.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.fenci.Segmenter;
import dev.fenci.Token;
import dev.fenci.model.Json;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
 *       Java and JavaScript strings. With {@code ?subwords=true} each token also has {@code
 *       "subwords"}: its {@link Segmenter#subwords parts}, with offsets in the text, for a search
 *       index.</li>
 *   <li>{@code GET /health}: {@code ok}. {@code GET /}: this list, as text.</li>
 *   <li>{@code OPTIONS} of any of these: 204 with {@code Allow}, and the {@link Cors} headers of a
 *       preflight from an allowed origin.</li>
 * </ul>
 *
 * A body may be compressed with gzip ({@code Content-Encoding: gzip}); the limit applies to it
 * both compressed and decompressed. A body typed {@code application/x-www-form-urlencoded} (as
 * {@code curl -d} sends it) is the text, unless it is evidently URL-encoded ({@link RequestTexts#urlEncoded});
 * one of that type or of none is refused if it is a JSON request ({@link RequestTexts#jsonRequest}).
 *
 * <p>Words are those of {@link Segmenter#segment(String)}: they concatenate back to the text,
 * whitespace included. Errors are JSON {@code {"error": "..."}} with 400 (invalid UTF-8, gzip or
 * JSON, a missing field), 404, 405, 413 (a body over the limit, compressed or decompressed), 415
 * (another content type or charset, a URL-encoded form, a content coding other than gzip, with
 * {@code Accept-Encoding: gzip}) or 503 (the server is stopping, or busy: with Retry-After); a
 * failure inside the server is 500.
 */
final class Requests implements HttpHandler {
  private static final String USAGE = """
      fenci segmenter
        POST /segment    body: text (text/plain; UTF-8) or JSON {"text": "..."} / {"texts": ["...", ...]}
                         answer: {"words": [...]} / {"words": [[...], ...]}
        POST /tokenize   the same; answer: {"tokens": [{"word": "...", "start": 0, "end": 2}, ...]}
                         ?subwords=true adds each word's parts: "subwords": [{"word": ..., "start": ..., "end": ...}]
        GET  /health     ok
        OPTIONS          the methods of a path (Allow); a browser's CORS preflight, when fenci serve --cors allows its origin
      Bodies may be gzip-compressed (Content-Encoding: gzip). URL-encoded forms (curl --data-urlencode,
      -d 'text=...') are refused: send the text itself, e.g. curl --data-binary @file.txt
      -H 'Content-Type: text/plain; charset=utf-8' http://host:port/segment
      """;
  /** The most of a refused body read (and dropped) so that the client reads the refusal, not a reset. */
  static final long DRAIN_LIMIT = 64L << 20;

  private final Segmenter segmenter;
  private final long maxBody;
  private final Cors cors;
  /**
   * Permits to segment: the server's --threads. A request takes one once its body is read and gives
   * it back once its answer is encoded, before writing it (see {@link #deliver}), so that at most
   * that many texts are segmented at once, with their words and answers in memory, and a client
   * that does not read its answer holds none.
   */
  private final Semaphore work;
  /**
   * The memory of answers, in KiB: a request takes its answer's likely size ({@link #estimate})
   * before its permit to segment, waiting for it without one, trues it up once the answer is
   * encoded and gives it back once the answer is written. Answers being written, to clients that
   * read them slowly or not at all, are at most as many as the connection threads (--threads +
   * 256), but an answer can be 60 times its body, so that count alone would allow gigabytes: with
   * this budget, slow readers whose answers fill it hold up only requests with large answers (which
   * wait, then get 503), never the segmenting of the others. Not fair: a small request need not wait
   * behind a large one.
   */
  private final Semaphore answerKib;
  private final int answerKibTotal;
  /**
   * Characters of text that requests waiting for a permit (or for their answer's memory) may hold
   * altogether, four bodies of the largest size per permit; a request that would pass it is
   * answered 503 at once. Counted in text, not requests, so that many small requests can wait
   * where few large ones can: the wait it bounds is the segmenting of the text ahead.
   */
  private final long maxWaitingChars;
  private final AtomicLong waitingChars = new AtomicLong();
  /** The JDK's time limit for an answer, in seconds, as set (for the log). */
  private final String answerSeconds;
  /** How long a request waits for a permit: half the time the JDK allows for its answer. */
  private final long waitNanos;
  private final AtomicInteger active = new AtomicInteger();
  private volatile boolean closing;

  Requests(Segmenter segmenter, long maxBody, Cors cors, Semaphore work, long answerBudget, long maxWaitingChars,
      String answerSeconds) {
    this.segmenter = segmenter;
    this.maxBody = maxBody;
    this.cors = cors;
    this.work = work;
    this.answerKibTotal = (int) Math.min(Integer.MAX_VALUE, kib(answerBudget));
    this.answerKib = new Semaphore(answerKibTotal);
    this.maxWaitingChars = maxWaitingChars;
    this.answerSeconds = answerSeconds;
    long seconds;
    try {
      seconds = Long.parseLong(answerSeconds.strip());
    } catch (RuntimeException e) {
      seconds = SegmentServer.TIME_LIMIT_SECONDS;
    }
    this.waitNanos = seconds <= 0 ? Long.MAX_VALUE : seconds * 500_000_000L;
  }

  /** The permits to segment (for tests). */
  Semaphore permits() {
    return work;
  }

  /** The answer budget, in KiB (for tests). */
  Semaphore answerBudget() {
    return answerKib;
  }

  /** Bytes of the answer budget taken now, in whole KiB (for tests: none after every request). */
  long answerBytes() {
    return (long) (answerKibTotal - answerKib.availablePermits()) << 10;
  }

  /** Requests being handled now. */
  int active() {
    return active.get();
  }

  /** From now on every request is answered 503: the server is stopping. */
  void close() {
    closing = true;
  }

  /** A request that cannot be answered: its status and a message for the client. */
  static final class Refused extends Exception {
    final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    active.incrementAndGet();
    try (ex) {
      try {
        cors.answer(ex); // on every answer, refusals too: a page reads why
        if (closing) {
          throw new Refused(503, "the server is stopping");
        }
        route(ex);
      } catch (Refused r) {
        // the body may be unread (a refused length, a refused type): what the client still sends is
        // read first (up to a bound), or a client that sends it all before reading sees a reset; if
        // it is not all read, or too large, the connection closes after this answer (a 404 or 405
        // to a request without a body keeps it open for the client's next request)
        boolean allRead = drain(ex.getRequestBody());
        if (!allRead || r.status == 413 || r.status == 503) {
          ex.getResponseHeaders().set("Connection", "close");
        }
        if (r.status == 503 && !closing) {
          ex.getResponseHeaders().set("Retry-After", "1");
        }
        answer(ex, r.status, Map.of("error", r.getMessage()));
      } catch (RuntimeException | OutOfMemoryError e) {
        // before the answer's headers went out: a 500; after them the connection just closes
        System.err.println("fenci: " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " failed: " + e);
        if (e instanceof RuntimeException) {
          e.printStackTrace(); // a defect of the server's: where it happened, for its report
        }
        if (ex.getResponseCode() < 0) {
          ex.getResponseHeaders().set("Connection", "close");
          answer(ex, 500, Map.of("error", e instanceof OutOfMemoryError
              ? "the server ran out of memory: send less text at once" : "the server failed; its log says why"));
        }
      }
    } catch (IOException e) {
      // the request could not be read or the answer written: the client went away, or was too slow;
      // said here, then passed on for the JDK server to forget the connection at once
      if (!closing) {
        boolean answering = ex.getResponseCode() >= 0;
        System.err.println("fenci: " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + ": the "
            + (answering ? "answer was not delivered" : "request was not read whole") + " (" + e
            + "): the client closed the connection, or took longer than the server allows to "
            + (answering ? "receive an answer, " + answerSeconds + " s from the end of its request "
                + "(sun.net.httpserver.maxRspTime)" : "send a request (sun.net.httpserver.maxReqTime)"));
      }
      throw e;
    } finally {
      active.decrementAndGet();
    }
  }

  private void route(HttpExchange ex) throws IOException, Refused {
    String path = ex.getRequestURI().getPath();
    String methods = switch (path) {
      case "/segment", "/tokenize" -> "POST";
      case "/health", "/" -> "GET, HEAD";
      default -> throw new Refused(404, "no such endpoint: " + path + " (POST /segment, POST /tokenize, GET /health)");
    };
    String method = ex.getRequestMethod();
    if (method.equals("OPTIONS")) {
      // what the path takes; a browser's preflight from an allowed origin also gets its CORS headers
      cors.preflight(ex, methods);
      ex.getResponseHeaders().set("Allow", methods + ", OPTIONS");
      ex.sendResponseHeaders(204, -1);
      return;
    }
    if (!List.of(methods.split(", ")).contains(method)) {
      ex.getResponseHeaders().set("Allow", methods + ", OPTIONS");
      throw new Refused(405, path + " takes " + methods.split(",")[0] + ", not " + method);
    }
    switch (path) {
      case "/segment", "/tokenize" -> {
        Answer json = segmented(ex, path); // with a permit held
        if (json != null) {
          deliver(ex, json);
        }
      }
      case "/health" -> text(ex, 200, "ok\n");
      default -> text(ex, 200, USAGE);
    }
  }

  /**
   * The request's answer, encoded, with one of the segmenting permits and its share of the answer
   * budget taken (for {@link #deliver} to give back); null when the server stops while the request
   * waits. The request's texts and words are this method's alone: once it returns, only the encoded
   * answer is left of them.
   */
  private Answer segmented(HttpExchange ex, String path) throws IOException, Refused {
    boolean tokens = path.equals("/tokenize");
    boolean subwords = subwords(ex.getRequestURI().getRawQuery(), path);
    Object texts = RequestTexts.read(ex, maxBody); // read at the client's pace, without a permit
    List<String> list = texts instanceof String text ? List.of(text) : castList(texts);
    long chars = 0;
    for (String t : list) {
      chars += t.length();
    }
    int estimate = (int) Math.min(answerKibTotal, kib(estimate(chars, tokens, subwords)));
    // the JDK's clock for the answer runs from here: a request that would wait longer than half
    // of it for its answer's memory and a permit, or finds too much text waiting, is told to come
    // back instead of being segmented for a connection that is closed by then
    if (waitingChars.addAndGet(chars) > maxWaitingChars) {
      waitingChars.addAndGet(-chars);
      throw new Refused(503, "the server is busy: try again shortly");
    }
    long start = System.nanoTime();
    try {
      if (!answerKib.tryAcquire(estimate, waitNanos, java.util.concurrent.TimeUnit.NANOSECONDS)) {
        throw new Refused(503, "the server is busy: try again shortly");
      }
      try {
        long left = waitNanos == Long.MAX_VALUE ? Long.MAX_VALUE : waitNanos - (System.nanoTime() - start);
        if (!work.tryAcquire(left, java.util.concurrent.TimeUnit.NANOSECONDS)) {
          throw new Refused(503, "the server is busy: try again shortly");
        }
      } catch (Refused | InterruptedException | RuntimeException e) {
        answerKib.release(estimate);
        throw e;
      }
    } catch (InterruptedException e) {
      // only when the server stops: its connections are closed, there is no one to answer
      Thread.currentThread().interrupt();
      return null;
    } finally {
      waitingChars.addAndGet(-chars);
    }
    try {
      // one state of a reloading dictionary for the whole answer: the words and their parts
      Segmenter seg = segmenter.pinned();
      Answer json = encode(seg, seg.segmentAll(list), texts instanceof String, tokens, subwords).trimmed();
      json.kib = estimate;
      return json;
    } catch (IOException | RuntimeException | Error e) {
      work.release();
      answerKib.release(estimate);
      throw e;
    }
  }

  /**
   * Bytes of the answer to texts of {@code chars} characters, at most (but for unusually many
   * parts of words): a word as JSON is its characters and a few bytes, up to 4 per character
   * (single ASCII characters), 9 for a control character; a token also has its offsets, up to
   * 48 bytes for a one-character token of a large text; parts of words as many again.
   */
  static long estimate(long chars, boolean tokens, boolean subwords) {
    return chars * (subwords ? SegmentServer.ANSWER_BYTES_PER_BODY_BYTE : tokens ? 48 : 10);
  }

  private static long kib(long bytes) {
    return (bytes + 1023) >> 10;
  }

  /**
   * Writes an encoded answer, giving its segmenting permit back first: a client that reads its
   * answer slowly, or not at all (until the JDK's maxRspTime), then holds its connection's thread
   * and its answer's bytes, taken from the answer budget ({@link #answerKib}), not the segmenting.
   * The answer's share of the budget is trued up to its size first; if it turned out larger than
   * estimated and the budget lacks the difference, it is written with its permit held, as every
   * answer was before, so that memory stays bounded.
   */
  private void deliver(HttpExchange ex, Answer json) throws IOException {
    int held = json.kib;
    boolean permit = true;
    try {
      int need = (int) kib(json.capacity());
      if (need <= held) {
        answerKib.release(held - need);
        held = need;
      } else if (answerKib.tryAcquire(need - held)) {
        held = need;
      }
      if (held == need) {
        work.release();
        permit = false;
      }
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(200, json.size());
      try (OutputStream body = ex.getResponseBody()) {
        json.writeTo(body);
      }
    } finally {
      if (permit) {
        work.release();
      }
      answerKib.release(held);
    }
  }

  /** An encoded answer: its bytes, and the size of the array that holds them (what it takes of memory). */
  static final class Answer extends ByteArrayOutputStream {
    /** KiB of the answer budget held for it. */
    int kib;

    Answer(int size) {
      super(size);
    }

    int capacity() {
      return buf.length;
    }

    /** Drops the array's unused end (up to half of it, as it grows by doubling), before the answer waits for its reader. */
    Answer trimmed() {
      if (buf.length - count > count >> 4) {
        buf = java.util.Arrays.copyOf(buf, count);
      }
      return this;
    }
  }

  /**
   * The answer's JSON, encoded straight to bytes (no String of the whole answer), to be sent with
   * its length: clients of HTTP/1.0 keep-alive (ApacheBench) do not read chunked answers. The
   * writer is flushed, not closed: closing after a failed write (out of memory) would throw the
   * same error again and hide it.
   */
  private static Answer encode(Segmenter seg, List<List<String>> words, boolean one, boolean tokens,
      boolean subwords) throws IOException {
    Answer json = new Answer(64 + 16 * words.size());
    Writer out = new BufferedWriter(new OutputStreamWriter(json, StandardCharsets.UTF_8), 1 << 14);
    out.write(tokens ? "{\"tokens\":" : "{\"words\":");
    if (one) {
      writeWords(out, seg, words.get(0), tokens, subwords);
    } else {
      out.write('[');
      for (int i = 0; i < words.size(); i++) {
        out.write(i == 0 ? "" : ",");
        writeWords(out, seg, words.get(i), tokens, subwords);
      }
      out.write(']');
    }
    out.write("}\n");
    out.flush();
    return json;
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object texts) {
    return (List<String>) texts;
  }

  /**
   * The query of {@code /tokenize}: {@code subwords=true} or {@code subwords=false} (the default),
   * nothing else; {@code /segment} takes none.
   */
  private static boolean subwords(String query, String path) throws Refused {
    if (query == null || query.isEmpty()) {
      return false;
    }
    if (!path.equals("/tokenize")) {
      throw new Refused(400, path + " takes no query (" + shown(query) + "); parts of words come from /tokenize?subwords=true");
    }
    if (query.equals("subwords=true")) {
      return true;
    }
    if (query.equals("subwords=false")) {
      return false;
    }
    throw new Refused(400, "unknown query " + shown(query) + " (" + path + " takes ?subwords=true or ?subwords=false)");
  }

  /** A query as an error message shows it: its first 100 characters. */
  private static String shown(String query) {
    return query.length() <= 100 ? query : query.substring(0, Character.isHighSurrogate(query.charAt(99)) ? 99 : 100) + "...";
  }

  /** One text's words as a JSON array: strings, or tokens with their offsets (and parts, if asked for). */
  private static void writeWords(Writer out, Segmenter seg, List<String> words, boolean tokens, boolean subwords)
      throws IOException {
    out.write('[');
    int start = 0;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      out.write(i == 0 ? "" : ",");
      if (tokens) {
        out.write("{\"word\":");
        out.write(Json.write(w));
        out.write(",\"start\":" + start + ",\"end\":" + (start + w.length()));
        if (subwords) {
          out.write(",\"subwords\":[");
          List<Token> parts = w.length() < 3 ? List.of() : seg.subwords(w);
          for (int k = 0; k < parts.size(); k++) {
            Token p = parts.get(k);
            out.write((k == 0 ? "" : ",") + "{\"word\":" + Json.write(p.word()) + ",\"start\":" + (start + p.start())
                + ",\"end\":" + (start + p.end()) + "}");
          }
          out.write(']');
        }
        out.write('}');
      } else {
        out.write(Json.write(w));
      }
      start += w.length();
    }
    out.write(']');
  }

  /**
   * Reads and drops what is left of a body, up to {@link #DRAIN_LIMIT} bytes; whether it was all
   * read (the connection can then carry the client's next request).
   */
  private static boolean drain(InputStream in) {
    try {
      byte[] buf = new byte[1 << 16];
      long left = DRAIN_LIMIT;
      while (left > 0) {
        int r = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (r < 0) {
          return true;
        }
        left -= r;
      }
      return in.read() < 0;
    } catch (IOException e) {
      return false; // the client went away: nothing to answer
    }
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
    if (head) {
      // the JDK sends no length for a HEAD answer (-1: no body follows); the GET answer's, as HTTP asks
      ex.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
    }
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
