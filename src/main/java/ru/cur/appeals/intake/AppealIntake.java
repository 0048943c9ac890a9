package ru.cur.appeals.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.appeal.AppealStatus;
import ru.cur.appeals.appeal.Channel;
import ru.cur.appeals.regulation.Deadline;
import ru.cur.appeals.regulation.Deadlines;

/**
 * Takes an appeal in: stores it and starts its process in one transaction, so there is never an
 * appeal without a process instance or the reverse; appeals arriving together share that transaction
 * ({@link RegistrationGroups}). The same message of a channel is one appeal.
 */
@Service
public class AppealIntake {

  private final SubmissionValidator validator;
  private final AppealRepository appeals;
  private final RuntimeService runtime;
  private final Deadlines deadlines;
  private final RegistrationGroups registrations;
  private final Clock clock;
  private final String prefix;

  AppealIntake(SubmissionValidator validator, AppealRepository appeals, RuntimeService runtime, Deadlines deadlines,
      RegistrationGroups registrations, Clock clock, @Value("${appeals.registration-prefix}") String prefix) {
    this.validator = validator;
    this.appeals = appeals;
    this.runtime = runtime;
    this.deadlines = deadlines;
    this.registrations = registrations;
    this.clock = clock;
    this.prefix = prefix;
  }

  /**
   * The appeal, whether this call created it (false: the channel sent this message before), and the deadlines
   * the regulation has set it by now, keyed by step.
   */
  public record Submitted(Appeal appeal, boolean created, Map<String, Deadline> deadlines) {}

  public Submitted submit(AppealSubmission submission) {
    validator.validate(submission);
    Channel channel = Channel.valueOf(submission.channel());
    Optional<Appeal> earlier = earlierSubmission(channel, submission.externalId());
    if (earlier.isPresent()) {
      return submittedBefore(earlier.get());
    }
    try {
      return registrations.register(() -> register(channel, submission));
    } catch (DuplicateKeyException concurrentSubmission) {
      // Another request stored the same message first and committed; this one rolled back whole.
      return submittedBefore(earlierSubmission(channel, submission.externalId())
          .orElseThrow(() -> concurrentSubmission));
    }
  }

  private Submitted submittedBefore(Appeal appeal) {
    return new Submitted(appeal, false, deadlines.of(appeal.id()));
  }

  private Optional<Appeal> earlierSubmission(Channel channel, String externalId) {
    return externalId == null ? Optional.empty() : appeals.findByExternalId(channel, externalId);
  }

  /**
   * Checks an appeal as {@link #submit} does, without storing anything.
   *
   * @throws ru.cur.appeals.system.InvalidInputException naming every field to fix
   */
  public void validate(AppealSubmission submission) {
    validator.validate(submission);
  }

  /**
   * Takes in an appeal that another registry registered: under its own number and registration date, in
   * the caller's transaction, with its process started like any other. Its terms count from that date
   * (59-ФЗ art. 12: the answer within 30 days of registration), except moderation, which counts from the
   * import: the registration it stands for was done where the appeal was registered. The submission must
   * have passed {@link #validate}; its {@code receivedAt} is the registration date.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void registerImported(AppealSubmission submission, String registrationNumber, String importId) {
    store(appeals.nextId(), registrationNumber, Channel.valueOf(submission.channel()), submission,
        submission.receivedAt(), submission.receivedAt(), importId);
  }

  /** The new appeal with the deadlines its process has set, as this transaction has them: not read back. */
  private Submitted register(Channel channel, AppealSubmission submission) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    long id = appeals.nextId();
    String number = "%s-%d-%06d".formatted(prefix, now.getYear(), id);
    store(id, number, channel, submission, submission.receivedAt() == null ? now : submission.receivedAt(), now, null);
    return new Submitted(appeals.getByNumber(number), true, deadlines.of(id));
  }

  /** The appeal's row, complete before its process starts and reads it; {@code importId} null unless imported. */
  private void store(long id, String number, Channel channel, AppealSubmission submission, OffsetDateTime receivedAt,
      OffsetDateTime registeredAt, String importId) {
    AppealSubmission.Author author = submission.authorOrEmpty();
    AppealSubmission.Location location = submission.location();
    appeals.insert(new Appeal(id, number, channel, submission.externalId(), submission.text(),
        new Appeal.Author(author.name(), author.email(), author.phone(), author.postalAddress(), author.profileUrl()),
        submission.territory(),
        location == null ? null : new Appeal.Location(location.lat(), location.lon()),
        submission.address(), submission.category(), null, submission.sourceUrl(),
        utc(receivedAt), utc(registeredAt),
        AppealStatus.REGISTERED, null, null, null, null, null, null, null, null, null, null, null, null, null,
        utc(OffsetDateTime.now(clock))));
    if (importId != null) {
      appeals.markImported(id, importId, OffsetDateTime.now(clock));
    }
    ProcessInstance instance = runtime.startProcessInstanceByKey(AppealProcess.KEY, number, Variables.createVariables()
        .putValue(AppealProcess.APPEAL_ID, number)
        .putValue(AppealProcess.CHANNEL, channel.name())
        .putValue(AppealProcess.REGIME, channel.regime().name())
        .putValue(AppealProcess.CATEGORY, submission.category())
        .putValue(AppealProcess.TERRITORY, submission.territory()));
    appeals.attachProcessInstance(id, instance.getId());
  }

  private static OffsetDateTime utc(OffsetDateTime time) {
    return time.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
