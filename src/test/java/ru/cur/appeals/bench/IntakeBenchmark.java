package ru.cur.appeals.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.cur.appeals.EmbeddedPostgresInitializer;

/**
 * Issue 9's figures, all in one run on one machine: appeals per second through {@code POST /api/appeals} next to
 * the same engine starting a one-user-task process through {@code /engine-rest} with the same concurrency; the
 * moderators' and an organisation's task lists (Tasklist's filter query) and {@code /api/appeals} with many open
 * appeals; a storm of moderation deadlines all due at once; peak heap and resident memory; the bytes an appeal
 * takes in the application's and the engine's tables. Not a test: nothing fails on time.
 *
 * <p>Production-like: PostgreSQL, the job executor and the notice delivery running, the real configuration.
 * Identity stays the demo's (HTTP Basic against Camunda's users): Keycloak is not what is measured.
 *
 * <p>Sizes are system properties: {@code bench.intake} (appeals measured, and as many bare starts),
 * {@code bench.open} (open appeals for the task lists), {@code bench.accepted} (how many of them moderation
 * sends to organisations), {@code bench.timers} (deadlines due at once), {@code bench.concurrency},
 * {@code bench.rounds} (alternating measured rounds of each side, 4), {@code bench.warm-up} (unmeasured first);
 * {@code bench.explain-over} logs PostgreSQL's plans of the statements slower than that many milliseconds;
 * {@code bench.hold-minutes} keeps the application and its database up that long after the figures, to read plans
 * and profiles by hand on the same data.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.hikari.maximum-pool-size=20",
    // The demo writes every notice to the log: thousands of letters would bury the figures.
    "logging.level.ru.cur.appeals.notification.delivery.LogCourier=WARN"})
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class IntakeBenchmark {

  private static final int INTAKE = Integer.getInteger("bench.intake", 10_000);
  /**
   * Both sides run this many first, unmeasured: an appeal runs many times the code of a bare start for the JIT to
   * compile, and with 250 the first measured round of appeals was a quarter slower than the second
   * ({@code bench.warm-up}, 2,000 or {@code bench.intake} if fewer).
   */
  private static final int WARM_UP = Integer.getInteger("bench.warm-up", Math.min(2_000, INTAKE));
  /** At least a thousand more than the warm-up and {@code INTAKE}: the bytes an appeal takes are measured on those. */
  private static final int OPEN = Math.max(WARM_UP + INTAKE + 1_000, Integer.getInteger("bench.open", 100_000));
  private static final int WANTED_TIMERS = Integer.getInteger("bench.timers", 20_000);
  /**
   * As in a working center: moderation takes at most three days, an answer thirty, so most open appeals are at
   * organisations — all but a tenth, or but the appeals whose moderation deadlines the timer storm needs.
   */
  private static final int ACCEPTED = Integer.getInteger("bench.accepted",
      OPEN - Math.max(OPEN / 10, Math.min(WANTED_TIMERS, OPEN / 2)));
  private static final int TIMERS = Math.min(OPEN - ACCEPTED, WANTED_TIMERS);
  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
  /** Measured rounds of each side, alternating; {@code bench.intake} is shared among them. */
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
  private static final int QUERY_RUNS = 60;
  private static final String[] TERRITORIES = {"novosibirsk", "berdsk", "iskitim", "ob", "koltsovo"};
  private static final String[] CATEGORIES = {"roads.potholes", "healthcare.appointment", "housing.garbage",
      "housing.heating", "landscaping.yards", "transport.routes"};

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RepositoryService repository;
  @Autowired
  TaskService tasks;
  @Autowired
  FilterService filters;
  @Autowired
  HikariDataSource dataSource;
  @Autowired
  MeterRegistry meters;

  private HttpLoad load;
  private final AtomicInteger appealNumber = new AtomicInteger();
  private final AtomicInteger bareNumber = new AtomicInteger();

  @Test
  void costOfAnAppealNextToTheEngineAlone() throws Exception {
    load = new HttpLoad(port);
    Map<String, Object> sizes = new LinkedHashMap<>();
    sizes.put("intake", INTAKE);
    sizes.put("open", OPEN);
    sizes.put("accepted", ACCEPTED);
    sizes.put("timers", TIMERS);
    sizes.put("concurrency", CONCURRENCY);
    sizes.put("rounds", ROUNDS);
    sizes.put("warmUp", WARM_UP);
    BenchResults results = new BenchResults("intake", sizes);
    results.detail("database", "version", jdbc.sql("select version()").query(String.class).single());
    resetPeaks();

    deployBareProcess();
    load.run(WARM_UP, CONCURRENCY, 200, i -> bareStart());
    load.run(WARM_UP, CONCURRENCY, 201, i -> appealSubmission());
    intake(results);
    // Only appeals are submitted from here on: the bare baseline's instances stay out of the sizes.
    Map<String, Long> before = tableSizes();
    int submitted = appealNumber.get();
    fill();
    perAppealSizes(results, before, appealNumber.get() - submitted);
    accept();
    jdbc.sql("analyze").update();
    explainSlowStatements();
    taskLists(results);
    timerStorm(results);
    memory(results);

    Path written = results.write(Path.of("bench", "results"));
    System.out.println("\nResults written to " + written + "\n" + Files.readString(
        Path.of(written.toString().replace(".json", ".md"))));
    hold();
  }

  /** With {@code -Dbench.hold-minutes=<n>}: the application and its database stay up, their addresses printed. */
  private void hold() throws InterruptedException {
    int minutes = Integer.getInteger("bench.hold-minutes", 0);
    if (minutes > 0) {
      System.out.printf("Holding for %d minutes: http://localhost:%d (users as in the demo), %s (pid %d)%n", minutes,
          port, dataSource.getJdbcUrl(), ProcessHandle.current().pid());
      Thread.sleep(TimeUnit.MINUTES.toMillis(minutes));
    }
  }

  /** Alternating rounds, so that a noisy neighbour on the machine hurts both sides alike. */
  private void intake(BenchResults results) {
    DatabaseWork statements = new DatabaseWork(jdbc);
    int rounds = ROUNDS;
    double appealSeconds = 0;
    double bareSeconds = 0;
    List<Double> appealMillis = new ArrayList<>();
    List<Double> bareMillis = new ArrayList<>();
    DistributionSummary groups = meters.get("appeals.intake.group").summary();
    long groupsBefore = groups.count();
    double groupedBefore = groups.totalAmount();
    for (int round = 0; round < rounds; round++) {
      statements.reset();
      HttpLoad.Run bare = load.run(INTAKE / rounds, CONCURRENCY, 200, i -> bareStart());
      statements.add("bare", INTAKE / rounds);
      HttpLoad.Run appeals = load.run(INTAKE / rounds, CONCURRENCY, 201, i -> appealSubmission());
      statements.add("appeal", INTAKE / rounds);
      bareSeconds += bare.seconds();
      appealSeconds += appeals.seconds();
      bareMillis.add(bare.latencies().p95());
      appealMillis.add(appeals.latencies().p95());
      System.out.printf("round %d: bare %.1f/s (p95 %.0f ms), appeals %.1f/s (p95 %.0f ms)%n", round + 1,
          bare.perSecond(), bare.latencies().p95(), appeals.perSecond(), appeals.latencies().p95());
    }
    int measured = INTAKE / rounds * rounds;
    double appealRate = measured / appealSeconds;
    double bareRate = measured / bareSeconds;
    results.figure("intake", "bareStartsPerSecond", "bare Camunda: one-user-task process via /engine-rest", bareRate,
        "per s", "", null);
    results.figure("intake", "appealsPerSecond", "appeal intake: POST /api/appeals end to end", appealRate, "per s",
        "", null);
    results.figure("intake", "ratio", "appeal intake / bare Camunda", appealRate / bareRate, "×", "≥ 0.8",
        appealRate / bareRate / 0.8);
    long groupsMeasured = groups.count() - groupsBefore;
    // Without groups (appeals.intake.grouping.writers=0) each appeal is registered alone.
    results.figure("intake", "appealsPerGroup", "appeals registered together (intake/RegistrationGroups), mean",
        groupsMeasured == 0 ? 1 : (groups.totalAmount() - groupedBefore) / groupsMeasured, "", "", null);
    statements.report(results);
    results.detail("intake", "bareP95PerRoundMs", bareMillis);
    results.detail("intake", "appealP95PerRoundMs", appealMillis);
  }

  /** The rest of the open appeals, through the same endpoint. */
  private void fill() {
    int missing = OPEN - appealNumber.get();
    if (missing > 0) {
      long started = System.nanoTime();
      HttpLoad.Run run = load.run(missing, CONCURRENCY, 201, i -> appealSubmission());
      System.out.printf("Filled %,d more open appeals in %.0f s (%.1f/s)%n", missing,
          (System.nanoTime() - started) / 1e9, run.perSecond());
    }
  }

  /**
   * Moderation accepts some appeals, so that organisations have work in their lists too, and sends their first
   * public replies: those are due four hours after moderation (SPEC), so a working center has hardly any
   * outstanding, while the answers, due in thirty days, are what fills the organisations' lists.
   */
  private void accept() throws InterruptedException, ExecutionException {
    List<Task> moderations = tasks.createTaskQuery().processDefinitionKey("citizen-appeal")
        .taskDefinitionKey("moderate-appeal").listPage(0, ACCEPTED);
    AtomicInteger index = new AtomicInteger();
    completeAll(moderations, task -> {
      int i = index.getAndIncrement();
      return Map.of("moderation", "ACCEPT", "category", CATEGORIES[i % 2],
          "territory", i % 3 == 0 ? "berdsk" : TERRITORIES[i % TERRITORIES.length]);
    });
    List<Task> firstReplies = tasks.createTaskQuery().processDefinitionKey("citizen-appeal")
        .taskDefinitionKey("first-reply").list();
    completeAll(firstReplies, task -> Map.of("firstReplyText", "Передали в администрацию, ответ будет в срок"));
    System.out.printf("Accepted %,d appeals, sent %,d first replies%n", moderations.size(), firstReplies.size());
  }

  /** Every task completed, or the run stops: a state the figures do not describe is no benchmark. */
  private void completeAll(List<Task> work, Function<Task, Map<String, Object>> variables)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    try {
      List<Future<?>> completions = new ArrayList<>();
      for (Task task : work) {
        completions.add(pool.submit(() -> tasks.complete(task.getId(), variables.apply(task))));
      }
      for (Future<?> completion : completions) {
        completion.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void taskLists(BenchResults results) {
    String groupTasks = filterId("Задачи моих групп");
    String allGroupTasks = filterId("Все задачи моих групп");
    String wholeCenter = filterId("Все доступные задачи");
    query(results, "tasklistModeratorGroupTasks", "Tasklist «Задачи моих групп», moderator (list)",
        () -> tasklistPage("moderator", groupTasks));
    query(results, "tasklistModeratorGroupCount", "Tasklist «Задачи моих групп», moderator (count)",
        () -> tasklistCount("moderator", groupTasks));
    query(results, "tasklistExecutorGroupTasks", "Tasklist «Задачи моих групп», organisation executor (list)",
        () -> tasklistPage("executor", groupTasks));
    query(results, "tasklistExecutorAllGroupTasks", "Tasklist «Все задачи моих групп», organisation executor (list)",
        () -> tasklistPage("executor", allGroupTasks));
    query(results, "tasklistExecutorAllGroupCount", "Tasklist «Все задачи моих групп», organisation executor (count)",
        () -> tasklistCount("executor", allGroupTasks));
    query(results, "tasklistSupervisorWholeCenter", "Tasklist «Все доступные задачи» (whole center), supervisor (list)",
        () -> tasklistPage("supervisor", wholeCenter));
    // What each list's page and count have to read, as Tasklist shows it beside the filter.
    Map<String, Long> tasksSeen = new LinkedHashMap<>();
    tasksSeen.put("moderator «Задачи моих групп»", taskCount("moderator", groupTasks));
    tasksSeen.put("executor «Задачи моих групп»", taskCount("executor", groupTasks));
    tasksSeen.put("executor «Все задачи моих групп»", taskCount("executor", allGroupTasks));
    tasksSeen.put("supervisor «Все доступные задачи»", taskCount("supervisor", wholeCenter));
    results.detail("taskLists", "tasksSeen", tasksSeen);
    System.out.println("Tasks in the measured lists: " + tasksSeen);
    query(results, "apiModerationSearch", "/api/appeals?status=MODERATION, moderator",
        () -> load.request("moderator", "GET", "/api/appeals?status=MODERATION&size=20", null, "application/json"));
    query(results, "apiOrganizationSearch", "/api/appeals, organisation executor",
        () -> load.request("executor", "GET", "/api/appeals?size=20", null, "application/json"));
    query(results, "apiTerritoryCategorySearch", "/api/appeals?territory=berdsk&category=…, manager",
        () -> load.request("manager", "GET", "/api/appeals?territory=berdsk&category=roads.potholes&size=20", null,
            "application/json"));
  }

  /** Tasklist's own request for a page of a filter: HAL, so that users, groups and definitions come embedded. */
  private HttpRequest tasklistPage(String user, String filterId) {
    return load.request(user, "POST", "/engine-rest/filter/%s/list?firstResult=0&maxResults=15".formatted(filterId),
        "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}",
        "application/hal+json");
  }

  /** The count Tasklist shows beside a filter. */
  private HttpRequest tasklistCount(String user, String filterId) {
    return load.request(user, "GET", "/engine-rest/filter/%s/count".formatted(filterId), null, "application/json");
  }

  private long taskCount(String user, String filterId) {
    try {
      return new ObjectMapper().readTree(load.send(tasklistCount(user, filterId), 200)).path("count").asLong();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The filter count is not JSON", e);
    }
  }

  /**
   * With {@code -Dbench.explain-over=<ms>}, PostgreSQL logs the plan of every statement slower than that from here
   * on (auto_explain, into this run's output): how the numbers below were read.
   */
  private void explainSlowStatements() {
    String threshold = System.getProperty("bench.explain-over");
    if (threshold == null) {
      return;
    }
    jdbc.sql("alter system set session_preload_libraries = 'auto_explain'").update();
    jdbc.sql("alter system set auto_explain.log_min_duration = " + Integer.parseInt(threshold)).update();
    jdbc.sql("alter system set auto_explain.log_analyze = on").update();
    jdbc.sql("select pg_reload_conf()").query(Boolean.class).single();
    // The setting applies to new sessions: the pool opens them afresh.
    dataSource.getHikariPoolMXBean().softEvictConnections();
  }

  private void query(BenchResults results, String key, String name, Supplier<HttpRequest> request) {
    for (int i = 0; i < 10; i++) {
      load.send(request.get(), 200);
    }
    double[] millis = new double[QUERY_RUNS];
    for (int i = 0; i < QUERY_RUNS; i++) {
      long start = System.nanoTime();
      load.send(request.get(), 200);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Latencies latencies = Latencies.of(millis);
    results.detail("taskLists", key, latencies);
    results.figure("taskListsP50", key, name + ": p50", latencies.p50(), "ms", "", null);
    results.figure("taskListsP95", key, name + ": p95", latencies.p95(), "ms", "< 150 ms", latencies.p95() / 150);
  }

  /** Moderation deadlines of {@code TIMERS} appeals moved to now; the job executor runs them as it would. */
  private void timerStorm(BenchResults results) throws InterruptedException {
    long escalationsBefore = escalations();
    int due = jdbc.sql("""
        update act_ru_job set duedate_ = now() - interval '1 second'
         where id_ in (select id_ from act_ru_job where handler_type_ = 'timer-transition'
                          and handler_cfg_ like 'Event_ModerationDeadline%' limit :timers)""")
        .param("timers", TIMERS).update();
    long started = System.nanoTime();
    long deadline = started + TimeUnit.MINUTES.toNanos(Integer.getInteger("bench.timer-minutes", 60));
    long done = 0;
    while (done < due && System.nanoTime() < deadline) {
      Thread.sleep(500);
      done = escalations() - escalationsBefore;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    results.detail("timerStorm", "deadlinesDue", due);
    results.detail("timerStorm", "escalationTasksCreated", done);
    results.figure("timerStorm", "seconds", "timer storm: %,d deadlines due → every escalation task exists"
        .formatted(due), seconds, "s", "", null);
    results.figure("timerStorm", "perSecond", "timer storm: escalations per second", done / seconds, "per s", "",
        null);
  }

  private long escalations() {
    return jdbc.sql("select count(*) from act_ru_task where task_def_key_ = 'control-overdue'").query(Long.class)
        .single();
  }

  private void memory(BenchResults results) {
    long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    results.figure("memory", "peakHeapMb", "peak heap (application and load client, one JVM)",
        peakHeap / 1048576.0, "MB", "", null);
    results.figure("memory", "peakResidentMb", "peak resident memory of the JVM (VmHWM)",
        residentKb("VmHWM") / 1024.0, "MB", "", null);
  }

  private void perAppealSizes(BenchResults results, Map<String, Long> before, int appeals) {
    Map<String, Long> after = tableSizes();
    Map<String, Long> groups = new LinkedHashMap<>();
    after.forEach((table, size) -> groups.merge(group(table), size - before.getOrDefault(table, 0L), Long::sum));
    Map<String, Long> perTable = after.entrySet().stream()
        .filter(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L) > 0)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> (e.getValue() - before.getOrDefault(e.getKey(), 0L))
            / appeals, (a, b) -> a, TreeMap::new));
    results.detail("bytesPerAppeal", "appealsCounted", appeals);
    results.detail("bytesPerAppeal", "perTable", perTable);
    groups.forEach((group, bytes) -> results.figure("bytesPerAppealGroups", group,
        "bytes per appeal in moderation, " + group + " (tables and indexes)", (double) bytes / appeals, "B", "",
        null));
  }

  private static String group(String table) {
    if (table.startsWith("act_ru_")) {
      return "Camunda ACT_RU_*";
    }
    if (table.startsWith("act_hi_")) {
      return "Camunda ACT_HI_*";
    }
    if (table.startsWith("act_")) {
      return "Camunda other ACT_*";
    }
    return "application tables";
  }

  private Map<String, Long> tableSizes() {
    return jdbc.sql("""
        select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'flyway_schema_history'""")
        .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private void deployBareProcess() {
    repository.createDeployment().name("bench-bare").addModelInstance("bench-bare.bpmn",
        Bpmn.createExecutableProcess("bench-bare").camundaHistoryTimeToLive(1).startEvent()
            .userTask("task").camundaCandidateGroups("moderators").endEvent().done())
        .deploy();
  }

  private HttpRequest bareStart() {
    return load.request("admin", "POST", "/engine-rest/process-definition/key/bench-bare/start",
        "{\"businessKey\":\"BARE-%d\"}".formatted(bareNumber.incrementAndGet()), "application/json");
  }

  private HttpRequest appealSubmission() {
    int n = appealNumber.incrementAndGet();
    String body = """
        {"channel":"SOCIAL","externalId":"bench-%d","text":"Обращение %d: яма на дороге у дома %d, машины объезжают \
        по встречной полосе, прошу отремонтировать","author":{"name":"Житель %d","profileUrl":"https://vk.com/id%d"},\
        "territory":"%s","category":"%s","address":"ул. Ленина, %d","location":{"lat":54.75,"lon":83.1}}"""
        .formatted(n, n, n % 200, n, n, TERRITORIES[n % TERRITORIES.length], CATEGORIES[n % CATEGORIES.length],
            n % 200);
    return load.request("intake", "POST", "/api/appeals", body, "application/json");
  }

  private String filterId(String name) {
    return filters.createFilterQuery().filterName(name).singleResult().getId();
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long residentKb(String field) {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith(field + ":"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
    } catch (IOException e) {
      return 0;
    }
  }
}
