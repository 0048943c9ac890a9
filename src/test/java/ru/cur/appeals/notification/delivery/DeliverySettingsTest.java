package ru.cur.appeals.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

  @Test
  void aFailedNoticeWaitsAMinuteThenTwiceAsLongEachTimeButNeverMoreThanAnHour() {
    DeliverySettings settings = settings(Duration.ofMinutes(5));

    assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(settings.retryDelay(6)).isEqualTo(Duration.ofMinutes(32));
    assertThat(settings.retryDelay(7)).isEqualTo(Duration.ofHours(1));
    assertThat(settings.retryDelay(1_000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aClaimShorterThanOneDeliveryIsRefusedBecauseTwoNodesCouldSendTheSameNotice() {
    assertThatThrownBy(() -> settings(Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claim-lease");
  }

  static DeliverySettings settings(Duration claimLease) {
    return new DeliverySettings(50, 10, Duration.ofMinutes(1), Duration.ofHours(1), claimLease, "test-node", null,
        "Центр управления регионом", false, new DeliverySettings.Mail("ЦУР <noreply@example.ru>"),
        new DeliverySettings.Webhook(null, null, "X-Webhook-Secret", Duration.ofSeconds(5), Duration.ofSeconds(30)));
  }
}
