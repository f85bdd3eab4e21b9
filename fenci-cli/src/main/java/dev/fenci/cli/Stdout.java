package dev.fenci.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that remembers why a write failed: {@link PrintStream} keeps only that it did,
 * and a reader that went away ({@code fenci segment big.txt | head}, a normal end) must be told
 * from a failure the user has to hear of (a full disk).
 */
final class Stdout extends FilterOutputStream {
  private static volatile IOException failure;

  private Stdout(OutputStream out) {
    super(out);
  }

  /**
   * Makes {@link System#out} one that records its failures (the command's process only, not tests),
   * writing UTF-8 whatever the locale, as {@code segment} writes its words.
   */
  static void install() {
    System.setOut(new PrintStream(new BufferedOutputStream(new Stdout(new FileOutputStream(FileDescriptor.out)), 8192),
        true, StandardCharsets.UTF_8));
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  /**
   * After {@link System#out} reported an error: throws it, unless it was the reader closing the
   * pipe (or it is not known, as with a stream a test installed). The system says so in the
   * user's language ({@code 断开的管道} under {@code zh_CN.UTF-8}), so its words are learnt from a
   * pipe of our own whose reader is closed ({@link #brokenPipe}); any other failure, a full disk
   * or a pipe another process made non-blocking, is the user's to hear of.
   */
  static void throwUnlessClosedByReader() throws IOException {
    IOException f = failure;
    String message = String.valueOf(f == null ? null : f.getMessage());
    if (f != null && !message.contains("Broken pipe") && !message.equals(brokenPipe())) {
      throw new IOException("cannot write the output (" + f.getMessage() + ")", f);
    }
  }

  /** The message of a write to a pipe whose reader has closed it, in the system's language (null if none comes). */
  static String brokenPipe() {
    try (java.nio.channels.Pipe.SinkChannel sink = openClosedPipe()) {
      sink.write(java.nio.ByteBuffer.wrap(new byte[1]));
      return null;
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private static java.nio.channels.Pipe.SinkChannel openClosedPipe() throws IOException {
    java.nio.channels.Pipe pipe = java.nio.channels.Pipe.open();
    pipe.source().close();
    return pipe.sink();
  }
}
