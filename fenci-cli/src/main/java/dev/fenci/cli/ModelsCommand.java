package dev.fenci.cli;

import dev.fenci.Presets;
import dev.fenci.model.Json;
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
      printProvenance(m.provenance(), "  ");
    }
    return 0;
  }

  /**
   * A provenance's entries, one a line after {@code indent}; that of the model a run started from
   * ({@code init_provenance}, JSON text) as its own entries below, indented further.
   */
  static void printProvenance(Map<?, ?> provenance, String indent) {
    int width = provenance.keySet().stream().mapToInt(k -> k.toString().length()).max().orElse(1) + 1;
    for (Map.Entry<?, ?> e : provenance.entrySet()) {
      Map<?, ?> nested = e.getKey().equals("init_provenance") ? jsonObject(e.getValue()) : null;
      if (nested != null) {
        System.out.println(indent + e.getKey() + ":");
        printProvenance(nested, indent + "    ");
      } else {
        System.out.printf("%s%-" + width + "s %s%n", indent, e.getKey() + ":", e.getValue());
      }
    }
  }

  /** The JSON object that {@code value} holds, or null when it holds none (shown as it is then). */
  private static Map<?, ?> jsonObject(Object value) {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    try {
      return Json.parse(value.toString()) instanceof Map<?, ?> m ? m : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
