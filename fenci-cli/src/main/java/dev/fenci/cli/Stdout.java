package dev.fenci.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

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
   * Whether standard output is a pipe or a socket (Linux: {@code /proc/self/fd/1}); false where
   * that cannot be told. A write to a pipe fails only when its reader has gone.
   */
  private static volatile boolean toPipe;

  /** Makes {@link System#out} one that records its failures (the command's process only, not tests). */
  static void install() {
    try {
      String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/1")).toString();
      toPipe = target.startsWith("pipe:") || target.startsWith("socket:");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      toPipe = false; // not Linux: the error's message tells (in English)
    }
    System.setOut(new PrintStream(new BufferedOutputStream(new Stdout(new FileOutputStream(FileDescriptor.out)), 8192),
        true, Charset.defaultCharset()));
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
   * pipe (or it is not known, as with a stream a test installed). The system's message is in the
   * user's language ({@code 断开的管道} under {@code zh_CN.UTF-8}), so a failed write to a pipe
   * counts as the reader's closing whatever it says.
   */
  static void throwUnlessClosedByReader() throws IOException {
    IOException f = failure;
    if (f != null && !toPipe && !String.valueOf(f.getMessage()).contains("Broken pipe")) {
      throw new IOException("cannot write the output (" + f.getMessage() + ")", f);
    }
  }
}
