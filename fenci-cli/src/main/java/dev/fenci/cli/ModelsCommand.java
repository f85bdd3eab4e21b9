package dev.fenci.cli;

import dev.fenci.Presets;
import dev.fenci.model.Model;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "models", description = {"List the models shipped in the jar (use with --model NAME).",
    "With names or model files: how each was made (its provenance: training files and their SHA-256, "
        + "architecture, options, epoch, dev scores, date)."})
final class ModelsCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "NAME|FILE", description = "A preset's name or a model file to describe.")
  List<String> models;

  @Override
  public Integer call() throws Exception {
    if (models == null || models.isEmpty()) {
      int width = Presets.list().stream().mapToInt(p -> p.name().length()).max().orElse(1);
      for (Presets.Preset p : Presets.list()) {
        System.out.printf("%-" + width + "s %s%s%n", p.name(), p.name().equals(Presets.defaultName()) ? "(default) " : "",
            p.description());
      }
      return 0;
    }
    for (int i = 0; i < models.size(); i++) {
      String name = models.get(i);
      Model m = Main.loadModel(name).model(); // a preset's name, else a file (a misspelt name says which exist)
      System.out.println((i > 0 ? "\n" : "") + name + (Presets.exists(name) ? " (preset)" : "") + ":");
      System.out.println("  characters known: " + (m.vocabulary().size() - 1)); // less the unknown character's id
      System.out.println("  word model: " + (m.wordModel() != null ? "yes" : "no"));
      int width = m.provenance().keySet().stream().mapToInt(String::length).max().orElse(1) + 1;
      for (Map.Entry<String, String> e : m.provenance().entrySet()) {
        System.out.printf("  %-" + width + "s %s%n", e.getKey() + ":", e.getValue());
      }
    }
    return 0;
  }
}
