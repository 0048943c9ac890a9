package ru.cur.appeals.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HistoryCleanupWindowTest {

  private static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");

  @Test
  void theRegionsNightIsTheUtcServersEvening() {
    assertThat(HistoryCleanupWindow.inZone(LocalTime.of(1, 0), NOVOSIBIRSK, ZoneId.of("UTC"))).isEqualTo("18:00");
    assertThat(HistoryCleanupWindow.inZone(LocalTime.of(5, 0), NOVOSIBIRSK, ZoneId.of("UTC"))).isEqualTo("22:00");
  }

  @Test
  void aServerInTheRegionsZoneKeepsTheWindowAsWritten() {
    assertThat(HistoryCleanupWindow.inZone(LocalTime.of(1, 0), NOVOSIBIRSK, NOVOSIBIRSK)).isEqualTo("01:00");
  }
}
