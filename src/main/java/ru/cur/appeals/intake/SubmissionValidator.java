package ru.cur.appeals.intake;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Channel;
import ru.cur.appeals.appeal.Regime;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.system.InvalidInputException.Violation;
import ru.cur.appeals.system.InvalidInputException;

/** Checks a submission completely before anything is stored, and says what to fix in every field. */
@Component
class SubmissionValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{5,30}$");
  /** Channels' clocks drift; a receipt time this far ahead of ours is still accepted. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final ReferenceData referenceData;
  private final Clock clock;
  private final int textMaxLength;

  SubmissionValidator(ReferenceData referenceData, Clock clock,
      @Value("${appeals.text-max-length}") int textMaxLength) {
    this.referenceData = referenceData;
    this.clock = clock;
    this.textMaxLength = textMaxLength;
  }

  void validate(AppealSubmission submission) {
    List<Violation> violations = new ArrayList<>();
    Channel channel = channel(submission.channel(), violations);
    maxLength("externalId", submission.externalId(), 200, violations);
    if (submission.externalId() != null && submission.externalId().isBlank()) {
      violations.add(new Violation("externalId", "must not be blank; leave it out when the channel has no id"));
    }
    text(submission.text(), violations);
    author(submission.authorOrEmpty(), channel, violations);
    if (submission.territory() != null && referenceData.territory(submission.territory()).isEmpty()) {
      violations.add(new Violation("territory", "unknown territory '" + submission.territory()
          + "'; use a code from GET /api/reference/territories"));
    }
    if (submission.category() != null && referenceData.category(submission.category()).isEmpty()) {
      violations.add(new Violation("category", "unknown category '" + submission.category()
          + "'; use a code from GET /api/reference/categories"));
    }
    location(submission.location(), violations);
    maxLength("address", submission.address(), 1000, violations);
    noNulCharacter("externalId", submission.externalId(), violations);
    noNulCharacter("text", submission.text(), violations);
    noNulCharacter("author.name", submission.authorOrEmpty().name(), violations);
    noNulCharacter("author.postalAddress", submission.authorOrEmpty().postalAddress(), violations);
    noNulCharacter("address", submission.address(), violations);
    url("sourceUrl", submission.sourceUrl(), violations);
    if (submission.receivedAt() != null && submission.receivedAt().isAfter(OffsetDateTime.now(clock).plus(CLOCK_SKEW))) {
      violations.add(new Violation("receivedAt", "lies in the future; give the time the resident sent the message"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  /**
   * PostgreSQL's text types cannot hold U+0000 (JSON allows it as {@code \u0000}): refused here with the field's
   * name rather than failing the insert. Every other character, control characters included, is kept as sent.
   */
  private static void noNulCharacter(String field, String value, List<Violation> violations) {
    if (value != null && value.indexOf('\u0000') >= 0) {
      violations.add(new Violation(field, "contains the NUL character (U+0000), which no text can hold; remove it"));
    }
  }

  private static Channel channel(String value, List<Violation> violations) {
    String allowed = Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.joining(", "));
    if (value == null || value.isBlank()) {
      violations.add(new Violation("channel", "is required; one of " + allowed));
      return null;
    }
    try {
      return Channel.valueOf(value);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation("channel", "unknown channel '" + value + "'; one of " + allowed));
      return null;
    }
  }

  private void text(String text, List<Violation> violations) {
    if (text == null || text.isBlank()) {
      violations.add(new Violation("text", "is required: the resident's message"));
    } else if (text.length() > textMaxLength) {
      violations.add(new Violation("text", "is " + text.length() + " characters long; at most " + textMaxLength
          + " are accepted — attach longer documents to the official appeal instead"));
    }
  }

  private static void author(AppealSubmission.Author author, Channel channel, List<Violation> violations) {
    maxLength("author.name", author.name(), 300, violations);
    maxLength("author.postalAddress", author.postalAddress(), 1000, violations);
    if (author.email() != null && (author.email().length() > 320 || !EMAIL.matcher(author.email()).matches())) {
      violations.add(new Violation("author.email", "is not an e-mail address"));
    }
    if (author.phone() != null && !PHONE.matcher(author.phone()).matches()) {
      violations.add(new Violation("author.phone", "is not a phone number (digits, spaces, +, -, brackets)"));
    }
    url("author.profileUrl", author.profileUrl(), violations);
    if (channel != null && channel.regime() == Regime.FZ59) {
      // 59-ФЗ art. 7: an official appeal names its author and an address for the answer.
      if (isBlank(author.name())) {
        violations.add(new Violation("author.name", "is required for a 59-ФЗ appeal (channel " + channel + ")"));
      }
      if (isBlank(author.email()) && isBlank(author.postalAddress())) {
        violations.add(new Violation("author", "a 59-ФЗ appeal needs author.email or author.postalAddress for the answer"));
      }
    }
  }

  private static void location(AppealSubmission.Location location, List<Violation> violations) {
    if (location == null) {
      return;
    }
    if (location.lat() == null || location.lat() < -90 || location.lat() > 90) {
      violations.add(new Violation("location.lat", "is required with a location, from -90 to 90"));
    }
    if (location.lon() == null || location.lon() < -180 || location.lon() > 180) {
      violations.add(new Violation("location.lon", "is required with a location, from -180 to 180"));
    }
  }

  private static void url(String field, String value, List<Violation> violations) {
    if (value == null) {
      return;
    }
    boolean valid = value.length() <= 2000;
    if (valid) {
      try {
        URI uri = URI.create(value);
        valid = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
      } catch (IllegalArgumentException e) {
        valid = false;
      }
    }
    if (!valid) {
      violations.add(new Violation(field, "is not an http(s) address of at most 2000 characters"));
    }
  }

  private static void maxLength(String field, String value, int max, List<Violation> violations) {
    if (value != null && value.length() > max) {
      violations.add(new Violation(field, "is longer than " + max + " characters"));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
