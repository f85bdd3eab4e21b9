package dev.fenci.server;

import com.sun.net.httpserver.HttpServer;
import dev.fenci.Segmenter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link Segmenter} over HTTP, with JSON answers: {@code POST /segment} and {@code POST
 * /tokenize} (see docs/server.md), {@code GET /health}. Built on the JDK's own HTTP server;
 * requests are handled on a pool of threads that share the segmenter (and its user dictionary,
 * whose changes apply from the next request).
 *
 * <p>{@link #start} sets three of the JDK server's system properties unless they are set:
 * {@code sun.net.httpserver.nodelay=true} (answers without the 40 ms wait for a delayed
 * acknowledgement on kept-alive connections) and {@code sun.net.httpserver.maxReqTime} and {@code
 * maxRspTime} of {@value #TIME_LIMIT_SECONDS} seconds (a client that sends its request or reads
 * its answer more slowly is disconnected, instead of holding a thread). The JDK reads them when
 * the JVM's first HTTP server starts: in a program that started one before, set them on its
 * command line.
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
   * characters); larger ones get 413. A request's memory is a few dozen times its text (the
   * words, then their JSON).
   */
  public static final long DEFAULT_MAX_BODY = 1L << 20;
  /** The largest body that {@link #start} takes as a limit (256 MiB). */
  public static final long MAX_BODY_LIMIT = 256L << 20;
  /** Seconds a client may take to send a request, and to read its answer. */
  static final int TIME_LIMIT_SECONDS = 60;

  private final HttpServer http;
  private final ExecutorService pool;
  private final Requests requests;

  private SegmentServer(HttpServer http, ExecutorService pool, Requests requests) {
    this.http = http;
    this.pool = pool;
    this.requests = requests;
  }

  /**
   * Starts serving {@code segmenter} at {@code address} (port 0: any free port, see {@link
   * #address()}).
   *
   * @param threads requests handled at once, from 1 to {@link Segmenter#MAX_THREADS}
   * @param maxBodyBytes the largest request body accepted, at least 1
   * @throws java.net.BindException if the address is taken or not this machine's
   */
  public static SegmentServer start(Segmenter segmenter, InetSocketAddress address, int threads, long maxBodyBytes)
      throws IOException {
    Objects.requireNonNull(segmenter, "segmenter is null");
    Objects.requireNonNull(address, "address is null");
    if (threads < 1 || threads > Segmenter.MAX_THREADS) {
      throw new IllegalArgumentException("threads must be from 1 to " + Segmenter.MAX_THREADS + ", got " + threads);
    }
    if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_LIMIT) {
      throw new IllegalArgumentException("the largest request body must be from 1 to " + MAX_BODY_LIMIT
          + " bytes, got " + maxBodyBytes);
    }
    // The JDK server's settings, read once when the JVM's first HTTP server starts (an explicit
    // -D setting wins): it writes an answer's headers and its body as two packets, and without
    // TCP_NODELAY the body waits for the client's delayed acknowledgement of the headers, 40 ms per
    // request on a kept-alive connection; and it has no time limits, so that a few clients that
    // send a request slowly (or never read the answer) would hold every thread.
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(TIME_LIMIT_SECONDS));
    setIfAbsent("sun.net.httpserver.maxRspTime", String.valueOf(TIME_LIMIT_SECONDS));
    HttpServer http = HttpServer.create(address, 0);
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "fenci-server");
      t.setDaemon(true);
      return t;
    });
    Requests requests = new Requests(segmenter, maxBodyBytes);
    http.createContext("/", requests);
    http.setExecutor(pool);
    http.start();
    return new SegmentServer(http, pool, requests);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
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
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
