package dev.fenci.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fenci.Segmenter;
import dev.fenci.Token;
import dev.fenci.dict.UserDictionary;
import dev.fenci.model.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP server, through the JDK's HTTP client, on a free port of the loopback address. */
class SegmentServerTest {
  private static final Segmenter SEG = Segmenter.load();
  private static final UserDictionary DICT = UserDictionary.empty();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static SegmentServer server;

  @BeforeAll
  static void start() throws IOException {
    server = SegmentServer.start(SEG.withDictionary(DICT), new InetSocketAddress("127.0.0.1", 0), 2, 1000);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(server.uri().resolve(path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      r.header("Content-Type", type);
    }
    return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(String path, String type, String encoding, byte[] body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(server.uri().resolve(path)).header("Content-Type", type)
        .header("Content-Encoding", encoding).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return CLIENT.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
      z.write(bytes);
    }
    return out.toByteArray();
  }

  private static HttpResponse<String> post(String path, String type, String body) throws Exception {
    return post(path, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Object json(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    return Json.parse(r.body());
  }

  private static List<Object> tokens(List<Token> ts) {
    List<Object> out = new ArrayList<>();
    for (Token t : ts) {
      out.add(Map.of("word", t.word(), "start", (long) t.start(), "end", (long) t.end()));
    }
    return out;
  }

  /** Tokens with their parts, as {@code ?subwords=true} gives them: offsets in the text. */
  private static List<Object> tokensWithParts(List<Token> ts) {
    List<Object> out = new ArrayList<>();
    for (Token t : ts) {
      List<Object> parts = new ArrayList<>();
      for (Token p : SEG.subwords(t.word())) {
        parts.add(Map.of("word", p.word(), "start", (long) (t.start() + p.start()), "end", (long) (t.start() + p.end())));
      }
      out.add(Map.of("word", t.word(), "start", (long) t.start(), "end", (long) t.end(), "subwords", parts));
    }
    return out;
  }

  @Test
  void tokenizeGivesThePartsOfEachWordWhenAsked() throws Exception {
    String text = "中华人民共和国成立了，" + TEXT;
    HttpResponse<String> r = post("/tokenize?subwords=true", "text/plain", text);
    assertThat(r.statusCode()).isEqualTo(200);
    Object answer = json(r);
    assertThat(answer).isEqualTo(Map.of("tokens", tokensWithParts(SEG.tokenize(text))));
    assertThat(r.body()).contains("{\"word\":\"共和国\",\"start\":4,\"end\":7}");
    r = post("/tokenize?subwords=false", "text/plain", text);
    assertThat(json(r)).isEqualTo(Map.of("tokens", tokens(SEG.tokenize(text))));
    for (String bad : new String[] {"/tokenize?subwords=yes", "/tokenize?sub=true", "/segment?subwords=true"}) {
      r = post(bad, "text/plain", text);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(json(r).toString()).as(bad).contains("subwords=true");
    }
    // a long query is not sent back whole in the error
    r = post("/tokenize?" + "x".repeat(100_000), "text/plain", text);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body().length()).isLessThan(1000);
    assertThat(r.body()).contains("xxx...");
  }

  private static final String TEXT = "扫描二维码，关注微信号。\n在2001年新年钟声即将敲响，iPhone 15 Pro降价55.6亿元。👍🏻 \"引号\" \\ \t";

  @Test
  void segmentGivesTheLibrarysWordsForTextAndForJson() throws Exception {
    List<String> expected = SEG.segment(TEXT);
    for (String type : new String[] {null, "text/plain", "text/plain; charset=UTF-8", "application/x-www-form-urlencoded"}) {
      HttpResponse<String> r = post("/segment", type, TEXT);
      assertThat(r.statusCode()).as(type).isEqualTo(200);
      // a length, not chunks: HTTP/1.0 clients that keep connections alive (ApacheBench) need it
      assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(r.body().getBytes(StandardCharsets.UTF_8).length);
      assertThat(json(r)).isEqualTo(Map.of("words", expected));
    }
    HttpResponse<String> r = post("/segment", "application/json", Json.write(Map.of("text", TEXT)));
    assertThat(json(r)).isEqualTo(Map.of("words", expected));
    List<String> texts = List.of(TEXT, "", "中文分词", "第二行\r\n第三行");
    r = post("/segment", "application/json", Json.write(Map.of("texts", texts)));
    assertThat(json(r)).isEqualTo(Map.of("words", SEG.segmentAll(texts)));
  }

  @Test
  void tokenizeGivesWordsWithTheirOffsets() throws Exception {
    HttpResponse<String> r = post("/tokenize", "text/plain", TEXT);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r)).isEqualTo(Map.of("tokens", tokens(SEG.tokenize(TEXT))));
    r = post("/tokenize", "application/json", Json.write(Map.of("texts", List.of("你好", TEXT))));
    assertThat(json(r)).isEqualTo(Map.of("tokens", List.of(tokens(SEG.tokenize("你好")), tokens(SEG.tokenize(TEXT)))));
  }

