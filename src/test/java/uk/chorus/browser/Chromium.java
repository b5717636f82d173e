package uk.chorus.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Selenium, at a phone's size, with JavaScript on or off.
 * Every page it lands on can be checked the same way: axe-core at WCAG 2.2 A and AA, the Nu Html
 * Checker, no sideways scrolling, and a full-page screenshot under target/screenshots/.
 */
final class Chromium implements AutoCloseable {
    // Found on the PATH, exactly as .ci/run looks for them, so the two can never disagree.
    static final Path BINARY = onPath("chromium");
    static final Path DRIVER = onPath("chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final ChromeDriver driver;
    private final URI base;
    private final boolean javascript;
    private final String journey;
    private final Path profile;
    private int shot;

    Chromium(URI base, String journey, boolean javascript, int width, int height) throws IOException {
        this.base = base;
        this.javascript = javascript;
        this.journey = journey;
        this.profile = Files.createTempDirectory("chorus-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        // As the machine notes say: without the background-networking flags Chromium keeps trying
        // to reach hosts this closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        resize(width, height);
    }

    static boolean installed() {
        return BINARY != null && DRIVER != null;
    }

    /** The first executable of that name on the PATH, as `command -v` finds it; null when there is none. */
    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Emulates a device of this size, as a phone reports it. */
    void resize(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 700));
    }

    void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void choose(String name, String value) {
        find("input[name='" + name + "'][value='" + value + "']").click();
    }

    void type(String id, String text) {
        WebElement field = find("#" + id);
        field.clear();
        field.sendKeys(text);
    }

    void continueOn() {
        press(find("main form button[type=submit]"));
    }

    /** Clicks something that loads a new page and waits until the new page has replaced the old. */
    void press(WebElement element) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(oldPage));
    }

    /**
     * Whether an element's page has been replaced. Chromium sometimes answers a question about an
     * element of the old page with "does not belong to the document" rather than the stale-element
     * error that ExpectedConditions.stalenessOf expects; both mean the page has gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
                return true;
            }
            throw e;
        }
    }

    /** axe-core at WCAG 2.2 A and AA; each violation named with its rule and elements. Needs JavaScript. */
    List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            List<String> targets = rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
            found.add(rule.getId() + " (" + rule.getHelp() + ") on " + targets);
        }
        return found;
    }

    /**
     * Checks the page as the browser parsed it. WebDriver returns the DOM without its doctype, so
     * the doctype the page declared is put back first. (The raw HTML of every kind of page is
     * checked too, in HtmlValidityTest.)
     */
    List<String> htmlErrors() {
        Object doctype = driver.executeScript("return document.doctype ? document.doctype.name : null;");
        String source = driver.getPageSource();
        return HtmlChecker.errors(("html".equals(doctype) ? "<!DOCTYPE html>\n" : "") + source);
    }

    /** True when the page is wider than the screen, so a reader must scroll sideways. */
    boolean scrollsSideways() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
        return Boolean.TRUE.equals(overflow);
    }

    /** The elements reaching past the right edge of the window, innermost first, to say what to fix. */
    String widestElements() {
        Object found = ((JavascriptExecutor) driver).executeScript(
                "var w = document.documentElement.clientWidth, out = [];"
                        + "document.querySelectorAll('body *').forEach(function (e) {"
                        + "  var r = e.getBoundingClientRect();"
                        + "  if (r.right > w + 1 && !e.closest('.chorus-table-scroll')) {"
                        + "    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(r.right) + 'px');"
                        + "  }"
                        + "});"
                        + "return out.reverse().slice(0, 5).join(', ');");
        return String.valueOf(found);
    }

    /** Saves the whole page as target/screenshots/{journey}-{nn}-{name}.png. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> image = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = SCREENSHOTS.resolve(String.format("%s-%s-%02d-%s.png", journey, javascript ? "js" : "nojs",
                ++shot, name.replaceAll("[^a-z0-9]+", "-")));
        Files.write(file, Base64.getDecoder().decode((String) image.get("data")));
        return file;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
