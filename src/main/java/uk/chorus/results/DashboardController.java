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
    private final AnswerAccess access;

    DashboardController(SurveyCatalogue catalogue, ResponseRecords records, AnswerAccess access) {
        this.catalogue = catalogue;
        this.records = records;
        this.access = access;
    }

    // Not "partial": Handlebars reads {{partial}} as its partial helper.
    public record SurveyRow(String id, String title, String ownerKey, String closes, long completeCount,
                            long partialCount, boolean canSeeAnswers) {
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get
    MutableHttpResponse<?> dashboard(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        List<SurveyRow> rows = catalogue.all().stream().map(s -> {
            ResponseCounts counts = records.count(s.id());
            String forum = s.definition().forum();
            String owner = forum == null ? "dashboard.owner.team" : "dashboard.owner." + forum;
            return new SurveyRow(s.id(), s.definition().title(), owner, Dates.longForm(s.definition().closes()),
                    counts.complete(), counts.partial(), access.canSeeAnswers(staff, s.definition()));
        }).toList();
        return Pages.render("results/dashboard", Pages.model("titleKey", "dashboard.title", "staff", staff,
                "surveys", rows));
    }
}
