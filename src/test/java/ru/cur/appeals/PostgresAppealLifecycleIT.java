package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@OnPostgres
class PostgresAppealLifecycleIT extends AppealLifecycleScenarios {

  /**
   * Without them, or with one plan kept for any values, a page of an organisation's Tasklist joins every task with
   * every authorization (bench/README.md).
   */
  @Test
  void tasklistsPagesHaveTheirIndexTheAuthorizationsTheirStatisticsAndEveryStatementItsOwnPlan() {
    assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'ix_task_due_created'")
        .query(String.class).single()).contains("act_ru_task", "(due_date_, create_time_)");
    assertThat(jdbc.sql("select count(*) from pg_statistic_ext where stxname = 'st_authorization_permissions'")
        .query(Long.class).single()).isEqualTo(1);
  }
}
