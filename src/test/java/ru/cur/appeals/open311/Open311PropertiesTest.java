package ru.cur.appeals.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Keys come as a YAML map (demo) or as one line of an environment variable (production). */
class Open311PropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(Open311Properties.class)
  @Import({ApiKeysText.class, Open311Clients.class})
  static class Keys {}

  private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Keys.class);

  @Test
  void theEnvironmentGivesKeysAsKeyEqualsNamePairs() {
    context.withPropertyValues("appeals.open311.api-keys=k3y-one=mobile-app, k3y-two = Портал города")
        .run(started -> {
          assertThat(started.getBean(Open311Properties.class).apiKeys())
              .containsOnly(entry("k3y-one", "mobile-app"), entry("k3y-two", "Портал города"));
          Open311Clients clients = started.getBean(Open311Clients.class);
          assertThat(clients.clientOf("k3y-two")).contains("Портал города");
          assertThat(clients.clientOf("k3y-three")).isEmpty();
          assertThat(clients.clientOf("")).isEmpty();
          assertThat(clients.clientOf(null)).isEmpty();
        });
  }

  @Test
  void aYamlMapGivesKeysToo() {
    context.withPropertyValues("appeals.open311.api-keys.demo-open311-key=demo-client")
        .run(started -> assertThat(started.getBean(Open311Clients.class).clientOf("demo-open311-key"))
            .contains("demo-client"));
  }

  @Test
  void noKeysLetNobodyIn() {
    context.withPropertyValues("appeals.open311.api-keys=")
        .run(started -> assertThat(started.getBean(Open311Properties.class).apiKeys()).isEmpty());
    context.run(started -> assertThat(started.getBean(Open311Clients.class).clientOf("demo-open311-key")).isEmpty());
  }

  @Test
  void aPairWithoutANameStopsTheStartWithoutShowingTheKey() {
    context.withPropertyValues("appeals.open311.api-keys=s3cret-key")
        .run(started -> assertThat(started).hasFailed().getFailure()
            .hasStackTraceContaining("key=client-name pairs").hasStackTraceContaining("entry 1")
            .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("s3cret")));
  }

  private static Map.Entry<String, String> entry(String key, String value) {
    return Map.entry(key, value);
  }

  private static String stackTrace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
