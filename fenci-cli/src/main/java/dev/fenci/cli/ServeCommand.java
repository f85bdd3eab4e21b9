package dev.fenci.cli;

import dev.fenci.Segmenter;
import dev.fenci.server.SegmentServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = {
    "Serve the segmenter over HTTP until stopped (Ctrl-C, SIGTERM).",
    "Endpoints:",
    "  POST /segment   body: text (text/plain, UTF-8) or JSON {\"text\": ...} / {\"texts\": [...]};"
        + " answer: {\"words\": [...]}",
    "  POST /tokenize  the same; answer: {\"tokens\": [{\"word\": ..., \"start\": ..., \"end\": ...}, ...]}",
    "  POST /tokenize?subwords=true  each token also with its parts: \"subwords\": [{\"word\": ..., \"start\": ..., \"end\": ...}]",
    "  GET  /health    ok",
    "  OPTIONS         a path's methods (Allow); with --cors, a browser's preflight from an allowed origin",
    "Bodies may be gzip-compressed (Content-Encoding: gzip; the limit applies decompressed too); another"
        + " content coding gets 415. URL-encoded forms (curl --data-urlencode, -d 'text=...') get 415: send the"
        + " text itself, e.g. curl --data-binary @file.txt -H 'Content-Type: text/plain; charset=utf-8'."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--model", defaultValue = "default", paramLabel = "NAME|FILE",
      description = "A preset name (see 'fenci models') or a model file (default: the default preset, marked there).")
  String model;

  @Option(names = "--dict", paramLabel = "FILE",
      description = "User dictionary (lines 'word,multiplier', see docs/dictionaries.md); repeatable, later files win for the same word.")
  List<Path> dicts;

  @Option(names = "--lenient", description = "Skip malformed dictionary lines with a warning instead of failing.")
  boolean lenient;

  @Option(names = "--watch", paramLabel = "SECONDS",
      description = "Reload the dictionaries when they change, checking every SECONDS; requests see the change from the next one.")
  Integer watch;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0: any free port, printed).")
  int port;

  @Option(names = "--threads", description = "Requests segmented at once (default: the number of processors); connections are read and answered on threads of their own, so clients slow to send a request or to read its answer hold none of these.")
  Integer threads;

  @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576", converter = ByteSize.class,
      description = "Largest request body accepted, in bytes or with K, M or G (binary: 2M is 2097152), up to 256M;"
          + " larger ones get 413 (default: ${DEFAULT-VALUE}, 1 MiB).")
  long maxBody;

  /** A size in bytes: a whole number, or one with K, M or G (KiB, MiB, GiB; {@code 512K}, {@code 2MB}, {@code 2MiB}). */
  static final class ByteSize implements picocli.CommandLine.ITypeConverter<Long> {
    private static final java.util.regex.Pattern SIZE =
        java.util.regex.Pattern.compile("([0-9]{1,12})\\s*(?:([kKmMgG])(?:i?[bB])?|[bB])?");

    @Override
    public Long convert(String value) {
      java.util.regex.Matcher m = SIZE.matcher(value.strip());
      if (!m.matches()) {
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is no size: write bytes, or a number with"
            + " K, M or G (1048576, 512K, 2M)");
      }
      long n = Long.parseLong(m.group(1));
      int shift = m.group(2) == null ? 0 : 10 * ("kmg".indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1);
      return n > Long.MAX_VALUE >> shift ? Long.MAX_VALUE : n << shift;
    }
  }

  @Option(names = "--cors", split = ",", paramLabel = "ORIGIN",
      description = "Let web pages of ORIGIN (scheme://host[:port], e.g. http://localhost:3000) call the server from a"
          + " browser (CORS); repeatable or comma-separated, '*' for any origin. Without it the browser keeps the"
          + " answers from pages of other origins.")
  List<String> cors;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > Segmenter.MAX_THREADS) {
      throw new ParameterException(spec.commandLine(), "--threads must be from 1 to " + Segmenter.MAX_THREADS + ", got " + n);
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535, got " + port);
    }
    if (maxBody < 1 || maxBody > SegmentServer.MAX_BODY_LIMIT) {
      throw new ParameterException(spec.commandLine(), "--max-body must be from 1 to " + SegmentServer.MAX_BODY_LIMIT
          + " bytes, got " + maxBody);
    }
    Main.checkWatch(dicts, watch, spec);
    java.util.Set<String> origins = new java.util.LinkedHashSet<>();
    for (String origin : cors == null ? List.<String>of() : cors) {
      try {
        origins.add(SegmentServer.checkOrigin(origin));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--cors: " + e.getMessage());
      }
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new ParameterException(spec.commandLine(), "--host " + host + ": no such host or address");
    }
    Segmenter seg = Main.withDictionaries(Main.loadModel(model), dicts, lenient, watch);
    SegmentServer server;
    try {
      server = SegmentServer.start(seg, address, n, maxBody, origins);
    } catch (java.net.BindException e) {
      boolean inUse = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("in use");
      throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage()
          + (inUse ? " (another server uses the port; --port 0 takes any free one)"
              : " (is --host an address of this machine?)"), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      System.err.println("fenci: stopped serving at " + server.uri());
      stopped.countDown();
    }, "fenci-serve-stop"));
    String name = model.equals(dev.fenci.Presets.DEFAULT) ? dev.fenci.Presets.defaultName() : model;
    System.err.println("fenci: serving " + name + " at " + server.uri() + " (POST /segment, POST /tokenize; "
        + n + " thread" + (n == 1 ? "" : "s") + (origins.isEmpty() ? "" : "; CORS: " + String.join(", ", origins))
        + "; Ctrl-C stops)");
    stopped.await();
    return 0;
  }
}
