package ru.cur.appeals.notification.delivery;

import java.util.Optional;

/**
 * One way of delivering notices, the extension point of delivery: a Spring bean implementing it is used for its
 * {@link #way()} with no other change (printed letters, for one, are a {@link Way#POST} courier still to come).
 *
 * <p>{@link #deliver} runs outside any database transaction, may take seconds, and may be called again for the
 * same letter after a crash (same {@link Letter#idempotencyKey()}): a courier that can pass the key on, does.
 */
public interface Courier {

  Way way();

  /** What {@code delivered_via} records for a notice this courier delivered. */
  default String via() {
    return way().code();
  }

  /**
   * Why the courier cannot deliver anything now, e.g. settings it lacks, in the words staff read on the notice;
   * empty when it can.
   */
  default Optional<String> unconfigured() {
    return Optional.empty();
  }

  /**
   * Hands the letter over; returns once the receiving side accepted it.
   *
   * @throws DeliveryFailure when it did not; {@link DeliveryFailure#permanent()} when trying again cannot help
   */
  void deliver(Letter letter) throws DeliveryFailure;
}
