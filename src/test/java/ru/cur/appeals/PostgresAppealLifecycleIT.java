package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OnPostgres
class PostgresAppealLifecycleIT extends AppealLifecycleScenarios {

  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;

  /**
   * Without them, or with one plan kept for any values, a page of an organisation's Tasklist joins every task with
   * every authorization (bench/README.md).
   */
  @Test
  void tasklistsPagesHaveTheirIndexTheAuthorizationsTheirStatisticsAndTaskQueriesTheirOwnPlans() {
    assertThat(planCacheModeOfATaskQueryBy("moderator", "moderators")).isEqualTo("force_custom_plan");
    assertThat(planCacheModeOfATaskQueryBy("executor", "berdsk-polyclinic")).isEqualTo("force_custom_plan");
    // Every other statement keeps PostgreSQL's own choice.
    assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
    assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'ix_task_due_created'")
        .query(String.class).single()).contains("act_ru_task", "(due_date_, create_time_)");
    assertThat(jdbc.sql("select count(*) from pg_statistic_ext where stxname = 'st_authorization_permissions'")
        .query(Long.class).single()).isEqualTo(1);
  }

  /**
   * The server the scenarios and benchmarks run on is production's: sized by {@code docker/compose.yaml}, not by
   * the image's defaults (128 MB of buffers, a checkpoint every 1 GB of WAL).
   */
  @Test
  void theDatabaseRunsWithTheSettingsOfTheProductionSetup() {
    Map<String, String> production = ProductionPostgres.settings(Path.of("docker", "compose.yaml"));

    assertThat(production).containsKeys("shared_buffers", "max_wal_size", "shared_preload_libraries");
    // As the server shows them (the compose file writes each so: 2GB, 15min).
    production.forEach((name, value) -> assertThat(jdbc.sql("select current_setting(?)").param(name)
        .query(String.class).single()).as(name).isEqualTo(value));
  }

  /** Camunda reads a task's subtasks with every task it completes: by index, not by reading every open task. */
  @Test
  void completingATaskFindsItsSubtasksByIndex() {
    String plan = transaction.execute(status -> {
      // A test's few tasks are cheaper to read whole: asked without that choice, the plan shows what the index offers.
      jdbc.sql("set local enable_seqscan = off").update();
      return String.join("\n", jdbc.sql("explain select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'some-task'")
          .query(String.class).list());
    });
    assertThat(plan).contains("ix_task_parent").doesNotContain("Seq Scan");
  }

  /** How PostgreSQL plans in the transaction of a task query made by the user, right after it. */
  private String planCacheModeOfATaskQueryBy(String user, String group) {
    identity.setAuthentication(user, List.of(group));
    try {
      return transaction.execute(status -> {
        tasks.createTaskQuery().taskCandidateGroup(group).count();
        return jdbc.sql("show plan_cache_mode").query(String.class).single();
      });
    } finally {
      identity.clearAuthentication();
    }
  }
}
