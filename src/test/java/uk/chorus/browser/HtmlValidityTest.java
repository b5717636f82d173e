package uk.chorus.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw HTML of every kind of page, as served (errors and refusals included), has no Nu errors. */
@MicronautTest(transactional = false)
class HtmlValidityTest extends ChorusTest {

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-fixtures";
    }

    @Test
    void everyKindOfPageIsValidHtml() {
        Browser browser = browser();
        Map<String, Browser.Page> pages = new LinkedHashMap<>();
        pages.put("home", browser.get("/"));
        pages.put("start", browser.get("/s/every-type"));
        String page1 = browser.post("/s/every-type/start").location();
        String base = page1.substring(0, page1.length() - 1);
        pages.put("every choice type", browser.get(page1));
        pages.put("choice errors", browser.post(page1, "pets", "dog", "score", "11"));
        browser.post(page1, "colour", "red", "pets", "dog");
        pages.put("every text type", browser.get(base + 2));
        pages.put("text errors", browser.post(base + 2, "name_of_service", "x".repeat(30), "weeks", "abc",
                "since-month", "13", "since-year", "20"));
        browser.post(base + 2, "story", "<b>bold</b> & \"quoted\"");
        pages.put("save for later", browser.get(base.replace("/page/", "/later")));
        pages.put("check with missing answer", browser.post(base.replace("/page/", "/submit")));
        browser.post(base + 3, "dog_name_known", "yes");
        pages.put("check answers", browser.get(base.replace("/page/", "/check")));
        pages.put("confirmation", browser.submit(base.replace("/page/", "/submit")));
        pages.put("resume", browser.get("/s/every-type/resume"));
        pages.put("resume error", browser.post("/s/every-type/resume", "code", "nope"));
        pages.put("closed", browser.get("/s/closed-2020"));
        pages.put("not open yet", browser.get("/s/future-2099"));
        pages.put("draft not found", browser.get("/s/every-type/AAAA-BBBB-CCCC/page/1"));
        pages.put("page not found", browser.get("/nowhere"));

        pages.forEach((name, page) -> {
            assertThat(page.status()).as(name).isBetween(200, 499);
            assertThat(HtmlChecker.errors(page.body())).as("HTML errors on '%s'", name).isEmpty();
        });
    }
}
