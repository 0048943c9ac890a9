package ru.cur.appeals.notification.delivery;

import ru.cur.appeals.appeal.Appeal;

/**
 * A way a notice reaches a resident. Which ways an appeal's channel tries, in which order, is {@link Couriers}'
 * business; whether the resident can be reached that way at all is the appeal's.
 */
public enum Way {
  /** A letter to the e-mail address the resident left. */
  EMAIL("email", "электронная почта", "заявитель не оставил адреса"),
  /** The publisher of the channel: a reply under the post, on the platform or to the Open311 client. */
  WEBHOOK("webhook", "ответ в канале", "нет ни ссылки на сообщение, ни его номера в канале"),
  /** A printed letter to the postal address. */
  POST("post", "печатное письмо", "заявитель не оставил почтового адреса");

  private final String code;
  private final String title;
  private final String unreachable;

  Way(String code, String title, String unreachable) {
    this.code = code;
    this.title = title;
    this.unreachable = unreachable;
  }

  /** How templates ({@code <kind>.<code>.txt}) and {@code delivered_via} name the way. */
  public String code() {
    return code;
  }

  /** The way in the words staff read on a notice. */
  String title() {
    return title;
  }

  /** Why the resident cannot be reached this way, in the words staff read on the notice. */
  String unreachable() {
    return unreachable;
  }

  public boolean reaches(Appeal appeal) {
    return switch (this) {
      case EMAIL -> present(appeal.author().email());
      case WEBHOOK -> present(appeal.sourceUrl()) || present(appeal.externalId());
      case POST -> present(appeal.author().postalAddress());
    };
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
