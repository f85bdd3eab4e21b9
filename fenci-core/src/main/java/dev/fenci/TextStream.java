package dev.fenci;

import dev.fenci.StreamBlocks.Block;
import dev.fenci.decode.Decoder;
import dev.fenci.dict.DictionarySnapshot;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Segments a character stream of any length in bounded memory, handing its words to a sink: the
 * stream is read in the blocks of {@link StreamBlocks}; with several threads, blocks of whole
 * lines are decoded in parallel and emitted in input order. When the reader is not ready, the
 * words of the lines read so far are handed over and the sink is {@linkplain
 * Segmenter.WordSink#flush() flushed} before the next read.
 */
final class TextStream {
  private final Decoder decoder;
  private final Supplier<DictionarySnapshot> dict;

  TextStream(Decoder decoder, Supplier<DictionarySnapshot> dict) {
    this.decoder = decoder;
    this.dict = dict;
  }

  void segment(Reader in, Segmenter.WordSink sink, int threads) throws IOException {
    StreamBlocks blocks = new StreamBlocks(decoder, dict, in);
    ExecutorService pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "fenci-stream");
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<Block>> pending = new ArrayDeque<>();
    // words handed over (or on their way) since the sink's last flush
    var consumer = new StreamBlocks.Consumer() {
      boolean unflushed;

      @Override
      public boolean unflushed() {
        return unflushed;
      }

      @Override
      public void flush() throws IOException {
        drain(pending, sink);
        sink.flush();
        unflushed = false;
      }
    };
    try {
      while (true) {
        Block b;
        try {
          b = blocks.next(consumer);
        } catch (IOException e) {
          // what was read before the failure still goes out, as it would with one thread
          drain(pending, sink);
          throw e;
        }
        if (b == null) {
          break;
        }
        if (pool == null) {
          emit(b.decoded(decoder), sink);
        } else {
          pending.add(b.ends() != null ? CompletableFuture.completedFuture(b) : pool.submit(() -> b.decoded(decoder)));
          while (pending.size() > 2 * threads) {
            emit(await(pending.poll()), sink);
          }
        }
        if (blocks.waiting()) {
          consumer.flush();
        } else {
          consumer.unflushed = true;
        }
      }
      drain(pending, sink);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** Emits every pending block, in order. */
  private static void drain(ArrayDeque<Future<Block>> pending, Segmenter.WordSink sink) throws IOException {
    while (!pending.isEmpty()) {
      emit(await(pending.poll()), sink);
    }
  }

  private static void emit(Block b, Segmenter.WordSink sink) throws IOException {
    int start = b.from();
    for (int e : b.ends()) {
      sink.word(b.text(), start, e);
      start = e;
    }
  }

  private static Block await(Future<Block> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while segmenting");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IOException(e.getCause());
    }
  }
}
