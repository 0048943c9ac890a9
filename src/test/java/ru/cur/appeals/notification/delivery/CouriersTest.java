package ru.cur.appeals.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealStatus;
import ru.cur.appeals.appeal.Channel;

class CouriersTest {

  private final Courier mail = new Stub(Way.EMAIL, null);
  private final Courier publisher = new Stub(Way.WEBHOOK, null);
  private final Courier publisherWithoutUrl = new Stub(Way.WEBHOOK, "не задан адрес вебхука издателя");

  @Test
  void aPostIsAnsweredInTheSocialNetworkThroughThePublisher() {
    assertThat(choose(List.of(mail, publisher), false, appeal(Channel.SOCIAL, "kim@example.ru", null)).courier())
        .contains(publisher);
  }

  @Test
  void aPostGetsAnEmailWhenThereIsNoPublisherAndTheResidentLeftAnAddress() {
    assertThat(choose(List.of(mail, publisherWithoutUrl), false, appeal(Channel.SOCIAL, "kim@example.ru", null))
        .courier()).contains(mail);
  }

  @Test
  void anOpen311RequestWithoutAnEmailIsAnsweredThroughItsClient() {
    assertThat(choose(List.of(mail, publisher), false, appeal(Channel.OPEN311, "kim@example.ru", null)).courier())
        .contains(mail);
    assertThat(choose(List.of(mail, publisher), false, appeal(Channel.OPEN311, null, null)).courier())
        .contains(publisher);
  }

  @Test
  void anOfficialLetterWithoutAnEmailIsUndeliverableUntilPrintedLettersComeWithTheReasonForStaff() {
    Couriers.Choice choice = choose(List.of(mail, publisher), false,
        appeal(Channel.OFFICIAL, null, "633010, Бердск, ул. Морская, 5, кв. 7"));

    assertThat(choice.courier()).isEmpty();
    assertThat(choice.refusal()).isEqualTo("Нет способа доставки. электронная почта: заявитель не оставил адреса; "
        + "печатное письмо: автоматическая отправка не подключена");
  }

  @Test
  void aPrintedLettersCourierIsUsedAsSoonAsItExists() {
    Courier post = new Stub(Way.POST, null);

    assertThat(choose(List.of(mail, post), false, appeal(Channel.GOVERNOR, null, "633010, Бердск")).courier())
        .contains(post);
  }

  @Test
  void theDemoWritesToTheLogWhatAnUnconfiguredCourierWouldSendButNoPrintedLetters() {
    Courier mailWithoutServer = new Stub(Way.EMAIL, "не настроен SMTP-сервер");

    assertThat(choose(List.of(mailWithoutServer, publisherWithoutUrl), true,
        appeal(Channel.SOCIAL, null, null)).courier()).get().isInstanceOf(LogCourier.class)
        .extracting(Courier::way).isEqualTo(Way.WEBHOOK);
    assertThat(choose(List.of(mailWithoutServer), true, appeal(Channel.MUNICIPAL, "kim@example.ru", null)).courier())
        .get().extracting(Courier::via).isEqualTo("log");
    assertThat(choose(List.of(mailWithoutServer), true, appeal(Channel.MUNICIPAL, null, "633010, Бердск")).courier())
        .isEmpty();
  }

  @Test
  void withoutTheDemoStandInAnUnconfiguredCourierIsAReasonNotASilentDrop() {
    Couriers.Choice choice = choose(List.of(new Stub(Way.EMAIL, "не настроен SMTP-сервер (APPEALS_SMTP_HOST)")),
        false, appeal(Channel.OFFICIAL, "kim@example.ru", null));

    assertThat(choice.courier()).isEmpty();
    assertThat(choice.refusal()).contains("электронная почта: не настроен SMTP-сервер (APPEALS_SMTP_HOST)")
        .contains("печатное письмо: заявитель не оставил почтового адреса");
  }

  private static Couriers.Choice choose(List<Courier> couriers, boolean demo, Appeal appeal) {
    DeliverySettings base = DeliverySettingsTest.settings(Duration.ofMinutes(5));
    DeliverySettings settings = new DeliverySettings(base.batchSize(), base.maxAttempts(), base.firstRetry(),
        base.longestRetry(), base.claimLease(), base.node(), null, base.centerName(), demo, base.mail(), base.webhook());
    return new Couriers(couriers, settings).choose(appeal);
  }

  static Appeal appeal(Channel channel, String email, String postalAddress) {
    boolean post = channel == Channel.SOCIAL || channel == Channel.POS || channel == Channel.OPEN311;
    OffsetDateTime now = OffsetDateTime.parse("2026-11-23T13:30:00Z");
    return new Appeal(1, "ЦУР-2026-000001", channel, post ? "external-1" : null, "Текст", new Appeal.Author(
        "Анна Сергеевна Ким", email, null, postalAddress, null), "berdsk", null, null, null, null,
        post ? "https://vk.com/wall-1_2" : null, now, now, AppealStatus.MODERATION, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null);
  }

  private record Stub(Way way, String missing) implements Courier {

    @Override
    public Optional<String> unconfigured() {
      return Optional.ofNullable(missing);
    }

    @Override
    public void deliver(Letter letter) {}
  }
}
