package ru.cur.appeals.notification.delivery;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The publisher's webhook ({@code appeals.delivery.webhook.url}): the system that posts the appeal center's replies
 * under social-network posts and on the platforms. Each notice is POSTed as JSON with the header
 * {@value #IDEMPOTENCY_KEY}, the same for every attempt at the notice, so that the publisher publishes it once
 * however often it arrives; any 2xx means it is taken.
 *
 * <p>The body: {@code noticeId}, {@code idempotencyKey}, {@code kind}, {@code channel}, {@code registrationNumber},
 * {@code sourceUrl} and {@code externalId} (the post or message answered), {@code resident} ({@code name},
 * {@code profileUrl}), {@code subject}, {@code text} (from the template), {@code answer} (the organisation's answer
 * or the first reply as written, when the notice carries one) and {@code personal}: true when the text holds the
 * resident's personal link, which must go to the resident privately and never into a public reply.
 */
@Component
class WebhookCourier implements Courier {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** Refusals of the letter itself; anything else (5xx, 429, 401 while a secret is being rotated…) may pass later. */
  private static final Set<Integer> REFUSED_FOR_GOOD = Set.of(400, 410, 413, 422);

  private final DeliverySettings.Webhook settings;
  private final RestClient http;

  WebhookCourier(DeliverySettings settings, RestClient.Builder http) {
    this.settings = settings.webhook();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .connectTimeout(this.settings.connectTimeout())
        .build());
    requests.setReadTimeout(this.settings.timeout());
    this.http = http.clone().requestFactory(requests).build();
  }

  @Override
  public Way way() {
    return Way.WEBHOOK;
  }

  @Override
  public Optional<String> unconfigured() {
    return settings.configured() ? Optional.empty()
        : Optional.of("не задан адрес вебхука издателя (APPEALS_WEBHOOK_URL)");
  }

  @Override
  public void deliver(Letter letter) throws DeliveryFailure {
    HttpStatusCode status;
    try {
      status = http.post()
          .uri(settings.url())
          .contentType(MediaType.APPLICATION_JSON)
          .header(IDEMPOTENCY_KEY, letter.idempotencyKey())
          .headers(headers -> {
            if (settings.secret() != null && !settings.secret().isBlank()) {
              headers.set(settings.secretHeader(), settings.secret());
            }
          })
          .body(body(letter))
          .exchange((request, response) -> response.getStatusCode());
    } catch (ResourceAccessException e) {
      throw DeliveryFailure.temporary("Вебхук издателя недоступен: " + e.getMostSpecificCause().getMessage(), e);
    } catch (RestClientException e) {
      throw DeliveryFailure.temporary("Вебхук издателя: " + e.getMessage(), e);
    }
    if (status.is2xxSuccessful()) {
      return;
    }
    String message = "Вебхук издателя ответил HTTP " + status.value();
    throw REFUSED_FOR_GOOD.contains(status.value())
        ? DeliveryFailure.permanent(message, null)
        : DeliveryFailure.temporary(message, null);
  }

  private static Map<String, Object> body(Letter letter) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("noticeId", letter.noticeId());
    body.put("idempotencyKey", letter.idempotencyKey());
    body.put("kind", letter.kind().name());
    body.put("channel", letter.channel().name());
    body.put("registrationNumber", letter.registrationNumber());
    body.put("sourceUrl", letter.sourceUrl());
    body.put("externalId", letter.externalId());
    Map<String, Object> resident = new LinkedHashMap<>();
    resident.put("name", letter.residentName());
    resident.put("profileUrl", letter.profileUrl());
    body.put("resident", resident);
    body.put("subject", letter.subject());
    body.put("text", letter.text());
    body.put("answer", letter.answer());
    body.put("personal", letter.personalLink());
    return body;
  }
}