  @Test
  void aDictionaryChangeAppliesFromTheNextRequest() throws Exception {
    String text = "扫描二维码";
    assertThat(json(post("/segment", null, text))).isEqualTo(Map.of("words", SEG.segment(text)));
    DICT.add("扫描二维", Double.POSITIVE_INFINITY);
    try {
      assertThat(json(post("/segment", null, text))).isEqualTo(Map.of("words", List.of("扫描二维", "码")));
    } finally {
      DICT.remove("扫描二维");
    }
  }

  @Test
  void requestsAtOnceGetTheirOwnAnswers() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<String> texts = List.of("扫描二维码，关注微信号。", "中共中央总书记江泽民发表新年讲话", "iPhone 15 Pro 售价 7999 元", "他在北京大学读书");
      List<Future<Object>> answers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String t = texts.get(i % texts.size());
        answers.add(clients.submit(() -> json(post("/segment", null, t))));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get()).isEqualTo(Map.of("words", SEG.segment(texts.get(i % texts.size()))));
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void badRequestsAreRefusedWithAReason() throws Exception {
    HttpResponse<String> r = post("/segment", "text/plain", new byte[] {(byte) 0xe4, (byte) 0xb8, 'a'});
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat((String) ((Map<?, ?>) json(r)).get("error")).contains("UTF-8").contains("byte").doesNotContain("--lenient");

    r = post("/segment", "text/plain; charset=GBK", "你好");
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.body()).contains("UTF-8").contains("iconv -f GBK -t UTF-8");
    r = post("/segment", "text/plain; charset=\"utf-16\"", "你好"); // the conversion asked is from the charset said
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.body()).contains("iconv -f UTF-16 -t UTF-8");

    r = post("/segment", "image/png", "你好");
    assertThat(r.statusCode()).isEqualTo(415);

    r = post("/segment", "application/json", "{\"text\": ");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("not JSON");
    r = post("/segment", "application/json", "{\"text\": \"你好\", \"text\": \"再见\"}"); // not the last one's, silently
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("duplicate key").contains("text");

    for (String body : new String[] {"[\"你好\"]", "{\"txt\": \"你好\"}", "{\"texts\": [\"你好\", 3]}", "{\"text\": 1}"}) {
      r = post("/segment", "application/json", body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(r.body()).contains("{\\\"text\\\"");
    }

    r = post("/segment", "text/plain", "中".repeat(400)); // 1,200 bytes over the test server's 1,000
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("1000 bytes");

    r = post("/nowhere", null, "你好");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("/segment");

    r = CLIENT.send(HttpRequest.newBuilder(server.uri().resolve("/segment")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
    // the server still answers after all that
    assertThat(post("/segment", null, "你好").statusCode()).isEqualTo(200);
  }

  /**
   * A JSON body that is not the request is refused with what is wrong with it: a field besides
   * {@code text} (the message had only repeated the shape, which such a body has), a text that is
   * not a string, an item of {@code texts} that is not a string.
   */
  @Test
  void aJsonBodyThatIsNotTheRequestIsRefusedWithWhatIsWrong() throws Exception {
    Map<String, String> problems = Map.of(
        "{\"text\": \"扫描二维码\", \"lang\": \"zh\"}", "lang",
        "{\"text\": \"扫描\", \"texts\": [\"二维码\"]}", "both",
        "{\"text\": 1}", "\"text\" is a number",
        "{\"texts\": [\"你好\", null]}", "item 1 of \"texts\" is null",
        "{\"texts\": \"你好\"}", "\"texts\" is a string",
        "[\"你好\"]", "an array",
        "{}", "no field");
    for (Map.Entry<String, String> p : problems.entrySet()) {
      HttpResponse<String> r = post("/segment", "application/json", p.getKey());
      assertThat(r.statusCode()).as(p.getKey()).isEqualTo(400);
      assertThat((String) ((Map<?, ?>) json(r)).get("error")).as(p.getKey())
          .contains("{\"text\": \"...\"} or {\"texts\": [\"...\", ...]}").contains(p.getValue());
    }
  }

  /**
   * curl -d sends the text as it is, typed application/x-www-form-urlencoded: that is taken; but a
   * form body that is evidently URL-encoded (curl --data-urlencode, or -d 'text=...') is refused
   * with how to send the text, rather than its escapes or its field name segmented.
   */
  @Test
  void formBodiesThatAreUrlEncodedAreRefusedWithHowToSendTheText() throws Exception {
    String form = "application/x-www-form-urlencoded";
    String encoded = java.net.URLEncoder.encode("扫描二维码 关注", StandardCharsets.UTF_8); // as curl --data-urlencode sends it
    assertThat(encoded).startsWith("%E6%89%AB").contains("+");
    for (String body : new String[] {encoded, "text=扫描二维码", "text=" + encoded, "texts=a&texts=b", "hello%20world"}) {
      HttpResponse<String> r = post("/segment", form, body);
      assertThat(r.statusCode()).as(body).isEqualTo(415);
      assertThat((String) ((Map<?, ?>) json(r)).get("error")).as(body).contains("URL-encoded")
          .contains("curl --data-binary").contains("-H 'Content-Type: text/plain; charset=utf-8'").contains("application/json");
    }
    assertThat(post("/segment", form, "gzip", gzip(encoded.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(415);
    // text that merely has a per cent sign or an equals sign, or escapes that are not UTF-8, is text
    for (String text : new String[] {"扫描二维码", "100%", "打折50%OFF，a=b的值", "a=b", "5%ab", "中文%E6%89%AB", "context=1", "",
        "hello world"}) {
      HttpResponse<String> r = post("/segment", form, text);
      assertThat(r.statusCode()).as(text).isEqualTo(200);
      assertThat(json(r)).as(text).isEqualTo(Map.of("words", SEG.segment(text)));
    }
    // text/plain is the text, whatever it looks like
    assertThat(json(post("/segment", "text/plain", encoded))).isEqualTo(Map.of("words", SEG.segment(encoded)));
    assertThat(json(post("/segment", "text/plain", "text=扫描"))).isEqualTo(Map.of("words", SEG.segment("text=扫描")));
  }

  /**
   * A JSON request sent without its type (curl -d '{"text": ...}' without -H, which says
   * application/x-www-form-urlencoded; a client that sends no Content-Type) is refused with 415 and
   * how to send it, rather than its braces and quotes segmented as text with 200; typed text/plain,
   * it is the text.
   */
  @Test
  void aJsonRequestWithoutItsContentTypeIsRefusedWithHowToSendIt() throws Exception {
    for (String type : new String[] {"application/x-www-form-urlencoded", null}) {
      for (String body : new String[] {"{\"text\": \"扫描二维码\"}", " {\"texts\": [\"扫描二维码\", \"你好\"]}\n"}) {
        HttpResponse<String> r = post("/segment", type, body);
        assertThat(r.statusCode()).as(type + " " + body).isEqualTo(415);
        assertThat((String) ((Map<?, ?>) json(r)).get("error")).as(body).contains("JSON")
            .contains("-H 'Content-Type: application/json'");
      }
      // text that merely starts with a brace is text
      for (String text : new String[] {"{注释}扫描二维码", "{\"a\": 1}", "{\"text\": "}) {
        assertThat(json(post("/segment", type, text))).as(text).isEqualTo(Map.of("words", SEG.segment(text)));
      }
    }
    String body = "{\"text\": \"扫描二维码\"}";
    assertThat(json(post("/segment", "text/plain", body))).isEqualTo(Map.of("words", SEG.segment(body)));
  }

  /**
   * A gzip body (Content-Encoding: gzip) is decompressed, the limit applying to what it
   * decompresses to; another content coding is refused with 415 naming it and Accept-Encoding,
   * not segmented as text or refused as invalid UTF-8.
   */
  @Test
  void gzipBodiesAreDecompressedAndOtherCodingsRefused() throws Exception {
    byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
    for (String coding : new String[] {"gzip", "x-gzip", "GZIP", "identity, gzip"}) {
      HttpResponse<String> r = post("/segment", "text/plain", coding, gzip(text));
      assertThat(r.statusCode()).as(coding).isEqualTo(200);
      assertThat(json(r)).as(coding).isEqualTo(Map.of("words", SEG.segment(TEXT)));
    }
    HttpResponse<String> r = post("/tokenize", "application/json", "gzip",
        gzip(Json.write(Map.of("texts", List.of("你好", TEXT))).getBytes(StandardCharsets.UTF_8)));
    assertThat(json(r)).isEqualTo(Map.of("tokens", List.of(tokens(SEG.tokenize("你好")), tokens(SEG.tokenize(TEXT)))));
    assertThat(json(post("/segment", "text/plain", "identity", text))).isEqualTo(Map.of("words", SEG.segment(TEXT)));

    for (String coding : new String[] {"br", "deflate", "zstd", "gzip, br", "gzip, gzip"}) {
      r = post("/segment", "text/plain", coding, text);
      assertThat(r.statusCode()).as(coding).isEqualTo(415);
      assertThat(r.headers().firstValue("Accept-Encoding")).as(coding).hasValue("gzip");
      assertThat((String) ((Map<?, ?>) json(r)).get("error")).as(coding)
          .contains("content coding " + (coding.equals("gzip, gzip") ? "gzip twice" : coding.replace("gzip, ", "")));
    }
    // 1,200 bytes, over the test server's 1,000, that compress to far fewer
    r = post("/segment", "text/plain", "gzip", gzip("中".repeat(400).getBytes(StandardCharsets.UTF_8)));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("decompressed").contains("limit of 1000 bytes");
    byte[] zipped = gzip(text);
    for (byte[] bad : new byte[][] {text, java.util.Arrays.copyOf(zipped, zipped.length - 12), new byte[0]}) {
      r = post("/segment", "text/plain", "gzip", bad);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("not valid gzip");
    }
    // gzip sent without its Content-Encoding: the advice is the header, which the server takes, not
    // to decompress the file first
    r = post("/segment", "text/plain", zipped);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat((String) ((Map<?, ?>) json(r)).get("error")).contains("gzip").contains("Content-Encoding: gzip")
        .doesNotContain("gunzip");
    assertThat(post("/segment", null, "你好").statusCode()).isEqualTo(200);
  }

  @Test
  void healthAndUsage() throws Exception {
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(server.uri().resolve("/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("ok\n");
    r = CLIENT.send(HttpRequest.newBuilder(server.uri()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).contains("POST /segment").contains("POST /tokenize");
    // HEAD: the GET answer's headers, its length included, and no body
    HttpResponse<String> head = CLIENT.send(HttpRequest.newBuilder(server.uri().resolve("/health"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).hasValue("3");
    assertThat(head.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void itSaysWhatIsWrongWithItsSettings() {
    InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
    assertThatThrownBy(() -> SegmentServer.start(SEG, any, 0, 10)).hasMessageContaining("threads");
    assertThatThrownBy(() -> SegmentServer.start(SEG, any, 1, 0)).hasMessageContaining("from 1 to");
    assertThatThrownBy(() -> SegmentServer.start(SEG, any, 1, SegmentServer.MAX_BODY_LIMIT + 1)).hasMessageContaining("from 1 to");
    assertThatThrownBy(() -> SegmentServer.start(SEG, server.address(), 1, 10)).isInstanceOf(java.net.BindException.class);
    assertThat(server.uri()).isEqualTo(URI.create("http://127.0.0.1:" + server.address().getPort() + "/"));
  }

  /** Answers go out without waiting for the client's delayed acknowledgement (40 ms a request on a kept-alive connection). */
  @Test
  void itsSocketsSendAtOnceAndSlowClientsAreCutOff() {
    assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isEqualTo("60");
    assertThat(System.getProperty("sun.net.httpserver.maxRspTime")).isEqualTo("60");
    assertThat(System.getProperty("sun.net.httpserver.maxIdleConnections")).isEqualTo("4096");
  }

  /** One answer read off a raw connection: its head (status line and headers) and its body. */
  private static String[] readAnswer(java.io.InputStream in) throws IOException {
    String h = readHead(in);
    long length = contentLength(h);
    byte[] body = length >= 0 ? in.readNBytes((int) length) : new byte[0];
    return new String[] {h, new String(body, StandardCharsets.UTF_8)};
  }

  /**
   * Clients that send their request slowly (or never finish it) hold a connection's thread, not
   * the segmenting: with one segmenting thread and more stalled clients than that, /health and
   * /segment are still answered at once.
   */
  @Test
  void stalledClientsHoldNeitherHealthNorSegmenting() throws Exception {
    try (SegmentServer one = SegmentServer.start(SEG, new InetSocketAddress("127.0.0.1", 0), 1, 1000)) {
      List<java.net.Socket> stalled = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          java.net.Socket s = new java.net.Socket("127.0.0.1", one.address().getPort());
          s.getOutputStream().write(("POST /segment HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nabc")
              .getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
          stalled.add(s);
        }
        Thread.sleep(200); // let the server take them up
        HttpRequest health = HttpRequest.newBuilder(one.uri().resolve("/health")).timeout(java.time.Duration.ofSeconds(10))
            .build();
        assertThat(CLIENT.send(health, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok\n");
        HttpRequest seg = HttpRequest.newBuilder(one.uri().resolve("/segment")).timeout(java.time.Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString("扫描二维码，关注微信号。")).build();
        HttpResponse<String> r = CLIENT.send(seg, HttpResponse.BodyHandlers.ofString());
        assertThat(json(r)).isEqualTo(java.util.Map.of("words", SEG.segment("扫描二维码，关注微信号。")));
      } finally {
        for (java.net.Socket s : stalled) {
          s.close();
        }
      }
    }
  }

  /**
   * With every segmenting permit taken, requests wait for one while their text is at most four
   * bodies of the largest size per thread; the next is told at once to come back (503,
   * Retry-After, the connection closed), and the waiting ones are answered when a permit frees.
   * Every permit comes back, refusals included.
   */
  @Test
  void aBusyServerSaysSoAndGivesEveryPermitBack() throws Exception {
    try (SegmentServer one = SegmentServer.start(SEG, new InetSocketAddress("127.0.0.1", 0), 1, 1000)) {
      java.util.concurrent.Semaphore permits = one.permits();
      permits.acquire();
      List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
      HttpRequest seg = HttpRequest.newBuilder(one.uri().resolve("/segment"))
          .POST(HttpRequest.BodyPublishers.ofString("扫描二维码")).build();
      HttpRequest full = HttpRequest.newBuilder(one.uri().resolve("/segment")) // the largest body, 1,000 characters
          .POST(HttpRequest.BodyPublishers.ofString("ab ".repeat(333) + "c")).build();
      try {
        for (int i = 0; i < SegmentServer.WAITING_PER_THREAD; i++) {
          waiting.add(CLIENT.sendAsync(full, HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (permits.getQueueLength() < SegmentServer.WAITING_PER_THREAD && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertThat(permits.getQueueLength()).isEqualTo(SegmentServer.WAITING_PER_THREAD);
        HttpResponse<String> busy = CLIENT.send(seg, HttpResponse.BodyHandlers.ofString());
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.body()).contains("busy");
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
      } finally {
        permits.release();
      }
      for (java.util.concurrent.CompletableFuture<HttpResponse<String>> f : waiting) {
        assertThat(f.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
      // refusals after a body was read, and an answer to a client that went away, give their permit back
      assertThat(CLIENT.send(HttpRequest.newBuilder(one.uri().resolve("/segment")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"x\": 1}")).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(400);
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", one.address().getPort())) {
        byte[] body = "扫描二维码，".repeat(100).getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(("POST /tokenize?subwords=true HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().write(body);
        s.setSoLinger(true, 0); // then reset, without reading the answer
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (permits.availablePermits() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(permits.availablePermits()).isEqualTo(1);
      assertThat(CLIENT.send(seg, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
  }

  /**
   * Many small requests at once wait for a permit and are answered, however many more than four
   * per permit: a request of a few characters is not refused as busy because others as small wait
   * (sixteen clients of a two-thread server had a third of their requests refused with 503).
   */
  @Test
  void manySmallRequestsAtOnceWaitForAPermitRatherThanBeingRefused() throws Exception {
    try (SegmentServer one = SegmentServer.start(SEG, new InetSocketAddress("127.0.0.1", 0), 1, 1000)) {
      java.util.concurrent.Semaphore permits = one.permits();
      permits.acquire();
      int clients = 4 * SegmentServer.WAITING_PER_THREAD;
      List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
      HttpRequest seg = HttpRequest.newBuilder(one.uri().resolve("/segment"))
          .POST(HttpRequest.BodyPublishers.ofString("扫描二维码")).build();
      try {
        for (int i = 0; i < clients; i++) {
          waiting.add(CLIENT.sendAsync(seg, HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (permits.getQueueLength() < clients && waiting.stream().noneMatch(f -> f.isDone())
            && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
      } finally {
        permits.release();
      }
      for (java.util.concurrent.CompletableFuture<HttpResponse<String>> f : waiting) {
        HttpResponse<String> r = f.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r)).isEqualTo(Map.of("words", SEG.segment("扫描二维码")));
      }
    }
  }

  /**
   * A client that sends a request whose answer is large (/tokenize?subwords=true, about 60 times
   * its body) and does not read it holds its connection's thread and that answer, not the
   * segmenting: with one segmenting thread another request is answered while the first answer is
   * still being written; that one is then delivered whole, and its bytes come off the budget.
   */
  @Test
  void aClientThatDoesNotReadItsAnswerDoesNotHoldTheSegmenting() throws Exception {
    try (SegmentServer one = SegmentServer.start(SEG, new InetSocketAddress("127.0.0.1", 0), 1, 1 << 20);
        java.net.Socket slow = new java.net.Socket()) {
      slow.setReceiveBufferSize(4096); // before connecting: the window stays small
      slow.connect(one.address());
      slow.setSoTimeout(30_000);
      String text = "1,2,3,".repeat(40_000); // 240,000 bytes: single-character tokens, the largest answer per byte
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      slow.getOutputStream().write(("POST /tokenize?subwords=true HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      slow.getOutputStream().write(body);
      slow.getOutputStream().flush();
      String head = readHead(slow.getInputStream()); // the answer is being written: its headers are out
      assertThat(head).startsWith("HTTP/1.1 200");
      long length = contentLength(head);
      // far more than the server's socket buffer (at most net.ipv4.tcp_wmem's 4 MiB) and the client's
      // hold: the server is still writing it, and goes on until it is read
      assertThat(length).isGreaterThan(12L << 20);

      HttpRequest seg = HttpRequest.newBuilder(one.uri().resolve("/segment")).timeout(java.time.Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofString("扫描二维码，关注微信号。")).build();
      HttpResponse<String> r = CLIENT.send(seg, HttpResponse.BodyHandlers.ofString());
      assertThat(json(r)).isEqualTo(Map.of("words", SEG.segment("扫描二维码，关注微信号。")));
      assertThat(one.active()).as("the unread answer is still being written").isPositive();
      assertThat(one.permits().availablePermits()).isEqualTo(1);
      assertThat(one.answerBytes()).as("the unread answer's bytes, on the budget").isGreaterThanOrEqualTo(length);

      byte[] answer = slow.getInputStream().readNBytes((int) length);
      assertThat(new String(answer, StandardCharsets.UTF_8)).startsWith("{\"tokens\":[{\"word\":\"1\"").endsWith("]}]}\n");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (one.answerBytes() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(one.answerBytes()).isZero();
    }
  }

  /**
   * Answers take their memory from a budget of {@value SegmentServer#ANSWER_BYTES_PER_BODY_BYTE}
   * times the largest body per thread, before they are segmented: when an unread answer holds most
   * of it, a request with a large answer waits for it (without the permit to segment), a small one
   * is answered at once, and the large one goes ahead once the unread answer is gone.
   */
  @Test
  void answersWaitingForTheirReadersHaveABudget() throws Exception {
    String text = "1,2,3,".repeat(40_000); // an answer of about 13 MB, of a budget of 64 x 300,000 bytes
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] request = ("POST /tokenize?subwords=true HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    try (SegmentServer one = SegmentServer.start(SEG, new InetSocketAddress("127.0.0.1", 0), 1, 300_000);
        java.net.Socket first = new java.net.Socket();
        java.net.Socket second = new java.net.Socket()) {
      java.net.Socket[] slow = {first, second};
      for (java.net.Socket s : slow) {
        s.setReceiveBufferSize(4096);
        s.connect(one.address());
        s.setSoTimeout(30_000);
        s.getOutputStream().write(request);
        s.getOutputStream().write(body);
        if (s == first) {
          long length = contentLength(readHead(s.getInputStream()));
          assertThat(one.answerBytes()).isBetween(length, length + 1023);
        }
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (one.answerBudget().getQueueLength() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(one.answerBudget().getQueueLength()).as("the second request waits for its answer's memory").isEqualTo(1);
      assertThat(one.permits().availablePermits()).isEqualTo(1);
      HttpRequest small = HttpRequest.newBuilder(one.uri().resolve("/segment")).timeout(java.time.Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofString("扫描二维码")).build();
      assertThat(CLIENT.send(small, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      first.setSoLinger(true, 0); // reset, without reading the answer: its memory comes back
      first.close();
      String head = readHead(second.getInputStream());
      assertThat(head).startsWith("HTTP/1.1 200");
      assertThat(second.getInputStream().readNBytes((int) contentLength(head))).endsWith("]}]}\n".getBytes(StandardCharsets.US_ASCII));
      deadline = System.nanoTime() + 10_000_000_000L;
      while ((one.answerBytes() > 0 || one.permits().availablePermits() < 1) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(one.answerBytes()).isZero();
      assertThat(one.permits().availablePermits()).isEqualTo(1);
    }
  }

  /** The head of an answer (status line and headers) read off a raw connection. */
  private static String readHead(java.io.InputStream in) throws IOException {
    java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new java.io.EOFException("the connection closed after " + head);
      }
      head.write(c);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static long contentLength(String head) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /**
   * More kept-alive clients than the JDK keeps idle connections by default (200) all get their
   * second answer on the same connection; a 404 to a request without a body keeps it open too.
   */
  @Test
  void manyKeptAliveClientsAndRefusalsWithoutABodyKeepTheirConnections() throws Exception {
    List<java.net.Socket> clients = new java.util.ArrayList<>();
    try {
      byte[] health = "GET /health HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 300; i++) {
        java.net.Socket s = new java.net.Socket("127.0.0.1", server.address().getPort());
        s.setSoTimeout(30_000);
        clients.add(s);
        s.getOutputStream().write(i == 0 ? "GET /nope HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII)
            : health);
        String[] first = readAnswer(s.getInputStream());
        if (i == 0) {
          assertThat(first[0]).startsWith("HTTP/1.1 404").doesNotContainIgnoringCase("Connection: close");
          assertThat(first[1]).contains("no such endpoint: /nope");
        } else {
          assertThat(first[1]).isEqualTo("ok\n");
        }
      }
      for (java.net.Socket s : clients) {
        s.getOutputStream().write(health);
        assertThat(readAnswer(s.getInputStream())[1]).isEqualTo("ok\n");
      }
    } finally {
      for (java.net.Socket s : clients) {
        s.close();
      }
    }
  }

  /** A client that sends a whole body over the limit before it reads gets the 413, not a reset connection. */
  @Test
  void aBodyFarOverTheLimitSentWholeGetsItsRefusal() throws Exception {
    byte[] body = new byte[3_000_000];
    java.util.Arrays.fill(body, (byte) 'a');
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.address().getPort())) {
      s.setSoTimeout(30_000);
      java.io.OutputStream out = s.getOutputStream();
      out.write(("POST /segment HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 413").contains("Connection: close").contains("limit of 1000 bytes");
    }
  }

  @Test
  void charsetsThatAreUtf8AreTaken() throws Exception {
    for (String type : new String[] {"text/plain; charset=utf8", "text/plain;charset=\"UTF-8\"", "text/plain; charset = us-ascii"}) {
      assertThat(post("/segment", type, "abc").statusCode()).as(type).isEqualTo(200);
    }
  }

  private static HttpResponse<String> send(URI uri, String method, String body, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(uri).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (headers.length > 0) {
      r.headers(headers);
    }
    return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A browser's preflight of a POST with a JSON body from a page of {@code origin}. */
  private static HttpResponse<String> preflight(URI uri, String origin) throws Exception {
    return send(uri, "OPTIONS", null, "Origin", origin, "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "content-type");
  }

  private static void assertNoCors(HttpResponse<String> r) {
    assertThat(r.headers().map().keySet()).as("CORS headers").noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
  }

  /** OPTIONS says what a path takes, with or without CORS; another path is still 404. */
  @Test
  void optionsSaysWhatAPathTakes() throws Exception {
    Map<String, String> allow = Map.of("/segment", "POST, OPTIONS", "/tokenize", "POST, OPTIONS",
        "/health", "GET, HEAD, OPTIONS", "/", "GET, HEAD, OPTIONS");
    for (Map.Entry<String, String> e : allow.entrySet()) {
      HttpResponse<String> r = send(server.uri().resolve(e.getKey()), "OPTIONS", null);
      assertThat(r.statusCode()).as(e.getKey()).isEqualTo(204);
      assertThat(r.headers().firstValue("Allow")).as(e.getKey()).hasValue(e.getValue());
      assertThat(r.body()).isEmpty();
      assertNoCors(r);
    }
    HttpResponse<String> r = send(server.uri().resolve("/nowhere"), "OPTIONS", null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("no such endpoint");
  }

  /** Without origins to allow, a page of another origin gets the answers of old: no CORS header, a preflight none either. */
  @Test
  void corsIsOffUnlessAskedFor() throws Exception {
    HttpResponse<String> r = send(server.uri().resolve("/segment"), "POST", "你好", "Origin", "http://localhost:3000");
    assertThat(r.statusCode()).isEqualTo(200);
    assertNoCors(r);
    assertThat(r.headers().firstValue("Vary")).isEmpty();
    r = preflight(server.uri().resolve("/segment"), "http://localhost:3000");
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
    assertNoCors(r);
  }

  /**
   * Pages of the origins given get their answers, refusals included, and their preflights the
   * path's methods; other origins get no CORS header (and no 403): the browser keeps the answer
   * from them.
   */
  @Test
  void pagesOfTheOriginsGivenMayCallIt() throws Exception {
    try (SegmentServer cors = SegmentServer.start(SEG, new InetSocketAddress("127.0.0.1", 0), 1, 1000,
        List.of("http://localhost:3000", "HTTPS://App.Example.com:443"))) {
      for (String origin : new String[] {"http://localhost:3000", "https://app.example.com"}) {
        HttpResponse<String> r = preflight(cors.uri().resolve("/segment"), origin);
        assertThat(r.statusCode()).as(origin).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(origin).hasValue(origin);
        assertThat(r.headers().firstValue("Vary")).hasValue("Origin");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("Content-Type");
        assertThat(r.headers().firstValue("Access-Control-Max-Age")).hasValue("7200");
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(r.body()).isEmpty();
      }
      HttpResponse<String> r = send(cors.uri().resolve("/health"), "OPTIONS", null, "Origin", "http://localhost:3000",
          "Access-Control-Request-Method", "GET");
      assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, HEAD");
      // a public page calling a server on this machine: Chrome asks for this one too
      r = send(cors.uri().resolve("/segment"), "OPTIONS", null, "Origin", "http://localhost:3000",
          "Access-Control-Request-Method", "POST", "Access-Control-Request-Private-Network", "true");
      assertThat(r.headers().firstValue("Access-Control-Allow-Private-Network")).hasValue("true");

      // the request itself: its answer, and its refusal, with the origin allowed
      r = send(cors.uri().resolve("/segment"), "POST", "{\"text\": \"你好\"}", "Origin", "http://localhost:3000",
          "Content-Type", "application/json");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(json(r)).isEqualTo(Map.of("words", SEG.segment("你好")));
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
      assertThat(r.headers().firstValue("Vary")).hasValue("Origin");
      assertThat(r.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Retry-After");
      r = send(cors.uri().resolve("/segment"), "POST", "{\"txt\": 1}", "Origin", "https://app.example.com",
          "Content-Type", "application/json");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
      r = send(cors.uri().resolve("/health"), "GET", null, "Origin", "http://localhost:3000");
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");

      // another origin (a port, a scheme, a subdomain apart), or none: no CORS header, the answer as before
      for (String origin : new String[] {"http://localhost:3001", "https://localhost:3000", "https://evil.app.example.com",
          "null"}) {
        r = preflight(cors.uri().resolve("/segment"), origin);
        assertThat(r.statusCode()).as(origin).isEqualTo(204);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
        assertNoCors(r);
        assertThat(r.headers().firstValue("Vary")).hasValue("Origin");
        r = send(cors.uri().resolve("/segment"), "POST", "你好", "Origin", origin);
        assertThat(r.statusCode()).as(origin).isEqualTo(200);
        assertNoCors(r);
      }
      r = send(cors.uri().resolve("/segment"), "POST", "你好");
      assertThat(r.statusCode()).isEqualTo(200);
      assertNoCors(r);
      assertThat(r.headers().firstValue("Vary")).hasValue("Origin"); // a cache keeps it from the pages allowed
      r = preflight(cors.uri().resolve("/nowhere"), "http://localhost:3000");
      assertThat(r.statusCode()).isEqualTo(404);
    }
  }

  /** With {@code *} any page may call it: the same answer for every origin, so no Vary. */
  @Test
  void aWildcardAllowsAnyOrigin() throws Exception {
    try (SegmentServer cors = SegmentServer.start(SEG, new InetSocketAddress("127.0.0.1", 0), 1, 1000, List.of("*"))) {
      HttpResponse<String> r = preflight(cors.uri().resolve("/tokenize"), "https://anywhere.example");
      assertThat(r.statusCode()).isEqualTo(204);
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
      assertThat(r.headers().firstValue("Vary")).isEmpty();
      for (String origin : new String[] {"https://anywhere.example", "null"}) {
        r = send(cors.uri().resolve("/tokenize"), "POST", "你好", "Origin", origin);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      }
      r = send(cors.uri().resolve("/segment"), "OPTIONS", null); // not a preflight: what it takes
      assertThat(r.statusCode()).isEqualTo(204);
      assertThat(r.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
      assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    }
  }

  @Test
  void anOriginIsCheckedAndWrittenAsBrowsersSendIt() {
    assertThat(SegmentServer.checkOrigin("http://localhost:3000")).isEqualTo("http://localhost:3000");
    assertThat(SegmentServer.checkOrigin(" HTTPS://Example.COM:443 ")).isEqualTo("https://example.com");
    assertThat(SegmentServer.checkOrigin("http://example.com:80")).isEqualTo("http://example.com");
    assertThat(SegmentServer.checkOrigin("http://example.com:8443")).isEqualTo("http://example.com:8443");
    assertThat(SegmentServer.checkOrigin("http://[::1]:8080")).isEqualTo("http://[::1]:8080");
    assertThat(SegmentServer.checkOrigin("https://中文.example")).isEqualTo("https://xn--fiq228c.example");
    assertThat(SegmentServer.checkOrigin("chrome-extension://abcdef")).isEqualTo("chrome-extension://abcdef");
    assertThat(SegmentServer.checkOrigin("*")).isEqualTo("*");
    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put("http://localhost:3000/", "has a path (a trailing /)");
    bad.put("https://example.com/app/index.html", "did you mean https://example.com?");
    bad.put("localhost:3000", "has no scheme");
    bad.put("example.com/app", "did you mean http://example.com or https://example.com?");
    bad.put("null", "allow it with *");
    // a scheme whose :// is misspelt: the origin meant, not http://http:
    bad.put("http:/localhost:3000", "misspells the :// after its scheme");
    bad.put("http//localhost:3000", "did you mean http://localhost:3000?");
    bad.put("HTTPS:/example.com/app/", "did you mean https://example.com?");
    bad.put("https:localhost", "did you mean https://localhost?");
    bad.put("", "an empty origin");
    bad.put("https://*.example.com", "has a wildcard");
    bad.put("http://localhost:99999", "from 1 to 65535");
    bad.put("http://localhost:0", "from 1 to 65535");
    bad.put("http://user@example.com", "scheme://host[:port]");
    bad.put("http://example.com?a=1", "scheme://host[:port]");
    bad.put("http://", "scheme://host[:port]");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      assertThatThrownBy(() -> SegmentServer.checkOrigin(e.getKey())).as(e.getKey())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(e.getValue())
          .hasMessageContaining("http://localhost:3000").message().doesNotContain("://http");
    }
    assertThatThrownBy(() -> SegmentServer.start(SEG, new InetSocketAddress("127.0.0.1", 0), 1, 10,
        List.of("http://ok.example", "http://bad.example/"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'http://bad.example/' has a path");
  }
}
