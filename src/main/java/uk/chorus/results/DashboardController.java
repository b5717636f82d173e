package uk.chorus.results;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.accounts.AnswerAccess;
import uk.chorus.accounts.Staff;
import uk.chorus.responses.ResponseCounts;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.Dates;
import uk.chorus.web.Pages;

import java.util.List;

/** The staff home page: every survey, who owns it, and how many have answered. */
@Controller(value = "/staff", produces = MediaType.TEXT_HTML)
class DashboardController {
    private final SurveyCatalogue catalogue;
    private final ResponseRecords records;
    private static final int COARSE = 10;
    private final AnswerAccess access;
    private final uk.chorus.web.Messages messages;

    DashboardController(SurveyCatalogue catalogue, ResponseRecords records, AnswerAccess access,
                        uk.chorus.web.Messages messages) {
        this.messages = messages;
        this.catalogue = catalogue;
        this.records = records;
        this.access = access;
    }

    // Not "partial": Handlebars reads {{partial}} as its partial helper.
    public record SurveyRow(String id, String title, String ownerKey, String closes, String completeCount,
                            String partialCount, boolean canSeeAnswers) {
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get
    MutableHttpResponse<?> dashboard(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        List<SurveyRow> rows = catalogue.all().stream().map(s -> {
            ResponseCounts counts = records.count(s.id());
            String forum = s.definition().forum();
            String owner = forum == null ? "dashboard.owner.team" : "dashboard.owner." + forum;
            boolean lead = access.canSeeAnswers(staff, s.definition());
            return new SurveyRow(s.id(), s.definition().title(), owner, Dates.longForm(s.definition().closes()),
                    lead ? Figures.count(counts.complete()) : coarse(counts.complete()),
                    lead ? Figures.count(counts.partial()) : coarse(counts.partial()), lead);
        }).toList();
        return Pages.render("results/dashboard", Pages.model("titleKey", "dashboard.title", "staff", staff,
                "surveys", rows));
    }

    /**
     * A live count for anyone but the survey's leads: in tens, so that watching it cannot tell one
     * family's submission from the next nine (published figures themselves never move).
     */
    private String coarse(long count) {
        return count < COARSE ? messages.get("dashboard.coarse.few", COARSE)
                : messages.get("dashboard.coarse", Figures.count(count / COARSE * COARSE));
    }
}
