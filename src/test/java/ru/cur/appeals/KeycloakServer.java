package ru.cur.appeals;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * A real Keycloak for the integration tests: the distribution Maven unpacked ({@code keycloak.home}), started
 * once per test JVM with a JDK 21+ in development mode, importing the same realm file as
 * {@code docker/compose.yaml} plus the test users of {@code docker/keycloak/test-users.json}. Where no such JDK
 * is found the tests that need it are skipped, unless {@code APPEALS_REQUIRE_KEYCLOAK=true} (CI) makes that a
 * failure.
 */
public final class KeycloakServer {

  public static final String REALM = "appeals";
  public static final String WEBAPPS_SECRET = "webapps-test-secret";
  public static final String INTAKE_SECRET = "intake-test-secret";
  public static final String IDENTITY_SECRET = "identity-test-secret";
  public static final String MONITORING_SECRET = "monitoring-test-secret";
  private static final String ADMIN = "kc-bootstrap-admin";
  private static final String ADMIN_PASSWORD = "kc-bootstrap-password";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  private static KeycloakServer running;

  private final String url;
  private final int appPort;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private KeycloakServer(String url, int appPort) {
    this.url = url;
    this.appPort = appPort;
  }

  /** The shared server, started on first use. */
  public static synchronized KeycloakServer get() {
    if (running == null) {
      running = start();
    }
    return running;
  }

  /** Keycloak's base address, e.g. {@code http://localhost:41234}. */
  public String url() {
    return url;
  }

  /**
   * The port the application under test listens on: the realm's redirect and logout addresses name it
   * ({@code APPEALS_PUBLIC_URL}), so it is chosen before Keycloak imports the realm.
   */
  public int appPort() {
    return appPort;
  }

  public String appUrl() {
    return "http://localhost:" + appPort;
  }

  /**
   * How each test user calls the application: a staff member with their password-grant token (the test
   * client), {@code intake} with the intake client's client-credentials token, as a channel system would.
   */
  public AppealApi api() {
    return new AppealApi(user -> bearer(token(user)));
  }

  public TestRestTemplate bearer(String token) {
    return new TestRestTemplate(new RestTemplateBuilder().rootUri(appUrl())
        .defaultHeader("Authorization", "Bearer " + token));
  }

  public TestRestTemplate anonymous() {
    return new TestRestTemplate(new RestTemplateBuilder().rootUri(appUrl()));
  }

  /** An access token for a test user ({@code <user>-test-password}) or, for {@code intake}, the intake client. */
  public String token(String user) {
    Map<String, String> form = "intake".equals(user)
        ? Map.of("grant_type", "client_credentials", "client_id", "appeal-intake", "client_secret", INTAKE_SECRET)
        : Map.of("grant_type", "password", "client_id", "appeal-test-cli", "username", user,
            "password", user + "-test-password");
    return tokenFrom(REALM, form);
  }

  /** A token of another client of the realm, e.g. one whose tokens are not meant for the API. */
  public String clientToken(String clientId, String secret) {
    return tokenFrom(REALM, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  /** A token of Keycloak's own administrator: valid, but issued by another realm. */
  public String masterToken() {
    return tokenFrom("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN,
        "password", ADMIN_PASSWORD));
  }

  private String tokenFrom(String realm, Map<String, String> form) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/realms/" + realm
            + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("No token for " + form.get("username") + ": " + response.body());
    }
    return read(response.body()).get("access_token").asText();
  }

  public static String formBody(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static KeycloakServer start() {
    Optional<Path> javaHome = jdk21();
    if (javaHome.isEmpty()) {
      String why = "No JDK 21+ for Keycloak: set KEYCLOAK_JAVA_HOME (or install one under /usr/lib/jvm)";
      if ("true".equals(System.getenv("APPEALS_REQUIRE_KEYCLOAK"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-missing"));
    Path realms = Path.of(System.getProperty("keycloak.realm-dir", "docker/keycloak"));
    if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      fail("Keycloak is not unpacked at " + home + " (mvn verify unpacks it before the integration tests)");
    }
    try {
      int port = freePort();
      int appPort = freePort();
      Path data = home.resolve("data");
      deleteRecursively(data);
      Files.createDirectories(data.resolve("import"));
      Files.copy(realms.resolve("appeals-realm.json"), data.resolve("import/appeals-realm.json"));
      ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
          "--http-port=" + port, "--import-realm", "--cache=local", "--log-level=WARN")
          .redirectErrorStream(true)
          .redirectOutput(home.resolveSibling("keycloak.log").toFile());
      Map<String, String> env = builder.environment();
      env.put("JAVA_HOME", javaHome.get().toString());
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
      env.put("APPEALS_PUBLIC_URL", "http://localhost:" + appPort);
      env.put("APPEALS_WEBAPPS_CLIENT_SECRET", WEBAPPS_SECRET);
      env.put("APPEALS_INTAKE_CLIENT_SECRET", INTAKE_SECRET);
      env.put("APPEALS_IDENTITY_CLIENT_SECRET", IDENTITY_SECRET);
      env.put("APPEALS_MONITORING_CLIENT_SECRET", MONITORING_SECRET);
      Process process = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
      }));
      KeycloakServer server = new KeycloakServer("http://localhost:" + port, appPort);
      server.awaitRealm(process, home.resolveSibling("keycloak.log"));
      server.addTestUsers(realms.resolve("test-users.json"));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitRealm(Process process, Path log) throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    URI discovery = URI.create(url + "/realms/" + REALM + "/.well-known/openid-configuration");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail("Keycloak stopped while starting:\n" + Files.readString(log));
      }
      try {
        if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep();
    }
    fail("Keycloak did not start in " + START_TIMEOUT + ":\n" + Files.readString(log));
  }

  /** The same as {@code docker/keycloak/add-test-users.sh}: a partial import with the master administrator. */
  private void addTestUsers(Path users) throws IOException {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + REALM
            + "/partialImport"))
        .header("Authorization", "Bearer " + masterToken())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofFile(users)).build());
    if (response.statusCode() != 200) {
      fail("Test users not imported: " + response.body());
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    return send(http, request);
  }

  static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code KEYCLOAK_JAVA_HOME}, this JVM if it is 21+, or the newest JDK 21+ under {@code /usr/lib/jvm}. */
  private static Optional<Path> jdk21() {
    String configured = System.getenv("KEYCLOAK_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    if (Runtime.version().feature() >= 21) {
      return Optional.of(Path.of(System.getProperty("java.home")));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> featureVersion(home) >= 21)
          .max(Comparator.comparingInt(KeycloakServer::featureVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int featureVersion(Path home) {
    try {
      Map<String, String> release = new LinkedHashMap<>();
      for (String line : Files.readAllLines(home.resolve("release"))) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          release.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
        }
      }
      String version = release.getOrDefault("JAVA_VERSION", "0");
      return Integer.parseInt(version.split("[.]")[0]);
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
