package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The resident's side of a confirmation: the link from the notice owed to them, and their answer. */
public final class ResidentLink {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

  private final JdbcClient jdbc;
  private final TestRestTemplate rest;

  public ResidentLink(JdbcClient jdbc, TestRestTemplate rest) {
    this.jdbc = jdbc;
    this.rest = rest;
  }

  /** The token of the latest confirmation request owed to the author of the appeal. */
  public String tokenFor(String id) {
    String payload = jdbc.sql("""
        select n.payload from notification_outbox n join appeal a on a.id = n.appeal_id
        where a.registration_number = :id and n.kind = 'CONFIRMATION_REQUEST' order by n.id desc""")
        .param("id", id).query(String.class).list().stream().findFirst()
        .orElseThrow(() -> new AssertionError("no confirmation request was owed for " + id));
    try {
      String link = (String) new ObjectMapper().readValue(payload, Map.class).get("link");
      assertThat(link).contains("/confirm/");
      return link.substring(link.lastIndexOf('/') + 1);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** Answers through the link as the page does, without any login. */
  public ResponseEntity<Map<String, Object>> answer(String id, boolean resolved, String comment) {
    Map<String, Object> body = new HashMap<>();
    body.put("resolved", resolved);
    body.put("comment", comment);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> response = rest.exchange("/api/confirmations/{token}", HttpMethod.POST,
        new HttpEntity<>(body, headers), OBJECT, tokenFor(id));
    assertThat(response.getStatusCode().value()).as("resident answers %s: %s", id, response.getBody()).isEqualTo(200);
    return response;
  }
}
