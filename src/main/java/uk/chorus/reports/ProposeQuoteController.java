package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.themes.ThemeSummaries;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Propose as a quote" from search results, a theme's comments or a comment's own page: the lead
 * picks the report (those whose period and sources hold the comment) and the theme (those the
 * comment is counted under), and goes on to the report's quote page for that theme, where the
 * comment is checked exactly as a suggested quote is. Choosing changes nothing, so it is a GET
 * form that works without JavaScript.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/reports/propose", produces = MediaType.TEXT_HTML)
class ProposeQuoteController {
    private final QuotableComments comments;
    private final ReportStore store;
    private final ThemeSummaries summaries;
    private final Messages messages;

    ProposeQuoteController(QuotableComments comments, ReportStore store, ThemeSummaries summaries, Messages messages) {
        this.comments = comments;
        this.store = store;
        this.summaries = summaries;
        this.messages = messages;
    }

    public record Choice(String id, String value, String label, boolean checked) {
    }

    @Get
    MutableHttpResponse<?> choose(Authentication authentication, @Nullable @QueryValue String comment,
                                  @Nullable @QueryValue String report, @Nullable @QueryValue String theme) {
        Staff staff = Staff.of(authentication);
        if (comment != null && comment.startsWith("p:")) {
            // Search lists organisations' pledge reviews beside families' words; say why they are not quoted.
            return Pages.render("reports/propose", Pages.model("titleKey", "reports.propose.title", "staff", staff,
                    "tab", "reports", "organisation", true, "backUrl", "/staff/themes/search"));
        }
        Optional<QuotableComments.Quotable> found = comments.find(comment, summaries.hiddenFrom(staff));
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        QuotableComments.Quotable quotable = found.get();
        List<ReportStore.Report> reports = store.all().stream().filter(r -> QuotableComments.inScope(quotable, r)).toList();
        boolean chosen = report != null || theme != null;
        FormErrors errors = FormErrors.none();
        if (chosen) {
            Optional<ReportStore.Report> picked = reports.stream()
                    .filter(r -> Long.toString(r.id()).equals(report)).findFirst();
            if (picked.isEmpty()) {
                errors.add("report", messages.get("reports.propose.error.report"));
            }
            if (theme == null || !quotable.themes().containsKey(theme)) {
                errors.add("theme", messages.get("reports.propose.error.theme"));
            }
            if (!errors.any()) {
                return Pages.seeOther(UriBuilder.of("/staff/reports/" + picked.get().id() + "/themes/" + theme + "/quotes")
                        .queryParam("comment", quotable.textId()).toString() + "#proposed");
            }
        }
        // The first choice of each group carries the group's id, so the error summary's link lands on it.
        List<Choice> reportChoices = reports.stream().map(r -> new Choice(r == reports.get(0) ? "report" : "report-" + r.id(),
                Long.toString(r.id()),
                messages.get("reports.propose.report.label", r.title(), Dates.longForm(r.from()), Dates.longForm(r.to())),
                Long.toString(r.id()).equals(report))).toList();
        String firstTheme = quotable.themes().isEmpty() ? "" : quotable.themes().keySet().iterator().next();
        List<Choice> themeChoices = quotable.themes().entrySet().stream().map(t -> new Choice(
                t.getKey().equals(firstTheme) ? "theme" : "theme-" + t.getKey(), t.getKey(), t.getValue(),
                t.getKey().equals(theme))).toList();
        Map<String, Object> model = Pages.model("titleKey", "reports.propose.title", "staff", staff, "tab", "reports",
                "comment", quotable.candidate(), "date", Dates.longForm(quotable.date()),
                "reports", reportChoices, "themes", themeChoices,
                "commentHref", "/staff/themes/comments/" + quotable.textId(), "backUrl", "/staff/themes/search");
        return Pages.render(errors.any() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK, "reports/propose",
                errors.addTo(model));
    }
}
