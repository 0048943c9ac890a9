package ru.cur.appeals.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Sends requests from a fixed number of client threads, each sending its next request as soon as the last one
 * was answered, as channel systems and clerks do: the same concurrency for the application and the baseline.
 */
final class HttpLoad {

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  HttpLoad(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  /** One request as {@code user} (demo users' password is their name); the body is JSON unless null. */
  HttpRequest request(String user, String method, String path, String body, String accept) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Basic " + credentials)
        .header("Content-Type", "application/json")
        .header("Accept", accept)
        .timeout(Duration.ofMinutes(2))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  /** The response, failing on any status but {@code expected}: a benchmark of refusals measures nothing. */
  String send(HttpRequest request, int expected) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a run of {@code count} requests from {@code threads} clients measured. */
  record Run(int requests, double seconds, Latencies latencies) {
    double perSecond() {
      return requests / seconds;
    }
  }

  /** Sends the requests {@code 0 .. count-1} that {@code requestNumber} makes, {@code expected} status each. */
  Run run(int count, int threads, int expected, IntFunction<HttpRequest> requestNumber) {
    AtomicInteger next = new AtomicInteger();
    ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    try {
      Future<?>[] clients = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        clients[t] = pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            long start = System.nanoTime();
            send(requestNumber.apply(i), expected);
            millis.add((System.nanoTime() - start) / 1e6);
          }
        });
      }
      for (Future<?> c : clients) {
        c.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("The load run failed", e);
    } finally {
      pool.shutdownNow();
    }
    return new Run(count, (System.nanoTime() - started) / 1e9, Latencies.of(millis));
  }
}
