package ru.cur.appeals.confirmation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.notification.NoticeKind;
import ru.cur.appeals.notification.Outbox;
import ru.cur.appeals.referencedata.ReferenceData;
import ru.cur.appeals.regulation.Deadline;
import ru.cur.appeals.regulation.Deadlines;
import ru.cur.appeals.regulation.Step;
import ru.cur.appeals.system.ConflictException;
import ru.cur.appeals.system.GoneException;
import ru.cur.appeals.system.NotFoundException;
import ru.cur.appeals.system.RegionTime;

/**
 * The resident's confirmation on delegation chains (SPEC §3 item 6): when an organisation says the problem
 * is solved, the resident is asked through a personal link whether it really is, within the window DMN
 * {@code appeal-regulation} gives the step {@link Step#CONFIRMATION}. The answer goes to the waiting process
 * as message {@value #MESSAGE}; silence past the window is the process's own business (its timer).
 *
 * <p>A link takes one answer, and only while it is the appeal's latest request, the appeal is open, the
 * window runs and the process waits for it. The first answer stands.
 */
@Component
public class Confirmations {

  /** The message the process waits for after asking, with {@link #RESOLVED} and {@link #RESIDENT_COMMENT}. */
  public static final String MESSAGE = "ResidentConfirmation";
  /** The level of the delegation chain whose answer the resident is asked about, 1 for the first. */
  public static final String DELEGATION_LEVEL = "delegationLevel";
  public static final String RESOLVED = "resolved";
  /** The resident's comment; null when they wrote none. */
  public static final String RESIDENT_COMMENT = "residentComment";
  public static final int COMMENT_MAX_LENGTH = 2000;

  static final String LINK_INVALID =
      "Ссылка недействительна: проверьте, что она скопирована из уведомления полностью";
  static final String ALREADY_ANSWERED =
      "Вы уже ответили по этой ссылке: учтён первый ответ, изменить его нельзя";
  static final String WINDOW_OVER = "Срок ответа по этой ссылке истёк: ответ больше не принимается";


  private final JdbcClient jdbc;
  private final AppealRepository appeals;
  private final Deadlines deadlines;
  private final Outbox outbox;
  private final ReferenceData referenceData;
  private final RuntimeService runtime;
  private final Clock clock;
  private final RegionTime time;
  private final String publicUrl;

