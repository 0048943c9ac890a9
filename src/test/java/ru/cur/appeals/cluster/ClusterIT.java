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

  private static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
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
