package ru.cur.appeals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * PostgreSQL as production runs it: the server settings {@code docker/compose.yaml} gives its {@code postgres}
 * service (each {@code -c name=value} of its command, a variable at its value in the environment or else its
 * default), for every embedded server of the tests, the benchmarks and the cluster run. What is measured and
 * tested on the embedded server is then the production configuration, not the image's defaults.
 */
public final class ProductionPostgres {

  private static final Path COMPOSE = Path.of("docker", "compose.yaml");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::-([^}]*))?}");

  private ProductionPostgres() {
  }

  /** An embedded server with production's settings. */
  public static EmbeddedPostgres.Builder builder() {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    settings(COMPOSE).forEach(builder::setServerConfig);
    return builder;
  }

  /** The {@code -c name=value} arguments of the compose file's PostgreSQL command, in their order. */
  static Map<String, String> settings(Path compose) {
    Map<String, String> settings = new LinkedHashMap<>();
    List<String> command = command(compose);
    for (int i = 0; i < command.size(); i++) {
      if ("-c".equals(command.get(i)) && i + 1 < command.size()) {
        String setting = resolve(command.get(++i));
        int equals = setting.indexOf('=');
        if (equals <= 0) {
          throw new IllegalStateException(compose + ": a PostgreSQL setting is not name=value: " + setting);
        }
        settings.put(setting.substring(0, equals), setting.substring(equals + 1));
      }
    }
    return settings;
  }

  @SuppressWarnings("unchecked")
  private static List<String> command(Path compose) {
    try {
      Map<String, Object> file = new Yaml().load(Files.readString(compose));
      Map<String, Object> postgres = (Map<String, Object>) ((Map<String, Object>) file.get("services")).get("postgres");
      Object command = Objects.requireNonNull(postgres, compose + " has no postgres service").get("command");
      if (!(command instanceof List<?> arguments)) {
        throw new IllegalStateException(compose + ": the postgres service's command is not a list of arguments");
      }
      return arguments.stream().map(String::valueOf).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + compose, e);
    }
  }

  /** As compose does: {@code ${NAME:-default}} is the environment's value, or else the default. */
  private static String resolve(String argument) {
    Matcher variables = VARIABLE.matcher(argument);
    StringBuilder resolved = new StringBuilder();
    while (variables.find()) {
      String value = System.getenv(variables.group(1));
      if (value == null || value.isEmpty()) {
        value = Objects.requireNonNull(variables.group(2),
            () -> "The compose file's PostgreSQL setting needs " + variables.group(1) + " or a default");
      }
      variables.appendReplacement(resolved, Matcher.quoteReplacement(value));
    }
    return variables.appendTail(resolved).toString();
  }
}
