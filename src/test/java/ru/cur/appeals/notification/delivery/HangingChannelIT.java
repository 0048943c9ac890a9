package ru.cur.appeals.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.cur.appeals.AppealApi;
import ru.cur.appeals.OnH2;

/**
 * A delivery channel that hangs (the SMTP server and the publisher accept the connection and never answer)
 * holds up only the notices: while a delivery round waits on it, channels keep submitting appeals and each
 * one is registered at once, its notice queued for later.
 */
@OnH2
class HangingChannelIT {

  private static ServerSocket silent;
  private static final List<Socket> held = new CopyOnWriteArrayList<>();

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  NoticeSender sender;

  @BeforeAll
  static void aServerThatNeverAnswers() throws IOException {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread listener = new Thread(() -> {
      while (!silent.isClosed()) {
        try {
          held.add(silent.accept());
        } catch (IOException closed) {
          return;
        }
      }
    });
    listener.setDaemon(true);
    listener.start();
  }

  @AfterAll
  static void closeIt() throws IOException {
    silent.close();
    for (Socket socket : held) {
      socket.close();
    }
  }

  @DynamicPropertySource
  static void channelsThatHang(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.host", () -> "localhost");
    properties.add("spring.mail.port", () -> silent.getLocalPort());
    // Longer than the test: the round must still hang when the last appeal is registered.
    properties.add("spring.mail.properties[mail.smtp.timeout]", () -> 120_000);
    properties.add("appeals.delivery.webhook.url", () -> "http://localhost:" + silent.getLocalPort() + "/replies");
  }

  @Test
  void appealsAreRegisteredWhileADeliveryRoundHangsOnTheChannel() throws Exception {
    AppealApi api = new AppealApi(rest);
    String first = api.register(appeal());
    CompletableFuture<Integer> round = CompletableFuture.supplyAsync(sender::deliverDue);
    while (held.isEmpty()) {
      Thread.sleep(50);
    }

    for (int i = 0; i < 5; i++) {
      long started = System.nanoTime();
      String id = api.register(appeal());
      assertThat((System.nanoTime() - started) / 1_000_000).as("registration of %s while delivery hangs, ms", id)
          .isLessThan(5_000);
      assertThat(pendingNotices(id)).containsExactly("PENDING");
    }
    assertThat(round).isNotDone();
    assertThat(jdbc.sql("""
        select n.status from notification_outbox n join appeal a on a.id = n.appeal_id
        where a.registration_number = :id""").param("id", first).query(String.class).single()).isEqualTo("SENDING");
  }

  private List<String> pendingNotices(String id) {
    return jdbc.sql("""
        select n.status from notification_outbox n join appeal a on a.id = n.appeal_id
        where a.registration_number = :id""").param("id", id).query(String.class).list();
  }

  private static Map<String, Object> appeal() {
    return Map.of("channel", "SOCIAL", "externalId", "vk-" + UUID.randomUUID(),
        "text", "Яма на дороге у дома 3", "territory", "berdsk", "category", "roads",
        "author", Map.of("name", "Анна Ким", "email", "kim-" + UUID.randomUUID() + "@example.ru",
            "profileUrl", "https://vk.com/id7"));
  }
}
