package ru.cur.appeals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The same application on a real PostgreSQL (embedded binaries from Maven Central): the same
 * Flyway migrations and Camunda schema as production. Demo users, so the scenarios can log in.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
// One application per JVM at a time: Camunda's REST API finds its engine by the name "default" in a
// static registry, so a second cached application would answer with the first one's engine.
@DirtiesContext
// Timers run when a test executes them (DeadlineScenarios), never by the clock during a scenario; notices go
// when a test delivers them (DeliveryScenarios).
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "appeals.delivery.schedule.enabled=false"})
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
public @interface OnPostgres {}
