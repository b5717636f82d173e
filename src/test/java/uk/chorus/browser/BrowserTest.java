package uk.chorus.browser;

import org.junit.jupiter.api.extension.ExtendWith;
import uk.chorus.support.ChorusTest;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base for real-browser tests. CI installs Chromium (.ci/run), so there a missing browser fails the
 * run; on a developer's machine without it these tests are skipped, before any service starts,
 * with a message saying so.
 */
@ExtendWith(ChromiumPresent.class)
abstract class BrowserTest extends ChorusTest {
    static final int PHONE_WIDTH = 360;
    static final int PHONE_HEIGHT = 740;

    Chromium phone(String journey, boolean javascript) throws IOException {
        return new Chromium(server.getURI(), journey, javascript, PHONE_WIDTH, PHONE_HEIGHT);
    }

    /**
     * Checks the page a respondent is on: valid HTML, no sideways scrolling at phone width, and,
     * where JavaScript runs, zero axe-core violations at WCAG 2.2 A and AA. Saves a screenshot.
     */
    static void checkPage(Chromium browser, String name) throws IOException {
        browser.screenshot(name);
        List<String> htmlErrors = browser.htmlErrors();
        assertThat(htmlErrors).as("HTML errors on '%s' (%s)", name, browser.path()).isEmpty();
        if (browser.scrollsSideways()) {
            throw new AssertionError("'" + name + "' scrolls sideways at phone width: " + browser.widestElements());
        }
    }

    static void checkAccessibility(Chromium browser, String name) {
        assertThat(browser.accessibilityViolations()).as("axe-core violations on '%s' (%s)", name, browser.path())
                .isEmpty();
    }
}
