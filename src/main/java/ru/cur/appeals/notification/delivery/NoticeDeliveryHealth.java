package ru.cur.appeals.notification.delivery;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@value #DEGRADED} while a notice has FAILED: a resident was not told something they are owed and staff have to
 * act ({@code GET /api/notices?status=FAILED}). The application still works, so the status ranks below DOWN, answers
 * 200 and leaves the liveness and readiness probes alone (see {@code management.endpoint.health.status} in
 * {@code application.yaml}). Undeliverable notices are counted, not alarming: printed letters are ordinary work.
 */
@Component("noticeDelivery")
class NoticeDeliveryHealth implements HealthIndicator {

  static final String DEGRADED = "DEGRADED";

  private final NoticeRecords notices;

  NoticeDeliveryHealth(NoticeRecords notices) {
    this.notices = notices;
  }

  @Override
  public Health health() {
    Map<NoticeStatus, Long> counts = notices.countUnsent();
    return Health.status(counts.get(NoticeStatus.FAILED) > 0 ? new Status(DEGRADED) : Status.UP)
        .withDetail("failed", counts.get(NoticeStatus.FAILED))
        .withDetail("undeliverable", counts.get(NoticeStatus.UNDELIVERABLE))
        .withDetail("pending", counts.get(NoticeStatus.PENDING))
        .withDetail("sending", counts.get(NoticeStatus.SENDING))
        .build();
  }
}