  Confirmations(JdbcClient jdbc, AppealRepository appeals, Deadlines deadlines, Outbox outbox,
      ReferenceData referenceData, RuntimeService runtime, Clock clock, RegionTime time,
      @Value("${appeals.public-url}") String publicUrl) {
    this.jdbc = jdbc;
    this.appeals = appeals;
    this.deadlines = deadlines;
    this.outbox = outbox;
    this.referenceData = referenceData;
    this.runtime = runtime;
    this.clock = clock;
    this.time = time;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /**
   * Asks the resident whether the organisation of the given level really solved the problem: a new personal
   * link, owed as a notice, and the window starting now. Earlier links of the appeal are over from here on.
   *
   * @return the window's deadline, whose end the process's timer waits for
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Deadline request(Appeal appeal, int level) {
    OffsetDateTime now = now();
    Deadline window = deadlines.start(appeal, Step.CONFIRMATION, now.toInstant())
        .orElseThrow(() -> new IllegalStateException("DMN appeal-regulation gives no CONFIRMATION term for "
            + appeal.registrationNumber()));
    String token = LinkToken.generate();
    jdbc.sql("""
        insert into confirmation_request (appeal_id, level, organization, token_hash, created_at, due_at)
        values (:appealId, :level, :organization, :tokenHash, :now, :due)""")
        .param("appealId", appeal.id())
        .param("level", level)
        .param("organization", appeal.organization())
        .param("tokenHash", LinkToken.hash(token))
        .param("now", now)
        .param("due", window.due())
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("registrationNumber", appeal.registrationNumber());
    details.put("link", publicUrl + "/confirm/" + token);
    details.put("organizationName", referenceData.organizationName(appeal.organization()));
    details.put("answer", appeal.answerText());
    details.put("due", time.date(window.due()));
    outbox.owe(appeal, NoticeKind.CONFIRMATION_REQUEST, details);
    return window;
  }

  /** What the link's page shows: the appeal's number, the organisation, its answer and where the link stands. */
  public ConfirmationView read(String token) {
    Request request = find(token);
    Appeal appeal = appeals.getByNumber(request.registrationNumber());
    boolean answered = request.answeredAt() != null;
    ConfirmationView.State state = answered ? ConfirmationView.State.ANSWERED
        : isOpen(request, appeal) ? ConfirmationView.State.OPEN : ConfirmationView.State.EXPIRED;
    return new ConfirmationView(appeal.registrationNumber(), referenceData.organizationName(request.organization()),
        // In the region's time: the resident reads the date and hour where they live.
        appeal.answerText(), request.due().atZoneSameInstant(clock.getZone()).toOffsetDateTime(), state,
        answered ? request.resolved() : null);
  }

  /**
   * The resident's answer: recorded and delivered to the waiting process in one transaction, so that it
   * counts exactly when the process heard it.
   *
   * @throws NotFoundException for a link that was never given
   * @throws ConflictException when the link was answered before (nothing changes)
   * @throws GoneException when the window is over, the appeal closed, or a later level was asked since
   */
  @Transactional
  public Answered answer(String token, boolean resolved, String comment) {
    Request request = find(token);
    if (request.answeredAt() != null) {
      throw new ConflictException(ALREADY_ANSWERED);
    }
    Appeal appeal = appeals.getByNumber(request.registrationNumber());
    if (!isOpen(request, appeal)) {
      throw new GoneException(WINDOW_OVER);
    }
    String remark = comment == null || comment.isBlank() ? null : comment.strip();
    // The row lock taken here makes a concurrent second answer wait, then find the first one recorded.
    int recorded = jdbc.sql("""
        update confirmation_request set answered_at = :now, resolved = :resolved, comment = :comment
        where id = :id and answered_at is null""")
        .param("now", now()).param("resolved", resolved).param("comment", remark).param("id", request.id())
        .update();
    if (recorded == 0) {
      throw new ConflictException(ALREADY_ANSWERED);
    }
    deadlines.done(appeal, Step.CONFIRMATION);
    try {
      runtime.createMessageCorrelation(MESSAGE)
          .processInstanceId(appeal.processInstanceId())
          .setVariable(RESOLVED, resolved)
          .setVariable(RESIDENT_COMMENT, remark)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      // The window's timer moved the process on after the check above: the answer came too late.
      throw new GoneException(WINDOW_OVER);
    }
    return new Answered(appeal.registrationNumber(), resolved, ConfirmationView.State.ANSWERED);
  }

  /** The resident's answer as accepted. */
  public record Answered(String registrationNumber, boolean resolved, ConfirmationView.State state) {}

  private boolean isOpen(Request request, Appeal appeal) {
    return !appeal.isClosed()
        && now().isBefore(request.due())
        && isLatest(request)
        && processWaits(appeal);
  }

  /** A later request of the appeal (the next level asked) ends the earlier links, whatever their window. */
  private boolean isLatest(Request request) {
    Long latest = jdbc.sql("select max(id) from confirmation_request where appeal_id = :appealId")
        .param("appealId", request.appealId()).query(Long.class).single();
    return latest == request.id();
  }

  private boolean processWaits(Appeal appeal) {
    return appeal.processInstanceId() != null && runtime.createEventSubscriptionQuery()
        .processInstanceId(appeal.processInstanceId())
        .eventType("message")
        .eventName(MESSAGE)
        .count() > 0;
  }

  private Request find(String token) {
    return jdbc.sql("""
        select r.id, r.appeal_id, a.registration_number, r.organization, r.due_at, r.answered_at, r.resolved
        from confirmation_request r join appeal a on a.id = r.appeal_id
        where r.token_hash = :tokenHash""")
        .param("tokenHash", LinkToken.hash(token))
        .query((rs, row) -> new Request(rs.getLong("id"), rs.getLong("appeal_id"), rs.getString("registration_number"),
            rs.getString("organization"), rs.getObject("due_at", OffsetDateTime.class),
            rs.getObject("answered_at", OffsetDateTime.class), rs.getObject("resolved", Boolean.class)))
        .optional()
        .orElseThrow(() -> new NotFoundException(LINK_INVALID));
  }

  private record Request(long id, long appealId, String registrationNumber, String organization,
      OffsetDateTime due, OffsetDateTime answeredAt, Boolean resolved) {}

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
