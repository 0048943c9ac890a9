package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.appeal.AppealStatus;
import ru.cur.appeals.appeal.Channel;

/**
 * One appeal's whole life through the HTTP APIs, as channel systems and clerks drive it. Run against
 * every database the application supports (see the subclasses).
 */
abstract class AppealLifecycleScenarios {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RuntimeService runtime;
  @Autowired
  AppealRepository appeals;
  @Autowired
  TransactionTemplate transaction;

  AppealApi api;
  AppealRecords records;

  @BeforeEach
  void api() {
    api = new AppealApi(rest);
    records = new AppealRecords(jdbc);
  }

  static Map<String, Object> potholePostInBerdsk() {
    return Map.of(
        "channel", "SOCIAL",
        "externalId", "vk-" + UUID.randomUUID(),
        "text", "Огромная яма на улице Ленина у дома 12, машины объезжают по встречной",
        "author", Map.of("name", "Пётр Васильев", "profileUrl", "https://vk.com/id100500"),
        "territory", "berdsk",
        "category", "roads",
        "address", "Бердск, ул. Ленина, 12",
        "location", Map.of("lat", 54.7583, "lon", 83.1073),
        "sourceUrl", "https://vk.com/wall-1_2");
  }

  static Map<String, Object> officialComplaintAboutBerdskPolyclinic() {
    return Map.of(
        "channel", "OFFICIAL",
        "externalId", "letter-" + UUID.randomUUID(),
        "text", "Третью неделю не могу попасть к терапевту в поликлинике, запись закрыта",
        "author", Map.of("name", "Анна Сергеевна Ким", "email", "kim@example.ru", "postalAddress",
            "633010, Бердск, ул. Морская, 5, кв. 7"),
        "territory", "berdsk",
        "category", "healthcare");
  }

  @Test
  void withinOneTransactionAnAppealIsReadOnceUntilItChangesAndAfterwardsAsChanged() {
    String id = api.register(potholePostInBerdsk());

    transaction.executeWithoutResult(status -> {
      Appeal first = appeals.getByNumber(id);
      assertThat(appeals.getByNumber(id)).isSameAs(first);
      appeals.classify(id, "roads.potholes", "berdsk");
      assertThat(appeals.getByNumber(id)).isNotSameAs(first)
          .satisfies(changed -> assertThat(changed.category()).isEqualTo("roads.potholes"));
      // A transaction of its own inside this one reads for itself, and sees only what is committed.
      TransactionTemplate separate = new TransactionTemplate(transaction.getTransactionManager());
      separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
      separate.executeWithoutResult(inner ->
          assertThat(appeals.getByNumber(id).category()).isNotEqualTo("roads.potholes"));
    });
    // Outside a transaction nothing is kept: every read is the row as it is.
    assertThat(appeals.getByNumber(id)).isNotSameAs(appeals.getByNumber(id));
  }

  /**
   * Registration sets its appeal's process, regulation version, next due time and status one after the other; the
   * row is written with them once, when the transaction commits or before anything reads appeals again, and the
   * transaction itself reads what it set.
   */
  @Test
  void aRegistrationWritesWhatItSetsOnItsNewAppealOnce() {
    OffsetDateTime due = OffsetDateTime.parse("2026-12-31T18:00:00Z");
    Appeal registered = transaction.execute(status -> {
      Appeal appeal = newAppeal();
      appeals.attachProcessInstance(appeal.id(), "instance-of-" + appeal.id());
      appeals.pinRegulationDecision(appeal.id(), "appeal-regulation:1:test");
      appeals.setNextDue(appeal.id(), due);
      appeals.updateStatus(appeal.registrationNumber(), AppealStatus.MODERATION);

      // What registration asks again of its own appeal is known without reading the row.
      assertThat(appeals.regulationDecision(appeal.id())).contains("appeal-regulation:1:test");
      assertThat(appeals.importedAt(appeal.id())).isEmpty();
      assertThat(row(appeal.id())).containsExactly("REGISTERED", null, null, null);
      // The transaction reads the appeal as it has set it, without reading the row back.
      assertThat(appeals.getByNumber(appeal.registrationNumber()))
          .extracting(Appeal::status, Appeal::processInstanceId)
          .containsExactly(AppealStatus.MODERATION, "instance-of-" + appeal.id());
      assertThat(row(appeal.id())).containsExactly("REGISTERED", null, null, null);
      // A statement that reads appeals sees what was set: the row is written before it.
      assertThat(appeals.findByExternalId(Channel.SOCIAL, appeal.externalId()).orElseThrow().status())
          .isEqualTo(AppealStatus.MODERATION);
      assertThat(row(appeal.id())).containsExactly("MODERATION", "instance-of-" + appeal.id(),
          "appeal-regulation:1:test", due.toInstant());
      appeals.updateStatus(appeal.registrationNumber(), AppealStatus.IN_WORK);
      return appeals.getByNumber(appeal.registrationNumber());
    });
    // What the transaction read of its appeal is the row it committed, to the microsecond.
    assertThat(appeals.getByNumber(registered.registrationNumber())).isEqualTo(registered)
        .extracting(Appeal::status).isEqualTo(AppealStatus.IN_WORK);

    long rolledBack = transaction.execute(status -> {
      Appeal appeal = newAppeal();
      appeals.updateStatus(appeal.registrationNumber(), AppealStatus.MODERATION);
      status.setRollbackOnly();
      return appeal.id();
    });
    assertThat(jdbc.sql("select count(*) from appeal where id = :id").param("id", rolledBack).query(Long.class)
        .single()).isZero();
  }

