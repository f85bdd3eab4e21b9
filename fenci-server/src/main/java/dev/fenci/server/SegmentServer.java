package dev.fenci.server;

import com.sun.net.httpserver.HttpServer;
import dev.fenci.Segmenter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Serves a {@link Segmenter} over HTTP, with JSON answers: {@code POST /segment} and {@code POST
 * /tokenize} (see docs/server.md), {@code GET /health}. Built on the JDK's own HTTP server.
 * Requests are read on {@code threads} + {@value #IO_THREADS} threads, so that clients that send
 * slowly, and {@code /health}, do not wait for the segmenting; at most {@code threads} requests
 * are segmented at once, sharing the segmenter (and its user dictionary, whose changes apply from
 * the next request), and requests wait for them with their body read while their text is at most
 * {@value #WAITING_PER_THREAD} times the largest body per thread, in characters; a request beyond
 * that, or one that would wait more than half of the answer's time limit, gets 503 with {@code
 * Retry-After}. An answer is written after its request gives the
 * segmenting back, so that clients slow to read their answers hold only their connection's thread
 * and the answer's bytes, from a budget for answers of {@value #ANSWER_BYTES_PER_BODY_BYTE} times
 * the largest body per thread, which a request takes (its answer's likely size) before it is
 * segmented: when slow readers fill it, requests with large answers wait for it, then get 503.
 *
 * <p>Web pages of other origins may call it when {@link #start(Segmenter, InetSocketAddress, int,
 * long, Collection) started} with their origins (CORS): by default the browser keeps its answers
 * from them. {@code OPTIONS} of a path answers 204 with the methods it takes.
 *
 * <p>{@link #start} sets four of the JDK server's system properties unless they are set:
 * {@code sun.net.httpserver.nodelay=true} (answers without the 40 ms wait for a delayed
 * acknowledgement on kept-alive connections), {@code sun.net.httpserver.maxIdleConnections} of
 * {@value #MAX_IDLE_CONNECTIONS} (the JDK's 200 closed kept-alive connections of more clients, whose
 * next request then failed), {@code sun.net.httpserver.maxReqTime} of {@value #TIME_LIMIT_SECONDS}
 * seconds (a client that sends its request more slowly is disconnected) and {@code maxRspTime},
 * which the JDK counts from the end of the request, segmenting included: {@value
 * #TIME_LIMIT_SECONDS} seconds, or {@value #SECONDS_PER_MIB} per MiB of the largest body when that
 * is more. The JDK reads them when the JVM's first HTTP server starts: in a program that started
 * one before, set them on its command line.
 *
 * <pre>{@code
 * try (SegmentServer server = SegmentServer.start(Segmenter.load(), new InetSocketAddress("127.0.0.1", 8080), 2,
 *     SegmentServer.DEFAULT_MAX_BODY)) {
 *   ... // curl --data-binary '扫描二维码' http://127.0.0.1:8080/segment
 * }
 * }</pre>
 */
public final class SegmentServer implements AutoCloseable {
  /**
   * The largest request body accepted by default, in bytes (1 MiB, about 350,000 Chinese
   * characters); larger ones get 413. A request's memory is up to about 60 times its body (the
   * words, then their JSON; {@code /tokenize?subwords=true} the most).
   */
  public static final long DEFAULT_MAX_BODY = 1L << 20;
  /** The largest body that {@link #start} takes as a limit (256 MiB). */
  public static final long MAX_BODY_LIMIT = 256L << 20;
  /** Seconds a client may take to send a request; the least allowed for an answer. */
  static final int TIME_LIMIT_SECONDS = 60;
  /** Seconds per MiB of the largest body allowed for an answer, segmenting included (up to about one per MiB here). */
  static final int SECONDS_PER_MIB = 3;
  /** Threads that read requests (and answer /health) beside the segmenting ones; idle ones end after a minute. */
  static final int IO_THREADS = 256;
  /**
   * The budget of answers being encoded and written, in bytes per segmenting thread and byte of
   * the largest body (an answer is up to about 60 times its body).
   */
  static final int ANSWER_BYTES_PER_BODY_BYTE = 64;
  /**
   * Bodies of the largest size per segmenting thread whose text may wait for it, once read: a
   * request whose text would pass that gets 503 (small requests can wait in greater numbers).
   */
  static final int WAITING_PER_THREAD = 4;
  /** Kept-alive connections the JDK server keeps open while idle. */
  static final int MAX_IDLE_CONNECTIONS = 4096;
  /** Connections waiting to be accepted. */
  static final int BACKLOG = 1024;

  private final HttpServer http;
  private final ThreadPoolExecutor pool;
  private final Requests requests;

  private SegmentServer(HttpServer http, ThreadPoolExecutor pool, Requests requests) {
    this.http = http;
    this.pool = pool;
    this.requests = requests;
  }

  /**
   * Starts serving {@code segmenter} at {@code address} (port 0: any free port, see {@link
   * #address()}).
   *
   * @param threads requests segmented at once, from 1 to {@link Segmenter#MAX_THREADS}
   * @param maxBodyBytes the largest request body accepted, at least 1
   * @throws java.net.BindException if the address is taken or not this machine's
   */
  public static SegmentServer start(Segmenter segmenter, InetSocketAddress address, int threads, long maxBodyBytes)
      throws IOException {
    return start(segmenter, address, threads, maxBodyBytes, List.of());
  }

  /**
   * Starts serving {@code segmenter} at {@code address}, as {@link #start(Segmenter,
   * InetSocketAddress, int, long)}, to web pages of {@code corsOrigins} too: the answers to
   * requests whose {@code Origin} is one of them carry {@code Access-Control-Allow-Origin}, and a
   * browser's preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from one is
   * answered with the path's methods, the request headers the server reads ({@code Content-Type},
   * {@code Content-Encoding}) and {@code Access-Control-Max-Age}. Requests from other origins get
   * no such header (the browser then keeps the answer from the page). No origins: none of this.
   *
   * @param corsOrigins origins as {@link #checkOrigin} takes them; {@code *} allows any
   * @throws IllegalArgumentException if an origin is not one, saying what one is
   */
  public static SegmentServer start(Segmenter segmenter, InetSocketAddress address, int threads, long maxBodyBytes,
      Collection<String> corsOrigins) throws IOException {
    Objects.requireNonNull(segmenter, "segmenter is null");
    Objects.requireNonNull(address, "address is null");
    if (threads < 1 || threads > Segmenter.MAX_THREADS) {
      throw new IllegalArgumentException("threads must be from 1 to " + Segmenter.MAX_THREADS + ", got " + threads);
    }
    if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_LIMIT) {
      throw new IllegalArgumentException("the largest request body must be from 1 to " + MAX_BODY_LIMIT
          + " bytes, got " + maxBodyBytes);
    }
    Cors cors = Cors.of(Objects.requireNonNull(corsOrigins, "corsOrigins is null"));
    // The JDK server's settings, read once when the JVM's first HTTP server starts (an explicit
    // -D setting wins): it writes an answer's headers and its body as two packets, and without
    // TCP_NODELAY the body waits for the client's delayed acknowledgement of the headers, 40 ms per
    // request on a kept-alive connection; and it has no time limits, so that a few clients that
    // send a request slowly (or never read the answer) would hold every thread.
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.maxIdleConnections", String.valueOf(MAX_IDLE_CONNECTIONS));
    setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(TIME_LIMIT_SECONDS));
    long answerSeconds = Math.max(TIME_LIMIT_SECONDS, SECONDS_PER_MIB * ((maxBodyBytes + (1 << 20) - 1) >> 20));
    setIfAbsent("sun.net.httpserver.maxRspTime", String.valueOf(answerSeconds));
    HttpServer http = HttpServer.create(address, BACKLOG);
    // a bounded pool whose threads end when idle: more connections than threads wait in its queue
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads + IO_THREADS, threads + IO_THREADS, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread t = new Thread(task, "fenci-server");
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    Requests requests = new Requests(segmenter, maxBodyBytes, cors, new Semaphore(threads, true),
        (long) threads * ANSWER_BYTES_PER_BODY_BYTE * maxBodyBytes, (long) threads * WAITING_PER_THREAD * maxBodyBytes,
        System.getProperty("sun.net.httpserver.maxRspTime"));
    http.createContext("/", requests);
    http.setExecutor(pool);
    http.start();
    return new SegmentServer(http, pool, requests);
  }

  /**
   * An origin for {@link #start(Segmenter, InetSocketAddress, int, long, Collection)}, checked: a
   * web page's {@code scheme://host[:port]} ({@code http://localhost:3000}, {@code
   * https://example.com}), without a path or a trailing {@code /}, or {@code *} for any origin.
   *
   * @return the origin as browsers send it in {@code Origin}: the scheme and host in lower case (an
   *     international host name in its {@code xn--} form), without the scheme's default port
   * @throws IllegalArgumentException if it is no origin, saying what one is and, for a common
   *     mistake (no scheme, a path), what was likely meant
   */
  public static String checkOrigin(String origin) {
    return Cors.origin(origin);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** The permits to segment (for tests: all given back after every request). */
  Semaphore permits() {
    return requests.permits();
  }

  /** Bytes of the answer budget taken, in whole KiB (for tests: none after every request). */
  long answerBytes() {
    return requests.answerBytes();
  }

  /** The answer budget, in KiB (for tests). */
  Semaphore answerBudget() {
    return requests.answerBudget();
  }

  /** Requests being handled now (for tests). */
  int active() {
    return requests.active();
  }

  /** The address served (with the port chosen when started with port 0). */
  public InetSocketAddress address() {
    return http.getAddress();
  }

  /** The server's base address, {@code http://host:port/}. */
  public URI uri() {
    InetSocketAddress a = address();
    String host = a.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
  }

  /**
   * Answers new requests with 503 (the server is stopping), lets the ones being handled finish (up
   * to 5 seconds), then stops.
   */
  @Override
  public void close() {
    requests.close();
    long deadline = System.nanoTime() + 5_000_000_000L;
    boolean interrupted = false;
    while (requests.active() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        interrupted = true;
        break;
      }
    }
    http.stop(0); // (the JDK 17 server's stop waits its whole delay, however idle: the wait is ours)
    pool.shutdownNow();
    try {
      pool.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
