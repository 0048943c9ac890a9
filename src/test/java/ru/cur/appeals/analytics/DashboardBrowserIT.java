package ru.cur.appeals.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.cur.appeals.AppealApi;
import ru.cur.appeals.HeadlessChromium;
import ru.cur.appeals.OnH2;

/**
 * A manager logs into the webapps, opens the dashboard in Chromium and reads the same figures as the API
 * gives them; the page is saved as {@code target/browser/dashboard.png}.
 */
@OnH2
class DashboardBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;

  AppealApi api;
  WebDriver browser;

  @BeforeEach
  void appealsAndABrowser() {
    api = new AppealApi(rest);
    for (String territory : List.of("berdsk", "berdsk", "iskitim")) {
      api.register(post(territory));
    }
    String routed = api.register(post("berdsk"));
    api.complete("moderator", routed, "moderate-appeal",
        Map.of("moderation", "ACCEPT", "category", "roads.potholes", "territory", "berdsk"));
    browser = HeadlessChromium.start();
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aManagerSeesOnTheDashboardTheFiguresOfTheApi() {
    browser.get(url("/dashboard"));
    WebElement message = waitFor(By.cssSelector("#message:not([hidden])"));
    assertThat(message.getText()).contains("Войдите");

    logIn("manager");
    browser.get(url("/dashboard"));
    waitFor(By.cssSelector("body[data-loaded]"));
    HeadlessChromium.screenshot(browser, "dashboard");

    Map<String, Object> heatMap = api(HttpMethod.GET, "/api/analytics/heatmap");
    @SuppressWarnings("unchecked")
    Map<String, Object> total = (Map<String, Object>) heatMap.get("total");
    for (String figure : List.of("received", "open", "overdue")) {
      assertThat(browser.findElement(By.cssSelector("[data-figure='" + figure + "']")).getText()).as(figure)
          .isEqualTo(String.valueOf(total.get(figure)));
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cells = (List<Map<String, Object>>) heatMap.get("cells");
    assertThat(cells).isNotEmpty();
    for (Map<String, Object> cell : cells) {
      WebElement shown = browser.findElement(By.cssSelector(
          "#heatmap td[data-territory='" + cell.get("territory") + "'][data-category='" + cell.get("category") + "']"));
      assertThat(shown.getText()).isEqualTo(String.valueOf(cell.get("received")));
    }
    List<Map<String, Object>> kpi = api.as("manager")
        .exchange("/api/analytics/kpi", HttpMethod.GET, null, AppealApi.LIST).getBody();
    assertThat(kpi).isNotEmpty();
    for (Map<String, Object> organization : kpi) {
      WebElement row = browser.findElement(By.cssSelector("#kpi tr[data-organization='"
          + organization.get("organization") + "']"));
      assertThat(row.findElement(By.cssSelector("td[data-received]")).getText())
          .isEqualTo(String.valueOf(organization.get("received")));
    }
    assertThat(browser.findElements(By.cssSelector("#daily .day"))).hasSize(30);
  }

  @Test
  void aManagerSeesTheAppealsInCockpitAndOpensAnOverdueOnesProcessInstance() {
    String late = api.register(post("iskitim"));
    jdbc.sql("update appeal set next_due_at = :due where registration_number = :id")
        .param("due", OffsetDateTime.now().minusDays(2)).param("id", late).update();
    String processInstance = jdbc.sql("select process_instance_id from appeal where registration_number = :id")
        .param("id", late).query(String.class).single();

    browser.get(url("/camunda/app/cockpit/default/"));
    waitFor(By.cssSelector("input[ng-model=username]")).sendKeys("manager");
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("manager");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement plugin = waitFor(By.cssSelector("[data-appeals-plugin='loaded']"));
    HeadlessChromium.screenshot(browser, "cockpit-dashboard");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cells = (List<Map<String, Object>>) api(HttpMethod.GET, "/api/analytics/heatmap").get("cells");
    for (Map<String, Object> cell : cells) {
      assertThat(plugin.findElement(By.cssSelector("td[data-territory='" + cell.get("territory") + "'][data-category='"
          + cell.get("category") + "']")).getText()).isEqualTo(String.valueOf(cell.get("received")));
    }
    WebElement overdue = plugin.findElement(By.cssSelector("tr[data-appeal='" + late + "'] a"));
    overdue.click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.urlContains("/process-instance/" + processInstance));
    // The instance's diagram: Cockpit has left its dashboard for the process instance.
    waitFor(By.cssSelector(".djs-container"));
    HeadlessChromium.screenshot(browser, "cockpit-process-instance");

    // The process definition's tab «Обращения» shows the same figures, the overdue appeal among them.
    String definition = jdbc.sql("select proc_def_id_ from act_ru_execution where id_ = :id")
        .param("id", processInstance).query(String.class).single();
    browser.get(url("/camunda/app/cockpit/default/#/process-definition/" + definition
        + "/runtime?detailsTab=appeals.processDefinition"));
    WebElement tab = waitFor(By.cssSelector(".ctn-tabbed-content [data-appeals-plugin='loaded']"));
    assertThat(browser.findElements(By.xpath("//a[normalize-space()='Обращения']"))).isNotEmpty();
    assertThat(tab.findElements(By.cssSelector("tr[data-appeal='" + late + "'] a"))).hasSize(1);
    HeadlessChromium.screenshot(browser, "cockpit-process-definition-tab");
  }

  @Test
  void anOrganisationsClerkSeesOnlyItsOrganisationsFigures() {
    logIn("executor");
    browser.get(url("/dashboard?channel=SOCIAL"));
    waitFor(By.cssSelector("body[data-loaded]"));

    // An organisation's clerk sees the dashboard of their organisations only: the Iskitim post is not there.
    assertThat(browser.findElements(By.cssSelector("#heatmap td[data-territory='iskitim']"))).isEmpty();
  }

  private void logIn(String user) {
    HeadlessChromium.logIn(browser, url(""), user);
  }

  private WebElement waitFor(By what) {
    return HeadlessChromium.waitFor(browser, what);
  }

  private Map<String, Object> api(HttpMethod method, String path) {
    return api.as("manager").exchange(path, method, null, AppealApi.OBJECT).getBody();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static Map<String, Object> post(String territory) {
    Map<String, Object> post = new HashMap<>(Map.of("channel", "SOCIAL", "externalId", "vk-" + UUID.randomUUID(),
        "text", "Яма во дворе", "territory", territory, "category", "roads",
        "author", Map.of("name", "Пётр", "profileUrl", "https://vk.com/id1"), "sourceUrl", "https://vk.com/wall-1_1"));
    return post;
  }
}
