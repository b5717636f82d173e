package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.themes.ThemeSummaries;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Choosing quotes for a theme: the comments that say most typically what its comments say, each
 * already checked, with what could identify someone redacted and listed. The lead can cut words
 * (marked "…") and redact more, and nothing else: a quote that is not the comment's own words is
 * refused ({@link QuoteSource}). What they approve is checked again, and anything still found
 * must be confirmed as safe by name. A quote is attributed to a group only when that group holds at least the smallest
 * group of people under the theme.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/reports/{id}/themes/{themeId}/quotes", produces = MediaType.TEXT_HTML)
class QuotesController {
    private static final int SUGGESTED = 5;
    private static final int LONGEST = 2000;
    private final ReportStore store;
    private final ReportBuilder builder;
    private final ThemeSummaries summaries;
    private final QuoteChecker checker;
    private final Gazetteer gazetteer;
    private final Messages messages;
    private final QuotableComments quotable;

    QuotesController(ReportStore store, ReportBuilder builder, ThemeSummaries summaries, Gazetteer gazetteer,
                     Messages messages, QuotableComments quotable) {
        this.quotable = quotable;
        this.store = store;
        this.builder = builder;
        this.summaries = summaries;
        this.checker = new QuoteChecker();
        this.gazetteer = gazetteer;
        this.messages = messages;
    }

    public record Part(String kind, String text) {
    }

    public record Attribution(String id, String value, String label, boolean checked) {
    }

    public record Suggestion(int number, String textId, String original, String redacted, List<Part> found,
                             List<Attribution> attributions, List<Attribution> safe, @Nullable String error,
                             boolean quoted, boolean proposed) {
        /** The id of the quote's field: the comment's id with only letters, digits and hyphens. */
        public String fieldId() {
            return "quote-" + textId.replaceAll("[^A-Za-z0-9]", "-");
        }

        public String safeId() {
            return "safe-" + number;
        }

        public String attributionId() {
            return "attribution-" + textId.replaceAll("[^A-Za-z0-9]", "-");
        }
    }

