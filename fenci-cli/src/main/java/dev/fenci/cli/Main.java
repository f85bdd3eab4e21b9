package dev.fenci.cli;

import dev.fenci.train.Trainer;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code fenci} command. Exit codes: 0 ok, 1 bad data or I/O, 2 bad usage. */
// INHERIT: every subcommand has -h/--help and -V/--version too (fenci segment --help)
@Command(name = "fenci", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    scope = CommandLine.ScopeType.INHERIT,
    description = "Chinese word segmentation with a fully convolutional network.",
    subcommands = {SegmentCommand.class, TrainCommand.class, EvalCommand.class, ModelsCommand.class,
        ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  /** Exit code for bad input data, a missing file or another I/O failure. */
  public static final int EXIT_DATA = 1;
  /** Exit code for a bad command line. */
  public static final int EXIT_USAGE = 2;

  /** Whether {@link System#in} is this process's standard input (the command run as a process, not from a test). */
  static volatile boolean processStdin;

  // also before the command's name (fenci --debug segment ...); run() looks for it among all the arguments
  @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.LOCAL,
      description = "Show stack traces of errors (also accepted after the command's name).")
  boolean debug;

  public static void main(String[] args) {
    Stdout.install();
    // messages name files and dictionary lines in Chinese: UTF-8, as the output, whatever the locale (under the
    // POSIX locale the JVM's own stderr printed them as '?')
    System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
        java.nio.charset.StandardCharsets.UTF_8));
    processStdin = true;
    if (!java.util.Arrays.asList(args).contains("--debug")) {
      // a thread of fenci's own that runs out of memory (a stream's reader, the kernels' warm-up) would print the
      // JVM's "Exception in thread ..." lines before the command's one-line advice; the command reports it
      Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
        if (!(e instanceof OutOfMemoryError)) {
          System.err.println("fenci: error in thread " + thread.getName() + ": " + e + " (--debug shows where)");
        }
      });
    }
    System.exit(run(args));
  }

  static int run(String... args) {
    String mangled = mangledArgument(args, System.getProperty("sun.jnu.encoding"), System.getProperty("native.encoding"));
    if (mangled != null) {
      System.err.println("fenci: " + mangled);
      return EXIT_USAGE;
    }
    CommandLine cl = new CommandLine(new Main());
    // picocli's own writers encode in the locale's character set: UTF-8 instead, as System.out and System.err
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      if (debug) {
        ex.printStackTrace(err);
      } else {
        err.println("fenci: " + message(ex));
      }
      err.flush();
      return EXIT_DATA;
    });
    cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_DATA);
    CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler((ex, rest) -> {
      CommandLine cmd = ex.getCommandLine();
      if (cmd == cl) {
        return usage.handleParseException(ex, rest); // no command: the message and the list of commands
      }
      // a command's bad option or value: the message, not the command's whole usage after it
      PrintWriter err = cmd.getErr();
      err.println("fenci " + cmd.getCommandName() + ": " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("('fenci " + cmd.getCommandName() + " --help' lists the options)");
      err.flush();
      return EXIT_USAGE;
    });
    try {
      int code = cl.execute(args);
      System.out.flush();
      if (code == 0 && System.out.checkError()) {
        try {
          Stdout.throwUnlessClosedByReader();
        } catch (java.io.IOException e) {
          System.err.println("fenci: " + e.getMessage());
          return EXIT_DATA;
        }
      }
      return code;
    } catch (OutOfMemoryError e) {
      if (debug) {
        e.printStackTrace();
      }
      long mb = Runtime.getRuntime().maxMemory() / (1 << 20);
      // twice the power of two at or above it (maxMemory is a little under -Xmx with some collectors), at least 512 MB
      long bigger = Math.max(512, Long.highestOneBit(Math.max(1, mb - 1)) * 4);
      String more = bigger % 1024 == 0 ? bigger / 1024 + "g" : bigger + "m";
      System.err.println("fenci: out of memory with a maximum heap of " + mb + " MB; give the JVM more, e.g. JAVA_OPTS=-Xmx"
          + more + " ./fenci ... (or java -Xmx" + more + " -jar fenci.jar ...)");
      return EXIT_DATA;
    }
  }

  /**
   * {@link Segmenter#load(String)}, telling the user when a file in the way bears a preset's name
   * (the preset is loaded; {@code ./NAME} names the file), or when the file is a training run's
   * checkpoint ({@code OUT.ckpt}, which loads as a model, but not the one the run kept).
   */
  static dev.fenci.Segmenter loadModel(String presetOrPath) throws java.io.IOException {
    if (dev.fenci.Presets.exists(presetOrPath) && !presetOrPath.equals(dev.fenci.Presets.DEFAULT)
        && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(presetOrPath))) {
      System.err.println("fenci: note: '" + presetOrPath + "' is the preset of that name, not the file '"
          + presetOrPath + "' here; for the file write ./" + presetOrPath);
    }
    if (presetOrPath.endsWith(".ckpt") && !dev.fenci.Presets.exists(presetOrPath)
        && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(presetOrPath))) {
      String kept = presetOrPath.substring(0, presetOrPath.length() - ".ckpt".length());
      System.err.println("fenci: note: " + presetOrPath + " is a training checkpoint: it holds the weights of the run's"
          + " last epoch, not those of its best dev epoch, and no word model; the model the run kept is "
          + (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(kept)) ? kept : "the file it names without .ckpt"));
    }
    return dev.fenci.Segmenter.load(presetOrPath);
  }

  /** A usage error of {@code spec}'s command for a {@code --watch} without dictionaries or below 1 second. */
  static void checkWatch(java.util.List<java.nio.file.Path> dicts, Integer watch,
      picocli.CommandLine.Model.CommandSpec spec) {
    if (watch != null && (dicts == null || dicts.isEmpty())) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--watch reloads dictionaries: give at least one --dict");
    }
    if (watch != null && watch < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--watch takes a number of seconds of at least 1, got " + watch);
    }
  }

  /**
   * {@code seg} with the user dictionaries {@code dicts} (none: {@code seg} itself), reloaded every
   * {@code watch} seconds when given (checked by {@link #checkWatch} before).
   */
  static dev.fenci.Segmenter withDictionaries(dev.fenci.Segmenter seg, java.util.List<java.nio.file.Path> dicts,
      boolean lenient, Integer watch) throws java.io.IOException {
    if (dicts == null || dicts.isEmpty()) {
      return seg;
    }
    dev.fenci.dict.UserDictionary dict = dev.fenci.dict.UserDictionary.load(dicts, lenient, System.err);
    if (watch != null) {
      dict.watch(java.time.Duration.ofSeconds(watch));
    }
    return seg.withDictionary(dict);
  }

  /** Whether a file argument names standard input ({@code -}). */
  static boolean isStdin(java.nio.file.Path f) {
    return f.toString().equals("-");
  }

  /**
   * What to tell the user when an argument was damaged before {@code main}, else null. The JVM
   * decodes the command line in the locale's character set ({@code sun.jnu.encoding}): under the
   * POSIX locale ({@code LANG} unset: Docker, cron, systemd) every byte of a Chinese file name or
   * {@code --delimiter '，'} becomes U+FFFD, and the file is not found or the delimiter is silently
   * another. An argument holding U+FFFD is refused whatever the locale (it names no file, and no
   * one types it); a {@code ?} only when that character set is not UTF-8, as some JVMs write
   * {@code ?} for what they cannot decode.
   *
   * @param jnuEncoding    the JVM's {@code sun.jnu.encoding} (null: unknown)
   * @param nativeEncoding the JVM's {@code native.encoding} (null: unknown)
   */
  static String mangledArgument(String[] args, String jnuEncoding, String nativeEncoding) {
    String charset = !isUtf8(jnuEncoding) ? jnuEncoding : !isUtf8(nativeEncoding) ? nativeEncoding : null;
    for (String a : args) {
      if (a.indexOf('\uFFFD') >= 0 || (charset != null && a.indexOf('?') >= 0)) {
        return charset != null
            ? "the argument '" + a + "' was damaged before fenci got it: the JVM decodes its arguments in the locale's"
                + " character set, " + charset + ", not UTF-8 (what it cannot read becomes '?' or U+FFFD); run java under a UTF-8 locale"
                + " (LC_ALL=C.UTF-8 java --add-modules jdk.incubator.vector -jar fenci.jar ...), or use the ./fenci launcher, which sets one"
            : "the argument '" + a + "' holds U+FFFD, the mark of bytes the JVM could not decode as UTF-8 (a file name"
                + " in another encoding?); name the file in UTF-8, or run java under a UTF-8 locale (LC_ALL=C.UTF-8)";
      }
    }
    return null;
  }

  private static boolean isUtf8(String charset) {
    return charset == null || charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8");
  }

  /**
   * Fails when standard input is closed ({@code fenci segment <&-}, a daemon's launcher): the JVM
   * then opens its own files on descriptor 0 first (its module image, {@code lib/modules}), which
   * would be read as the input. Known on Linux ({@code /proc/self/fd/0}); elsewhere nothing is checked.
   */
  static void checkStdinOpen() throws java.io.IOException {
    if (!processStdin) {
      return;
    }
    java.nio.file.Path target;
    try {
      target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/0"));
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return; // no /proc (not Linux), or no descriptor 0 at all: a read fails with its own message
    }
    if (isJdkFile(target, System.getProperty("java.home"))) {
      throw new java.io.IOException("standard input is closed (descriptor 0 is the JVM's own " + target
          + "); give the input as a file or redirect it (< FILE)");
    }
  }

  /** Whether {@code file} lies in the JDK at {@code javaHome} (as given, or its real path). */
  static boolean isJdkFile(java.nio.file.Path file, String javaHome) {
    if (javaHome == null || javaHome.isEmpty() || !file.isAbsolute()) {
      return false;
    }
    java.nio.file.Path home = java.nio.file.Path.of(javaHome).toAbsolutePath().normalize();
    if (file.normalize().startsWith(home)) {
      return true;
    }
    try {
      return file.normalize().startsWith(home.toRealPath());
    } catch (java.io.IOException | SecurityException e) {
      return false;
    }
  }

  static String message(Throwable ex) {
    if (ex instanceof java.nio.file.NoSuchFileException nsf) {
      return nsf.getFile() + ": " + (nsf.getReason() == null ? "no such file" : nsf.getReason());
    }
    if (ex instanceof java.nio.file.AccessDeniedException ade) {
      return ade.getFile() + ": " + (ade.getReason() == null ? "permission denied" : ade.getReason());
    }
    String m = ex.getMessage();
    return m == null ? ex.toString() : m;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String kernels = dev.fenci.nn.Gemm.best().name();
      if (kernels.equals("scalar")) {
        kernels += Boolean.getBoolean("fenci.scalar") ? " (plain loops, as -Dfenci.scalar=true asks)"
            : ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()
                ? " (plain loops: run java with --add-modules jdk.incubator.vector for the vector kernels)"
                : " (plain loops: this JVM's Vector API could not be used)";
      }
      return new String[] {"fenci " + Trainer.version(), "matrix kernels: " + kernels + "; Java "
          + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " processors"};
    }
  }
}
