package ru.cur.appeals.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How {@code appeals.regulation.*} reads from the configuration. */
class RegulationSettingsTest {

  @Test
  void officeHoursDefaultToNineToSixWithABreakAtOneAndDayOffDeadlinesMove() {
    RegulationSettings settings = bind(Map.of());

    assertThat(settings.workingDay()).isEqualTo(Regulation.OFFICE_HOURS);
    assertThat(settings.workingDay().shortEnd()).isEqualTo(LocalTime.of(17, 0));
    assertThat(settings.moveDayOffDeadlines()).isTrue();
  }

  @Test
  void regionSetsItsOwnOfficeHours() {
    RegulationSettings settings = bind(Map.of(
        "appeals.regulation.working-day.start", "08:30",
        "appeals.regulation.working-day.end", "17:30",
        "appeals.regulation.working-day.break-start", "12:30",
        "appeals.regulation.working-day.break-end", "13:15",
        "appeals.regulation.move-day-off-deadlines", "false"));

    assertThat(settings.workingDay()).isEqualTo(new RegulationSettings.WorkingDay(
        LocalTime.of(8, 30), LocalTime.of(17, 30), LocalTime.of(12, 30), LocalTime.of(13, 15)));
    assertThat(settings.moveDayOffDeadlines()).isFalse();
  }

  @Test
  void breakAfterTheShortDayClosesIsRefused() {
    assertThatThrownBy(() -> bind(Map.of(
        "appeals.regulation.working-day.break-start", "16:30",
        "appeals.regulation.working-day.break-end", "17:30")))
        .isInstanceOf(BindException.class)
        .hasRootCauseMessage("appeals.regulation.working-day needs start < break-start <= break-end < end - 1h "
            + "(a pre-holiday day still has an afternoon), got 09:00–16:30 and 17:30–18:00");
  }

  private static RegulationSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("appeals.regulation", RegulationSettings.class);
  }
}
