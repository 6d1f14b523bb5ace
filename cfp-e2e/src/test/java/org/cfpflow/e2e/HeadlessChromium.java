package org.cfpflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium driven by its ChromeDriver: nothing is downloaded. */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("cfp.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("cfp.chromedriver", "/usr/bin/chromedriver"));
    static final String MISSING = "Skipped: no browser: " + CHROMIUM + " and " + CHROMEDRIVER
            + " are needed (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static HeadlessChromium start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // this machine's network is closed: no background traffic, no updates, a fresh profile
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    void open(String url) {
        driver.get(url);
    }

    void awaitText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Waits for text in the document, shown or clipped (a five-minute talk's card is one line high). */
    void awaitContent(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return document.body.textContent.includes(arguments[0]);", text));
    }

    void click(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** How many entries the tab's session history has. */
    long historyLength() {
        return (Long) ((JavascriptExecutor) driver).executeScript("return history.length;");
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    String html(String css) {
        return driver.findElement(By.cssSelector(css)).getAttribute("innerHTML");
    }

    /** A value kept in the page's window: it survives until the page is reloaded. */
    Object mark() {
        String marker = "m" + System.nanoTime();
        ((JavascriptExecutor) driver).executeScript("window.cfpMarker = arguments[0];", marker);
        return marker;
    }

    boolean stillSamePage(Object marker) {
        return marker.equals(((JavascriptExecutor) driver).executeScript("return window.cfpMarker;"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
