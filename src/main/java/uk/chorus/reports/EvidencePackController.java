package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.themes.ThemeSummaries;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The evidence pack for a chosen period, as a page and as a tagged PDF made from the same
 * content. Choosing the period is a GET form (it changes nothing); a date that is not a date, or
 * a period that ends before it starts, is explained on the page.
 */
@Secured({Role.LEAD_NAME, Role.VIEWER_NAME})
@Controller("/staff/reports/evidence")
class EvidencePackController {
    private final EvidencePack pack;
    private final ReportFormats formats;
    private final ThemeSummaries summaries;
    private final Messages messages;
    private final Clock clock;

    EvidencePackController(EvidencePack pack, ReportFormats formats, ThemeSummaries summaries, Messages messages,
                           Clock clock) {
        this.pack = pack;
        this.formats = formats;
        this.summaries = summaries;
        this.messages = messages;
        this.clock = clock;
    }

    private record Period(@Nullable LocalDate from, @Nullable LocalDate to, FormErrors errors) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> page(Authentication authentication, @Nullable @QueryValue String from,
                                @Nullable @QueryValue String to) {
        Staff staff = Staff.of(authentication);
        Period period = period(from, to);
        Map<String, Object> model = Pages.model("titleKey", "evidence.title", "staff", staff, "tab", "evidence",
                "from", from == null ? period.from().toString() : from, "to", to == null ? period.to().toString() : to,
                "lead", staff.is(Role.LEAD));
        if (period.errors().any()) {
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "reports/evidence", period.errors().addTo(model));
        }
        model.put("content", pack.build(period.from(), period.to(), summaries.hiddenFrom(staff)));
        model.put("pdfHref", "/staff/reports/evidence/evidence-pack.pdf?from=" + period.from() + "&to=" + period.to());
        return Pages.render("reports/evidence", model);
    }

    @Get(uri = "/evidence-pack.pdf", produces = "application/pdf")
    MutableHttpResponse<?> pdf(Authentication authentication, @Nullable @QueryValue String from,
                               @Nullable @QueryValue String to) {
        Period period = period(from, to);
        if (period.errors().any()) {
            return Pages.error(HttpStatus.BAD_REQUEST, "error.bad.form.title", "error.bad.form.body");
        }
        byte[] pdf = formats.pdf("reports/evidence-pdf", Map.of("content",
                pack.build(period.from(), period.to(), summaries.hiddenFrom(Staff.of(authentication)))));
        return HttpResponse.ok(pdf).contentType(new MediaType("application/pdf"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"evidence-pack-" + period.from() + "-to-"
                        + period.to() + ".pdf\"");
    }

    /** The period asked for; by default the twelve months to today. */
    private Period period(@Nullable String from, @Nullable String to) {
        LocalDate today = LocalDate.now(clock);
        FormErrors errors = FormErrors.none();
        LocalDate start = date(from, today.minusYears(1).plusDays(1));
        LocalDate end = date(to, today);
        if (start == null) {
            errors.add("from", messages.get("evidence.error.from"));
        }
        if (end == null) {
            errors.add("to", messages.get("evidence.error.to"));
        }
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("to", messages.get("evidence.error.order"));
        }
        return new Period(start, end, errors);
    }

    private static @Nullable LocalDate date(@Nullable String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
