package ru.cur.appeals.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The channels and the moderators: submits appeals to the nodes in turn, as a channel does, and moderates every
 * third one through the engine's REST API, as a moderator's Tasklist does. A request that gets no answer (its node
 * died) or a 5xx is sent again to the next node, the appeal with the same {@code externalId}: the engine makes it
 * one appeal.
 */
final class LoadDriver {

  /** What the channel was told about one message: the registration number, by which node, in which phase. */
  record Ack(String registrationNumber, int status, String node, String phase, int attempts) {}

  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

  private final List<AppNode> nodes;
  private final String run;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger nextNode = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicLong unanswered = new AtomicLong();
  private final AtomicLong serverErrors = new AtomicLong();
  private final Map<String, Ack> acks = new ConcurrentHashMap<>();
  private final Map<String, String> givenUp = new ConcurrentHashMap<>();
  private final Set<String> conflicting = ConcurrentHashMap.newKeySet();
  private final Set<String> moderated = ConcurrentHashMap.newKeySet();
  private volatile String phase = "";

  LoadDriver(List<AppNode> nodes, String run) {
    this.nodes = nodes;
    this.run = run;
  }

  void phase(String phase) {
    this.phase = phase;
  }

  /** Sends {@code count} appeals at about {@code perSecond}, {@code concurrency} at a time; returns when all are settled. */
  void submit(int count, int perSecond, int concurrency) throws InterruptedException {
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    Semaphore inFlight = new Semaphore(concurrency);
    long pause = 1000L / perSecond;
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      int number = sequence.incrementAndGet();
      workers.execute(() -> {
        try {
          appeal(number);
        } finally {
          inFlight.release();
        }
      });
      Thread.sleep(pause);
    }
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.MINUTES);
  }

  /**
   * Moderates, on both nodes in turn, every third appeal acknowledged before {@code phase} that was not moderated
   * yet, half of them accepted and half closed as without substance: appeals in flight while a node died go on from
   * the task they waited in, some to their end. Returns how many.
   */
  int moderateEarlier(String phase, int concurrency) throws InterruptedException {
    List<String> earlier = acks.entrySet().stream()
        .filter(entry -> entry.getValue().phase().compareTo(phase) < 0)
        .filter(entry -> Integer.parseInt(entry.getKey().substring(run.length() + 1)) % 3 == 1)
        .map(entry -> entry.getValue().registrationNumber())
        .toList();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    for (int i = 0; i < earlier.size(); i++) {
      String outcome = i % 2 == 0 ? "ACCEPT" : "NO_SUBSTANCE";
      String number = earlier.get(i);
      workers.execute(() -> moderate(number, outcome));
    }
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.MINUTES);
    return earlier.size();
  }

  private void appeal(int number) {
    String externalId = run + "-" + number;
    Map<String, Object> appeal = appeal(number, externalId);
    Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
    int attempts = 0;
    while (Instant.now().isBefore(giveUp)) {
      AppNode node = next();
      attempts++;
      try {
        HttpResponse<String> response = send(node, "intake", HttpRequest.newBuilder(node.base().resolve("/api/appeals"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(appeal))));
        if (response.statusCode() == 201 || response.statusCode() == 200) {
          String id = json.readTree(response.body()).path("id").asText();
          Ack ack = new Ack(id, response.statusCode(), node.name(), phase, attempts);
          Ack earlier = acks.putIfAbsent(externalId, ack);
          if (earlier != null && !earlier.registrationNumber().equals(id)) {
            conflicting.add(externalId);
          }
          if (number % 3 == 0) {
            moderate(id, "ACCEPT");
          }
          return;
        }
        if (response.statusCode() < 500) {
          givenUp.put(externalId, "HTTP " + response.statusCode() + " " + response.body());
          return;
        }
        serverErrors.incrementAndGet();
      } catch (IOException noAnswer) {
        unanswered.incrementAndGet();
      }
      pause(200);
    }
    givenUp.put(externalId, "no node answered within " + GIVE_UP_AFTER);
  }

  /**
   * The moderator's decision on the moderation task. After a request without an answer the task may be gone because that request
   * completed it: the moderation counts as done when the appeal has no moderation task any more.
   */
  private void moderate(String registrationNumber, String outcome) {
    Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
    while (Instant.now().isBefore(giveUp)) {
      AppNode node = next();
      try {
        HttpResponse<String> found = send(node, "moderator", HttpRequest.newBuilder(node.base().resolve(
            "/engine-rest/task?taskDefinitionKey=moderate-appeal&processInstanceBusinessKey="
                + URLEncoder.encode(registrationNumber, StandardCharsets.UTF_8))).GET());
        if (found.statusCode() == 200) {
          JsonNode tasks = json.readTree(found.body());
          if (tasks.isEmpty()) {
            moderated.add(registrationNumber);
            return;
          }
          Map<String, Object> variables = Map.of(
              "moderation", Map.of("value", outcome),
              "category", Map.of("value", "roads.potholes"),
              "territory", Map.of("value", "berdsk"));
          HttpResponse<String> completed = send(node, "moderator", HttpRequest.newBuilder(node.base().resolve(
              "/engine-rest/task/" + tasks.get(0).path("id").asText() + "/submit-form"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("variables", variables)))));
          if (completed.statusCode() == 204) {
            moderated.add(registrationNumber);
            return;
          }
          // A timer of the same instance committed first (optimistic locking): Tasklist shows an error, the
          // moderator submits again.
          serverErrors.incrementAndGet();
        } else {
          serverErrors.incrementAndGet();
        }
      } catch (IOException noAnswer) {
        unanswered.incrementAndGet();
      }
      pause(200);
    }
  }

  /**
   * A message of a resident about a pothole (social network or platform, answered through the publisher) or a
   * letter with a postal address only (answered by a printed letter), received up to three days ago: some are
   * past their moderation reminder, some past the deadline, so timers fire while the nodes run.
   */
  private Map<String, Object> appeal(int number, String externalId) {
    Map<String, Object> appeal = new LinkedHashMap<>();
    OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes((number * 7919L) % (72 * 60));
    appeal.put("externalId", externalId);
    appeal.put("receivedAt", receivedAt.toString());
    appeal.put("territory", "berdsk");
    String name = "Житель " + number;
    if (number % 5 == 4) {
      appeal.put("channel", "OFFICIAL");
      appeal.put("text", "Не могу записаться к терапевту в поликлинике, запись закрыта (" + externalId + ")");
      appeal.put("category", "healthcare");
      appeal.put("author", Map.of("name", name, "postalAddress", "633010, Бердск, ул. Морская, " + number));
    } else {
      appeal.put("channel", number % 2 == 0 ? "SOCIAL" : "POS");
      appeal.put("text", "Яма на дороге у дома " + number + " по улице Ленина (" + externalId + ")");
      appeal.put("category", "roads");
      appeal.put("address", "Бердск, ул. Ленина, " + number);
      appeal.put("author", Map.of("name", name, "profileUrl", "https://vk.com/id" + run + number));
      appeal.put("sourceUrl", "https://vk.com/wall-1_" + number);
    }
    return appeal;
  }

  private HttpResponse<String> send(AppNode node, String user, HttpRequest.Builder request)
      throws IOException {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    try {
      return http.send(request.header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private AppNode next() {
    return nodes.get(Math.floorMod(nextNode.getAndIncrement(), nodes.size()));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  int acknowledgedCount() {
    return acks.size();
  }

  Map<String, Ack> acks() {
    return acks;
  }

  Map<String, String> givenUp() {
    return givenUp;
  }

  Set<String> conflicting() {
    return conflicting;
  }

  Set<String> moderated() {
    return moderated;
  }

  long unanswered() {
    return unanswered.get();
  }

  long serverErrors() {
    return serverErrors.get();
  }
}
