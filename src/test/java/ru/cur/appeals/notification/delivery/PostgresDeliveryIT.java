package ru.cur.appeals.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.cur.appeals.OnPostgres;
import ru.cur.appeals.appeal.AppealRepository;

@OnPostgres
class PostgresDeliveryIT extends DeliveryScenarios {

  private static final int NOTICES = 300;

  @Autowired
  Letters letters;
  @Autowired
  AppealRepository appeals;
  @Autowired
  DeliverySettings settings;

  @Test
  void twoNodesSendingAtTheSameTimeDeliverEveryNoticeExactlyOnce() throws Exception {
    deliverEverythingDue();
    String id = api.register(officialComplaint("kim-two-nodes@example.ru", null));
    owe(id, NOTICES - 1);
    Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
    Courier counting = new Courier() {
      @Override
      public Way way() {
        return Way.EMAIL;
      }

      @Override
      public void deliver(Letter letter) {
        deliveries.computeIfAbsent(letter.noticeId(), notice -> new AtomicInteger()).incrementAndGet();
        byNode.computeIfAbsent(Thread.currentThread().getName(), node -> new AtomicInteger()).incrementAndGet();
      }
    };
    Couriers couriers = new Couriers(List.of(counting), settings);
    List<NoticeSender> nodes = List.of(
        new NoticeSender(queue, couriers, letters, appeals, "node-a"),
        new NoticeSender(queue, couriers, letters, appeals, "node-b"));

    ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (NoticeSender node : nodes) {
      running.add(threads.submit(() -> {
        start.await();
        while (node.deliverDue() > 0) {
          // Claims keep the nodes apart; each goes on until nothing is due.
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> node : running) {
      node.get(2, TimeUnit.MINUTES);
    }
    threads.shutdown();

    List<Long> owed = jdbc.sql("""
        select n.id from notification_outbox n join appeal a on a.id = n.appeal_id
        where a.registration_number = :id""").param("id", id).query(Long.class).list();
    assertThat(owed).hasSize(NOTICES);
    assertThat(deliveries.keySet()).containsAll(owed);
    assertThat(deliveries.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    assertThat(byNode.values()).as("both nodes took part").hasSize(2)
        .allSatisfy(count -> assertThat(count.get()).isPositive());
    assertThat(Set.copyOf(jdbc.sql("""
        select n.status from notification_outbox n join appeal a on a.id = n.appeal_id
        where a.registration_number = :id""").param("id", id).query(String.class).list())).containsExactly("SENT");
  }

  /** More notices owed to the appeal's author, as steps owe them. */
  private void owe(String id, int count) {
    long appealId = appeals.getByNumber(id).id();
    OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
    for (int i = 0; i < count; i++) {
      jdbc.sql("""
          insert into notification_outbox (appeal_id, kind, channel, payload, status, created_at, next_attempt_at)
          values (:appealId, 'EXTENDED', 'OFFICIAL', :payload, 'PENDING', :now, :now)""")
          .param("appealId", appealId)
          .param("payload", "{\"registrationNumber\":\"" + id + "\",\"days\":" + (i % 30 + 1) + "}")
          .param("now", now)
          .update();
    }
  }
}
