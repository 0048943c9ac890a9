package ru.cur.appeals.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import ru.cur.appeals.system.TransactionState;

/** The appeal table: what intake stores and what every step of the process updates. */
@Repository
public class AppealRepository {

  private static final String COLUMNS = """
      id, registration_number, channel, external_id, text, author_name, author_email, author_phone,
      author_postal_address, author_profile_url, territory, lat, lon, address, category_hint, category,
      source_url, received_at, registered_at, status, outcome, closing_reason, duplicate_of, forwarded_to,
      organization, response_type, answer_text, answered_at, closed_at, process_instance_id, first_reply_text, repeat_of, problem,
      updated_at""";

  private final JdbcClient jdbc;
  private final Clock clock;

  public AppealRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public long nextId() {
    // nextval() is understood by PostgreSQL and by H2 in every mode.
    return jdbc.sql("select nextval('appeal_seq')").query(Long.class).single();
  }

  public void insert(Appeal given) {
    // As the database keeps it, so that this transaction reads the row without reading it back.
    Appeal appeal = asInserted(given, now());
    change("""
        insert into appeal (id, registration_number, channel, external_id, text, author_name, author_email,
          author_phone, author_postal_address, author_profile_url, territory, lat, lon, address, category_hint,
          category, source_url, received_at, registered_at, status, updated_at)
        values (:id, :number, :channel, :externalId, :text, :authorName, :authorEmail, :authorPhone,
          :authorPostalAddress, :authorProfileUrl, :territory, :lat, :lon, :address, :categoryHint,
          :category, :sourceUrl, :receivedAt, :registeredAt, :status, :now)""")
        .param("id", appeal.id())
        .param("number", appeal.registrationNumber())
        .param("channel", appeal.channel().name())
        .param("externalId", appeal.externalId())
        .param("text", appeal.text())
        .param("authorName", appeal.author().name())
        .param("authorEmail", appeal.author().email())
        .param("authorPhone", appeal.author().phone())
        .param("authorPostalAddress", appeal.author().postalAddress())
        .param("authorProfileUrl", appeal.author().profileUrl())
        .param("territory", appeal.territory())
        .param("lat", appeal.location() == null ? null : appeal.location().lat())
        .param("lon", appeal.location() == null ? null : appeal.location().lon())
        .param("address", appeal.address())
        .param("categoryHint", appeal.categoryHint())
        .param("category", appeal.category())
        .param("sourceUrl", appeal.sourceUrl())
        .param("receivedAt", appeal.receivedAt())
        .param("registeredAt", appeal.registeredAt())
        .param("status", appeal.status().name())
        .param("now", appeal.updatedAt())
        .update();
    countAgain(appeal.id());
    AppealsRead read = thisTransaction();
    if (read != null) {
      read.registering(appeal.id(), appeal.registrationNumber());
      read.appeals.put(appeal.registrationNumber(), appeal);
    }
  }

  public void attachProcessInstance(long id, String processInstanceId) {
    set(id, Map.of("process_instance_id", processInstanceId),
        appeal -> progressed(appeal, appeal.status(), processInstanceId, appeal.updatedAt()));
  }

  /**
   * Marks an appeal as registered in another registry and imported here at {@code importedAt} by the
   * import {@code importId}: its moderation counts from the import, its answer from its own registration.
   */
  public void markImported(long id, String importId, OffsetDateTime importedAt) {
    set(id, Map.of("imported_at", stored(importedAt), "import_id", importId), appeal -> appeal);
  }

  /** When the appeal was imported from another registry; empty for an appeal registered here. */
  public Optional<OffsetDateTime> importedAt(long id) {
    return column(id, "imported_at", OffsetDateTime.class);
  }