    /** @param comment a comment proposed from search or a theme's list, shown first when this report may quote it */
    @Get
    MutableHttpResponse<?> suggestions(Authentication authentication, long id, String themeId,
                                       @Nullable @QueryValue String comment) {
        return page(authentication, id, themeId, comment, null, null, null, HttpStatus.OK);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> approve(HttpRequest<byte[]> request, Authentication authentication, long id, String themeId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        String textId = StaffForms.first(form.get(), "textId");
        // Invisible characters (zero-width spaces, joiners) show nothing and can only hide a word from the check.
        String quote = QuoteText.visible(StaffForms.first(form.get(), "quote")).strip();
        String attribution = StaffForms.first(form.get(), "attribution");
        boolean confirmed = "yes".equals(StaffForms.first(form.get(), "safe"));
        Optional<ReportStore.Report> report = store.find(id);
        if (report.isEmpty()) {
            return Pages.notFound();
        }
        Staff staff = Staff.of(authentication);
        // Any comment the lead may read is accepted, not only a suggested one, where the report may quote it.
        Optional<ThemeSummaries.Candidate> candidate = candidates(report.get(), themeId, staff, textId).stream()
                .filter(c -> c.textId().equals(textId)).findFirst();
        if (candidate.isEmpty()) {
            return Pages.notFound();
        }
        if (quote.isEmpty() || quote.length() > LONGEST) {
            return page(authentication, id, themeId, textId, textId, quote, messages.get("reports.quotes.error.length", LONGEST),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        QuoteSource.Verdict verdict = QuoteSource.check(candidate.get().text(), quote);
        if (!verdict.faithful()) {
            return page(authentication, id, themeId, textId, textId, quote, verdict.words().isEmpty()
                    ? messages.get("reports.quotes.error.source.order")
                    : messages.get("reports.quotes.error.source", String.join(" ", verdict.words())),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        QuoteChecker.Checked checked = checker.check(quote, gazetteer.all());
        if (!checked.clean() && !confirmed) {
            return page(authentication, id, themeId, textId, textId, quote, messages.get("reports.quotes.error.still",
                    String.join(", ", checked.found().stream().map(f -> "“" + f.text() + "”").toList())),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        List<Attribution> allowed = attributions(report.get(), themeId, candidate.get(), staff, "");
        String label = attribution.isEmpty() ? null : allowed.stream().filter(a -> a.value().equals(attribution))
                .map(Attribution::label).findFirst().orElse(null);
        if (!attribution.isEmpty() && label == null) {
            return page(authentication, id, themeId, textId, textId, quote, messages.get("reports.quotes.error.attribution"),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            store.approveQuote(id, themeId, textId, quote, label, staff.email());
        } catch (RuntimeException e) {
            // The comment was erased between the suggestion and the approval: there is nothing to quote.
            return Pages.notFound();
        }
        return Pages.seeOther("/staff/reports/" + id + "#theme-" + themeId);
    }

    private MutableHttpResponse<?> page(Authentication authentication, long id, String themeId, @Nullable String proposedId,
                                        @Nullable String failedId, @Nullable String failedQuote, @Nullable String error,
                                        HttpStatus status) {
        Optional<ReportStore.Report> report = store.find(id);
        if (report.isEmpty()) {
            return Pages.notFound();
        }
        Staff staff = Staff.of(authentication);
        Optional<ReportContent.ThemeSection> section = builder.build(report.get(), summaries.hiddenFrom(staff)).themes()
                .stream().filter(t -> t.themeId().equals(themeId)).findFirst();
        if (section.isEmpty()) {
            return Pages.notFound();
        }
        Set<String> quoted = new java.util.HashSet<>();
        store.quotes(id).forEach(q -> quoted.add(q.textId()));
        List<QuoteChecker.Entry> places = gazetteer.all();
        List<Suggestion> suggestions = new ArrayList<>();
        int number = 0;
        List<ThemeSummaries.Candidate> typical = typical(report.get(), themeId, staff);
        List<ThemeSummaries.Candidate> candidates = withProposal(typical, report.get(), themeId, staff, proposedId);
        boolean proposedShown = proposedId != null && candidates.stream().anyMatch(c -> c.textId().equals(proposedId));
        // A proposal that is not among the typical comments comes first, under its own heading.
        boolean proposedFirst = candidates.size() > typical.size();
        for (ThemeSummaries.Candidate candidate : candidates) {
            number++;
            boolean failed = candidate.textId().equals(failedId);
            QuoteChecker.Checked checked = checker.check(candidate.text(), places);
            List<Part> found = checked.found().stream()
                    .map(f -> new Part(messages.get("reports.kind." + f.kind().code()), f.text())).toList();
            suggestions.add(new Suggestion(number, candidate.textId(), candidate.text(),
                    failed ? failedQuote : checked.redacted(), found,
                    attributions(report.get(), themeId, candidate, staff, ""),
                    List.of(new Attribution("safe-" + number, "yes", messages.get("reports.quotes.safe"), false)),
                    failed ? error : null,
                    quoted.contains(candidate.textId()), proposedFirst && number == 1));
        }
        Map<String, Object> model = Pages.model("title", messages.get("reports.quotes.title", section.get().name()),
                "staff", staff, "tab", "reports", "report", report.get(), "theme", section.get(),
                "suggestions", suggestions, "smallestGroup", builder.smallestGroup(), "backUrl", "/staff/reports/" + id,
                "proposedMissing", proposedId != null && !proposedShown);
        if (error != null) {
            model.put("errors", List.of(Map.of("href", "#quote-" + failedId.replaceAll("[^A-Za-z0-9]", "-"), "text", error)));
        }
        return Pages.render(status, "reports/quotes", model);
    }

    /**
     * The typical comments of the theme, and first the comment a lead proposed (from search or a
     * theme's list) when it is one they may read, in this report's period and sources, and counted
     * under this theme.
     */
    private List<ThemeSummaries.Candidate> candidates(ReportStore.Report report, String themeId, Staff staff,
                                                      @Nullable String proposedId) {
        return withProposal(typical(report, themeId, staff), report, themeId, staff, proposedId);
    }

    private List<ThemeSummaries.Candidate> typical(ReportStore.Report report, String themeId, Staff staff) {
        // Quotes are families' and young people's words: organisations' pledge reviews are not quoted.
        return summaries.typical(builder.scopes(report), themeId, SUGGESTED, summaries.hiddenFrom(staff)).stream()
                .filter(c -> c.textId().startsWith("r:") || c.textId().startsWith("f:")).toList();
    }

    private List<ThemeSummaries.Candidate> withProposal(List<ThemeSummaries.Candidate> typical,
                                                        ReportStore.Report report, String themeId, Staff staff,
                                                        @Nullable String proposedId) {
        List<ThemeSummaries.Candidate> candidates = new ArrayList<>(typical);
        if (proposedId != null && candidates.stream().noneMatch(c -> c.textId().equals(proposedId))) {
            quotable.find(proposedId, summaries.hiddenFrom(staff))
                    .filter(q -> QuotableComments.inScope(q, report) && q.themes().containsKey(themeId))
                    .ifPresent(q -> candidates.add(0, q.candidate()));
        }
        return candidates;
    }

    /**
     * Who a quote may be said to come from: nobody, its source, or its source and one of its
     * groups, where that group holds at least the smallest group of people under the theme.
     */
    private List<Attribution> attributions(ReportStore.Report report, String themeId, ThemeSummaries.Candidate candidate,
                                           Staff staff, String chosen) {
        List<Attribution> choices = new ArrayList<>();
        String prefix = "a-" + candidate.textId().replaceAll("[^A-Za-z0-9]", "-") + "-";
        choices.add(new Attribution(prefix + "none", "", messages.get("reports.quotes.attribution.none"), chosen.isEmpty()));
        choices.add(new Attribution(prefix + "source", "source", candidate.source(), chosen.equals("source")));
        Map<String, String> groups = new LinkedHashMap<>(candidate.groups());
        for (ThemeSummaries.Group group : summaries.groupSizes(builder.scopes(report), themeId, groups,
                summaries.hiddenFrom(staff))) {
            if (group.people() >= builder.smallestGroup()) {
                String value = "group:" + group.dimension();
                choices.add(new Attribution(prefix + group.dimension(), value,
                        messages.get("reports.quotes.attribution.group", candidate.source(), group.label()),
                        chosen.equals(value)));
            }
        }
        return choices;
    }
}
