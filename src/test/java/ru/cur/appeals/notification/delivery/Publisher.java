package ru.cur.appeals.notification.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The publisher's webhook as the tests run it: an HTTP server in the test's JVM that records every request and
 * answers 200, or the statuses a scenario scripts for the next requests about an appeal.
 */
final class Publisher implements AutoCloseable {

  static final String PATH = "/replies";

  /** One request as it arrived, and how it was answered. */
  record Request(String idempotencyKey, String secret, Map<String, Object> body, int answeredWith) {

    String registrationNumber() {
      return (String) body.get("registrationNumber");
    }

    boolean accepted() {
      return answeredWith / 100 == 2;
    }
  }

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();

  private Publisher(HttpServer server) {
    this.server = server;
  }

  static Publisher start() throws IOException {
    Publisher publisher = new Publisher(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    publisher.server.createContext(PATH, publisher::handle);
    publisher.server.start();
    return publisher;
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort() + PATH;
  }

  /** The next requests about the appeal are answered with these statuses, then 200 again. */
  void answerNext(String registrationNumber, Integer... statuses) {
    scripted.put(registrationNumber, new ArrayDeque<>(List.of(statuses)));
  }

  List<Request> requestsAbout(String registrationNumber) {
    return requests.stream().filter(request -> registrationNumber.equals(request.registrationNumber())).toList();
  }

  @SuppressWarnings("unchecked")
  private void handle(HttpExchange exchange) throws IOException {
    Map<String, Object> body;
    try (InputStream in = exchange.getRequestBody()) {
      body = json.readValue(in, Map.class);
    }
    Deque<Integer> statuses = scripted.get((String) body.get("registrationNumber"));
    Integer scriptedStatus = statuses == null ? null : statuses.poll();
    int status = scriptedStatus == null ? 200 : scriptedStatus;
    requests.add(new Request(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
        exchange.getRequestHeaders().getFirst("X-Webhook-Secret"), body, status));
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
