package dev.fenci.cli;

import dev.fenci.Presets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "models", description = "List the models shipped in the jar (use with --model NAME).")
final class ModelsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    int width = Presets.list().stream().mapToInt(p -> p.name().length()).max().orElse(1);
    for (Presets.Preset p : Presets.list()) {
      System.out.printf("%-" + width + "s %s%s%n", p.name(), p.name().equals(Presets.defaultName()) ? "(default) " : "",
          p.description());
    }
    return 0;
  }
}
