package ru.cur.appeals.system;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times as clerks and residents read them: in the region's zone, Russian style. */
@Component
public class RegionTime {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final Clock clock;

  RegionTime(Clock clock) {
    this.clock = clock;
  }

  /** «25.01.2027 18:00». */
  public String dateTime(OffsetDateTime time) {
    return time.atZoneSameInstant(clock.getZone()).format(DATE_TIME);
  }

  public String dateTime(Instant time) {
    return time.atZone(clock.getZone()).format(DATE_TIME);
  }

  /** «25.01.2027». */
  public String date(OffsetDateTime time) {
    return time.atZoneSameInstant(clock.getZone()).format(DATE);
  }
}
