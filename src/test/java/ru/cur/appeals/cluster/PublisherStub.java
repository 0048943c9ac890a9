package ru.cur.appeals.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The publisher's webhook as the nodes' {@code APPEALS_WEBHOOK_URL}, keeping the contract a real publisher keeps
 * (README, "Delivery of notices"): a notice is published once per {@code Idempotency-Key}, however often it
 * arrives. It takes every request with 200 and counts, per key, how often it came: a node killed after the
 * publisher took a notice and before it marked it sent leaves it to be sent again under the same key.
 */
final class PublisherStub implements AutoCloseable {

  /** What arrived under one idempotency key. */
  record Delivery(long noticeId, String registrationNumber, String kind, AtomicInteger times) {}

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
  private static final long ANSWER_DELAY_MILLIS = 50;

  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final HttpServer server;

  PublisherStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(threads);
    server.createContext("/publish", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        JsonNode notice = json.readTree(body);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        deliveries.computeIfAbsent(key, k -> new Delivery(notice.path("noticeId").asLong(),
            notice.path("registrationNumber").asText(), notice.path("kind").asText(), new AtomicInteger()))
            .times().incrementAndGet();
        // Posting the reply takes a moment, in which the node holds the notice as being sent.
        Thread.sleep(ANSWER_DELAY_MILLIS);
        exchange.sendResponseHeaders(200, -1);
      } catch (RuntimeException e) {
        exchange.sendResponseHeaders(500, -1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(503, -1);
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/publish";
  }

  Map<String, Delivery> deliveries() {
    return deliveries;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
