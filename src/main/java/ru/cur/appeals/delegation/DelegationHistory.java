package ru.cur.appeals.delegation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ru.cur.appeals.appeal.Appeal;

/** The levels an appeal has passed on a delegation chain: their answers and why each handed it over. */
@Component
public class DelegationHistory {

  private final JdbcClient jdbc;
  private final Clock clock;

  DelegationHistory(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void record(Appeal appeal, int level, LevelOutcome outcome, String residentComment) {
    jdbc.sql("""
        insert into appeal_level (appeal_id, level, organization, answer_text, answered_at, outcome,
          resident_comment, handed_over_at)
        values (:appealId, :level, :organization, :answer, :answeredAt, :outcome, :comment, :now)""")
        .param("appealId", appeal.id())
        .param("level", level)
        .param("organization", appeal.organization())
        .param("answer", appeal.answerText())
        .param("answeredAt", appeal.answeredAt())
        .param("outcome", outcome.name())
        .param("comment", residentComment)
        .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
        .update();
  }

  /** The levels handed over so far, lowest first. */
  public List<Level> of(long appealId) {
    return jdbc.sql("""
        select level, organization, answer_text, answered_at, outcome, resident_comment from appeal_level
        where appeal_id = :id order by level""")
        .param("id", appealId)
        .query((rs, n) -> new Level(rs.getInt("level"), rs.getString("organization"), rs.getString("answer_text"),
            rs.getObject("answered_at", OffsetDateTime.class), LevelOutcome.valueOf(rs.getString("outcome")),
            rs.getString("resident_comment")))
        .list();
  }

  /** One level's part of the correspondence. */
  public record Level(int level, String organization, String answer, OffsetDateTime answeredAt, LevelOutcome outcome,
      String residentComment) {}
}
