package ru.cur.appeals.audit;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the application keeps a closed appeal's rows ({@code appeals.retention}): the same term as the engine's
 * history ({@code historyTimeToLive} of every model), so that an audit record is never half gone.
 *
 * @param term how long after its close an appeal is kept
 * @param cron when the nightly removal runs, in the region's time (inside the engine's history cleanup window)
 * @param lease how long one node holds the job; another node takes over only after it, should that node die
 * @param batchSize appeals removed per transaction
 * @param historyWindowStart when the engine's history cleanup may start, in the region's time
 * @param historyWindowEnd when it must stop, in the region's time
 */
@ConfigurationProperties("appeals.retention")
public record RetentionSettings(
    @DefaultValue("P1825D") Duration term,
    @DefaultValue("0 30 2 * * *") String cron,
    @DefaultValue("PT1H") Duration lease,
    @DefaultValue("500") int batchSize,
    @DefaultValue("01:00") LocalTime historyWindowStart,
    @DefaultValue("05:00") LocalTime historyWindowEnd) {

  public RetentionSettings {
    if (term.isNegative() || term.isZero() || batchSize < 1) {
      throw new IllegalArgumentException("appeals.retention: the term must be positive and batch-size at least 1");
    }
  }
}
