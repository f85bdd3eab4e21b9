package dev.fenci.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestTexts}' reading of a body without a server: which form bodies are URL-encoded,
 * which untyped bodies are JSON requests, and gzip inflated only to the limit.
 */
class RequestTextsTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void aFormBodyIsUrlEncodedOnlyWhenItEvidentlyIs() {
    String encoded = URLEncoder.encode("扫描二维码 关注", StandardCharsets.UTF_8); // as curl --data-urlencode sends it
    for (String body : new String[] {encoded, "text=扫描二维码", "texts=a&texts=b", "hello%20world", "%E6%89%AB"}) {
      assertThat(RequestTexts.urlEncoded(utf8(body))).as(body).isTrue();
    }
    // beyond ASCII, without an escape, or with escapes that are not UTF-8: the text itself
    for (String text : new String[] {"打折100%", "a=b的值", "中文%E6%89%AB", "100%", "a=b", "5%ab", "%E6", "context=1",
        "hello world", "text", ""}) {
      assertThat(RequestTexts.urlEncoded(utf8(text))).as(text).isFalse();
    }
  }

  @Test
  void aBodyIsAJsonRequestOnlyWithATextOrTextsField() {
    for (String body : new String[] {"{\"text\": \"扫描二维码\"}", " {\"texts\": [\"扫描二维码\", \"你好\"]}\n",
        "{\"text\": 1}", "{\"text\": \"a\", \"lang\": \"zh\"}"}) {
      assertThat(RequestTexts.jsonRequest(body)).as(body).isTrue();
    }
    for (String text : new String[] {"{注释}扫描二维码", "{\"a\": 1}", "{\"text\": ", "[\"你好\"]", "\"text\"", "", "扫描二维码"}) {
      assertThat(RequestTexts.jsonRequest(text)).as(text).isFalse();
    }
  }

  @Test
  void gzipIsInflatedUpToTheLimitAndRefusedWhenInvalid() throws Exception {
    byte[] text = utf8("扫描二维码关注公众号");
    assertThat(RequestTexts.gunzip(new ByteArrayInputStream(gzip(text)), text.length)).isEqualTo(text);
    assertThatThrownBy(() -> RequestTexts.gunzip(new ByteArrayInputStream(gzip(text)), text.length - 1))
        .isInstanceOfSatisfying(Requests.Refused.class, e -> assertThat(e.status).isEqualTo(413))
        .hasMessage("the body is, decompressed, larger than the server's limit of " + (text.length - 1)
            + " bytes: send the text in parts (the limit is fenci serve's --max-body)");
    assertThatThrownBy(() -> RequestTexts.gunzip(new ByteArrayInputStream(text), 1 << 20))
        .isInstanceOfSatisfying(Requests.Refused.class, e -> assertThat(e.status).isEqualTo(400))
        .hasMessageStartingWith("the body is not valid gzip, as its Content-Encoding says (");
  }

  /** A small gzip body that would inflate to far more than the limit is refused once past it, not inflated whole. */
  @Test
  void aDecompressionBombIsRefusedWithoutInflatingIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 128; i++) {
        z.write(zeros);
      }
    }
    byte[] bomb = out.toByteArray(); // 128 MiB in about 128 KB
    long[] read = {0};
    InputStream counted = new FilterInputStream(new ByteArrayInputStream(bomb)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int r = super.read(b, off, len);
        read[0] += Math.max(r, 0);
        return r;
      }
    };
    assertThatThrownBy(() -> RequestTexts.gunzip(counted, 1 << 20)).isInstanceOfSatisfying(Requests.Refused.class,
        e -> assertThat(e.status).isEqualTo(413));
    assertThat(read[0]).isLessThan(bomb.length / 8);
  }
}
