package ru.cur.appeals.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run, printed as a table and written under {@code bench/results/} as JSON and
 * Markdown together with the machine they were measured on, so that a later run can be compared with it.
 */
final class BenchResults {

  /** One line of the table; {@code target} and {@code ratio} empty where the issue sets no target. */
  record Figure(String name, String value, String unit, String target, String ratio) {}

  private final Map<String, Object> json = new LinkedHashMap<>();
  private final List<Figure> table = new ArrayList<>();

  BenchResults(String benchmark, Map<String, Object> sizes) {
    json.put("benchmark", benchmark);
    json.put("startedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
    json.put("machine", machine());
    json.put("sizes", sizes);
  }

  /** A measured value under {@code section} of the JSON, and a line of the table. */
  void figure(String section, String key, String name, double value, String unit, String target, Double ratio) {
    @SuppressWarnings("unchecked")
    Map<String, Object> part = (Map<String, Object>) json.computeIfAbsent(section, s -> new LinkedHashMap<>());
    part.put(key, Math.round(value * 100) / 100.0);
    table.add(new Figure(name, format(value), unit, target, ratio == null ? "" : format(ratio)));
    System.out.printf(Locale.ROOT, "  %-60s %12s %-10s %s%n", name, format(value), unit,
        ratio == null ? "" : format(ratio) + " of the target (" + target + ")");
  }

  /** Anything else worth keeping with the run (latency triples, table sizes, settings). */
  void detail(String section, String key, Object value) {
    @SuppressWarnings("unchecked")
    Map<String, Object> part = (Map<String, Object>) json.computeIfAbsent(section, s -> new LinkedHashMap<>());
    part.put(key, value);
  }

  /** Writes {@code bench/results/<benchmark>-<time>.json} and {@code .md}; returns the JSON's path. */
  Path write(Path directory) {
    json.put("finishedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
    json.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    String stem = json.get("benchmark") + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
        .format(OffsetDateTime.now(ZoneOffset.UTC));
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(stem + ".json");
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
      StringBuilder md = new StringBuilder("| figure | value | unit | target | value / target |\n|---|---|---|---|---|\n");
      table.forEach(f -> md.append("| %s | %s | %s | %s | %s |\n".formatted(f.name(), f.value(), f.unit(),
          f.target(), f.ratio())));
      md.append("\nMachine: ").append(json.get("machine")).append('\n');
      Files.writeString(directory.resolve(stem + ".md"), md);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpu", firstLine("/proc/cpuinfo", "model name"));
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("memory", firstLine("/proc/meminfo", "MemTotal"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    machine.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return machine;
  }

  private static String firstLine(String file, String prefix) {
    try {
      return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(prefix))
          .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
