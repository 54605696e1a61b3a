package se.samlyft.systemtest;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} driven through {@code chromium-driver}) for a test class: it logs
 * people in through Keycloak's own login page, checks each page with axe-core and writes its screenshots at a phone's
 * and a desktop's width under {@code target/screenshots}. Nothing can download a browser here, so the paths are
 * Debian's ({@code browser.chromium}, {@code browser.chromedriver}); {@code .ci/run} installs the two packages when
 * they are missing.
 */
final class Browser implements AutoCloseable {

    /** The WCAG 2.1 AA rules, as axe-core tags them. */
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final int PHONE_WIDTH = 360;
    private static final int MAX_HEIGHT = 4000;
    private static final Dimension DESKTOP = new Dimension(1280, 1100);

    private final ChromeDriver driver;
    private final String web;
    private final Path screenshots;
    private final Path profile;
    private final List<String> violations = new ArrayList<>();

    Browser(String webAddress) {
        this.web = webAddress;
        this.screenshots = Path.of(System.getProperty("browser.screenshots", "target/screenshots"));
        Path chromium = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver (" + chromium
                    + ", " + chromedriver + "): apt-get install chromium chromium-driver");
        }
        try {
            this.profile = Files.createTempDirectory("samlyft-chromium");
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=sv-SE",
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "sv-SE,sv"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a page of the web application, such as {@code /mina-utbildningar}. */
    void open(String path) {
        driver.get(web + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(web) ? url.substring(web.length()) : url;
    }

    /** Logs in as a demo user through Keycloak's login page, starting from a page that needs a login. */
    void logIn(String username) {
        open("/mina-utbildningar");
        waitFor(By.id("kc-login"));
        driver.findElement(By.id("username")).sendKeys(username);
        if (driver.findElements(By.id("password")).isEmpty()) {
            // The realm has organizations: Keycloak asks for the user name first, then for the password.
            driver.findElement(By.id("kc-login")).click();
            waitFor(By.id("password"));
        }
        driver.findElement(By.id("password")).sendKeys("samlyft");
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/mina-utbildningar"));
        waitFor(By.tagName("h1"));
    }

    /** Logs out with the button every page has; Keycloak's session ends too, and the start page comes back. */
    void logOut() {
        driver.findElement(By.cssSelector("form.logout button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(browser -> browser.getCurrentUrl().equals(web + "/")
                        && !browser.findElements(By.cssSelector("a.button")).isEmpty());
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page's main content shows {@code text}, also while htmx swaps part of it. */
    void waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(browser ->
                        browser.findElement(By.tagName("main")).getText().contains(text));
    }

    /** Every cookie of every site (the web application's session and Keycloak's), as a browser never used. */
    void forgetEverything() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void choose(String id, String visibleText) {
        new Select(driver.findElement(By.id(id))).selectByVisibleText(visibleText);
    }

    void chooseValue(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    /** Clicks the button whose text starts with {@code text} and waits for the next page. */
    void press(String text) {
        WebElement button = driver.findElements(By.cssSelector("button")).stream()
                .filter(candidate -> candidate.getText().strip().startsWith(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No button \"" + text + "\" on " + path() + ":\n" + main()));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(button));
    }

    void follow(String linkText) {
        WebElement link = driver.findElement(By.linkText(linkText));
        link.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(link));
    }

    /**
     * Checks the page with axe-core against WCAG 2.1 AA and records every violation of impact serious or critical,
     * named by the page and the rule; then writes the page's screenshots at a phone's and a desktop's width.
     */
    void check(String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                violations.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")));
            }
        }
        screenshot(page);
    }

    /** The serious and critical accessibility violations found so far, each naming its page and rule. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    /** The whole page as a phone (360 CSS pixels wide) and a desktop (1280) show it. */
    private void screenshot(String page) {
        save(page + "-360", PHONE_WIDTH, true);
        save(page + "-desktop", DESKTOP.getWidth(), false);
    }

    private void save(String name, int width, boolean mobile) {
        Map<String, Object> metrics = new java.util.HashMap<>(
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", mobile));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
        try {
            Number height = (Number) driver.executeScript(
                    "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
            metrics.put("height", Math.min(MAX_HEIGHT, Math.max(600, height.intValue())));
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Files.write(
                    screenshots.resolve(name + ".png"),
                    java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Override
    public void close() {
        driver.quit();
        try {
            se.samlyft.deploy.Directories.deleteRecursively(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
