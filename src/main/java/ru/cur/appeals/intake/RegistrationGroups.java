package ru.cur.appeals.intake;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.cur.appeals.system.DatabaseOutage;

/**
 * Appeals that arrive while others are being registered are registered together, in one transaction and one
 * command of the engine: the engine writes the rows of all of them in one flush, each of its tables in one batch,
 * and the database commits once (bench/README.md, "What helped"). Nothing is answered before that commit, so each
 * appeal still has its process, its deadlines and its moderation task when its channel gets the {@code 201}.
 * Should the group's transaction fail, nothing of it is kept and each of its appeals is registered again alone, in
 * the thread of the request that brought it: one appeal's fault — the same message stored at once by another
 * request, a modelling error — stays that appeal's, with the error it would have had alone. A lost database is
 * every appeal's: the whole group gets the error at once (503 with {@code Retry-After}), none tries again alone.
 * Under no load a group is the one appeal there is; the groups grow with the load, up to {@code largest}.
 */
@Component
class RegistrationGroups implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(RegistrationGroups.class);

  private final BlockingQueue<Waiting<?>> waiting = new LinkedBlockingQueue<>();
  private final List<Thread> writers = new ArrayList<>();
  private final TransactionTemplate transaction;
  private final CommandExecutor engine;
  private final int largest;
  private final DistributionSummary sizes;
  private volatile boolean open = true;

  /**
   * @param writers groups registered at the same time, each by a thread of its own; 0: every appeal alone, in its
   *     request's thread
   * @param largest most appeals in one group
   */
  RegistrationGroups(TransactionTemplate transaction, ProcessEngine engine, MeterRegistry meters,
      @Value("${appeals.intake.grouping.writers}") int writers,
      @Value("${appeals.intake.grouping.largest}") int largest) {
    this.transaction = transaction;
    this.engine = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    this.largest = Math.max(1, largest);
    this.sizes = DistributionSummary.builder("appeals.intake.group")
        .description("Appeals registered together in one transaction").baseUnit("appeals").register(meters);
    Gauge.builder("appeals.intake.waiting", waiting, BlockingQueue::size)
        .description("Appeals waiting for a group to take them").baseUnit("appeals").register(meters);
    for (int i = 1; i <= writers; i++) {
      Thread writer = new Thread(this::write, "appeal-registration-" + i);
      writer.setDaemon(true);
      this.writers.add(writer);
      writer.start();
    }
  }

  /**
   * What {@code registration} returns once its transaction — the group's, or its own — has committed.
   * {@code registration} runs inside a transaction it must not start itself, and must not register through here.
   */
  <T> T register(Supplier<T> registration) {
    // Inside a transaction the registration belongs to it, as it would without groups.
    if (writers.isEmpty() || !open || TransactionSynchronizationManager.isActualTransactionActive()) {
      return alone(registration);
    }
    Waiting<T> request = new Waiting<>(registration);
    waiting.add(request);
    if (!open && waiting.remove(request)) {
      // The writers stopped as it came: no group will take it.
      return alone(registration);
    }
    try {
      return request.outcome.join().get();
    } catch (CompletionException failure) {
      throw rethrown(failure.getCause());
    }
  }

  private <T> T alone(Supplier<T> registration) {
    return transaction.execute(status -> registration.get());
  }

  private void write() {
    while (open || !waiting.isEmpty()) {
      Waiting<?> first;
      try {
        first = waiting.poll(1, TimeUnit.SECONDS);
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        return;
      }
      if (first != null) {
        List<Waiting<?>> group = new ArrayList<>(largest);
        group.add(first);
        waiting.drainTo(group, largest - 1);
        registerTogether(group);
      }
    }
  }

  private void registerTogether(List<Waiting<?>> group) {
    List<Object> registered;
    try {
      registered = transaction.execute(status -> engine.execute(commandContext -> {
        List<Object> results = new ArrayList<>(group.size());
        for (Waiting<?> request : group) {
          results.add(request.registration.get());
        }
        return results;
      }));
    } catch (Throwable failure) {
      if (group.size() == 1 || DatabaseOutage.isCauseOf(failure)) {
        // Without the database none of them would fare better alone: each answers 503 now.
        group.forEach(request -> request.outcome.completeExceptionally(failure));
      } else {
        log.info("{} appeals registered together rolled back ({}); each is registered again alone",
            group.size(), failure.toString());
        group.forEach(this::again);
      }
      return;
    }
    sizes.record(group.size());
    for (int i = 0; i < group.size(); i++) {
      group.get(i).registered(registered.get(i));
    }
  }

  private static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(failure);
  }

  /** Stops taking appeals into groups; those waiting are registered first. */
  @Override
  public void destroy() throws InterruptedException {
    open = false;
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (Thread writer : writers) {
      writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
    }
    for (Waiting<?> left = waiting.poll(); left != null; left = waiting.poll()) {
      again(left);
    }
  }

  /** No group registered it: the request registers its appeal alone, in its own thread. */
  private <T> void again(Waiting<T> request) {
    request.outcome.complete(() -> alone(request.registration));
  }

  /**
   * A request's registration and what became of it: what the request returns — the group's result, or its
   * registration alone — or the error it throws.
   */
  private static final class Waiting<T> {
    private final Supplier<T> registration;
    private final CompletableFuture<Supplier<T>> outcome = new CompletableFuture<>();

    Waiting(Supplier<T> registration) {
      this.registration = registration;
    }

    @SuppressWarnings("unchecked")
    void registered(Object registered) {
      outcome.complete(() -> (T) registered);
    }
  }
}
