package ru.cur.appeals.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** GeoReport v2's filters of GET requests and their defaults. */
class RequestQueryTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T12:00:00+07:00");

  private static RequestQuery query(String ids, String codes, String start, String end, String status) {
    return RequestQuery.of(ids, codes, start, end, status, NOW);
  }

  @Test
  void withoutDatesTheLastNinetyDays() {
    RequestQuery query = query(null, null, null, null, null);

    assertThat(query.from()).isEqualTo(NOW.minusDays(90));
    assertThat(query.to()).isEqualTo(NOW);
    assertThat(query.closed()).isNull();
    assertThat(query.ids()).isEmpty();
    assertThat(query.serviceCodes()).isEmpty();
  }

  @Test
  void oneDateGivesNinetyDaysFromOrBeforeIt() {
    assertThat(query(null, null, "2026-06-01T00:00:00Z", null, null).to())
        .isEqualTo(OffsetDateTime.parse("2026-08-30T00:00:00Z"));
    assertThat(query(null, null, null, "2026-06-01T00:00:00Z", null).from())
        .isEqualTo(OffsetDateTime.parse("2026-03-03T00:00:00Z"));
  }

  @Test
  void aRangeIsAtMostNinetyDaysAndStartsBeforeItEnds() {
    assertThat(query(null, null, "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z", null).to())
        .isEqualTo(OffsetDateTime.parse("2026-04-01T00:00:00Z"));
    assertThatThrownBy(() -> query(null, null, "2026-01-01T00:00:00Z", "2026-04-02T00:00:00Z", null))
        .isInstanceOf(Open311Exception.class).hasMessageContaining("at most 90 days");
    assertThatThrownBy(() -> query(null, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null))
        .isInstanceOf(Open311Exception.class).hasMessageContaining("after end_date");
  }

  @Test
  void datesAreW3cDateTimesWithTheirZoneAndAnUnencodedPlusIsForgiven() {
    assertThat(query(null, null, "2026-11-01T00:00:00 07:00", null, null).from())
        .isEqualTo(OffsetDateTime.parse("2026-11-01T00:00:00+07:00"));
    assertThatThrownBy(() -> query(null, null, "2026-11-01", null, null))
        .isInstanceOf(Open311Exception.class).hasMessageContaining("start_date").hasMessageContaining("W3C");
  }

  @Test
  void statusIsOpenClosedOrBoth() {
    assertThat(query(null, null, null, null, "open").closed()).isFalse();
    assertThat(query(null, null, null, null, "closed").closed()).isTrue();
    assertThat(query(null, null, null, null, "open,closed").closed()).isNull();
    assertThatThrownBy(() -> query(null, null, null, null, "pending"))
        .isInstanceOf(Open311Exception.class).hasMessageContaining("open or closed");
  }

  @Test
  void idsAndServiceCodesAreCommaLists() {
    RequestQuery query = query("ЦУР-2026-000001, ЦУР-2026-000002,", "roads.potholes,roads.snow", null, null, null);

    assertThat(query.ids()).containsExactly("ЦУР-2026-000001", "ЦУР-2026-000002");
    assertThat(query.serviceCodes()).containsExactly("roads.potholes", "roads.snow");
  }
}
