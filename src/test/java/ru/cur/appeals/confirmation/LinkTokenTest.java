package ru.cur.appeals.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTokenTest {

  @Test
  void tokenIsThirtyTwoRandomBytesInBase64UrlWithoutPadding() {
    String token = LinkToken.generate();

    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
  }

  @Test
  void everyLinkGetsItsOwnToken() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      tokens.add(LinkToken.generate());
    }

    assertThat(tokens).hasSize(1000);
  }

  @Test
  void storedHashIsTheSha256OfTheTokenInLowercaseHex() {
    // The test vector of FIPS 180-2 for "abc".
    assertThat(LinkToken.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void hashRevealsNothingOfTheTokenAndIsTheSameEveryTime() {
    String token = LinkToken.generate();

    assertThat(LinkToken.hash(token)).hasSize(64).matches("[0-9a-f]+").doesNotContain(token)
        .isEqualTo(LinkToken.hash(token))
        .isNotEqualTo(LinkToken.hash(LinkToken.generate()));
  }
}
