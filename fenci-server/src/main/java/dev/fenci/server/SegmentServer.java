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
 * /tokenize} (see {@link Requests} for the requests and answers, or docs/server.md), {@code GET
 * /health}. Built on the JDK's own HTTP server; requests are handled on a pool of threads that
 * share the segmenter (and its user dictionary, whose changes apply from the next request).
 *
 * <pre>{@code
 * try (SegmentServer server = SegmentServer.start(Segmenter.load(), new InetSocketAddress("127.0.0.1", 8080), 2,
 *     SegmentServer.DEFAULT_MAX_BODY)) {
 *   ... // curl --data-binary '扫描二维码' http://127.0.0.1:8080/segment
 * }
 * }</pre>
 */
public final class SegmentServer implements AutoCloseable {
  /** The largest request body accepted by default, in bytes (8 MiB); larger ones get 413. */
  public static final long DEFAULT_MAX_BODY = 8L << 20;

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
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("the largest request body must be at least 1 byte, got " + maxBodyBytes);
    }
    // the JDK's server writes an answer's headers and its body as two packets; without TCP_NODELAY
    // the body waits for the client's delayed acknowledgement of the headers, 40 ms per request on
    // a kept-alive connection. Read once, when the JVM's first server starts; an explicit setting wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
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

  /** Lets the requests being handled finish (up to 5 seconds), then stops. */
  @Override
  public void close() {
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
