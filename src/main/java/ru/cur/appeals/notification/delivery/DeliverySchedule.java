package ru.cur.appeals.notification.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs delivery every {@code appeals.delivery.fixed-delay} after the previous round ended, on every node. Off with
 * {@code appeals.delivery.schedule.enabled=false}: the integration tests deliver when a scenario says so.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "appeals.delivery.schedule.enabled", matchIfMissing = true)
class DeliverySchedule {

  private static final Logger log = LoggerFactory.getLogger(DeliverySchedule.class);

  /** A backlog (after an outage) drains in full batches back to back, yet a round still ends. */
  private static final int MAX_BATCHES_PER_ROUND = 20;

  private final NoticeSender sender;
  private final int batchSize;

  DeliverySchedule(NoticeSender sender, DeliverySettings settings) {
    this.sender = sender;
    this.batchSize = settings.batchSize();
  }

  @Scheduled(fixedDelayString = "${appeals.delivery.fixed-delay:PT30S}",
      initialDelayString = "${appeals.delivery.fixed-delay:PT30S}")
  void deliverDue() {
    try {
      // A full batch means more may be due: go on now rather than after the delay.
      for (int i = 0; i < MAX_BATCHES_PER_ROUND && sender.deliverDue() == batchSize; i++) {
        log.debug("A full batch of notices delivered; the next one follows at once");
      }
    } catch (RuntimeException e) {
      log.error("Delivery of notices failed this round; the next round tries again", e);
    }
  }
}
