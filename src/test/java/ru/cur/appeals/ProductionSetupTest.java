package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import ru.cur.appeals.security.Roles;

/**
 * {@code docker/} cannot run here, so what it wires is checked as data: the compose file gives the
 * application every setting the production profile requires and Keycloak every placeholder of the realm,
 * {@code .env.example} names every variable the compose file reads, and the realm's groups are SPEC's roles
 * and the region's organisations with their heads. The realm file itself is imported by {@link KeycloakIT}.
 */
class ProductionSetupTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
  private static final Pattern COMPOSE_VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)");

  @Test
  void theComposeFileGivesTheApplicationEverySettingTheProductionProfileRequires() throws IOException {
    Map<String, Object> app = service("app");
    @SuppressWarnings("unchecked")
    Map<String, Object> environment = (Map<String, Object>) app.get("environment");

    assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "production")
        .containsKeys(requiredPlaceholders(read("src/main/resources/application-production.yaml")).toArray(String[]::new));
  }

  @Test
  void keycloakGetsEveryPlaceholderOfTheRealmItImports() throws IOException {
    Map<String, Object> keycloak = service("keycloak");
    @SuppressWarnings("unchecked")
    Map<String, Object> environment = (Map<String, Object>) keycloak.get("environment");

    assertThat(environment).containsKeys(requiredPlaceholders(read("docker/keycloak/appeals-realm.json"))
        .toArray(String[]::new));
    assertThat(keycloak.get("volumes").toString()).contains("./keycloak/appeals-realm.json:/opt/keycloak/data/import/");
    assertThat(keycloak.get("command").toString()).contains("--import-realm");
  }

  @Test
  void envExampleNamesEveryVariableTheComposeFileReads() throws IOException {
    Set<String> read = new TreeSet<>();
    Matcher variables = COMPOSE_VARIABLE.matcher(read("docker/compose.yaml"));
    while (variables.find()) {
      read.add(variables.group(1));
    }
    Set<String> example = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("docker/.env.example"))) {
      if (!line.startsWith("#") && line.contains("=")) {
        example.add(line.substring(0, line.indexOf('=')));
      }
    }
    assertThat(example).containsAll(read);
  }

  @Test
  void theRealmHasAGroupForEveryRoleOrganisationAndItsHeadsAndNoPeople() throws IOException {
    JsonNode realm = new ObjectMapper().readTree(Path.of("docker/keycloak/appeals-realm.json").toFile());
    Set<String> groups = new TreeSet<>();
    realm.get("groups").forEach(group -> {
      groups.add(group.get("name").asText());
      assertThat(group.get("subGroups")).as("groups are flat: their paths are Camunda's group ids").isEmpty();
    });
    Set<String> expected = new TreeSet<>(Roles.ALL);
    List<String> organizations = Files.readAllLines(Path.of("src/main/resources/region/novosibirsk/organizations.csv"));
    for (String line : organizations.subList(1, organizations.size())) {
      if (line.isBlank()) {
        continue;
      }
      String code = line.substring(0, line.indexOf(';'));
      expected.add(code);
      expected.add(code + "-heads");
    }

    assertThat(groups).isEqualTo(expected);
    // The only accounts are the clients' own service accounts.
    realm.get("users").forEach(user -> assertThat(user.has("serviceAccountClientId")).isTrue());
    List<String> clients = new ArrayList<>();
    realm.get("clients").forEach(client -> clients.add(client.get("clientId").asText()));
    assertThat(clients).contains("appeal-webapps", "appeal-api", "appeal-intake", "appeal-identity");
  }

  /** The {@code ${VARIABLE}} placeholders of a file that have no default. */
  private static Set<String> requiredPlaceholders(String text) {
    Set<String> required = new TreeSet<>();
    Matcher placeholders = PLACEHOLDER.matcher(text);
    while (placeholders.find()) {
      if (placeholders.group(2) == null) {
        required.add(placeholders.group(1));
      }
    }
    return required;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    Map<String, Object> compose = new Yaml().load(read("docker/compose.yaml"));
    return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
  }

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path));
  }
}
