package ru.cur.appeals.notification.delivery;

/** Where a notice owed to a resident stands (column {@code notification_outbox.status}). */
public enum NoticeStatus {
  /** Owed and due at its next attempt time. */
  PENDING,
  /** Claimed by one node, which is sending it now; another node may take it over once the claim runs out. */
  SENDING,
  /** Accepted by the way it went ({@code delivered_via}). */
  SENT,
  /** Not delivered after every attempt, or refused for good; the last error says why. Staff may send it again. */
  FAILED,
  /** No way reaches the resident (no e-mail, a printed letter); the last error says why. Nothing retries it. */
  UNDELIVERABLE
}
