package uk.chorus.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, the home page, assets and error pages; and no identifying column anywhere near answers. */
@MicronautTest(transactional = false)
class ServicePagesTest extends ChorusTest {

    @Test
    void healthIsUpWhenTheDatabaseIs() {
        var health = api().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void theHomePageListsTheOpenSurveys() {
        Browser.Page home = browser().get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.heading()).isEqualTo("Have your say");
        assertThat(home.document().select(".chorus-survey-list a").eachAttr("href"))
                .containsExactlyInAnyOrder("/s/big-bang-2026", "/s/family-voice-2026");
        assertThat(home.text()).contains("For young people aged 11 to 25").contains("For parents and carers");
    }

    @Test
    void stylesAreServedFromThisServiceOnly() {
        Browser.Page home = browser().get("/");
        assertThat(home.document().select("link[rel=stylesheet]").eachAttr("href"))
                .allSatisfy(href -> assertThat(href).startsWith("/assets/"));
        assertThat(browser().asset("/assets/govuk/govuk-frontend.min.css").status()).isEqualTo(200);
        assertThat(browser().asset("/assets/chorus/chorus.css").body()).contains(".chorus-header");
        assertThat(browser().asset("/assets/theme.css").body()).contains("--chorus-brand: #1d4f91");
    }

    @Test
    void unknownPagesGetAPlainNotFoundPage() {
        Browser.Page missing = browser().get("/no/such/page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.heading()).isEqualTo("Page not found");
        var json = api().get("/api/v1/no-such-thing");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.body()).contains("\"message\":\"Page not found.");
    }

    @Test
    void nothingIdentifyingIsStoredWithAnswers() throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = uk.chorus.support.TestDatabase.connect(databaseUrl);
             ResultSet rs = connection.createStatement().executeQuery("SELECT table_name || '.' || column_name "
                     + "FROM information_schema.columns WHERE table_schema = 'public' "
                     + "AND table_name IN ('drafts', 'responses')")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        assertThat(columns).isNotEmpty().noneMatch(c -> c.matches(".*(ip|addr|agent|email|name|phone|cookie|session).*"));
    }
}
