package ru.cur.appeals.notification.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealRepository;

/**
 * Delivers the notices owed to residents, each once: claims the due ones ({@link NoticeQueue}), hands each to the
 * courier of its way ({@link Couriers}) with no transaction open, then marks it sent, to be retried after a backoff,
 * failed, or undeliverable with the reason. Any number of nodes may run it at once.
 *
 * <p><b>What "once" means.</b> A notice is claimed by one node at a time and marked only by that claim, so two nodes
 * never send it side by side, and a sent notice is never taken again. What no database can make atomic is the
 * other side's acceptance together with the mark: when a node dies (or loses the database) after the SMTP server
 * or the publisher accepted the letter and before the mark commits, the claim runs out and the notice is sent again.
 * The publisher gets the same {@code Idempotency-Key} both times and publishes once; an e-mail goes twice, with the
 * same {@code Message-ID}. Nothing is ever dropped silently: a notice ends SENT, FAILED or UNDELIVERABLE, the last
 * two with the reason, listed on {@code /api/notices} and counted on {@code /actuator/health}.
 *
 * <p>Failures stay in the application's own table rather than becoming Camunda incidents: the process owed the
 * notice and moved on in its transaction; delivery happens after it, outside the engine, with its own retry
 * schedule and its own view for staff.
 */
@Component
public class NoticeSender {

  private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

  private final NoticeQueue queue;
  private final Couriers couriers;
  private final Letters letters;
  private final AppealRepository appeals;
  private final String node;

  @Autowired
  NoticeSender(NoticeQueue queue, Couriers couriers, Letters letters, AppealRepository appeals,
      DeliverySettings settings) {
    this(queue, couriers, letters, appeals, settings.node() == null || settings.node().isBlank()
        ? defaultNodeName() : settings.node());
  }

  NoticeSender(NoticeQueue queue, Couriers couriers, Letters letters, AppealRepository appeals, String node) {
    this.queue = queue;
    this.couriers = couriers;
    this.letters = letters;
    this.appeals = appeals;
    this.node = node;
  }

  /**
   * One round: takes up to a batch of due notices and delivers each that this node wins, one by one.
   *
   * @return how many notices this node attempted; the scheduler simply runs again later, a test until it is 0
   */
  public int deliverDue() {
    int attempted = 0;
    for (long id : queue.due()) {
      Optional<ClaimedNotice> claimed = queue.claim(id, node);
      if (claimed.isEmpty()) {
        continue;
      }
      attempted++;
      try {
        deliver(claimed.get());
      } catch (RuntimeException e) {
        // The database went away mid-round: the notice keeps its claim until it runs out, then goes again.
        log.error("Notice {}: attempt {} interrupted", id, claimed.get().attempt(), e);
      }
    }
    return attempted;
  }

  private void deliver(ClaimedNotice notice) {
    Appeal appeal = appeals.getByNumber(notice.registrationNumber());
    Couriers.Choice choice = couriers.choose(appeal);
    if (choice.courier().isEmpty()) {
      log.info("Notice {} ({} of {}) is undeliverable: {}", notice.id(), notice.kind(), notice.registrationNumber(),
          choice.refusal());
      record(notice, queue.undeliverable(notice, choice.refusal()));
      return;
    }
    Courier courier = choice.courier().get();
    try {
      courier.deliver(letters.compose(notice, appeal, courier.way()));
    } catch (DeliveryFailure failure) {
      failed(notice, failure);
      return;
    } catch (RuntimeException e) {
      // A template an operator broke, a malformed setting: the same retries and the reason on the notice.
      failed(notice, DeliveryFailure.temporary(e.getMessage(), e));
      return;
    }
    log.debug("Notice {} ({} of {}) delivered by {}", notice.id(), notice.kind(), notice.registrationNumber(),
        courier.via());
    record(notice, queue.sent(notice, courier.via()));
  }

  private void failed(ClaimedNotice notice, DeliveryFailure failure) {
    if (queue.isFinal(notice, failure)) {
      log.error("Notice {} ({} of {}) FAILED at attempt {}, staff must act (GET /api/notices?status=FAILED): {}",
          notice.id(), notice.kind(), notice.registrationNumber(), notice.attempt(), failure.getMessage());
    } else {
      log.warn("Notice {} ({} of {}), attempt {} failed, it goes again later: {}", notice.id(), notice.kind(),
          notice.registrationNumber(), notice.attempt(), failure.getMessage());
    }
    record(notice, queue.failed(notice, failure));
  }

  private void record(ClaimedNotice notice, boolean recorded) {
    if (!recorded) {
      // The claim ran out during the attempt and another node took the notice over: its outcome stands.
      log.warn("Notice {}: the claim of attempt {} by {} ran out before its outcome was recorded", notice.id(),
          notice.attempt(), node);
    }
  }

  private static String defaultNodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "node";
    }
    // Two application instances may share a host name (containers): the suffix tells them apart.
    String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    return name.length() <= 100 ? name : name.substring(name.length() - 100);
  }
}
