package ru.cur.appeals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The embedded demo as started without configuration: H2 in file mode (under target/), demo users. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
// One application per JVM at a time: Camunda's REST API finds its engine by the name "default" in a
// static registry, so a second cached application would answer with the first one's engine.
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    // Timers run when a test executes them (DeadlineScenarios), never by the clock during a scenario; notices go
    // when a test delivers them (DeliveryScenarios).
    properties = {"appeals.data-dir=./target/it-data/h2-${random.uuid}", "camunda.bpm.job-execution.enabled=false",
        "appeals.delivery.schedule.enabled=false"})
public @interface OnH2 {}
