package ru.cur.appeals.notification.delivery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.Channel;

/**
 * Which courier delivers a notice: the first way of the appeal's channel that reaches the resident and has a
 * courier able to deliver. A post or a platform message is answered where it was written (the publisher's
 * webhook), an e-mail being the fallback; an Open311 client's resident and an official (59-ФЗ) appeal's author
 * are written to by e-mail first, then by the client or a printed letter.
 */
@Component
class Couriers {

  private static final Map<Channel, List<Way>> WAYS = Map.of(
      Channel.SOCIAL, List.of(Way.WEBHOOK, Way.EMAIL),
      Channel.POS, List.of(Way.WEBHOOK, Way.EMAIL),
      Channel.OPEN311, List.of(Way.EMAIL, Way.WEBHOOK),
      Channel.OFFICIAL, List.of(Way.EMAIL, Way.POST),
      Channel.GOVERNOR, List.of(Way.EMAIL, Way.POST),
      Channel.MUNICIPAL, List.of(Way.EMAIL, Way.POST));

  private final Map<Way, Courier> couriers = new EnumMap<>(Way.class);
  private final boolean logWhenUnconfigured;

  Couriers(List<Courier> couriers, DeliverySettings settings) {
    for (Courier courier : couriers) {
      Courier other = this.couriers.put(courier.way(), courier);
      if (other != null) {
        throw new IllegalStateException("Two couriers for " + courier.way() + ": " + other + " and " + courier);
      }
    }
    this.logWhenUnconfigured = settings.logWhenUnconfigured();
  }

  /** The courier for the appeal's notices, or why none can deliver them. */
  record Choice(Optional<Courier> courier, String refusal) {}

  Choice choose(Appeal appeal) {
    List<String> refusals = new ArrayList<>();
    for (Way way : WAYS.get(appeal.channel())) {
      Courier courier = couriers.get(way);
      Optional<String> unconfigured = courier == null
          ? Optional.of("автоматическая отправка не подключена")
          : courier.unconfigured();
      if (!way.reaches(appeal)) {
        refusals.add(way.title() + ": " + way.unreachable());
      } else if (unconfigured.isEmpty()) {
        return new Choice(Optional.of(courier), null);
      } else if (logWhenUnconfigured && courier != null) {
        return new Choice(Optional.of(new LogCourier(way)), null);
      } else {
        refusals.add(way.title() + ": " + unconfigured.get());
      }
    }
    return new Choice(Optional.empty(), "Нет способа доставки. " + String.join("; ", refusals));
  }
}
