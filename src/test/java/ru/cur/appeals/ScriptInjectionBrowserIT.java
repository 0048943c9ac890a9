package ru.cur.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident's text that carries a script, and an organisation's answer that does, are shown as text wherever
 * staff and residents read them: the moderator's form in Tasklist, the dashboard, the resident's confirmation
 * page. Each attack sets {@code window.__xss} if it runs; Chromium must end every page without it.
 */
@OnH2
class ScriptInjectionBrowserIT {

  private static final String ATTACK = "<script>window.__xss='script'</script>"
      + "<img src=x onerror=\"window.__xss='onerror'\"><svg onload=\"window.__xss='svg'\">";

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;

  AppealApi api;
  WebDriver browser;

  @BeforeEach
  void aBrowser() {
    api = new AppealApi(rest);
    browser = HeadlessChromium.start();
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theModeratorsFormShowsTheScriptAsText() {
    String id = api.register(appeal("SOCIAL", "roads"));
    String task = (String) api.tasks("moderator", id).get(0).get("id");

    logIn("moderator");
    browser.get(url("/camunda/app/tasklist/default/#/?task=" + task));
    WebElement form = waitFor(By.cssSelector(".fjs-container"));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> form.getText().contains("onerror"));
    HeadlessChromium.screenshot(browser, "script-in-tasklist-form");

    assertThat(form.getText()).contains("<script>window.__xss='script'</script>");
    assertNothingRan();
  }

  @Test
  void theDashboardShowsAnAppealWithAScriptWithoutRunningIt() {
    String id = api.register(appeal("SOCIAL", "roads"));
    jdbc.sql("update appeal set next_due_at = :due where registration_number = :id")
        .param("due", OffsetDateTime.now().minusDays(1)).param("id", id).update();

    logIn("manager");
    browser.get(url("/dashboard"));
    waitFor(By.cssSelector("body[data-loaded]"));
    HeadlessChromium.screenshot(browser, "script-on-dashboard");

    // The dashboard shows reference names and figures, never a resident's words: nothing to run, and nothing ran.
    assertNothingRan();
  }

  @Test
  void theConfirmationPageShowsAnAnswerWithAScriptAsText() {
    String id = api.register(appeal("POS", "healthcare"));
    api.complete("moderator", id, "moderate-appeal", Map.of(
        "moderation", "ACCEPT", "category", "healthcare.appointment", "territory", "berdsk"));
    api.complete("executor", id, "prepare-answer", Map.of("answerText", "Ответ " + ATTACK, "problemSolved", true));
    String token = new ResidentLink(jdbc, rest).tokenFor(id);

    browser.get(url("/confirm/" + token));
    WebElement answer = waitFor(By.id("answer"));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> answer.getText().contains("onerror"));
    HeadlessChromium.screenshot(browser, "script-on-confirmation-page");

    assertThat(answer.getText()).isEqualTo("Ответ " + ATTACK);
    assertNothingRan();
  }

  private void assertNothingRan() {
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss")).isNull();
  }

  private Map<String, Object> appeal(String channel, String category) {
    return Map.of("channel", channel, "externalId", "xss-" + UUID.randomUUID(), "text", "Жалоба " + ATTACK,
        "author", Map.of("name", ATTACK, "email", "resident@example.ru"), "territory", "berdsk",
        "category", category, "address", ATTACK);
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