  private Appeal newAppeal() {
    long id = appeals.nextId();
    // Nanoseconds and another offset than the database's: the row keeps neither.
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(123_456_789);
    Appeal appeal = new Appeal(id, "ТСТ-2026-" + id, Channel.SOCIAL, "row-" + UUID.randomUUID(), "Яма у дома",
        new Appeal.Author("Пётр", null, null, null, null), "berdsk", null, null, null, "roads", null, now, now,
        AppealStatus.REGISTERED, null, null, null, null, null, null, null, null, null, null, null, null, null, now);
    appeals.insert(appeal);
    return appeal;
  }

  /** The row as the database holds it now, past what the repository keeps. */
  private List<Object> row(long id) {
    return jdbc.sql("select status, process_instance_id, regulation_decision, next_due_at from appeal where id = :id")
        .param("id", id)
        .query((rs, n) -> {
          OffsetDateTime nextDue = rs.getObject(4, OffsetDateTime.class);
          return Arrays.<Object>asList(rs.getString(1), rs.getString(2), rs.getString(3),
              nextDue == null ? null : nextDue.toInstant());
        })
        .single();
  }

  long appealCount() {
    return jdbc.sql("select count(*) from appeal").query(Long.class).single();
  }

  @Test
  void potholeFromSocialNetworkIsModeratedRoutedToTheCityAndAnswered() {
    Map<String, Object> post = potholePostInBerdsk();
    ResponseEntity<Map<String, Object>> submitted = api.submit(post);

    assertThat(submitted.getStatusCode().value()).isEqualTo(201);
    String id = (String) submitted.getBody().get("id");
    assertThat(id).matches("ЦУР-\\d{4}-\\d{6}");
    assertThat(submitted.getBody()).containsEntry("status", "MODERATION").containsKey("processInstanceId");
    assertThat(submitted.getHeaders().getLocation()).isNotNull();
    assertThat(submitted.getBody()).doesNotContainKey("text");

    Map<String, Object> moderation = api.onlyTask("moderator", id, "moderate-appeal");
    assertThat(api.tasks("executor", id)).isEmpty();
    Map<String, Object> card = api.taskVariables("moderator", (String) moderation.get("id"));
    assertThat(card).extractingByKey("appealText").extracting(v -> ((Map<?, ?>) v).get("value"))
        .asString().contains((String) post.get("text"));
    assertThat(card).extractingByKey("categoryOptions").extracting(v -> ((Map<?, ?>) v).get("type"))
        .isEqualTo("Json");
    // The card is made from the appeal's row when the form is read, not stored: no task variable, and the
    // resident's name nowhere in the engine's history, which keeps the process's own variables as before.
    String instance = (String) submitted.getBody().get("processInstanceId");
    assertThat(jdbc.sql("select count(*) from act_ru_variable where task_id_ = :task")
        .param("task", moderation.get("id")).query(Long.class).single()).isZero();
    assertThat(historicVariables(instance, "authorName") + historicVariables(instance, "categoryOptions")).isZero();
    assertThat(historicVariables(instance, "category")).isPositive();
    // The task's form is the model's Camunda Form, nothing generated beside it.
    Map<String, Object> form = api.as("moderator").exchange("/engine-rest/task/{id}/form", HttpMethod.GET, null,
        AppealApi.OBJECT, moderation.get("id")).getBody();
    assertThat(form).containsEntry("key", null).extractingByKey("camundaFormRef")
        .extracting(ref -> ((Map<?, ?>) ref).get("key")).isEqualTo("moderate-appeal-form");

    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "roads.potholes", "territory", "berdsk"));

    Map<String, Object> inWork = api.appealAs("moderator", id);
    assertThat(inWork).containsEntry("status", "IN_WORK")
        .containsEntry("category", "roads.potholes")
        .containsEntry("organization", "berdsk-administration")
        .containsEntry("organizationName", "Администрация города Бердска")
        .containsEntry("responseType", "FAST_TRACK");
    assertThat(api.tasks("ministry", id)).isEmpty();

    // The appeal center replies under the post within hours, while the city works on the answer.
    api.complete("moderator", id, "first-reply",
        Map.of("firstReplyText", "Сообщение передано в администрацию Бердска, ответ будет в течение 5 рабочих дней"));
    assertThat(api.appealAs("moderator", id)).containsEntry("firstReply",
        "Сообщение передано в администрацию Бердска, ответ будет в течение 5 рабочих дней");

    api.complete("executor", id, "prepare-answer",
        Map.of("answerText", "Яма заделана 20 ноября, спасибо за сигнал", "problemSolved", true));

    // Roads climb to the regional ministry unless the resident confirms the city solved it.
    assertThat(api.appealAs("executor", id)).containsEntry("status", "ANSWERED")
        .containsEntry("answer", "Яма заделана 20 ноября, спасибо за сигнал");
    new ResidentLink(jdbc, rest).answer(id, true, "Да, заделали");

    Map<String, Object> closed = api.appealAs("executor", id);
    assertThat(closed).containsEntry("status", "CLOSED").containsEntry("outcome", "RESOLVED");
    assertThat(closed.get("closedAt")).isNotNull();
    assertThat(closed).extractingByKey("deadlines").asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsOnlyKeys("moderation", "firstReply", "answer", "resolution", "confirmation")
        .allSatisfy((step, deadline) -> assertThat(((Map<?, ?>) deadline).get("state")).isEqualTo("MET"));
    assertThat(records.noticesOf(id)).containsExactly("REGISTERED", "ROUTED", "FIRST_REPLY", "ANSWERED",
        "CONFIRMATION_REQUEST");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
  }

  @Test
  void officialAppealAnswerNeedsTheHeadsApprovalAndARejectionReturnsWithTheComment() {
    String id = api.register(officialComplaintAboutBerdskPolyclinic());
    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "healthcare.quality", "territory", "berdsk"));
    assertThat(api.appealAs("executor", id)).containsEntry("organization", "berdsk-polyclinic")
        .containsEntry("responseType", "EXPLAIN");

    api.complete("executor", id, "prepare-answer", Map.of("answerText", "Запись откроется в декабре"));
    assertThat(api.appealAs("head", id)).containsEntry("status", "AWAITING_APPROVAL");
    assertThat(api.tasks("executor", id)).isEmpty();
    api.complete("head", id, "approve-answer",
        Map.of("approved", false, "comment", "Укажите, как записаться до декабря"));

    Map<String, Object> rework = api.onlyTask("executor", id, "prepare-answer");
    assertThat(api.taskVariables("executor", (String) rework.get("id")))
        .extractingByKey("comment").extracting(v -> ((Map<?, ?>) v).get("value"))
        .isEqualTo("Укажите, как записаться до декабря");
    api.complete("executor", id, "prepare-answer",
        Map.of("answerText", "Запись к терапевту открыта по телефону 122; с декабря — через Госуслуги"));
    api.complete("head", id, "approve-answer", Map.of("approved", true));

    assertThat(api.appealAs("auditor", id)).containsEntry("status", "ANSWERED")
        .containsEntry("answer", "Запись к терапевту открыта по телефону 122; с декабря — через Госуслуги");
    assertThat(records.noticesOf(id)).containsExactly("REGISTERED", "ROUTED", "ANSWERED", "CONFIRMATION_REQUEST");
    new ResidentLink(jdbc, rest).answer(id, true, null);
    assertThat(api.appealAs("auditor", id)).containsEntry("status", "CLOSED").containsEntry("outcome", "RESOLVED");
  }

  @Test
  void abusiveOfficialAppealIsRejectedWithANotice() {
    String id = api.register(officialComplaintAboutBerdskPolyclinic());
    api.complete("moderator", id, "moderate-appeal", Map.of("moderation", "ABUSIVE"));

    assertThat(api.appealAs("moderator", id)).containsEntry("status", "CLOSED")
        .containsEntry("outcome", "REJECTED").containsEntry("closingReason", "ABUSIVE");
    assertThat(records.noticesOf(id)).containsExactly("REGISTERED", "REJECTED");
  }

  @Test
  void socialPostWithoutSubstanceIsClosedWithoutAnswer() {
    String id = api.register(potholePostInBerdsk());
    api.complete("moderator", id, "moderate-appeal", Map.of("moderation", "NO_SUBSTANCE"));

    assertThat(api.appealAs("moderator", id)).containsEntry("outcome", "REJECTED")
        .containsEntry("closingReason", "NO_SUBSTANCE");
    assertThat(records.noticesOf(id)).containsExactly("REGISTERED");
  }

  @Test
  void duplicateIsClosedAndLinkedToTheEarlierAppeal() {
    String first = api.register(potholePostInBerdsk());
    String second = api.register(potholePostInBerdsk());
    api.complete("moderator", second, "moderate-appeal", Map.of("moderation", "DUPLICATE", "duplicateOf", first));

    assertThat(api.appealAs("moderator", second)).containsEntry("outcome", "DUPLICATE")
        .containsEntry("duplicateOf", first);
    assertThat(records.noticesOf(second)).containsExactly("REGISTERED", "DUPLICATE");
  }

  @Test
  void appealOutOfCompetenceIsForwardedWithANotice() {
    String id = api.register(officialComplaintAboutBerdskPolyclinic());
    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "OUT_OF_COMPETENCE", "forwardTo", "Прокуратура Новосибирской области"));

    assertThat(api.appealAs("moderator", id)).containsEntry("outcome", "FORWARDED")
        .containsEntry("forwardedTo", "Прокуратура Новосибирской области");
    assertThat(records.noticesOf(id)).containsExactly("REGISTERED", "FORWARDED");
  }

  @Test
  void moderationCannotAcceptAnAppealWithoutASubcategory() {
    String id = api.register(potholePostInBerdsk());
    Map<String, Object> task = api.onlyTask("moderator", id, "moderate-appeal");

    ResponseEntity<String> refused = api.submitForm("moderator", (String) task.get("id"),
        Map.of("moderation", "ACCEPT", "category", "roads", "territory", "berdsk"));

    // Tasklist shows the rule's own words, as a refusal and not as a server failure.
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("\"type\":\"RuleViolation\"").contains("подкатегорию")
        .doesNotContain("ENGINE-");
    api.onlyTask("moderator", id, "moderate-appeal");
    assertThat(api.appealAs("moderator", id)).containsEntry("status", "MODERATION");
  }

  @Test
  void residentWithdrawsWhileTheOrganisationWorksOnIt() {
    String id = api.register(potholePostInBerdsk());
    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "roads.snow", "territory", "berdsk"));

    ResponseEntity<Map<String, Object>> withdrawn = api.withdraw(id);

    assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
    assertThat(withdrawn.getBody()).containsEntry("status", "CLOSED").containsEntry("outcome", "WITHDRAWN");
    assertThat(api.tasks("executor", id)).isEmpty();
    assertThat(records.noticesOf(id)).containsExactly("REGISTERED", "ROUTED", "WITHDRAWN");
    ResponseEntity<Map<String, Object>> again = api.withdraw(id);
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void theSameMessageSubmittedTwiceIsOneAppeal() {
    Map<String, Object> post = potholePostInBerdsk();
    String id = api.register(post);

    ResponseEntity<Map<String, Object>> repeated = api.submit(post);

    assertThat(repeated.getStatusCode().value()).isEqualTo(200);
    assertThat(repeated.getBody()).containsEntry("id", id);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
  }

  @Test
  void concurrentSubmissionsOfOneMessageMakeOneAppeal() throws Exception {
    Map<String, Object> post = potholePostInBerdsk();
    long before = appealCount();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<ResponseEntity<Map<String, Object>>>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(() -> api.submit(post));
      }
      List<ResponseEntity<Map<String, Object>>> responses = new ArrayList<>();
      for (Future<ResponseEntity<Map<String, Object>>> future : pool.invokeAll(calls)) {
        responses.add(future.get());
      }
      assertThat(responses).extracting(r -> r.getStatusCode().value()).containsOnly(200, 201)
          .filteredOn(status -> status == 201).hasSize(1);
      assertThat(responses).extracting(r -> r.getBody().get("id")).containsOnly(responses.get(0).getBody().get("id"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(appealCount()).isEqualTo(before + 1);
  }

  @Test
  void searchShowsAnOrganisationOnlyItsOwnAppeals() {
    String berdsk = api.register(potholePostInBerdsk());
    api.complete("moderator", berdsk, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "roads.lighting", "territory", "berdsk"));
    Map<String, Object> ob = new java.util.HashMap<>(potholePostInBerdsk());
    ob.put("territory", "ob");
    String obAppeal = api.register(ob);
    api.complete("moderator", obAppeal, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "roads.lighting", "territory", "ob"));

    ResponseEntity<Map<String, Object>> executorsView = api.search("executor", "category=roads&size=200");
    assertThat(executorsView.getStatusCode().value()).isEqualTo(200);
    assertThat(ids(executorsView)).contains(berdsk).doesNotContain(obAppeal);
    assertThat(api.appeal("executor", obAppeal).getStatusCode().value()).isEqualTo(404);

    ResponseEntity<Map<String, Object>> managersView =
        api.search("manager", "status=IN_WORK&organization=ob-administration&size=200");
    assertThat(ids(managersView)).contains(obAppeal).doesNotContain(berdsk);
    assertThat(managersView.getBody()).containsKeys("total", "page", "size");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> ids(ResponseEntity<Map<String, Object>> page) {
    return ((List<Map<String, Object>>) page.getBody().get("items")).stream().map(a -> a.get("id")).toList();
  }

  @Test
  void anUnknownUserIsRefused() {
    // Not a wrong password of a real user: Camunda's login delay would then throttle that user's next logins in
    // every scenario sharing the database.
    assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity("/api/appeals", String.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void residentsRepeatedQuestionIsLinkedAndUnder59FzTheCorrespondenceCanStop() {
    Map<String, Object> first = new HashMap<>(officialComplaintAboutBerdskPolyclinic());
    first.put("author", Map.of("name", "Ольга Петрова", "email", "petrova-" + UUID.randomUUID() + "@example.ru"));
    String earlier = api.register(first);
    Map<String, Object> again = new HashMap<>(first);
    again.put("externalId", "letter-" + UUID.randomUUID());
    again.put("text", "Пишу снова: к терапевту так и не записаться");
    Map<String, Object> otherTopic = new HashMap<>(again);
    otherTopic.put("externalId", "letter-" + UUID.randomUUID());
    otherTopic.put("category", "roads");

    String repeated = api.register(again);
    String unrelated = api.register(otherTopic);

    assertThat(api.appealAs("moderator", repeated)).containsEntry("repeatOf", earlier);
    assertThat(api.appealAs("moderator", unrelated).get("repeatOf")).isNull();
    Map<String, Object> moderation = api.onlyTask("moderator", repeated, "moderate-appeal");
    assertThat(api.taskVariables("moderator", (String) moderation.get("id"))).extractingByKey("repeatOfText")
        .extracting(v -> ((Map<?, ?>) v).get("value")).asString().contains(earlier);

    api.complete("moderator", repeated, "moderate-appeal", Map.of("moderation", "REPEATED"));

    assertThat(api.appealAs("moderator", repeated)).containsEntry("status", "CLOSED")
        .containsEntry("outcome", "REJECTED").containsEntry("closingReason", "REPEATED");
    assertThat(records.noticesOf(repeated)).containsExactly("REGISTERED", "REJECTED");
  }

  @Test
  void onlyA59FzAppealThatRepeatsAnEarlierOneMayEndTheCorrespondence() {
    String id = api.register(potholePostInBerdsk());
    Map<String, Object> task = api.onlyTask("moderator", id, "moderate-appeal");

    ResponseEntity<String> refused = api.submitForm("moderator", (String) task.get("id"), Map.of("moderation", "REPEATED"));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("59-ФЗ");
  }

  @Test
  void theLongestAppealReachesTheModeratorWhole() {
    Map<String, Object> letter = new HashMap<>(officialComplaintAboutBerdskPolyclinic());
    String text = "Прошу разобраться без отписок ".repeat(340).substring(0, 10_000);
    letter.put("text", text);

    String id = api.register(letter);

    Map<String, Object> moderation = api.onlyTask("moderator", id, "moderate-appeal");
    Map<String, Object> card = api.taskVariables("moderator", (String) moderation.get("id"));
    assertThat(card).extractingByKey("appealText").extracting(v -> ((Map<?, ?>) v).get("value"))
        .asString().contains(text.strip());
  }

  @Test
  void theWebappLoginIsNotOverlaidByTheBrowsersBasicLoginDialog() {
    // Camunda's login page asks for /camunda-welcome on a first visit: a Basic challenge there would
    // open the browser's own dialog over the login form.
    ResponseEntity<String> welcome = rest.getForEntity("/camunda-welcome", String.class);

    assertThat(welcome.getStatusCode().value()).isEqualTo(404);
    assertThat(welcome.getHeaders().get("WWW-Authenticate")).isNull();
  }

  @Test
  void tasklistSpeaksRussian() {
    // Served before the login, from the application's own resources, which come before Camunda's webjar.
    ResponseEntity<String> labels = rest.getForEntity("/camunda/app/tasklist/locales/ru.json", String.class);
    ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class);
    ResponseEntity<String> welcome = rest.getForEntity("/camunda/app/welcome/scripts/config.js", String.class);

    assertThat(labels.getStatusCode().value()).isEqualTo(200);
    assertThat(labels.getBody()).contains("\"COMPLETE\": \"Завершить\"", "\"CLAIM_TASK\": \"Взять в работу\"");
    // Russian whatever the browser's language: no other locale is offered, and Russian is the fallback.
    assertThat(tasklist.getBody()).contains("availableLocales: ['ru']", "fallbackLocale: 'ru'");
    assertThat(welcome.getBody()).contains("availableLocales: ['ru']", "fallbackLocale: 'ru'");
  }

  @Test
  void taskQueriesCannotSmuggleExpressionsInOrQueries() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
      ResponseEntity<String> refused = api.as("executor").exchange(path, HttpMethod.POST, new HttpEntity<>(
          "{\"orQueries\":[{\"assigneeExpression\":\"${execution.getClass()}\"}]}", headers), String.class);
      assertThat(refused.getStatusCode().value()).as(path).isEqualTo(400);
      assertThat(refused.getBody()).contains("Expressions are forbidden");
    }
    ResponseEntity<String> plain = api.as("executor").exchange("/engine-rest/task", HttpMethod.POST,
        new HttpEntity<>("{\"orQueries\":[{\"candidateGroup\":\"berdsk-polyclinic\"}]}", headers), String.class);
    assertThat(plain.getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theFirstAdminSetupCannotCreateAUser() {
    ResponseEntity<String> setup = rest.postForEntity("/camunda/api/admin/setup/default/user/create",
        Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N", "email", "i@n.ru"),
            "credentials", Map.of("password", "intruder")), String.class);

    assertThat(setup.getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("intruder", "intruder").getForEntity("/api/appeals", String.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void referenceDataListsTheRegionInRussian() {
    ResponseEntity<List> territories = api.as("moderator").getForEntity("/api/reference/territories", List.class);
    ResponseEntity<List> categories = api.as("moderator").getForEntity("/api/reference/categories", List.class);
    ResponseEntity<List> organizations = api.as("moderator").getForEntity("/api/reference/organizations", List.class);

    assertThat(territories.getBody()).contains(Map.of("code", "berdsk", "name", "город Бердск", "kind", "CITY",
        "lat", 54.7583, "lon", 83.1073));
    assertThat(categories.getBody()).contains(Map.of("code", "roads.potholes", "name", "Ямы на дорогах",
        "parent", "roads", "leaf", true));
    assertThat(organizations.getBody()).anySatisfy(o -> assertThat((Map<String, Object>) o)
        .containsEntry("code", "berdsk-polyclinic")
        .containsEntry("supervisor", "minzdrav-nso")
        .containsEntry("territories", List.of("berdsk")));
  }

  private long historicVariables(String processInstance, String name) {
    return jdbc.sql("select count(*) from act_hi_varinst where proc_inst_id_ = :instance and name_ = :name")
        .param("instance", processInstance).param("name", name).query(Long.class).single();
  }
}
