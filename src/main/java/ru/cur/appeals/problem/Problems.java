package ru.cur.appeals.problem;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.appeal.AppealStatus;
import ru.cur.appeals.referencedata.ReferenceData;

/**
 * Problems («снежный кейс»): open one for an appeal, link more appeals to it, suggest it for similar
 * appeals, and give its answer to every linked appeal. The public face of the feature.
 */
@Component
public class Problems {

  static final String PROCESS_KEY = "appeal-problem";
  static final String ANSWERED_MESSAGE = "ProblemAnswered";
  private static final String COLUMNS = """
      id, number, category, territory, lat, lon, address, organization, status, answer_text, created_at,
      answered_at, process_instance_id""";

  private final JdbcClient jdbc;
  private final AppealRepository appeals;
  private final RuntimeService runtime;
  private final ReferenceData referenceData;
  private final Clock clock;
  private final String prefix;
  private final double radiusMetres;
  private final Period window;

  Problems(JdbcClient jdbc, AppealRepository appeals, RuntimeService runtime,
      ReferenceData referenceData, Clock clock,
      @Value("${appeals.problems.number-prefix:ПРБ}") String prefix,
      @Value("${appeals.problems.radius-metres:500}") double radiusMetres,
      @Value("${appeals.problems.window:P7D}") Period window) {
    this.jdbc = jdbc;
    this.appeals = appeals;
    this.runtime = runtime;
    this.referenceData = referenceData;
    this.clock = clock;
    this.prefix = prefix;
    this.radiusMetres = radiusMetres;
    this.window = window;
  }

  /**
   * Open problems an appeal may be about: the same category (top of the tree) and territory, opened
   * within the window, and within the radius where both have a location. Newest first.
   */
  public List<Problem> candidates(Appeal appeal) {
    if (appeal.territory() == null || appeal.topCategory() == null) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + """
         from problem where status = :open and territory = :territory and created_at >= :since
        order by created_at desc""")
        .param("open", Problem.Status.OPEN.name())
        .param("territory", appeal.territory())
        .param("since", now().minus(window))
        .query(Problems::map)
        .list().stream()
        .filter(problem -> problem.category().split("\\.", 2)[0].equals(appeal.topCategory()))
        .filter(problem -> problem.location() == null || appeal.location() == null
            || problem.metresTo(appeal.location()) <= radiusMetres)
        .toList();
  }

  public Optional<Problem> find(String number) {
    return jdbc.sql("select " + COLUMNS + " from problem where number = :number")
        .param("number", number).query(Problems::map).optional();
  }

  /**
   * What the moderator may choose for an appeal: answer it on its own, open a new problem, or join one of
   * the open problems it may be about (the options of the moderation form's select).
   */
  public List<Map<String, String>> options(Appeal appeal) {
    List<Map<String, String>> options = new ArrayList<>(List.of(
        Map.of("value", AppealProcess.NO_PROBLEM, "label", "Отвечать на обращение отдельно"),
        Map.of("value", AppealProcess.NEW_PROBLEM, "label", "Открыть новую проблему по этому обращению")));
    candidates(appeal).forEach(problem -> options.add(Map.of("value", problem.number(), "label",
        problem.number() + " — " + referenceData.categoryName(problem.category()) + ", "
            + (problem.address() != null ? problem.address() : referenceData.territoryName(problem.territory()))
            + " (обращений: " + appeals.countByProblem(problem.number()) + ")")));
    return options;
  }

  /**
   * Opens a problem from a routed appeal, linked to it: the appeal's category, place and organisation;
   * starts the problem's process.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Problem open(Appeal appeal) {
    long id = jdbc.sql("select nextval('problem_seq')").query(Long.class).single();
    OffsetDateTime now = now();
    String number = "%s-%d-%06d".formatted(prefix, now.atZoneSameInstant(clock.getZone()).getYear(), id);
    jdbc.sql("insert into problem (" + COLUMNS + """
        ) values (:id, :number, :category, :territory, :lat, :lon, :address, :organization, :status, null, :now,
          null, null)""")
        .param("id", id)
        .param("number", number)
        .param("category", appeal.category())
        .param("territory", appeal.territory())
        .param("lat", appeal.location() == null ? null : appeal.location().lat())
        .param("lon", appeal.location() == null ? null : appeal.location().lon())
        .param("address", appeal.address())
        .param("organization", appeal.organization())
        .param("status", Problem.Status.OPEN.name())
        .param("now", now)
        .update();
    String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, number, Variables.createVariables()
        .putValue("problemNumber", number)
        .putValue(AppealProcess.ORGANIZATION, appeal.organization())
        .putValue(AppealProcess.CATEGORY, appeal.category())
        .putValue(AppealProcess.TERRITORY, appeal.territory())).getId();
    jdbc.sql("update problem set process_instance_id = :pid where id = :id").param("pid", processInstanceId)
        .param("id", id).update();
    Problem problem = find(number).orElseThrow();
    link(appeal, problem);
    return problem;
  }

  /** The appeal waits for the problem's answer. */
  @Transactional(propagation = Propagation.MANDATORY)
  void link(Appeal appeal, Problem problem) {
    appeals.linkToProblem(appeal.id(), problem.number());
    appeals.updateStatus(appeal.registrationNumber(), AppealStatus.IN_WORK);
  }

  public List<Appeal> appealsOf(String number) {
    return appeals.findByProblem(number);
  }

  /**
   * Records the problem's answer and gives it to every linked appeal still waiting for it: each goes on
   * in its own process (approval where its regime requires it, publication, the resident's notice).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void answer(String number, String answerText, boolean solved) {
    jdbc.sql("update problem set status = :answered, answer_text = :answer, answered_at = :now where number = :number")
        .param("answered", Problem.Status.ANSWERED.name())
        .param("answer", answerText)
        .param("now", now())
        .param("number", number)
        .update();
    for (Appeal appeal : appealsOf(number)) {
      if (appeal.isClosed()) {
        continue;
      }
      try {
        runtime.createMessageCorrelation(ANSWERED_MESSAGE)
            .processInstanceId(appeal.processInstanceId())
            .setVariable(AppealProcess.ANSWER_TEXT, answerText)
            .setVariable(AppealProcess.PROBLEM_SOLVED, solved)
            .correlate();
      } catch (MismatchingMessageCorrelationException notWaiting) {
        // Linked while another level of its delegation chain works on it: that level answers it.
      }
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static Problem map(ResultSet rs, int row) throws SQLException {
    Double lat = rs.getObject("lat", Double.class);
    Double lon = rs.getObject("lon", Double.class);
    return new Problem(rs.getLong("id"), rs.getString("number"), rs.getString("category"), rs.getString("territory"),
        lat == null || lon == null ? null : new Appeal.Location(lat, lon), rs.getString("address"),
        rs.getString("organization"), Problem.Status.valueOf(rs.getString("status")), rs.getString("answer_text"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("answered_at", OffsetDateTime.class),
        rs.getString("process_instance_id"));
  }
}
