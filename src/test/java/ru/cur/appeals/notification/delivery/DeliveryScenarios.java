package ru.cur.appeals.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.cur.appeals.AppealApi;

/**
 * Delivery of the notices owed to residents (issue 6): by e-mail to a real SMTP server (GreenMail) and through
 * the publisher's webhook (an HTTP server in the test), each once, with retries after a growing wait and a FAILED
 * notice staff see and send again. Delivery runs when a scenario says so, never by the scheduler; time moves with
 * the engine's clock. Run against every database the application supports (see the subclasses).
 */
abstract class DeliveryScenarios {

  static final int MAX_ATTEMPTS = 3;
  /** Monday 23 November 2026, 20:30 in Novosibirsk (the demo's zone). */
  static final Instant NOW = Instant.parse("2026-11-23T13:30:00Z");

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

  @RegisterExtension
  static GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  static Publisher publisher;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  NoticeSender sender;
  @Autowired
  NoticeQueue queue;

  AppealApi api;

  @BeforeAll
  static void startThePublisher() throws IOException {
    publisher = Publisher.start();
  }

  @AfterAll
  static void stopThePublisher() {
    publisher.close();
  }

  @DynamicPropertySource
  static void delivery(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> "localhost");
    properties.add("spring.mail.port", () -> mailServer.getSmtp().getPort());
    properties.add("appeals.delivery.webhook.url", () -> publisher.url());
    properties.add("appeals.delivery.webhook.secret", () -> "publisher-secret");
    properties.add("appeals.delivery.max-attempts", () -> MAX_ATTEMPTS);
  }

  @BeforeEach
  void startTheClock() {
    api = new AppealApi(rest);
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void theResidentGetsTheRegistrationTheAnswerAndThePersonalLinkByEmailInRussian() throws Exception {
    String email = "kim-" + UUID.randomUUID() + "@example.ru";
    String id = api.register(officialComplaint(email, null));

    deliverEverythingDue();

    MimeMessage registered = onlyLetterTo(email);
    assertThat(registered.getSubject()).isEqualTo("Обращение " + id + " зарегистрировано");
    assertThat(registered.getFrom()).hasSize(1);
    assertThat((InternetAddress) registered.getFrom()[0]).extracting(InternetAddress::getAddress,
        InternetAddress::getPersonal).containsExactly("noreply@localhost", "ЦУР Новосибирской области (демо)");
    assertThat(text(registered)).startsWith("Здравствуйте, Анна Сергеевна Ким!")
        .contains("Ваше обращение зарегистрировано 23.11.2026 20:30 под номером " + id)
        .endsWith("Центр управления регионом Новосибирской области\n");
    assertThat(registered.getMessageID()).endsWith("@localhost>");

    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "healthcare.quality", "territory", "berdsk"));
    api.complete("executor", id, "prepare-answer",
        Map.of("answerText", "Запись к терапевту открыта по телефону 122; с декабря — через Госуслуги"));
    api.complete("head", id, "approve-answer", Map.of("approved", true));
    String polyclinic = (String) api.appealAs("moderator", id).get("organizationName");
    deliverEverythingDue();

    List<MimeMessage> letters = lettersTo(email);
    assertThat(letters).extracting(MimeMessage::getSubject).containsExactly(
        "Обращение " + id + " зарегистрировано",
        "Обращение " + id + " передано на рассмотрение",
        "Ответ на обращение " + id,
        "Обращение " + id + ": проблема действительно решена?");
    assertThat(text(letters.get(1))).contains("Отвечает: " + polyclinic + ".");
    assertThat(text(letters.get(2))).contains("На ваше обращение " + id + " от 23.11.2026 отвечает " + polyclinic + ":\n\n"
        + "Запись к терапевту открыта по телефону 122; с декабря — через Госуслуги\n");
    String request = text(letters.get(3));
    assertThat(request).contains("Подтвердите, пожалуйста, до ").contains("/confirm/");
    assertThat(notices(id)).allSatisfy(notice -> assertThat(notice)
        .containsEntry("status", "SENT").containsEntry("deliveredVia", "email").containsEntry("attempts", 1));

    // The link in the letter is the resident's: it answers the confirmation without any login.
    String token = request.replaceAll("(?s).*/confirm/(\\S+).*", "$1");
    assertThat(answerThroughTheLink(token, true).getStatusCode().value()).isEqualTo(200);
    assertThat(api.appealAs("moderator", id)).containsEntry("status", "CLOSED").containsEntry("outcome", "RESOLVED");

    moveTheClock(Duration.ofDays(1));
    deliverEverythingDue();
    assertThat(lettersTo(email)).hasSize(4);
  }

  @Test
  void aPostIsAnsweredThroughThePublisherWithTheAnswerThePostsAddressAndAKeyPerNotice() {
    String id = api.register(post());
    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "roads.potholes", "territory", "berdsk"));
    api.complete("moderator", id, "first-reply", Map.of("firstReplyText", "Сообщение передано в администрацию Бердска"));
    api.complete("executor", id, "prepare-answer", Map.of("answerText", "Яма заделана 20 ноября"));

    deliverEverythingDue();

    List<Publisher.Request> requests = publisher.requestsAbout(id);
    assertThat(requests).extracting(request -> request.body().get("kind")).containsExactly(
        "REGISTERED", "ROUTED", "FIRST_REPLY", "ANSWERED", "CONFIRMATION_REQUEST");
    assertThat(requests).allSatisfy(request -> {
      assertThat(request.secret()).isEqualTo("publisher-secret");
      assertThat(request.body()).containsEntry("channel", "SOCIAL").containsEntry("registrationNumber", id)
          .containsEntry("sourceUrl", post().get("sourceUrl")).containsEntry("idempotencyKey", request.idempotencyKey());
    });
    assertThat(requests).extracting(Publisher.Request::idempotencyKey).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(requests.get(2).body()).containsEntry("answer", "Сообщение передано в администрацию Бердска")
        .containsEntry("text", "Сообщение передано в администрацию Бердска\n\nЦентр управления регионом Новосибирской "
            + "области\n");
    assertThat(requests.get(3).body()).containsEntry("answer", "Яма заделана 20 ноября")
        .containsEntry("personal", false);
    // The personal link is the resident's credential: the publisher must send it privately.
    assertThat(requests.get(4).body()).containsEntry("personal", true);
    assertThat((String) requests.get(4).body().get("text")).contains("/confirm/");
    assertThat(notices(id)).allSatisfy(notice -> assertThat(notice).containsEntry("deliveredVia", "webhook"));
  }

  @Test
  void aReplyThePublisherRefusesTwiceGoesAgainAfterOneThenTwoMinutesAndIsPublishedOnceUnderOneKey() {
    String id = api.register(post());
    publisher.answerNext(id, 503, 503);

    deliverEverythingDue();
    assertThat(publisher.requestsAbout(id)).hasSize(1);
    Map<String, Object> notice = notices(id).get(0);
    assertThat(notice).containsEntry("status", "PENDING").containsEntry("attempts", 1)
        .containsEntry("lastError", "Вебхук издателя ответил HTTP 503");
    assertThat(OffsetDateTime.parse((String) notice.get("nextAttemptAt")).toInstant())
        .isEqualTo(NOW.plus(Duration.ofMinutes(1)));

    moveTheClock(Duration.ofSeconds(59));
    deliverEverythingDue();
    assertThat(publisher.requestsAbout(id)).as("not due yet").hasSize(1);

    moveTheClock(Duration.ofSeconds(1));
    deliverEverythingDue();
    assertThat(publisher.requestsAbout(id)).hasSize(2);
    assertThat(OffsetDateTime.parse((String) notices(id).get(0).get("nextAttemptAt")).toInstant())
        .isEqualTo(NOW.plus(Duration.ofMinutes(3)));

    moveTheClock(Duration.ofMinutes(2));
    deliverEverythingDue();
    moveTheClock(Duration.ofHours(5));
    deliverEverythingDue();

    List<Publisher.Request> requests = publisher.requestsAbout(id);
    assertThat(requests).extracting(Publisher.Request::answeredWith).containsExactly(503, 503, 200);
    assertThat(requests).extracting(Publisher.Request::idempotencyKey).containsOnly(requests.get(0).idempotencyKey());
    assertThat(notices(id).get(0)).containsEntry("status", "SENT").containsEntry("attempts", 3)
        .containsEntry("deliveredVia", "webhook");
  }

  @Test
  void afterThreeFailedAttemptsTheNoticeIsFailedShownToStaffAndOnHealthUntilSentAgain() {
    String id = api.register(post());
    publisher.answerNext(id, 500, 502, 500);

    deliverEverythingDue();
    moveTheClock(Duration.ofMinutes(1));
    deliverEverythingDue();
    moveTheClock(Duration.ofMinutes(3));
    deliverEverythingDue();
    moveTheClock(Duration.ofDays(1));
    deliverEverythingDue();

    assertThat(publisher.requestsAbout(id)).hasSize(MAX_ATTEMPTS);
    Map<String, Object> failed = notices(id).get(0);
    assertThat(failed).containsEntry("status", "FAILED").containsEntry("attempts", MAX_ATTEMPTS)
        .containsEntry("lastError", "Вебхук издателя ответил HTTP 500");
    assertThat(page("supervisor", "status=FAILED&size=200").getBody()).extractingByKey("items")
        .asInstanceOf(InstanceOfAssertFactories.list(Map.class)).extracting(item -> item.get("appeal")).contains(id);
    assertThat(page("executor", "status=FAILED").getStatusCode().value()).isEqualTo(403);
    assertThat(page("intake", "status=FAILED").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map<String, Object>> health = health("manager");
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody()).containsEntry("status", "DEGRADED");
    assertThat(component(health, "noticeDelivery")).containsEntry("status", "DEGRADED");

    long failedBefore = failedCount();
    long noticeId = ((Number) failed.get("id")).longValue();
    assertThat(sendAgain("manager", noticeId).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map<String, Object>> again = sendAgain("supervisor", noticeId);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody()).containsEntry("status", "PENDING").containsEntry("attempts", 0);
    deliverEverythingDue();

    assertThat(notices(id).get(0)).containsEntry("status", "SENT");
    assertThat(publisher.requestsAbout(id)).extracting(Publisher.Request::answeredWith)
        .containsExactly(500, 502, 500, 200);
    assertThat(failedCount()).isEqualTo(failedBefore - 1);
    assertThat(sendAgain("supervisor", noticeId).getStatusCode().value()).isEqualTo(409);
    assertThat(sendAgain("supervisor", Long.MAX_VALUE).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void aNoticeNoWayReachesIsUndeliverableWithTheReasonAndNotTriedAgain() {
    String id = api.register(officialComplaint(null, "633010, Бердск, ул. Морская, 5, кв. 7"));
    // The resident had their address erased (152-ФЗ): neither an e-mail nor a printed letter reaches them now.
    jdbc.sql("update appeal set author_postal_address = null where registration_number = :id").param("id", id)
        .update();

    deliverEverythingDue();
    moveTheClock(Duration.ofDays(1));
    deliverEverythingDue();

    Map<String, Object> notice = notices(id).get(0);
    assertThat(notice).containsEntry("status", "UNDELIVERABLE").containsEntry("attempts", 0);
    assertThat((String) notice.get("lastError")).contains("электронная почта: заявитель не оставил адреса")
        .contains("печатное письмо: заявитель не оставил почтового адреса");
    assertThat(page("moderator", "status=UNDELIVERABLE&appeal=" + id).getBody()).containsEntry("total", 1);
    assertThat(component(health("manager"), "noticeDelivery")).extractingByKey("details")
        .asInstanceOf(InstanceOfAssertFactories.MAP).extractingByKey("undeliverable")
        .satisfies(count -> assertThat(((Number) count).longValue()).isPositive());
  }

  @Test
  void aNoticeWhoseNodeDiedWhileSendingIsTakenOverOnceTheClaimRunsOutAndTheLateNodeCannotMarkIt() {
    String id = api.register(post());
    ClaimedNotice abandoned = claimedBy("node-that-dies", id);

    deliverEverythingDue();
    assertThat(publisher.requestsAbout(id)).as("still held by the dead node").isEmpty();
    moveTheClock(Duration.ofMinutes(5).plusSeconds(1));
    deliverEverythingDue();

    assertThat(publisher.requestsAbout(id)).hasSize(1);
    assertThat(notices(id).get(0)).containsEntry("status", "SENT").containsEntry("attempts", 2);
    assertThat(queue.sent(abandoned, "webhook")).isFalse();
    assertThat(queue.failed(abandoned, DeliveryFailure.temporary("too late", null))).isFalse();
    assertThat(notices(id).get(0)).containsEntry("status", "SENT");
  }

  // --- helpers

  /** Claims the appeal's only notice as another node would. */
  ClaimedNotice claimedBy(String node, String id) {
    long noticeId = ((Number) notices(id).get(0).get("id")).longValue();
    return queue.claim(noticeId, node).orElseThrow(() -> new AssertionError("notice " + noticeId + " not due"));
  }

  void deliverEverythingDue() {
    for (int round = 0; round < 1_000 && sender.deliverDue() > 0; round++) {
      // Each round claims a batch; nothing remains due when a round finds nothing.
    }
  }

  static void moveTheClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(by)));
  }

  /** The appeal's notices as staff read them on the API, oldest first. */
  List<Map<String, Object>> notices(String id) {
    ResponseEntity<Map<String, Object>> page = page("supervisor", "appeal=" + id + "&size=200");
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) page.getBody().get("items");
    return items.stream().sorted(Comparator.comparingLong(item -> ((Number) item.get("id")).longValue())).toList();
  }

  ResponseEntity<Map<String, Object>> page(String user, String query) {
    return api.as(user).exchange("/api/notices?" + query, HttpMethod.GET, null, OBJECT);
  }

  ResponseEntity<Map<String, Object>> sendAgain(String user, long noticeId) {
    return api.as(user).exchange("/api/notices/{id}/retry", HttpMethod.POST, null, OBJECT, noticeId);
  }

  ResponseEntity<Map<String, Object>> health(String user) {
    return api.as(user).exchange("/actuator/health", HttpMethod.GET, null, OBJECT);
  }

  @SuppressWarnings("unchecked")
  long failedCount() {
    Map<String, Object> details = (Map<String, Object>) component(health("manager"), "noticeDelivery").get("details");
    return ((Number) details.get("failed")).longValue();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> component(ResponseEntity<Map<String, Object>> health, String name) {
    return (Map<String, Object>) ((Map<String, Object>) health.getBody().get("components")).get(name);
  }

  ResponseEntity<Map<String, Object>> answerThroughTheLink(String token, boolean resolved) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange("/api/confirmations/{token}", HttpMethod.POST,
        new HttpEntity<>(Map.of("resolved", resolved), headers), OBJECT, token);
  }

  static List<MimeMessage> lettersTo(String email) {
    return Arrays.stream(mailServer.getReceivedMessages()).filter(letter -> {
      try {
        return Arrays.stream(letter.getAllRecipients())
            .anyMatch(to -> ((InternetAddress) to).getAddress().equals(email));
      } catch (MessagingException e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  static MimeMessage onlyLetterTo(String email) {
    List<MimeMessage> letters = lettersTo(email);
    assertThat(letters).hasSize(1);
    return letters.get(0);
  }

  static String text(MimeMessage letter) throws IOException, MessagingException {
    return (String) letter.getContent();
  }

  static Map<String, Object> officialComplaint(String email, String postalAddress) {
    Map<String, Object> author = new HashMap<>();
    author.put("name", "Анна Сергеевна Ким");
    author.put("email", email);
    author.put("postalAddress", postalAddress);
    return Map.of(
        "channel", "OFFICIAL",
        "externalId", "letter-" + UUID.randomUUID(),
        "text", "Третью неделю не могу попасть к терапевту в поликлинике, запись закрыта",
        "author", author,
        "territory", "berdsk",
        "category", "healthcare");
  }

  static Map<String, Object> post() {
    return Map.of(
        "channel", "SOCIAL",
        "externalId", "vk-" + UUID.randomUUID(),
        "text", "Огромная яма на улице Ленина у дома 12",
        "author", Map.of("name", "Пётр Васильев", "profileUrl", "https://vk.com/id100500"),
        "territory", "berdsk",
        "category", "roads",
        "address", "Бердск, ул. Ленина, 12",
        "sourceUrl", "https://vk.com/wall-1_2");
  }
}
