package uk.chorus.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyboard only, with a visible focus indicator on every control reached; reflow at 320 CSS pixels
 * (400% zoom of a 1280 screen) and with WCAG 1.4.12 text spacing; the weight budget of a page.
 */
@MicronautTest(transactional = false)
class KeyboardAndReflowBrowserTest extends BrowserTest {
    // True when the focused element, or for a radio or checkbox its drawn circle or box, shows focus.
    private static final String FOCUS_VISIBLE = """
            const el = document.activeElement;
            const shows = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                || (s.boxShadow && s.boxShadow !== 'none');
            if (shows(getComputedStyle(el))) return true;
            if (el.matches('input[type=radio], input[type=checkbox]')) {
              const label = document.querySelector('label[for="' + el.id + '"]');
              return shows(getComputedStyle(label, '::before')) || shows(getComputedStyle(label, '::after'));
            }
            return false;""";

    private static void key(Chromium browser, CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private static WebElement focused(Chromium browser) {
        return browser.driver().switchTo().activeElement();
    }

    /** Presses Tab until the focused element matches, checking the focus is visible at every stop. */
    private static void tabTo(Chromium browser, String what, Predicate<WebElement> wanted) {
        for (int presses = 0; presses < 80; presses++) {
            key(browser, Keys.TAB);
            WebElement element = focused(browser);
            assertThat(browser.driver().executeScript(FOCUS_VISIBLE))
                    .as("visible focus on <%s id=%s> on %s", element.getTagName(), element.getAttribute("id"),
                            browser.path())
                    .isEqualTo(true);
            if (wanted.test(element)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + what + " on " + browser.path());
    }

    private static void chooseByKeyboard(Chromium browser, String name, String value) {
        tabTo(browser, name, e -> name.equals(e.getAttribute("name")));
        // Arrow keys move through a radio group and select as they go; Space selects the first.
        key(browser, Keys.SPACE);
        for (int i = 0; i < 15 && !value.equals(focused(browser).getAttribute("value")); i++) {
            key(browser, Keys.ARROW_DOWN);
        }
        assertThat(focused(browser).getAttribute("value")).isEqualTo(value);
        assertThat(focused(browser).isSelected()).isTrue();
    }

    private static void tickByKeyboard(Chromium browser, String name, String value) {
        tabTo(browser, name + "=" + value, e -> name.equals(e.getAttribute("name"))
                && value.equals(e.getAttribute("value")));
        key(browser, Keys.SPACE);
        assertThat(focused(browser).isSelected()).isTrue();
    }

    private static void submitByKeyboard(Chromium browser) {
        WebElement page = browser.find("html");
        // The form's submit button, or the start page's "Start now" (a link styled as a button);
        // never the "Copy code" button, which stays on the page.
        tabTo(browser, "the button", e -> ("button".equals(e.getTagName()) && "submit".equals(e.getAttribute("type")))
                || String.valueOf(e.getAttribute("class")).contains("govuk-button--start"));
        key(browser, Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    @Test
    void aYoungPersonCompletesBigBangWithTheKeyboardAlone() throws IOException {
        try (Chromium browser = phone("keyboard", true)) {
            browser.open("/s/big-bang-2026");
            submitByKeyboard(browser);
            chooseByKeyboard(browser, "age_band", "19-25");
            submitByKeyboard(browser);
            chooseByKeyboard(browser, "ehcp_status", "ehcp");
            submitByKeyboard(browser);
            chooseByKeyboard(browser, "school_phase", "none");
            chooseByKeyboard(browser, "area", "central");
            submitByKeyboard(browser);
            tabTo(browser, "learning_better", e -> "learning_better".equals(e.getAttribute("id")));
            key(browser, "Help finding work");
            submitByKeyboard(browser);
            assertThat(browser.heading())
                    .isEqualTo("Do you have friends you can spend time with outside school, college or work?");
            chooseByKeyboard(browser, "has_friends", "not-sure");
            submitByKeyboard(browser);
            tickByKeyboard(browser, "friends_barriers", "money");
            tickByKeyboard(browser, "friends_barriers", "nothing-to-do");
            submitByKeyboard(browser);
            chooseByKeyboard(browser, "feel_safe", "good");
            submitByKeyboard(browser);
            chooseByKeyboard(browser, "mental_health_support", "yes");
            submitByKeyboard(browser);
            chooseByKeyboard(browser, "mental_health_got_help", "not-good");
            submitByKeyboard(browser);
            chooseByKeyboard(browser, "listened_to", "okay");
            submitByKeyboard(browser);
            chooseByKeyboard(browser, "plan_say", "yes");
            submitByKeyboard(browser);
            chooseByKeyboard(browser, "adulthood_ready", "good");
            tabTo(browser, "adulthood_plans", e -> "adulthood_plans".equals(e.getAttribute("id")));
            key(browser, "Live on my own");
            submitByKeyboard(browser);
            tabTo(browser, "one_change", e -> "one_change".equals(e.getAttribute("id")));
            key(browser, "Buses that run later.");
            submitByKeyboard(browser);
            assertThat(browser.heading()).isEqualTo("Check your answers before sending them");
            assertThat(browser.find(".govuk-summary-list").getText()).contains("Money")
                    .contains("There is nothing to do near me").contains("Buses that run later.");
            submitByKeyboard(browser);
            assertThat(browser.heading()).isEqualTo("Thank you, your answers have been sent");
        }
    }

    @Test
    void pagesReflowAt320PixelsAndWithWiderTextSpacing() throws IOException {
        try (Chromium browser = new Chromium(server.getURI(), "reflow-320", true, 320, 640)) {
            browser.open("/s/family-voice-2026");
            assertReflows(browser, "start");
            browser.press(browser.find("a.govuk-button--start"));
            browser.continueOn();
            assertReflows(browser, "page-1-error");
            browser.open("/");
            assertReflows(browser, "home");
            browser.open("/s/family-voice-2026/resume");
            assertReflows(browser, "resume");
        }
    }

    /** No sideways scrolling, and none after applying the WCAG 1.4.12 text spacing either. */
    private static void assertReflows(Chromium browser, String name) throws IOException {
        assertThat(browser.scrollsSideways()).as("'%s' scrolls sideways at 320px", name).isFalse();
        browser.driver().executeScript("""
                const style = document.createElement('style');
                style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; '
                  + 'word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
                document.head.appendChild(style);""");
        assertThat(browser.scrollsSideways()).as("'%s' scrolls sideways with text spacing", name).isFalse();
        Object clipped = browser.driver().executeScript("""
                return [...document.querySelectorAll('main *')].filter(e => {
                  const s = getComputedStyle(e);
                  return (s.overflow === 'hidden' || s.overflowY === 'hidden') && e.scrollHeight > e.clientHeight + 1
                    && e.clientHeight > 0 && !e.matches('.govuk-visually-hidden, input, .govuk-radios__input');
                }).map(e => e.tagName + '.' + e.className);""");
        assertThat((List<?>) clipped).as("text cut off on '%s' with text spacing", name).isEmpty();
        browser.screenshot(name + "-text-spacing");
    }

    @Test
    void aSurveyPageIsLightAndLoadsNothingFromElsewhere() throws IOException {
        try (Chromium browser = phone("weight", true)) {
            browser.open("/s/family-voice-2026");
            browser.press(browser.find("a.govuk-button--start"));
            // The first survey page with an empty cache: the document and everything it loads.
            @SuppressWarnings("unchecked")
            Map<String, Object> weight = (Map<String, Object>) browser.driver().executeScript("""
                    const entries = [...performance.getEntriesByType('navigation'),
                                     ...performance.getEntriesByType('resource')];
                    return {
                      bytes: entries.reduce((sum, e) => sum + e.transferSize, 0),
                      foreign: entries.map(e => e.name).filter(n => !n.startsWith(location.origin))
                    };""");
            System.out.printf("First survey page weight with an empty cache: %d bytes%n",
                    ((Number) weight.get("bytes")).longValue());
            assertThat((List<?>) weight.get("foreign")).as("requests to other origins").isEmpty();
            assertThat(((Number) weight.get("bytes")).longValue()).as("bytes transferred").isLessThan(80 * 1024);
        }
    }
}
