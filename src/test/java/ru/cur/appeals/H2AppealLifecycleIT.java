package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@OnH2
class H2AppealLifecycleIT extends AppealLifecycleScenarios {

  /** Here only: each H2 scenario has a database of its own, so the login delay that follows stays here. */
  @Test
  void aRealUsersWrongPasswordIsRefused() {
    assertThat(rest.withBasicAuth("owner", "wrong").getForEntity("/api/appeals", String.class)
        .getStatusCode().value()).isEqualTo(401);
  }
}
