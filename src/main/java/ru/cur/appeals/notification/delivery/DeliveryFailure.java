package ru.cur.appeals.notification.delivery;

/** A courier could not hand a letter over; the message is what staff read as the notice's last error. */
public class DeliveryFailure extends Exception {

  private final boolean permanent;

  private DeliveryFailure(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  /** Worth another attempt later: a server down, a timeout, a rate limit. */
  public static DeliveryFailure temporary(String message, Throwable cause) {
    return new DeliveryFailure(message, false, cause);
  }

  /** Another attempt would be refused the same way: a malformed address, a letter the receiver rejects. */
  public static DeliveryFailure permanent(String message, Throwable cause) {
    return new DeliveryFailure(message, true, cause);
  }

  public boolean permanent() {
    return permanent;
  }
}
