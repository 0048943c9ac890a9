package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OnPostgres
class PostgresAppealLifecycleIT extends AppealLifecycleScenarios {

  @Autowired
  TaskService tasks;

  /**
   * Without them, or with one plan kept for any values, a page of an organisation's Tasklist joins every task with
   * every authorization (bench/README.md).
   */
  @Test
  void tasklistsPagesHaveTheirIndexTheAuthorizationsTheirStatisticsAndTaskQueriesTheirOwnPlans() {
    transaction.executeWithoutResult(status -> {
      assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
      tasks.createTaskQuery().taskCandidateGroup("berdsk-polyclinic").count();
      assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    });
    assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
    assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'ix_task_due_created'")
        .query(String.class).single()).contains("act_ru_task", "(due_date_, create_time_)");
    assertThat(jdbc.sql("select count(*) from pg_statistic_ext where stxname = 'st_authorization_permissions'")
        .query(Long.class).single()).isEqualTo(1);
  }
}
