package ru.cur.appeals.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL every statement is planned for the values it runs with. The JDBC driver prepares a statement on
 * the server after five runs, and PostgreSQL may then keep one plan for any values: for the engine's task query
 * that plan cannot see how many authorizations an organisation has (the permission bits are parameters), and it
 * joined every task with every one of them — an organisation's Tasklist page went from 0.2 s to 28 s with 3,500
 * open tasks (bench/README.md). Planning anew costs a fraction of a millisecond for the application's statements.
 */
@Component
class PostgresCustomPlans implements BeanPostProcessor {

  static final String SETTING = "set plan_cache_mode = force_custom_plan";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
      pool.setConnectionInitSql(SETTING);
    }
    return bean;
  }
}
