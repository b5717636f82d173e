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

    private record Served(Browser.Page page, int status) {
    }

    @Test
    void everyKindOfPageIsValidHtml() {
        Browser browser = browser();
        Map<String, Served> pages = new LinkedHashMap<>();
        pages.put("home", new Served(browser.get("/"), 200));
        pages.put("start", new Served(browser.get("/s/every-type"), 200));
        String page1 = browser.get("/s/every-type/begin").location();
        String base = page1.substring(0, page1.length() - 1);
        pages.put("every choice type", new Served(browser.get(page1), 200));
        pages.put("choice errors on a new draft", new Served(browser.post(page1, "pets", "dog", "score", "11"), 422));
        browser.post(page1, "colour", "red", "pets", "dog");
        pages.put("every text type", new Served(browser.get(base + 2), 200));
        browser.post(base + 2, "name_of_service", "x".repeat(30), "weeks", "abc", "since-month", "13", "since-year", "20");
        pages.put("text errors, shown again after a redirect", new Served(browser.get(base + 2), 200));
        browser.post(base + 2, "story", "<b>bold</b> & \"quoted\"");
        pages.put("save for later", new Served(browser.get(base.replace("/page/", "/later")), 200));
        browser.post(base.replace("/page/", "/submit"));
        pages.put("check with missing answer", new Served(browser.get(base.replace("/page/", "/check?incomplete=true")),
                200));
        browser.post(base + 3, "dog_name_known", "yes");
        pages.put("check answers", new Served(browser.get(base.replace("/page/", "/check")), 200));
        pages.put("confirmation", new Served(browser.submit(base.replace("/page/", "/submit")), 200));
        pages.put("resume", new Served(browser.get("/s/every-type/resume"), 200));
        pages.put("resume error", new Served(browser.post("/s/every-type/resume", "code", "nope"), 422));
        pages.put("closed", new Served(browser.get("/s/closed-2020"), 200));
        pages.put("not open yet", new Served(browser.get("/s/future-2099"), 200));
        pages.put("draft not found", new Served(browser.get("/s/every-type/AAAA-BBBB-CCCC/page/2"), 404));
        pages.put("page not found", new Served(browser.get("/nowhere"), 404));
        pages.put("privacy", new Served(browser.get("/privacy"), 200));
        pages.put("accessibility statement", new Served(browser.get("/accessibility"), 200));
        pages.put("contact", new Served(browser.get("/contact"), 200));
        pages.put("sign in", new Served(browser.get("/sign-in"), 200));
        pages.put("local offer feedback", new Served(browser.get("/feedback/local-offer?page=Short%20breaks"), 200));
        pages.put("local offer feedback, nothing chosen", new Served(browser.post("/feedback/local-offer",
                "page", "Short breaks"), 422));
        pages.put("feedback thanks", new Served(browser.get("/feedback/local-offer/thanks?reference=FB-ABCD-EFGH"), 200));
        pages.put("published results", new Served(browser.get("/results"), 200));
        pages.put("commitments", new Served(browser.get("/commitments"), 200));
        pages.put("what happened next", new Served(browser.get("/what-happened-next?reference=ABCD-EFGH"), 200));
        pages.put("what happened next, unknown", new Served(browser.post("/what-happened-next", "reference", "ABCD-EFGH"),
                404));

        pages.forEach((name, served) -> {
            assertThat(served.page().status()).as(name).isEqualTo(served.status());
            assertThat(HtmlChecker.errors(served.page().body())).as("HTML errors on '%s'", name).isEmpty();
        });
    }
}
