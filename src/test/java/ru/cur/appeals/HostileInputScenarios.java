package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input never gets a 500 or a stack trace: random and broken JSON, control characters, rare Unicode,
 * injection strings, deep nesting, bytes that are not UTF-8 and huge bodies get a 4xx problem, and whatever is
 * valid is stored exactly as sent. The generated bodies come from a seed ({@code -Dfuzz.seed}, and
 * {@code -Dfuzz.bodies} of them), printed with every failure so that it can be replayed.
 */
abstract class HostileInputScenarios {

  private static final long SEED = Long.getLong("fuzz.seed", 20261123L);
  private static final int BODIES = Integer.getInteger("fuzz.bodies", 150);
  private static final String VALID = """
      {"channel":"SOCIAL","externalId":"EXTERNAL","text":"TEXT","author":{"name":"Пётр Васильев",\
      "profileUrl":"https://vk.com/id100500"},"territory":"berdsk","category":"roads","address":"Бердск, ул. Ленина, 12",\
      "location":{"lat":54.7583,"lon":83.1073},"sourceUrl":"https://vk.com/wall-1_2"}""";

  @LocalServerPort
  int port;
  @Autowired
  ObjectMapper json;
  @Autowired
  JdbcClient jdbc;

  /** No automatic retries, no redirects: the answers exactly as a client gets them. */
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void generatedBodiesGetAnAppealOrAProblemNeverAnInternalError() {
    HostileInput input = new HostileInput(SEED);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < BODIES; i++) {
      byte[] body = input.body(VALID.replace("EXTERNAL", "fuzz-" + UUID.randomUUID()));
      HttpResponse<String> answer = post("/api/appeals", "application/json", body);
      String problem = problemIn(answer);
      if (problem != null) {
        failures.add("body %d of seed %d: %s; sent %s".formatted(i, SEED, problem, shown(body)));
      } else if (answer.statusCode() == 201) {
        String stored = storedText(answer);
        String sent = textOf(body);
        if (!stored.equals(sent)) {
          failures.add("body %d of seed %d: text stored as %s, sent %s".formatted(i, SEED, shown(stored), shown(sent)));
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void injectionStringsAreStoredVerbatim() {
    for (String attack : HostileInput.INJECTIONS) {
      String body = VALID.replace("EXTERNAL", "inject-" + UUID.randomUUID())
          .replace("\"TEXT\"", HostileInput.quoted(attack))
          .replace("\"Пётр Васильев\"", HostileInput.quoted(attack));
      HttpResponse<String> answer = post("/api/appeals", "application/json", body.getBytes(StandardCharsets.UTF_8));

      assertThat(answer.statusCode()).as(attack).isEqualTo(201);
      assertThat(storedText(answer)).isEqualTo(attack);
      assertThat(jdbc.sql("select author_name from appeal where registration_number = :id")
          .param("id", read(answer.body()).get("id").asText()).query(String.class).single()).isEqualTo(attack);
    }
  }

  @Test
  void hugeBodiesAreRefusedWith413WhetherTheirLengthIsDeclaredOrNot() {
    byte[] huge = VALID.replace("TEXT", "я".repeat(3_000_000)).getBytes(StandardCharsets.UTF_8);
    long appeals = appeals();

    HttpResponse<String> declared = post("/api/appeals", "application/json", huge);
    HttpResponse<String> chunked = send(request("/api/appeals", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build());
    HttpResponse<String> form = post("/open311/v2/requests.json", "application/x-www-form-urlencoded",
        ("api_key=demo-open311-key&service_code=roads.potholes&description=" + "a".repeat(3_000_000))
            .getBytes(StandardCharsets.US_ASCII));

    for (HttpResponse<String> answer : List.of(declared, chunked, form)) {
      assertThat(answer.statusCode()).isEqualTo(413);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(read(answer.body()).get("detail").asText()).contains("larger than");
    }
    assertThat(appeals()).isEqualTo(appeals);
  }

  @Test
  void deepNestingAndInvalidUtf8AreRefusedWith400() {
    String deep = "{\"channel\":\"SOCIAL\",\"text\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    byte[] notUtf8 = VALID.replace("TEXT", "яма \u0000").getBytes(StandardCharsets.UTF_8);
    notUtf8[VALID.indexOf("TEXT") + 6] = (byte) 0xC3;
    notUtf8[VALID.indexOf("TEXT") + 7] = (byte) 0x28;

    for (byte[] body : List.of(deep.getBytes(StandardCharsets.UTF_8), notUtf8)) {
      HttpResponse<String> answer = post("/api/appeals", "application/json", body);
      assertThat(answer.statusCode()).as(shown(body)).isEqualTo(400);
      assertThat(problemIn(answer)).isNull();
    }
  }

  @Test
  void generatedOpen311FormsGetARequestOrAnErrorNeverAnInternalError() {
    HostileInput input = new HostileInput(SEED);
    Random random = new Random(SEED);
    String[] fields = {"service_code", "lat", "long", "description", "email", "phone", "first_name", "last_name",
        "address_string", "device_id", "account_id", "media_url", "attribute[territory]"};
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < BODIES / 3; i++) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("api_key", "demo-open311-key");
      form.put("service_code", random.nextBoolean() ? "roads.potholes" : input.randomText(random.nextInt(20)));
      for (String field : fields) {
        if (random.nextInt(3) == 0) {
          form.put(field, input.randomText(random.nextInt(80)));
        }
      }
      String encoded = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      HttpResponse<String> answer = post("/open311/v2/requests.json", "application/x-www-form-urlencoded",
          encoded.getBytes(StandardCharsets.UTF_8));
      if (answer.statusCode() >= 500 || answer.body().contains("Exception") || answer.body().contains("\tat ")) {
        failures.add("form %d of seed %d: %d %s; sent %s".formatted(i, SEED, answer.statusCode(),
            shown(answer.body()), shown(encoded)));
      }
    }
    assertThat(failures).isEmpty();
  }

  /** Why the answer is not acceptable, or null: a 5xx, a stack trace, a 4xx that is not a problem. */
  private static String problemIn(HttpResponse<String> answer) {
    String body = answer.body();
    if (answer.statusCode() >= 500) {
      return "status " + answer.statusCode() + " " + shown(body);
    }
    if (body.contains("Exception") || body.contains("\tat ") || body.contains("java.")) {
      return "internals shown: " + shown(body);
    }
    if (answer.statusCode() >= 400
        && !answer.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
      return "status " + answer.statusCode() + " without a problem: " + shown(body);
    }
    return null;
  }

  private String storedText(HttpResponse<String> registered) {
    String id = read(registered.body()).get("id").asText();
    return jdbc.sql("select text from appeal where registration_number = :id").param("id", id)
        .query(String.class).single();
  }

  private String textOf(byte[] body) {
    return read(new String(body, StandardCharsets.UTF_8)).get("text").asText();
  }

  private long appeals() {
    return jdbc.sql("select count(*) from appeal").query(Long.class).single();
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body) {
    return send(request(path, contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  private HttpRequest.Builder request(String path, String contentType) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake:intake".getBytes()))
        .header("Content-Type", contentType);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String shown(byte[] body) {
    return shown(new String(body, StandardCharsets.UTF_8));
  }

  private static String shown(String text) {
    String escaped = text.codePoints().mapToObj(c -> c < 0x20 || c == 0x7f ? "\\u%04x".formatted(c)
        : new String(Character.toChars(c))).collect(Collectors.joining());
    return escaped.length() > 300 ? escaped.substring(0, 300) + "…" : escaped;
  }
}
