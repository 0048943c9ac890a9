package ru.cur.appeals.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node of the cluster: {@code java -jar} of the application as a child process with the same settings as
 * every other node but its port, killed with SIGKILL and started again on demand.
 */
final class AppNode {

  private final String name;
  private final int port;
  private final Path jar;
  private final Path log;
  private final Map<String, String> environment;
  private final List<String> arguments;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  AppNode(String name, int port, Path jar, Path log, Map<String, String> environment, List<String> arguments) {
    this.name = name;
    this.port = port;
    this.jar = jar;
    this.log = log;
    this.environment = environment;
    this.arguments = arguments;
  }

  String name() {
    return name;
  }

  URI base() {
    return URI.create("http://localhost:" + port);
  }

  void start() throws IOException {
    // The JDK running the harness runs the nodes too, whatever "java" on the path is.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString(),
        "--server.port=" + port, "--appeals.delivery.node=" + name));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
  }

  /** Ready when its readiness probe says so; a node that exits meanwhile fails the run. */
  void awaitReady(Duration timeout) throws InterruptedException {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log
            + ", which ends:\n" + tail(40));
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base().resolve("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log
        + ", which ends:\n" + tail(40));
  }

  /** The last lines of the node's log: on a machine whose files are gone after the run, why it failed. */
  private String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** {@code kill -9}: no shutdown hook, no graceful stop, transactions cut where they are. */
  long kill() throws IOException, InterruptedException {
    long pid = process.pid();
    new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
    process.waitFor();
    return pid;
  }

  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }
}
