package ru.cur.appeals.notification.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatinTest {

  @Test
  void aRegistrationNumberIsSpelledInLatinForOldClients() {
    assertThat(Latin.of("ЦУР-2026-000001")).isEqualTo("CUR-2026-000001");
    assertThat(Latin.of("Жёлтый дом/1")).isEqualTo("Zhyoltyj_dom_1");
  }
}
