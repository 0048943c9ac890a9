package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The registry's database stops while channels submit appeals, and starts again: every submission is either
 * registered whole (stored, process started) or refused with {@code 503} and {@code Retry-After}, and intake
 * works again once the database is back, without restarting the application. The database is this test's own,
 * so that stopping it disturbs no other test.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false", "appeals.delivery.schedule.enabled=false",
    // Fail fast while the database is away: a channel should hear 503 in a second, not in Hikari's 30.
    "spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500"})
@ContextConfiguration(initializers = PostgresOutageIT.OwnDatabase.class)
class PostgresOutageIT {

  private static final Path DATA = Path.of("target", "outage-postgres-" + UUID.randomUUID());
  private static final int PORT = freePort();
  private static EmbeddedPostgres postgres = start();

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @LocalServerPort
  int port;
  @Autowired
  ObjectMapper json;

  /** A channel system without automatic retries: the test must see the 503 that a channel sees. */
  private final HttpClient channel = HttpClient.newHttpClient();

  @Test
  void submissionsDuringAnOutageAreRefusedWithRetryAfterAndNothingIsHalfWritten() throws Exception {
    AppealApi api = new AppealApi(rest);
    api.register(appeal());

    List<HttpResponse<String>> answers = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean submitting = new AtomicBoolean(true);
    ExecutorService channels = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      running.add(channels.submit(() -> {
        while (submitting.get()) {
          answers.add(submit());
        }
      }));
    }
    // The database stops while the channels are in full flow.
    long patience = System.nanoTime() + 60_000_000_000L;
    while (answers.stream().filter(answer -> answer.statusCode() == 201).count() < 8) {
      assertThat(System.nanoTime()).as("appeals registered before the outage").isLessThan(patience);
      Thread.sleep(100);
    }
    postgres.close();
    Thread.sleep(3000);
    submitting.set(false);
    for (Future<?> channel : running) {
      channel.get();
    }
    channels.shutdown();

    HttpResponse<String> refused = submit();
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue(HttpHeaders.RETRY_AFTER)).hasValueSatisfying(
        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    assertThat(refused.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(refused.body()).contains("\"status\":503").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 503).contains(201, 503);

    postgres = start();
    // The pool reconnects by itself, without a restart: a channel keeping to Retry-After is through within seconds
    // (the pool's first attempts may still meet the server starting; they are refused as above, never lost).
    HttpResponse<String> recovered = submit();
    long back = System.nanoTime() + 30_000_000_000L;
    while (recovered.statusCode() == 503 && System.nanoTime() < back) {
      Thread.sleep(500);
      recovered = submit();
    }
    assertThat(recovered.statusCode()).as("a submission once the database is back").isEqualTo(201);
    String afterwards = id(recovered);
    assertThat(api.appealAs("admin", afterwards)).containsEntry("status", "MODERATION");

    List<String> registered = new ArrayList<>(answers.stream().filter(a -> a.statusCode() == 201)
        .map(this::id).toList());
    registered.add(afterwards);
    Map<String, String> stored = new HashMap<>();
    jdbc.sql("select registration_number, process_instance_id from appeal")
        .query(rs -> {
          stored.put(rs.getString(1), rs.getString(2));
        });
    assertThat(stored.keySet()).containsAll(registered);
    List<String> instances = jdbc.sql("select business_key_ from act_ru_execution where parent_id_ is null")
        .query(String.class).list();
    assertThat(instances).as("every stored appeal has its process, and every process its appeal")
        .containsExactlyInAnyOrderElementsOf(stored.keySet());
    assertThat(stored.values()).doesNotContainNull();
  }

  private String id(HttpResponse<String> registered) {
    try {
      return json.readTree(registered.body()).get("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> submit() {
    try {
      return channel.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/appeals"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake:intake".getBytes()))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(appeal()))).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> appeal() {
    return Map.of("channel", "SOCIAL", "externalId", "outage-" + UUID.randomUUID(),
        "text", "Яма на дороге у дома 5, машины объезжают по встречной", "territory", "berdsk",
        "author", Map.of("name", "Пётр Васильев", "profileUrl", "https://vk.com/id100500"),
        "category", "roads.potholes");
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  private static EmbeddedPostgres start() {
    try {
      Files.createDirectories(DATA);
      return ProductionPostgres.builder().setPort(PORT).setDataDirectory(DATA).setCleanDataDirectory(false).start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start this test's PostgreSQL", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
          "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "spring.datasource.username=postgres",
          "spring.datasource.password=postgres")
          .applyTo(context);
    }
  }
}