  /** Which of the registration numbers the registry already holds. */
  public Set<String> existingNumbers(Collection<String> registrationNumbers) {
    if (registrationNumbers.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(read("select registration_number from appeal where registration_number in (:numbers)")
        .param("numbers", registrationNumbers).query(String.class).list());
  }

  public Optional<Appeal> findByNumber(String registrationNumber) {
    Map<String, Appeal> read = readInThisTransaction();
    Appeal known = read.get(registrationNumber);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Appeal> found = read("select " + COLUMNS + " from appeal where registration_number = :number")
        .param("number", registrationNumber)
        .query(AppealRepository::map)
        .optional();
    found.ifPresent(appeal -> read.put(registrationNumber, appeal));
    return found;
  }

  public Optional<Appeal> findByExternalId(Channel channel, String externalId) {
    return read("select " + COLUMNS + " from appeal where channel = :channel and external_id = :externalId")
        .param("channel", channel.name())
        .param("externalId", externalId)
        .query(AppealRepository::map)
        .optional();
  }

  public Appeal getByNumber(String registrationNumber) {
    return findByNumber(registrationNumber).orElseThrow(() -> new AppealNotFoundException(registrationNumber));
  }

  public void updateStatus(String registrationNumber, AppealStatus status) {
    OffsetDateTime now = now();
    AppealsRead read = thisTransaction();
    if (read != null && registrationNumber.equals(read.registeringNumber)) {
      set(read.registering, Map.of("status", status.name(), "updated_at", now),
          appeal -> progressed(appeal, status, appeal.processInstanceId(), now));
    } else {
      change("update appeal set status = :status, updated_at = :now where registration_number = :number")
          .param("status", status.name()).param("now", now).param("number", registrationNumber).update();
    }
    countAgain(registrationNumber);
  }

  /** The moderator's classification: may correct the category and territory the channel gave. */
  public void classify(String registrationNumber, String category, String territory) {
    change("""
        update appeal set category = coalesce(:category, category), territory = coalesce(:territory, territory),
          updated_at = :now where registration_number = :number""")
        .param("category", category).param("territory", territory).param("now", now())
        .param("number", registrationNumber).update();
    countAgain(registrationNumber);
  }

  public void assign(String registrationNumber, String organization, String responseType) {
    change("""
        update appeal set organization = :organization, response_type = :responseType, updated_at = :now
        where registration_number = :number""")
        .param("organization", organization).param("responseType", responseType).param("now", now())
        .param("number", registrationNumber).update();
    countAgain(registrationNumber);
  }

  public void recordAnswer(String registrationNumber, String answerText) {
    OffsetDateTime now = now();
    // Queued before the update: the day of a previous answer counted it too.
    countAgain(registrationNumber);
    change("""
        update appeal set answer_text = :answer, answered_at = :now, status = :status, updated_at = :now
        where registration_number = :number""")
        .param("answer", answerText).param("now", now).param("status", AppealStatus.ANSWERED.name())
        .param("number", registrationNumber).update();
  }

  public void close(String registrationNumber, Closing closing) {
    OffsetDateTime now = now();
    change("""
        update appeal set status = :status, outcome = :outcome, closing_reason = :reason,
          duplicate_of = :duplicateOf, forwarded_to = :forwardedTo, closed_at = :now, updated_at = :now
        where registration_number = :number""")
        .param("status", AppealStatus.CLOSED.name())
        .param("outcome", closing.outcome().name())
        .param("reason", closing.reason())
        .param("duplicateOf", closing.duplicateOf())
        .param("forwardedTo", closing.forwardedTo())
        .param("now", now)
        .param("number", registrationNumber)
        .update();
    countAgain(registrationNumber);
  }

  /** The first public reply from the official page (incidents), before the organisation's answer. */
  public void recordFirstReply(String registrationNumber, String replyText) {
    change("""
        update appeal set first_reply_text = :reply, first_replied_at = :now, updated_at = :now
        where registration_number = :number""")
        .param("reply", replyText).param("now", now()).param("number", registrationNumber).update();
    countAgain(registrationNumber);
  }

  /**
   * The same resident's latest earlier appeal about the same category (at the top of the tree) and
   * territory registered since {@code since}: the resident is recognised by e-mail, phone or profile.
   */
  public Optional<Appeal> earlierAppealOfTheSameResident(Appeal appeal, OffsetDateTime since) {
    Appeal.Author author = appeal.author();
    if (appeal.territory() == null || appeal.topCategory() == null) {
      return Optional.empty();
    }
    Map<String, String> contacts = new LinkedHashMap<>();
    contacts.put("author_email", author.email());
    contacts.put("author_phone", author.phone());
    contacts.put("author_profile_url", author.profileUrl());
    // One lookup by each contact's index: H2 plans an "or" of the three as a scan of the territory's appeals,
    // which made every registration slower as the registry grew (a bulk import of 100,000 appeals showed it).
    return contacts.entrySet().stream()
        .filter(contact -> contact.getValue() != null && !contact.getValue().isBlank())
        .flatMap(contact -> read("select " + COLUMNS + " from appeal where " + contact.getKey() + " = ?"
                + " and territory = ? and registered_at >= ? and id < ?")
            .params(contact.getValue(), appeal.territory(), since, appeal.id())
            .query(AppealRepository::map)
            .list().stream())
        .filter(earlier -> appeal.topCategory().equals(earlier.topCategory()))
        .max(Comparator.comparingLong(Appeal::id));
  }

  public void linkToProblem(long id, String problemNumber) {
    change("update appeal set problem = :problem, updated_at = :now where id = :id")
        .param("problem", problemNumber).param("now", now()).param("id", id).update();
  }

  public List<Appeal> findByProblem(String problemNumber) {
    return read("select " + COLUMNS + " from appeal where problem = :problem order by id")
        .param("problem", problemNumber).query(AppealRepository::map).list();
  }

  public long countByProblem(String problemNumber) {
    return read("select count(*) from appeal where problem = :problem")
        .param("problem", problemNumber).query(Long.class).single();
  }

  public void markRepeatOf(long id, String earlierRegistrationNumber) {
    change("update appeal set repeat_of = :earlier where id = :id")
        .param("earlier", earlierRegistrationNumber).param("id", id).update();
  }

  /** The version of DMN appeal-regulation the appeal was given (see {@code Deadlines}). */
  public Optional<String> regulationDecision(long id) {
    return column(id, "regulation_decision", String.class);
  }

  public void pinRegulationDecision(long id, String decisionDefinitionId) {
    set(id, Map.of("regulation_decision", decisionDefinitionId), appeal -> appeal);
  }

  /** The earliest deadline the appeal still has to meet; null when none runs. */
  public void setNextDue(long id, OffsetDateTime nextDue) {
    Map<String, Object> column = new HashMap<>();
    column.put("next_due_at", nextDue);
    set(id, column, appeal -> appeal);
  }

  /**
   * The appeal's answer term changed state (met, late, started again): the managers' daily figures count
   * the answers done and done in time from it. Other deadlines, and the next due time, count in no figure.
   */
  public void answerTermChanged(long id) {
    countAgain(id);
  }

  /** How an appeal is closed: the outcome, why, and where it went for duplicates and forwarding. */
  public record Closing(Outcome outcome, String reason, String duplicateOf, String forwardedTo) {}

  public Page<Appeal> search(AppealSearch search) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (search.status() != null) {
      where.append(" and status = ?");
      params.add(search.status().name());
    }
    if (search.territory() != null) {
      where.append(" and territory = ?");
      params.add(search.territory());
    }
    if (search.category() != null) {
      where.append(" and (category = ? or category like ?)");
      params.add(search.category());
      params.add(search.category() + ".%");
    }
    if (search.organization() != null) {
      where.append(" and organization = ?");
      params.add(search.organization());
    }
    if (search.overdue() != null) {
      // Overdue: a deadline still open and already past. Closed appeals have none open.
      where.append(search.overdue() ? " and next_due_at < ?" : " and (next_due_at is null or next_due_at >= ?)");
      params.add(now());
    }
    if (search.visibleOrganizations() != null) {
      if (search.visibleOrganizations().isEmpty()) {
        return new Page<>(List.of(), search.page(), search.size(), 0);
      }
      where.append(" and organization in (").append(placeholders(search.visibleOrganizations())).append(")");
      params.addAll(search.visibleOrganizations());
    }
    long total = read("select count(*) from appeal" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(search.size());
    pageParams.add((long) search.page() * search.size());
    List<Appeal> items = read("select " + COLUMNS + " from appeal" + where
        + " order by received_at desc, id desc limit ? offset ?")
        .params(pageParams)
        .query(AppealRepository::map)
        .list();
    return new Page<>(items, search.page(), search.size(), total);
  }

  /**
   * What a channel's own registry lists: appeals that came through {@code channel}, received within
   * {@code [from, to]}, about these categories (by the moderator's category, else the channel's hint; all when
   * empty), open or closed ({@code null}: both); newest first, at most {@code limit}.
   */
  public record ChannelListing(Channel channel, Collection<String> categories, OffsetDateTime from,
      OffsetDateTime to, Boolean closed, int limit) {}

  public List<Appeal> list(ChannelListing listing) {
    StringBuilder where = new StringBuilder(" where channel = ? and received_at >= ? and received_at <= ?");
    List<Object> params = new ArrayList<>(List.of(listing.channel().name(), listing.from(), listing.to()));
    if (!listing.categories().isEmpty()) {
      where.append(" and coalesce(category, category_hint) in (").append(placeholders(listing.categories())).append(")");
      params.addAll(listing.categories());
    }
    if (listing.closed() != null) {
      where.append(listing.closed() ? " and status = ?" : " and status <> ?");
      params.add(AppealStatus.CLOSED.name());
    }
    params.add(listing.limit());
    return read("select " + COLUMNS + " from appeal" + where + " order by received_at desc, id desc limit ?")
        .params(params)
        .query(AppealRepository::map)
        .list();
  }

  /** The appeals of {@code channel} among these registration numbers, newest first; others are left out. */
  public List<Appeal> findByNumbers(Channel channel, Collection<String> registrationNumbers) {
    if (registrationNumbers.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(channel.name());
    params.addAll(registrationNumbers);
    return read("select " + COLUMNS + " from appeal where channel = ? and registration_number in ("
            + placeholders(registrationNumbers) + ") order by received_at desc, id desc")
        .params(params)
        .query(AppealRepository::map)
        .list();
  }

  private static String placeholders(Collection<?> values) {
    return String.join(", ", values.stream().map(v -> "?").toList());
  }

  /**
   * A statement that changes appeal rows: what this transaction has read of them is read again afterwards. The
   * steps of one engine command (registration, deadlines, the task's card, the status) each read the appeal they
   * work on; within a transaction they share one reading of it until something writes.
   */
  private StatementSpec change(String sql) {
    AppealsRead read = thisTransaction();
    if (read != null) {
      read.writeDeferred();
      read.appeals.clear();
    }
    return jdbc.sql(sql);
  }

  /** A statement that reads appeal rows: it sees what this transaction has deferred written first. */
  private StatementSpec read(String sql) {
    AppealsRead read = thisTransaction();
    if (read != null) {
      read.writeDeferred();
    }
    return jdbc.sql(sql);
  }

  /**
   * Sets columns of appeal {@code id} — the same for every column the repository sets by id. On the appeal this
   * transaction registers they are written when the transaction commits or before the next statement on appeals,
   * whichever comes first, and what the transaction has read of it becomes {@code progressed}: registration sets
   * the process instance, the regulation's version, the next due time and the status one after the other, and each
   * update of the row is a new version of it in every one of its indexes on PostgreSQL — one update instead of four.
   */
  private void set(long id, Map<String, Object> columns, UnaryOperator<Appeal> progressed) {
    AppealsRead read = thisTransaction();
    if (read != null && read.isRegistering(id)) {
      read.deferred.putAll(columns);
      read.known.putAll(columns);
      read.appeals.replaceAll((number, appeal) -> appeal.id() == id ? progressed.apply(appeal) : appeal);
    } else {
      change(update(columns.keySet())).params(columns).param("id", id).update();
    }
  }

  /**
   * One column of the appeal's row; of the appeal this transaction registers, as the transaction has set it since
   * the insert, without reading it back (empty where the insert left it empty).
   */
  private <T> Optional<T> column(long id, String column, Class<T> type) {
    AppealsRead read = thisTransaction();
    if (read != null && read.isRegistering(id)) {
      return Optional.ofNullable(type.cast(read.known.get(column)));
    }
    return read("select " + column + " from appeal where id = :id")
        .param("id", id).query(type).list().stream().filter(Objects::nonNull).findFirst();
  }

  /** {@code update appeal set c = :c, … where id = :id}; the columns are this class's own names, never input. */
  private static String update(Collection<String> columns) {
    return "update appeal set " + columns.stream().map(column -> column + " = :" + column)
        .collect(Collectors.joining(", ")) + " where id = :id";
  }

  /** What this transaction keeps of appeal rows; null outside a transaction, where nothing is kept. */
  private AppealsRead thisTransaction() {
    return TransactionState.of(AppealsRead.class, AppealsRead::new);
  }

  /**
   * Whether this transaction registers the appeal: inserted its row, the last one it inserted. Nothing but this
   * transaction's own statements has touched the appeal yet.
   */
  public boolean registersInThisTransaction(long id) {
    AppealsRead read = thisTransaction();
    return read != null && read.isRegistering(id);
  }

  /** The appeals read so far in this transaction by registration number; outside a transaction, nothing is kept. */
  private Map<String, Appeal> readInThisTransaction() {
    AppealsRead read = thisTransaction();
    return read == null ? new HashMap<>() : read.appeals;
  }

  /**
   * The appeals a transaction has read, and the appeal it registers: the columns set on it since the insert, which
   * the registration asks again without reading them back (imported, and when; the regulation's version), and
   * those of them not yet written.
   */
  private final class AppealsRead implements TransactionSynchronization {
    private final Map<String, Appeal> appeals = new HashMap<>();
    private final Map<String, Object> known = new HashMap<>();
    private final Map<String, Object> deferred = new LinkedHashMap<>();
    private Long registering;
    private String registeringNumber;

    void registering(long id, String registrationNumber) {
      writeDeferred();
      registering = id;
      registeringNumber = registrationNumber;
      known.clear();
    }

    boolean isRegistering(long id) {
      return registering != null && registering == id;
    }

    void writeDeferred() {
      if (deferred.isEmpty()) {
        return;
      }
      Map<String, Object> columns = new LinkedHashMap<>(deferred);
      deferred.clear();
      jdbc.sql(update(columns.keySet())).params(columns).param("id", registering).update();
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      writeDeferred();
    }
  }

  /**
   * The row an insert makes of {@code a}: the columns it writes, times in UTC to the microsecond as the database
   * keeps them, everything that later steps set still empty.
   */
  private static Appeal asInserted(Appeal a, OffsetDateTime updatedAt) {
    return new Appeal(a.id(), a.registrationNumber(), a.channel(), a.externalId(), a.text(), a.author(), a.territory(),
        a.location(), a.address(), a.categoryHint(), a.category(), a.sourceUrl(), stored(a.receivedAt()),
        stored(a.registeredAt()), a.status(), null, null, null, null, null, null, null, null, null, null, null, null,
        null, updatedAt);
  }

  private static OffsetDateTime stored(OffsetDateTime time) {
    return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  /** The appeal as its registration has moved it on: status, process instance, time of the change. */
  private static Appeal progressed(Appeal a, AppealStatus status, String processInstanceId, OffsetDateTime updatedAt) {
    return new Appeal(a.id(), a.registrationNumber(), a.channel(), a.externalId(), a.text(), a.author(), a.territory(),
        a.location(), a.address(), a.categoryHint(), a.category(), a.sourceUrl(), a.receivedAt(), a.registeredAt(),
        status, a.outcome(), a.closingReason(), a.duplicateOf(), a.forwardedTo(), a.organization(), a.responseType(),
        a.answerText(), a.answeredAt(), a.closedAt(), processInstanceId, a.firstReplyText(), a.repeatOf(), a.problem(),
        updatedAt);
  }

  private OffsetDateTime now() {
    return stored(OffsetDateTime.now(clock));
  }

  private static Appeal map(ResultSet rs, int row) throws SQLException {
    Double lat = rs.getObject("lat", Double.class);
    Double lon = rs.getObject("lon", Double.class);
    return new Appeal(
        rs.getLong("id"),
        rs.getString("registration_number"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("external_id"),
        rs.getString("text"),
        new Appeal.Author(rs.getString("author_name"), rs.getString("author_email"), rs.getString("author_phone"),
            rs.getString("author_postal_address"), rs.getString("author_profile_url")),
        rs.getString("territory"),
        lat == null || lon == null ? null : new Appeal.Location(lat, lon),
        rs.getString("address"),
        rs.getString("category_hint"),
        rs.getString("category"),
        rs.getString("source_url"),
        rs.getObject("received_at", OffsetDateTime.class),
        rs.getObject("registered_at", OffsetDateTime.class),
        AppealStatus.valueOf(rs.getString("status")),
        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
        rs.getString("closing_reason"),
        rs.getString("duplicate_of"),
        rs.getString("forwarded_to"),
        rs.getString("organization"),
        rs.getString("response_type"),
        rs.getString("answer_text"),
        rs.getObject("answered_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class),
        rs.getString("process_instance_id"),
        rs.getString("first_reply_text"),
        rs.getString("repeat_of"),
        rs.getString("problem"),
        rs.getObject("updated_at", OffsetDateTime.class));
  }

  /**
   * Queues the appeal for the managers' figures (analytics/DailyFigures), in the transaction of the change:
   * with its previous answer's time, whose day counted it too. An appeal this transaction registers is queued
   * once, by its insert: its days are counted from the row as it is when the figures are refreshed.
   */
  private void countAgain(String registrationNumber) {
    AppealsRead read = thisTransaction();
    if (read != null && registrationNumber.equals(read.registeringNumber)) {
      return;
    }
    jdbc.sql("""
        insert into figures_change (appeal_id, counted_at)
        select id, answered_at from appeal where registration_number = :number""")
        .param("number", registrationNumber).update();
  }

  private void countAgain(long id) {
    AppealsRead read = thisTransaction();
    if (read != null && read.isRegistering(id)) {
      return;
    }
    jdbc.sql("insert into figures_change (appeal_id, counted_at) select id, answered_at from appeal where id = :id")
        .param("id", id).update();
  }
}
