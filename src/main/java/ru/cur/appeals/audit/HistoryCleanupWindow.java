package ru.cur.appeals.audit;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history cleanup runs in the region's night ({@code appeals.retention.history-window-start} and
 * {@code -end}, the region's time). Camunda reads its batch window in the JVM's zone, which on a server is usually
 * UTC — seven hours off Novosibirsk, which would put the cleanup in the middle of the clerks' morning — so the
 * window is turned into the JVM's time here.
 */
@Component
class HistoryCleanupWindow extends AbstractProcessEnginePlugin {

  private static final DateTimeFormatter HOURS_AND_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

  private final ZoneId region;
  private final RetentionSettings settings;

  HistoryCleanupWindow(@Value("${appeals.time-zone}") ZoneId region, RetentionSettings settings) {
    this.region = region;
    this.settings = settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryCleanupBatchWindowStartTime(inZone(settings.historyWindowStart(), region, ZoneId.systemDefault()));
    configuration.setHistoryCleanupBatchWindowEndTime(inZone(settings.historyWindowEnd(), region, ZoneId.systemDefault()));
  }

  /** The time of day {@code time} of zone {@code from} is in zone {@code to}, as Camunda writes it. */
  static String inZone(LocalTime time, ZoneId from, ZoneId to) {
    return LocalDate.now(from).atTime(time).atZone(from).withZoneSameInstant(to).toLocalTime().format(HOURS_AND_MINUTES);
  }
}
