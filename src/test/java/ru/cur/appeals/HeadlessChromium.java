package ru.cur.appeals;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, through its chromedriver: the browser the region's staff use, without a
 * download of its own (the build machines reach no browser vendor). Where they are missing the browser tests
 * are skipped, unless {@code APPEALS_REQUIRE_BROWSER=true} (CI, which installs them) makes that a failure.
 */
public final class HeadlessChromium {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  public static WebDriver start() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why = "No " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)";
      if ("true".equals(System.getenv("APPEALS_REQUIRE_BROWSER"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--window-size=1500,1800", "--lang=ru-RU");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /** Saves what the browser shows under {@code target/browser/}, for a person to look at after the build. */
  public static void screenshot(WebDriver driver, String name) {
    try {
      Path folder = Files.createDirectories(Path.of("target", "browser"));
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The element once it is on the page (at most 30 s). */
  public static WebElement waitFor(WebDriver driver, By what) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(what));
  }

  /**
   * Logs {@code user} (password = user name, the demo's) into the Camunda webapps on their welcome page, as a clerk
   * does; the session then opens the application's own pages too (dashboard, audit view).
   */
  public static void logIn(WebDriver driver, String baseUrl, String user) {
    driver.get(baseUrl + "/camunda/app/welcome/default/");
    waitFor(driver, By.cssSelector("input[ng-model=username]")).sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }
}
