package uk.chorus.feedback;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The last four quarters of feedback, as the SEND board's quarterly report takes them. */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/feedback/summary", produces = MediaType.TEXT_HTML)
class FeedbackSummaryController {
    static final int QUARTERS = 4;
    static final int MOST_SERVICES = 20;
    private final FeedbackSummaries summaries;
    private final Inspections inspections;
    private final Messages messages;
    private final Clock clock;

    FeedbackSummaryController(FeedbackSummaries summaries, Inspections inspections, Messages messages, Clock clock) {
        this.summaries = summaries;
        this.inspections = inspections;
        this.messages = messages;
        this.clock = clock;
    }

    public record Row(String label, List<String> values, String total) {
    }

    public record Page(String page, String yes, String no, String share, String words) {
    }

    public record Status(String label, String count) {
    }

    @Get
    MutableHttpResponse<?> summary(Authentication authentication) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = FeedbackSummaries.quarterStart(today, QUARTERS - 1);
        List<String> quarters = new ArrayList<>();
        for (int back = QUARTERS - 1; back >= 0; back--) {
            quarters.add(FeedbackSummaries.quarterOf(FeedbackSummaries.quarterStart(today, back)));
        }
        List<Row> channels = summaries.byChannel(from).stream()
                .map(c -> row(messages.get(Channel.fromCode(c.label()).orElseThrow().labelKey()), c, quarters)).toList();
        List<Row> services = summaries.bySubject(from).stream().limit(MOST_SERVICES)
                .map(c -> row(c.label(), c, quarters)).toList();
        List<Page> pages = summaries.localOfferPages(from).stream().map(h -> new Page(
                h.page().isEmpty() ? messages.get("feedback.summary.no.page") : h.page(), count(h.yes()), count(h.no()),
                Double.isNaN(h.share()) ? "" : Math.round(h.share() * 100) + "%", count(h.words()))).toList();
        Map<Inspections.Status, Long> byStatus = inspections.countByStatus();
        List<Status> statuses = new ArrayList<>();
        for (Inspections.Status status : Inspections.Status.values()) {
            statuses.add(new Status(messages.get(status.labelKey()), count(byStatus.getOrDefault(status, 0L))));
        }
        return Pages.render("feedback/summary", Pages.model("titleKey", "feedback.summary.title",
                "staff", Staff.of(authentication), "tab", "summary", "quarters", quarters, "channels", channels,
                "services", services, "pages", pages, "statuses", statuses,
                "since", uk.chorus.web.Dates.longForm(from)));
    }

    private static Row row(String label, FeedbackSummaries.Counts counts, List<String> quarters) {
        return new Row(label, quarters.stream().map(q -> count(counts.byQuarter().getOrDefault(q, 0L))).toList(),
                count(counts.total()));
    }

    private static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }
}
