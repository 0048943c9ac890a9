package ru.cur.appeals.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices are delivered ({@code appeals.delivery.*}); README, "Delivery of notices", has the table.
 *
 * @param batchSize how many due notices one round claims at most
 * @param maxAttempts attempts at one notice before it is FAILED
 * @param firstRetry the wait after the first failed attempt; it doubles with every further failure ...
 * @param longestRetry ... up to this
 * @param claimLease how long a node holds a claimed notice; past it another node takes the notice over, so it must
 *     be longer than any single delivery can take (the couriers' timeouts)
 * @param node this node's name in {@code claimed_by}; by default the host's name and a random suffix
 * @param templatesDir a folder whose templates replace the built-in ones of the same name; none when blank
 * @param centerName who signs the notices
 * @param logWhenUnconfigured the demo's stand-in: a way whose courier lacks its settings (no SMTP server, no
 *     publisher's address) writes the letter to the log instead, and the notice counts as sent by {@code log}
 */
@ConfigurationProperties("appeals.delivery")
public record DeliverySettings(
    @DefaultValue("50") int batchSize,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("PT1M") Duration firstRetry,
    @DefaultValue("PT1H") Duration longestRetry,
    @DefaultValue("PT5M") Duration claimLease,
    String node,
    String templatesDir,
    @DefaultValue("Центр управления регионом") String centerName,
    @DefaultValue("false") boolean logWhenUnconfigured,
    @DefaultValue Mail mail,
    @DefaultValue Webhook webhook) {

  public DeliverySettings {
    if (batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("appeals.delivery.batch-size and max-attempts must be at least 1");
    }
    if (firstRetry.isNegative() || longestRetry.compareTo(firstRetry) < 0) {
      throw new IllegalArgumentException("appeals.delivery: need 0 <= first-retry <= longest-retry, got "
          + firstRetry + " and " + longestRetry);
    }
    // SMTP's timeouts (spring.mail.properties) add up to less than a minute.
    Duration longestDelivery = webhook.connectTimeout().plus(webhook.timeout()).plus(Duration.ofMinutes(1));
    if (claimLease.compareTo(longestDelivery) <= 0) {
      throw new IllegalArgumentException("appeals.delivery.claim-lease (" + claimLease + ") must outlast one "
          + "delivery (" + longestDelivery + " with the couriers' timeouts), or two nodes may send the same notice");
    }
  }

  /**
   * The wait after the given number of failed attempts: {@code firstRetry} after one, doubling after each further
   * one, never longer than {@code longestRetry}. A publisher that is down for a while is not hammered, and a short
   * hiccup costs a minute, not an hour.
   */
  public Duration retryDelay(int failedAttempts) {
    Duration delay = firstRetry;
    for (int i = 1; i < failedAttempts && delay.compareTo(longestRetry) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(longestRetry) > 0 ? longestRetry : delay;
  }

  /**
   * The e-mail courier; the SMTP server itself is Spring Boot's {@code spring.mail.*}.
   *
   * @param from the sender residents see, e.g. {@code ЦУР <noreply@cur.example.ru>}
   */
  public record Mail(String from) {}

  /**
   * The publisher's webhook: replies to posts, platform messages and Open311 requests.
   *
   * @param url where notices are POSTed; none when blank
   * @param secret sent in {@code secretHeader} so that the publisher knows the caller; none when blank
   */
  public record Webhook(
      String url,
      String secret,
      @DefaultValue("X-Webhook-Secret") String secretHeader,
      @DefaultValue("PT5S") Duration connectTimeout,
      @DefaultValue("PT30S") Duration timeout) {

    boolean configured() {
      return url != null && !url.isBlank();
    }
  }
}
