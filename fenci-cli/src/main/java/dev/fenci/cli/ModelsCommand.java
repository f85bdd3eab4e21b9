package dev.fenci.cli;

import dev.fenci.Presets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "models", description = "List the models shipped in the jar (use with --model NAME).")
final class ModelsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    for (Presets.Preset p : Presets.list()) {
      System.out.printf("%-10s %s%s%n", p.name(), p.name().equals(Presets.defaultName()) ? "(default) " : "",
          p.description());
    }
    return 0;
  }
}
