package ru.cur.appeals.cluster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import ru.cur.appeals.ProductionPostgres;

/**
 * Issue 9's cluster run ({@code bench/cluster.sh}): two nodes of the application jar on one PostgreSQL, started
 * together on the empty database; appeals submitted to both and moderated; one node killed with {@code kill -9} in
 * the middle of the load and started again; then, once nothing is left to do, the reconciliation. Exits 1 unless it
 * ends with "0 lost, 0 duplicated".
 *
 * <p>System properties: {@code cluster.jar}, {@code cluster.appeals} (450), {@code cluster.rate} (appeals per
 * second, 8), {@code cluster.concurrency} (8), {@code cluster.ports} ("8095,8096"), {@code cluster.dir}.
 */
public final class ClusterRun {

  /** The run's size and where it runs; the ports are the two nodes'. */
  record Options(Path jar, int appeals, int rate, int concurrency, List<Integer> ports, Path dir) {}

  private final PrintStream out;

  ClusterRun(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    // The embedded PostgreSQL's own log would drown the figures.
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    List<Integer> ports = List.of(System.getProperty("cluster.ports", "8095,8096").split(",")).stream()
        .map(String::trim).map(Integer::valueOf).toList();
    String run = "c" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
    Options options = new Options(Path.of(System.getProperty("cluster.jar")),
        Integer.getInteger("cluster.appeals", 450), Integer.getInteger("cluster.rate", 8),
        Integer.getInteger("cluster.concurrency", 8), ports,
        Path.of(System.getProperty("cluster.dir", "target/cluster/" + run)));
    boolean clean = new ClusterRun(new PrintStream(System.out, true, StandardCharsets.UTF_8)).run(options);
    System.exit(clean ? 0 : 1);
  }

  /** The whole run; true when it ends with "0 lost, 0 duplicated" and nothing left undone. */
  boolean run(Options options) throws Exception {
    Files.createDirectories(options.dir());
    String run = options.dir().getFileName().toString();
    try (EmbeddedPostgres postgres = ProductionPostgres.builder().start();
        PublisherStub publisher = new PublisherStub()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      out.println("PostgreSQL     " + url);
      out.println("publisher      " + publisher.url());
      Map<String, String> environment = Map.of(
          "APPEALS_DB_URL", url, "APPEALS_DB_USER", "postgres", "APPEALS_DB_PASSWORD", "postgres",
          "APPEALS_WEBHOOK_URL", publisher.url(), "APPEALS_DATA_DIR", options.dir().resolve("data").toString());
      // Shorter than production's 5 minutes, so that what the killed node held is taken over within the run; the
      // claim of a notice must still outlast one delivery with the couriers' timeouts (DeliverySettings).
      List<String> settings = List.of("--appeals.delivery.fixed-delay=PT2S", "--appeals.delivery.claim-lease=PT2M",
          "--camunda.bpm.job-execution.lock-time-in-millis=20000", "--camunda.bpm.job-execution.max-wait=5000");
      List<AppNode> nodes = List.of(
          new AppNode("node-a", options.ports().get(0), options.jar(), options.dir().resolve("node-a.log"),
              environment, settings),
          new AppNode("node-b", options.ports().get(1), options.jar(), options.dir().resolve("node-b.log"),
              environment, settings));
      try {
        Instant started = Instant.now();
        for (AppNode node : nodes) {
          node.start();
        }
        for (AppNode node : nodes) {
          node.awaitReady(Duration.ofMinutes(6));
        }
        out.printf("both nodes     ready %d s after starting together on the empty database; logs in %s%n",
            Duration.between(started, Instant.now()).toSeconds(), options.dir());
        return drive(nodes, run, publisher, postgres, options);
      } finally {
        for (AppNode node : nodes) {
          node.stop();
        }
      }
    }
  }

  /** What the nodes held at the moment of the kill: the killed node's share is taken over after its locks run out. */
  private static String inFlight(DataSource database, String node) throws SQLException {
    try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
        ResultSet held = sql.executeQuery("""
            select (select count(*) from act_ru_job where lock_exp_time_ > now()),
              (select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= now())""")) {
      held.next();
      return "%d jobs locked (both nodes), %d timers due, %d notices being sent by %s".formatted(held.getLong(1),
          held.getLong(2), sending(database, node), node);
    }
  }

  private static long sending(DataSource database, String node) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement sql = connection.prepareStatement(
            "select count(*) from notification_outbox where status = 'SENDING' and claimed_by = ?")) {
      sql.setString(1, node);
      try (ResultSet count = sql.executeQuery()) {
        count.next();
        return count.getLong(1);
      }
    }
  }

  private boolean drive(List<AppNode> nodes, String run, PublisherStub publisher, EmbeddedPostgres postgres,
      Options options) throws Exception {
    int appeals = options.appeals();
    int rate = options.rate();
    int concurrency = options.concurrency();
    AppNode victim = nodes.get(0);
    LoadDriver load = new LoadDriver(nodes, run);
    load.phase("1 both nodes");
    Thread channels = new Thread(() -> {
      try {
        load.submit(appeals, rate, concurrency);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "channels");
    channels.start();
    while (load.acknowledgedCount() < appeals / 3 && channels.isAlive()) {
      Thread.sleep(100);
    }
    // Mid-processing: when node-a holds a notice it is sending, if that comes within ten seconds.
    Instant latest = Instant.now().plusSeconds(10);
    while (sending(postgres.getPostgresDatabase(), victim.name()) == 0 && Instant.now().isBefore(latest)) {
      Thread.sleep(20);
    }
    load.phase("2 node-a killed");
    long pid = victim.kill();
    out.printf("kill -9        %s (pid %d) after %d appeals acknowledged, load running%n",
        victim.name(), pid, load.acknowledgedCount());
    out.printf("               in flight then: %s%n", inFlight(postgres.getPostgresDatabase(), victim.name()));
    Instant killed = Instant.now();
    victim.start();
    victim.awaitReady(Duration.ofMinutes(6));
    load.phase("3 node-a rejoined");
    out.printf("restarted      %s ready again %d s after the kill%n", victim.name(),
        Duration.between(killed, Instant.now()).toSeconds());
    channels.join();
    // However fast the first batch went, the restarted node takes its share of load after rejoining.
    load.submit(Math.max(appeals / 6, 10), rate, concurrency);
    int continued = load.moderateEarlier("3", concurrency);
    out.printf("continued      %d appeals acknowledged before node-a rejoined, moderated on both nodes now%n",
        continued);

    out.println();
    out.println("Acknowledged appeals by phase and node");
    Map<String, Map<String, Long>> byPhase = load.acks().values().stream().collect(Collectors.groupingBy(
        LoadDriver.Ack::phase, TreeMap::new, Collectors.groupingBy(LoadDriver.Ack::node, TreeMap::new,
            Collectors.counting())));
    byPhase.forEach((phase, byNode) -> out.printf("  %-20s %s%n", phase, byNode));

    Reconciliation reconciliation = new Reconciliation(postgres.getPostgresDatabase(), load, publisher);
    Instant waitingSince = Instant.now();
    int quietRounds = 0;
    while (quietRounds < 3 && Duration.between(waitingSince, Instant.now()).toMinutes() < 8) {
      quietRounds = reconciliation.quiet() ? quietRounds + 1 : 0;
      Thread.sleep(2000);
    }
    out.printf("quiescent      after %d s (no due timer, no due or held notice)%n",
        Duration.between(waitingSince, Instant.now()).toSeconds());
    out.println();
    return reconciliation.print(out);
  }
}
