package ru.cur.appeals.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the SMTP server of {@code spring.mail.*} ({@code APPEALS_SMTP_*}), as plain UTF-8 text from
 * {@code appeals.delivery.mail.from}.
 *
 * <p>SMTP has no idempotency key: when a node dies between the server's acceptance and the notice's mark, the
 * letter is sent again. It then carries the same {@code Message-ID}, derived from the notice's key, which lets mail
 * services and clients that deduplicate by it show the resident one letter.
 */
@Component
class MailCourier implements Courier {

  private final ObjectProvider<JavaMailSender> sender;
  private final String host;
  private final InternetAddress from;

  MailCourier(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
      DeliverySettings settings) {
    this.sender = sender;
    this.host = host;
    this.from = parse(settings.mail().from());
  }

  private static InternetAddress parse(String from) {
    if (from == null) {
      return null;
    }
    try {
      return new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("appeals.delivery.mail.from (APPEALS_MAIL_FROM) is no address: " + from, e);
    }
  }

  @Override
  public Way way() {
    return Way.EMAIL;
  }

  @Override
  public Optional<String> unconfigured() {
    // application.yaml reads the host from APPEALS_SMTP_HOST, empty when unset.
    if (host.isBlank() || sender.getIfAvailable() == null) {
      return Optional.of("не настроен SMTP-сервер (APPEALS_SMTP_HOST)");
    }
    if (from == null) {
      return Optional.of("не задан адрес отправителя (APPEALS_MAIL_FROM)");
    }
    return Optional.empty();
  }

  @Override
  public void deliver(Letter letter) throws DeliveryFailure {
    JavaMailSender mail = sender.getObject();
    try {
      String messageId = "<" + letter.idempotencyKey() + "@" + domainOf(from) + ">";
      MimeMessage message = new MimeMessage(mail.createMimeMessage().getSession()) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", messageId);
        }
      };
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(new InternetAddress(letter.email(), letter.residentName(), StandardCharsets.UTF_8.name()));
      helper.setSubject(letter.subject());
      helper.setText(letter.text());
      mail.send(message);
    } catch (MessagingException | UnsupportedEncodingException | MailParseException | MailPreparationException e) {
      throw DeliveryFailure.permanent("Письмо не составить: " + e.getMessage(), e);
    } catch (MailException e) {
      String message = "SMTP: " + e.getMessage();
      throw refusedAddress(e) ? DeliveryFailure.permanent(message, e) : DeliveryFailure.temporary(message, e);
    }
  }

  /** The server refused the recipient's address itself (SMTP 5xx for RCPT TO): no attempt will pass. */
  private static boolean refusedAddress(MailException e) {
    List<Throwable> failures = new ArrayList<>(List.of(e));
    if (e instanceof MailSendException send) {
      failures.addAll(List.of(send.getMessageExceptions()));
    }
    for (Throwable failure : failures) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
            && failed.getInvalidAddresses().length > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static String domainOf(InternetAddress address) {
    String email = address.getAddress();
    return email.substring(email.indexOf('@') + 1);
  }
}
