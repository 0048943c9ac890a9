package ru.cur.appeals.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One node of a cluster at a time runs a named job: it takes the job's row in {@code job_lease} with one
 * compare-and-set update (free, or its holder's lease run out), and gives it back when done. A node that dies holding
 * it blocks the job only until the lease ends.
 */
@Component
class JobLease {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String node = System.getenv().getOrDefault("HOSTNAME", "node") + "-" + UUID.randomUUID().toString().substring(0, 8);

  JobLease(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  boolean acquire(String job, Duration lease) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return jdbc.sql("""
        update job_lease set held_by = :node, held_until = :until
        where name = :job and (held_until is null or held_until < :now)""")
        .param("node", node).param("until", now.plus(lease)).param("job", job).param("now", now)
        .update() == 1;
  }

  void release(String job) {
    jdbc.sql("update job_lease set held_until = null where name = :job and held_by = :node")
        .param("job", job).param("node", node).update();
  }
}
