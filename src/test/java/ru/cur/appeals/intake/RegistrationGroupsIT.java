package ru.cur.appeals.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import ru.cur.appeals.OnPostgres;

/**
 * Registrations that wait while both writers are busy are taken as one group; a group that fails is registered
 * again appeal by appeal. The registrations here start a one-task process, as an appeal's registration starts its
 * own: what is under test is the grouping, not the appeal (the scenarios submit appeals concurrently too).
 */
@OnPostgres
@TestPropertySource(properties = {"appeals.intake.grouping.writers=2", "appeals.intake.grouping.largest=16"})
class RegistrationGroupsIT {

  @Autowired
  RegistrationGroups groups;
  @Autowired
  RuntimeService runtime;
  @Autowired
  RepositoryService repository;
  @Autowired
  MeterRegistry meters;

  private final ExecutorService requests = Executors.newCachedThreadPool();
  private final CountDownLatch firstWriter = new CountDownLatch(1);
  private final CountDownLatch secondWriter = new CountDownLatch(1);

  @BeforeEach
  void deployAOneTaskProcess() {
    repository.createDeployment().name("grouped").addModelInstance("grouped.bpmn",
        Bpmn.createExecutableProcess("grouped").camundaHistoryTimeToLive(1).startEvent()
            .userTask("work").camundaCandidateGroups("moderators").endEvent().done())
        .deploy();
  }

  @AfterEach
  void releaseTheWriters() {
    firstWriter.countDown();
    secondWriter.countDown();
    requests.shutdownNow();
  }

  @Test
  void registrationsWaitingForAWriterAreRegisteredInOneTransactionOfTheEngine() throws Exception {
    occupyBothWriters();
    List<Future<CommandContext>> waiting = List.of(
        request(() -> start("together-1")), request(() -> start("together-2")), request(() -> start("together-3")));
    awaitWaiting(3);

    firstWriter.countDown();

    CommandContext first = waiting.get(0).get(30, TimeUnit.SECONDS);
    assertThat(waiting.get(1).get(30, TimeUnit.SECONDS)).isSameAs(first);
    assertThat(waiting.get(2).get(30, TimeUnit.SECONDS)).isSameAs(first);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("grouped").count()).isEqualTo(3);
    assertThat(meters.get("appeals.intake.group").summary().max()).isEqualTo(3);
  }

  @Test
  void aRegistrationThatFailsInAGroupFailsAloneAndTheOthersAreRegisteredOnce() throws Exception {
    occupyBothWriters();
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    // One after the other, so that the group takes them in this order.
    Future<CommandContext> before = request(() -> counted(runs, "before"));
    awaitWaiting(1);
    Future<CommandContext> faulty = request(() -> {
      counted(runs, "faulty");
      throw new IllegalStateException("appeal-regulation has a rule for MODERATION without 'term'");
    });
    awaitWaiting(2);
    Future<CommandContext> after = request(() -> counted(runs, "after"));
    awaitWaiting(3);

    firstWriter.countDown();

    before.get(30, TimeUnit.SECONDS);
    after.get(30, TimeUnit.SECONDS);
    assertThatThrownBy(() -> faulty.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("without 'term'");
    // In the group until the fault, which rolled the group back; then each alone.
    assertThat(runs.get("before")).hasValue(2);
    assertThat(runs.get("faulty")).hasValue(2);
    assertThat(runs.get("after")).hasValue(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("before").count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("after").count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("faulty").count()).isZero();
  }

  /** Each writer takes a registration that waits for its latch: what comes next waits for a writer. */
  private void occupyBothWriters() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    request(() -> hold(held, firstWriter));
    assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
    CountDownLatch heldToo = new CountDownLatch(1);
    request(() -> hold(heldToo, secondWriter));
    assertThat(heldToo.await(30, TimeUnit.SECONDS)).isTrue();
  }

  private CommandContext hold(CountDownLatch held, CountDownLatch latch) {
    held.countDown();
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Context.getCommandContext();
  }

  private CommandContext counted(Map<String, AtomicInteger> runs, String businessKey) {
    runs.computeIfAbsent(businessKey, key -> new AtomicInteger()).incrementAndGet();
    return start(businessKey);
  }

  private CommandContext start(String businessKey) {
    runtime.startProcessInstanceByKey("grouped", businessKey);
    return Context.getCommandContext();
  }

  private Future<CommandContext> request(Supplier<CommandContext> registration) {
    return requests.submit(() -> groups.register(registration));
  }

  private void awaitWaiting(int count) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    // The queue holds a registration from the moment its request adds it until a writer takes it.
    while (meters.get("appeals.intake.waiting").gauge().value() != count) {
      assertThat(System.nanoTime()).as("registrations waiting: %d expected", count).isLessThan(until);
      Thread.sleep(10);
    }
  }
}
