package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The annual Local Offer feedback report: leads preview a year exactly as it will be public and
 * publish it; the public read every published year at /local-offer-feedback.
 */
@Controller
class LocalOfferReportController {
    private static final int FIRST_YEAR = 2000;
    private final LocalOfferReport report;
    private final Clock clock;
    private final Messages messages;

    LocalOfferReportController(LocalOfferReport report, Clock clock, Messages messages) {
        this.report = report;
        this.messages = messages;
        this.clock = clock;
    }

    @Secured(Role.LEAD_NAME)
    @Get(uri = "/staff/reports/local-offer", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> preview(Authentication authentication, @Nullable @QueryValue String year) {
        int thisYear = LocalDate.now(clock).getYear();
        int chosen = parseYear(year, thisYear);
        if (chosen < 0) {
            return Pages.notFound();
        }
        List<Map<String, Object>> years = new ArrayList<>();
        for (int y = thisYear; y >= thisYear - 4; y--) {
            years.add(Map.of("value", Integer.toString(y), "label", Integer.toString(y), "selected", y == chosen));
        }
        LocalOfferReport.Publication published = report.publication(chosen);
        return Pages.render("reports/local-offer-preview", Pages.model("title", messages.get("localoffer.report.preview.title", Integer.toString(chosen)),
                "staff", Staff.of(authentication), "tab", "local-offer", "content", report.build(chosen), "years", years,
                "year", Integer.toString(chosen), "published", published,
                "publishedAt", published == null ? null : Dates.longForm(published.publishedAt()),
                "backUrl", "/staff/reports"));
    }

    @Secured(Role.LEAD_NAME)
    @Post(uri = "/staff/reports/local-offer/{year}/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> publish(HttpRequest<byte[]> request, Authentication authentication, int year) {
        if (StaffForms.read(authentication, request).isEmpty()) {
            return Pages.expiredForm();
        }
        if (year < FIRST_YEAR || year > LocalDate.now(clock).getYear()) {
            return Pages.notFound();
        }
        report.publish(year, Staff.of(authentication).email());
        return Pages.seeOther("/local-offer-feedback/" + year);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(uri = "/local-offer-feedback", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> years() {
        return Pages.render("reports/local-offer-list", Pages.model("titleKey", "localoffer.report.list.title",
                "publicPage", true, "years", report.published().stream().map(p -> Map.of("year", Integer.toString(p.year()),
                        "href", "/local-offer-feedback/" + p.year(), "published", Dates.longForm(p.publishedAt())))
                        .toList()));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(uri = "/local-offer-feedback/{year}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> year(String year) {
        int chosen = parseYear(year, -1);
        LocalOfferReport.Publication published = chosen < 0 ? null : report.publication(chosen);
        if (published == null) {
            return Pages.notFound();
        }
        return Pages.render("reports/local-offer", Pages.model("title", messages.get("localoffer.report.title", Integer.toString(chosen)),
                "publicPage", true, "content", report.build(chosen), "year", Integer.toString(chosen), "publishedAt", Dates.longForm(published.publishedAt())));
    }

    /** A four-digit year from 2000 to this year; {@code otherwise} when absent, -1 when not a year we hold. */
    private int parseYear(@Nullable String year, int otherwise) {
        if (year == null || year.isEmpty()) {
            return otherwise;
        }
        if (!year.matches("[0-9]{4}")) {
            return -1;
        }
        int y = Integer.parseInt(year);
        return y < FIRST_YEAR || y > LocalDate.now(clock).getYear() ? -1 : y;
    }
}
