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
    CommandLine cl = new CommandLine(new Main());
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
   * (the preset is loaded; {@code ./NAME} names the file).
   */
  static dev.fenci.Segmenter loadModel(String presetOrPath) throws java.io.IOException {
    if (dev.fenci.Presets.exists(presetOrPath) && !presetOrPath.equals(dev.fenci.Presets.DEFAULT)
        && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(presetOrPath))) {
      System.err.println("fenci: note: '" + presetOrPath + "' is the preset of that name, not the file '"
          + presetOrPath + "' here; for the file write ./" + presetOrPath);
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
