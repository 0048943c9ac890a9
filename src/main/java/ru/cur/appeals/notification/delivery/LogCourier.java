package ru.cur.appeals.notification.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's stand-in for a courier that lacks its settings ({@code appeals.delivery.log-when-unconfigured}): the
 * letter goes to the application's log, where whoever tries the demo reads what the resident would get, and the
 * notice counts as sent by {@code log}.
 */
final class LogCourier implements Courier {

  private static final Logger log = LoggerFactory.getLogger(LogCourier.class);

  private final Way way;

  LogCourier(Way way) {
    this.way = way;
  }

  @Override
  public Way way() {
    return way;
  }

  @Override
  public String via() {
    return "log";
  }

  @Override
  public void deliver(Letter letter) {
    log.info("""
        Демо: уведомление {} по обращению {} не отправлено, а записано сюда ({}: {}).
        Тема: {}

        {}""", letter.kind(), letter.registrationNumber(), way.title(),
        way == Way.EMAIL ? letter.email() : letter.sourceUrl(), letter.subject(), letter.text());
  }
}
