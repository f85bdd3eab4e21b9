package dev.fenci.dict;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A user dictionary that can change while segmenters use it: entries from files (later files win
 * for the same word) plus entries added at run time. Every change builds a new
 * {@link DictionarySnapshot} and publishes it at once, so segmentation on other threads sees
 * either the old or the new dictionary, never a half-built one, and never waits for a change.
 *
 * <p>Wherever an entry occurs, log(multiplier) is added to the scores of the tags that make it one
 * word. With a model that reads lexicon features (the presets accurate, fast and weibo), an entry
 * whose multiplier is 1 or more is also marked as a lexicon word for the network wherever it
 * occurs inside one run of text, so that the network weighs it in context like its training words
 * (multiplier 1: only that).
 *
 * <p>An entry matches its word however its characters are written: full-width or ASCII letters,
 * digits and symbols, traditional or simplified characters ({@code DEF集团,10} also applies to
 * {@code ＤＥＦ集团}, {@code 臺積電,10} to {@code 台积电}: full-width forms as ASCII, the ideographic
 * space as a space, traditional-only characters as simplified, case kept; docs/dictionaries.md lists
 * the details), and entries that differ only so are one word, the later winning ({@link #remove}
 * of either removes it).
 *
 * <pre>{@code
 * UserDictionary dict = UserDictionary.load(Path.of("my.dict"));
 * Segmenter seg = Segmenter.load().withDictionary(dict);
 * dict.add("微信号", 10);       // takes effect for the next call
 * dict.watch(Duration.ofSeconds(2));  // reload when the file changes, until dict.close()
 * }</pre>
 */
public final class UserDictionary implements AutoCloseable {
  private final List<Path> files;
  private final boolean lenient;
  private final PrintStream warnings;
  private final Object lock = new Object();
  private List<Entry> fileEntries = List.of();
  /** Entries added, and words removed, by {@link #add} and {@link #remove}: by folded word ({@link Folding#key}). */
  private final Map<String, Entry> added = new LinkedHashMap<>();
  private final java.util.Set<String> removed = new java.util.HashSet<>();
  private Map<Path, FileTime> stamps = Map.of();
  /** Reloads started, and the number of the latest one published (both under {@code lock}). */
  private long reloadsStarted;
  private long reloadPublished;
  private volatile DictionarySnapshot current = DictionarySnapshot.EMPTY;
  private ScheduledExecutorService watcher;
  private java.util.concurrent.ScheduledFuture<?> watching; // the checks, at the period last asked for
  private long watchMillis; // that period
  /** The last problem a check reported: reported once, not at every check while it lasts (the watching thread's). */
  private volatile String lastProblem;

  private UserDictionary(List<Path> files, boolean lenient, PrintStream warnings) {
    this.files = List.copyOf(files);
    this.lenient = lenient;
    this.warnings = warnings;
  }

  /** An empty dictionary to fill with {@link #add}. */
  public static UserDictionary empty() {
    return new UserDictionary(List.of(), false, null);
  }

  /**
   * The entries of {@code files}, later files winning; malformed lines fail with file and line.
   * Warnings and notes (a line read in a way that may surprise, a reload by {@link #watch}, a
   * problem found by it) go to {@code System.err}; give
   * another stream, or null for none, with {@link #load(List, boolean, PrintStream)}.
   */
  public static UserDictionary load(Path... files) throws IOException {
    for (Path f : Objects.requireNonNull(files, "dictionary files are null")) {
      Objects.requireNonNull(f, "a dictionary file is null");
    }
    return load(List.of(files), false, System.err);
  }

  /**
   * As {@link #load(Path...)}; when lenient, malformed lines are skipped with a warning and invalid
   * UTF-8 becomes U+FFFD (counted in a warning), as the command line's {@code --lenient} does. Warnings
   * and notes go to {@code warnings} (none when it is null).
   */
  public static UserDictionary load(List<Path> files, boolean lenient, PrintStream warnings) throws IOException {
    for (Path f : Objects.requireNonNull(files, "dictionary files are null")) {
      Objects.requireNonNull(f, "a dictionary file is null");
    }
    UserDictionary d = new UserDictionary(files, lenient, warnings);
    d.reload();
    return d;
  }

  /** The dictionary as it is now (immutable). */
  public DictionarySnapshot snapshot() {
    return current;
  }

  /**
   * Adds or replaces an entry, in use from the next call on. Each change publishes a dictionary
   * of its own, at a cost of about the square root of the dictionary's size: to add many words,
   * give them to one {@link #addAll} (55,303 words: 0.04 s in one call, 4.7 s one by one).
   */
  public void add(String word, double multiplier) {
    add(new Entry(word, multiplier));
  }

  /** Adds or replaces an entry, as {@link #add(String, double)}. */
  public void add(Entry e) {
    addAll(List.of(Objects.requireNonNull(e, "entry to add is null")));
  }

  /**
   * Adds several entries at once (for the same word the later one wins). A change of many entries
   * costs about what it changes, not what the dictionary holds (see {@link DictionarySnapshot}).
   */
  public void addAll(Collection<Entry> entries) {
    Objects.requireNonNull(entries, "entries to add are null");
    for (Entry e : entries) {
      Objects.requireNonNull(e, "an entry to add is null");
    }
    List<Entry> copy = List.copyOf(entries);
    synchronized (lock) {
      for (Entry e : copy) {
        String key = Folding.key(e.word());
        added.put(key, e);
        removed.remove(key);
      }
      current = current.with(copy, List.of());
    }
  }

  /**
   * Removes a word (however written), whether it came from a file or from {@link #add}.
   *
   * @throws IllegalArgumentException for a word that {@link #add(String, double)} refuses too
   *     (empty, only whitespace, beginning with a combining mark...): it cannot be in the dictionary
   */
  public void remove(String word) {
    word = Entry.checkWord(Objects.requireNonNull(word, "word to remove is null")); // strips it as add does
    String key = Folding.key(word);
    synchronized (lock) {
      added.remove(key);
      removed.add(key);
      current = current.with(List.of(), List.of(word));
    }
  }

  /**
   * Reads the files again; on an error the current dictionary stays as it was. Of reloads that
   * overlap, the one that started last wins: one that started earlier and finishes later (it read a
   * larger, older file, say) does not replace what the later one read.
   *
   * @return true when what this call read is now in use; false when a reload that started later
   *     had already put its own reading in place (this one's is dropped)
   */
  public boolean reload() throws IOException {
    long ticket;
    synchronized (lock) {
      ticket = ++reloadsStarted;
    }
    List<Entry> entries = new ArrayList<>();
    Map<Path, FileTime> newStamps = new LinkedHashMap<>();
    for (Path f : files) {
      newStamps.put(f, Files.getLastModifiedTime(f));
      entries.addAll(DictionaryFile.read(f, lenient, warnings));
    }
    synchronized (lock) {
      if (ticket < reloadPublished) {
        return false; // a reload that started later has published what it read
      }
      reloadPublished = ticket;
      fileEntries = entries;
      stamps = newStamps;
      publish();
      return true;
    }
  }

  /**
   * Reloads if a file changed since the last load; true when it did and what it read is in use
   * (false too when an overlapping {@link #reload()} that started later won).
   */
  public boolean reloadIfChanged() throws IOException {
    Map<Path, FileTime> seen;
    synchronized (lock) {
      seen = stamps;
    }
    for (Path f : files) {
      if (!Files.getLastModifiedTime(f).equals(seen.get(f))) {
        return reload();
      }
    }
    return false;
  }

  /**
   * Checks the files every {@code period} and reloads changed ones in the background; errors are
   * reported to the warnings stream and the previous dictionary stays in use. The checks run on a
   * daemon thread until {@link #close()}; close a watching dictionary you no longer use (its
   * thread keeps it, and the class loader that loaded fenci, alive). Watching a dictionary
   * already watched at another period changes the period (the next check comes one new period
   * from now, or sooner if one was due sooner); at the same period it changes nothing.
   */
  public void watch(java.time.Duration period) {
    Objects.requireNonNull(period, "watch period is null");
    if (period.isNegative() || period.compareTo(java.time.Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException("the period of watching a dictionary must be from 1 ms to a year, got " + period);
    }
    if (period.toMillis() < 1) {
      throw new IllegalArgumentException("the period of watching a dictionary must be at least 1 ms, got " + period);
    }
    long millis = period.toMillis();
    synchronized (lock) {
      long firstDelay = millis;
      if (watcher == null) {
        java.util.concurrent.ScheduledThreadPoolExecutor executor = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
          Thread t = new Thread(r, "fenci-dictionary-watch");
          t.setDaemon(true);
          return t;
        });
        executor.setRemoveOnCancelPolicy(true); // a schedule replaced by a new period leaves the queue at once
        watcher = executor;
        lastProblem = null;
      } else if (millis == watchMillis) {
        return; // watched at this period already: the schedule goes on as it was
      } else {
        // the next check comes at the new period, or sooner if the old schedule had one due sooner
        firstDelay = Math.max(0, Math.min(millis, watching.getDelay(TimeUnit.MILLISECONDS)));
        watching.cancel(false); // a check under way finishes; none starts at the old period
      }
      watchMillis = millis;
      watching = watcher.scheduleWithFixedDelay(this::check, firstDelay, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** One check of a watched dictionary's files (on the watching thread). */
  private void check() {
    try {
      if (reloadIfChanged() && warnings != null) {
        warnings.println("fenci: dictionary reloaded (" + current.size() + (current.size() == 1 ? " entry)" : " entries)"));
      }
      lastProblem = null;
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      // (an error the task let out would end the checks without a word, the thread still alive)
      String problem = e instanceof java.nio.file.NoSuchFileException nsf
          ? nsf.getFile() + ": no such file (deleted or moved?)" : String.valueOf(e.getMessage());
      if (warnings != null && !problem.equals(lastProblem)) {
        warnings.println("fenci: warning: dictionary not reloaded, the previous one stays in use: " + problem);
      }
      lastProblem = problem;
    }
  }

  private void publish() {
    Map<String, Entry> all = new java.util.HashMap<>((fileEntries.size() + added.size()) * 2);
    for (Entry e : fileEntries) {
      all.put(Folding.key(e.word()), e);
    }
    all.putAll(added);
    for (String w : removed) {
      all.remove(w);
    }
    current = new DictionarySnapshot(all);
  }

  /**
   * Stops the watching thread, if any. The dictionary stays usable (its entries, {@link #add},
   * {@link #reload}); a later {@link #watch} starts watching again.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (watcher != null) {
        watcher.shutdownNow();
        watcher = null;
        watching = null;
      }
    }
  }
}
