package ru.cur.appeals.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench/cluster.sh} in small: two nodes of the application jar on one PostgreSQL, started together, 60
 * appeals, node-a killed with {@code kill -9} in the middle and started again. Runs the jar that {@code package}
 * built (failsafe runs after it); about three minutes on a busy two-core machine.
 */
class ClusterIT {

  @TempDir
  Path dir;

  @Test
  void aNodeKilledMidLoadLosesNothingAndTheOtherSendsNothingTwice() throws Exception {
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new TeeStream(report), true, StandardCharsets.UTF_8);

    boolean clean = new ClusterRun(out).run(new ClusterRun.Options(applicationJar(), 60, 6, 4, freePorts(2),
        dir.resolve("run")));

    assertThat(report.toString(StandardCharsets.UTF_8))
        .contains("kill -9        node-a")
        .contains("restarted      node-a")
        .contains("0 lost, 0 duplicated");
    assertThat(clean).as("nothing left undone").isTrue();
  }

  private static Path applicationJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("appeal-engine-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("No application jar: run ./mvnw package first"));
    }
  }

  /**
   * Free ports below Linux's ephemeral range (32768 and up): the embedded PostgreSQL, the publisher and every
   * outgoing connection take theirs from that range, so none of them can take a node's port before it listens.
   */
  private static List<Integer> freePorts(int count) {
    List<Integer> ports = new ArrayList<>();
    for (int port = 20_000 + new Random().nextInt(10_000); ports.size() < count && port < 32_768; port++) {
      try (ServerSocket socket = new ServerSocket(port)) {
        ports.add(socket.getLocalPort());
      } catch (IOException taken) {
        // Someone listens there: the next one.
      }
    }
    if (ports.size() < count) {
      throw new IllegalStateException("No " + count + " free ports between 20000 and 32767");
    }
    return ports;
  }

  /** The report both in the test's output and for the assertions. */
  private static final class TeeStream extends OutputStream {

    private final ByteArrayOutputStream copy;

    TeeStream(ByteArrayOutputStream copy) {
      this.copy = copy;
    }

    @Override
    public void write(int b) {
      copy.write(b);
      System.out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      copy.write(bytes, offset, length);
      System.out.write(bytes, offset, length);
    }
  }
}
