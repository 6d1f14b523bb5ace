package org.cfpflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

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
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Waits for text in the document, shown or clipped (a five-minute talk's card is one line high). */
    void awaitContent(String text) {
        waiting().until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return document.body.textContent.includes(arguments[0]);", text));
    }

    /** Thirty seconds; a timeout says where the browser was and what it showed. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.withMessage(() -> "at " + driver.getCurrentUrl() + " showing: " + driver.findElement(By.tagName("body")).getText());
        return wait;
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

    /** Opens {@code url}; where the service sends the browser to its login form, signs in and comes back. */
    void signIn(String url, String user, String password) {
        driver.get(url);
        if (driver.getCurrentUrl().contains("/login")) {
            driver.findElement(By.id("username")).sendKeys(user);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
        }
    }

    void type(String css, String text) {
        WebElement input = driver.findElement(By.cssSelector(css));
        input.clear();
        input.sendKeys(text);
    }

    /** Sets an input's value as its picker would (date and time inputs take typed keys by locale). */
    void set(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.cssSelector(css)), value);
    }

    /**
     * Drags {@code from} with the mouse, held a few pixels below its top, onto the element {@code to} and lets go
     * there: real pointer events, as a person's.
     */
    void drag(String from, String to) {
        WebElement source = driver.findElement(By.cssSelector(from));
        WebElement target = driver.findElement(By.cssSelector(to));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
        int down = -source.getSize().getHeight() / 2 + 3;
        new Actions(driver).moveToElement(source, 0, down).clickAndHold().moveByOffset(5, 5)
                .moveToElement(target, 0, -target.getSize().getHeight() / 2 + 2).pause(Duration.ofMillis(100))
                .release().perform();
    }

    int count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    /** axe-core's serious and critical findings on the page as it is now, each with where. */
    List<String> seriousAccessibilityProblems() {
        // the page's own markup: a sandboxed frame (an e-mail's HTML part) runs no script, so axe-core cannot look
        // inside it and would wait for it until its timeout
        Results results = new AxeBuilder().disableIframeTesting().analyze(driver);
        return results.getViolations().stream().filter(v -> Set.of("serious", "critical").contains(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .toList();
    }

    /** The whole page as PNG (the window grown to the page's height, up to 3,000 pixels). */
    void screenshot(Path file) {
        Dimension before = driver.manage().window().getSize();
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(3000, Math.max(900, height + 120))));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
