package ru.cur.appeals.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.cur.appeals.AppealApi;
import ru.cur.appeals.HeadlessChromium;
import ru.cur.appeals.OnH2;

/**
 * An auditor logs into the webapps, opens an appeal's audit view in Chromium and steps through its replay on the
 * diagram; the routing decision shows its table with the matched row. Saved as {@code target/browser/audit-*.png}.
 */
@OnH2
class AuditBrowserIT {

  private static final String RESIDENTS_MARKUP = "<img src=x onerror=alert(1)> Яма у школы";

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;

  AppealApi api;
  WebDriver browser;
  String id;

  @BeforeEach
  void anAnsweredAppealAndABrowser() {
    api = new AppealApi(rest);
    id = api.register(Map.of("channel", "SOCIAL", "externalId", "vk-" + UUID.randomUUID(), "text", RESIDENTS_MARKUP,
        "territory", "berdsk", "category", "roads",
        "author", Map.of("name", "Пётр Васильев", "profileUrl", "https://vk.com/id100500")));
    api.complete("moderator", id, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "roads.potholes", "territory", "berdsk"));
    api.complete("executor", id, "prepare-answer", Map.of("answerText", "Яму заделали", "problemSolved", false));
    browser = HeadlessChromium.start();
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAuditorStepsThroughTheReplayOnTheDiagram() {
    browser.get(url("/audit/" + URLEncoder.encode(id, StandardCharsets.UTF_8)));
    WebElement message = waitFor(By.cssSelector("#message:not([hidden])"));
    assertThat(message.getText()).contains("Войдите");

    logIn("auditor");
    browser.get(url("/audit/" + URLEncoder.encode(id, StandardCharsets.UTF_8)));
    waitFor(By.cssSelector("body[data-loaded]"));
    waitFor(By.cssSelector("#canvas .djs-container"));
    assertThat(browser.findElement(By.id("number")).getText()).isEqualTo(id);
    assertThat(browser.findElement(By.id("step-index")).getText()).isEqualTo("1");
    assertThat(browser.findElement(By.id("event-type")).getAttribute("data-type")).isEqualTo("APPEAL_RECEIVED");
    // The resident's text is shown as text, never run as markup.
    assertThat(browser.findElement(By.id("facts")).getText()).contains(RESIDENTS_MARKUP);
    assertThat(browser.findElements(By.cssSelector("#facts img"))).isEmpty();

    // Forward until the replay stands on a step of the diagram: the start event, after the registration's records.
    int step = 1;
    do {
      browser.findElement(By.id("next")).click();
      step++;
      assertThat(browser.findElement(By.id("step-index")).getText()).isEqualTo(String.valueOf(step));
    } while (browser.findElement(By.tagName("body")).getAttribute("data-current-activity").isEmpty() && step < 60);
    for (int more = 0; more < 3; more++) {
      browser.findElement(By.id("next")).click();
      step++;
    }
    assertThat(browser.findElement(By.id("step-index")).getText()).isEqualTo(String.valueOf(step));
    assertThat(browser.findElement(By.id("event-actor")).getText()).isNotBlank();
    assertThat(browser.findElements(By.cssSelector("#canvas .audit-done"))).isNotEmpty();
    HeadlessChromium.screenshot(browser, "audit-replay");
    browser.findElement(By.id("prev")).click();
    assertThat(browser.findElement(By.id("step-index")).getText()).isEqualTo(String.valueOf(step - 1));

    browser.findElement(By.cssSelector("#timeline li[data-type='DECISION_EVALUATED']")).click();
    waitFor(By.cssSelector("#decision:not([hidden]) table.dmn tr.matched"));
    assertThat(browser.findElement(By.id("decision-check")).getText()).contains("совпадает");
    assertThat(browser.findElements(By.cssSelector("#canvas .audit-current"))).hasSize(1);
    HeadlessChromium.screenshot(browser, "audit-decision");
  }

  private void logIn(String user) {
    HeadlessChromium.logIn(browser, url(""), user);
  }

  private WebElement waitFor(By what) {
    return HeadlessChromium.waitFor(browser, what);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
