package uk.chorus.reports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForms;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.themes.ThemeSummaries;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.Slugs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Leads build a "you said, we did" report: choose the period and the sources, then for each theme
 * (ranked by how many people raised it) write "You said", approve quotes, see what was done and
 * whether it worked, and publish a fixed version.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/reports", produces = MediaType.TEXT_HTML)
class ReportsController {
    private final ReportStore store;
    private final ReportBuilder builder;
    private final ThemeSummaries summaries;
    private final SurveyVersions versions;
    private final JsonMapper json;
    private final Messages messages;

    ReportsController(ReportStore store, ReportBuilder builder, ThemeSummaries summaries, SurveyVersions versions,
                      JsonMapper json, Messages messages) {
        this.store = store;
        this.builder = builder;
        this.summaries = summaries;
        this.versions = versions;
        this.json = json;
        this.messages = messages;
    }

    public record Listed(long id, String title, String period, String sources, int versions, String href,
                         String publicHref) {
    }

    public record Choice(String id, String value, String label, boolean checked) {
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        List<Listed> listed = new ArrayList<>();
        for (ReportStore.Report report : store.all()) {
            int published = store.versions(report.id()).size();
            listed.add(new Listed(report.id(), report.title(), messages.get("reports.period",
                    Dates.longForm(report.from()), Dates.longForm(report.to())),
                    String.join(", ", report.sources().stream().map(builder::sourceLabel).toList()), published,
                    "/staff/reports/" + report.id(), published > 0 ? "/reports/" + report.slug() : null));
        }
        return Pages.render("reports/list", Pages.model("titleKey", "reports.list.title", "staff",
                Staff.of(authentication), "tab", "reports", "reports", listed));
    }

    @Get("/new")
    MutableHttpResponse<?> newReport(Authentication authentication) {
        int year = LocalDate.now().getYear();
        return form(authentication, HttpStatus.OK, "", LocalDate.of(year, 1, 1).toString(),
                LocalDate.of(year, 12, 31).toString(), List.of(), FormErrors.none());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        String title = StaffForms.first(form.get(), "title").strip();
        String fromText = StaffForms.first(form.get(), "from").strip();
        String toText = StaffForms.first(form.get(), "to").strip();
        List<String> sources = form.get().getOrDefault("source", List.of()).stream()
                .filter(s -> sourceChoices(List.of()).stream().anyMatch(c -> c.value().equals(s))).distinct().toList();
        FormErrors errors = FormErrors.none();
        if (title.isEmpty() || title.length() > 200) {
            errors.add("title", messages.get("reports.new.error.title"));
        }
        LocalDate from = date(fromText);
        LocalDate to = date(toText);
        if (from == null) {
            errors.add("from", messages.get("reports.new.error.from"));
        }
        if (to == null || from != null && to.isBefore(from)) {
            errors.add("to", messages.get("reports.new.error.to"));
        }
        if (sources.isEmpty()) {
            errors.add("source-feedback", messages.get("reports.new.error.sources"));
        }
        if (errors.any()) {
            return form(authentication, HttpStatus.UNPROCESSABLE_ENTITY, title, fromText, toText, sources, errors);
        }
        String slug = Slugs.of(title, "report");
        Optional<Long> id = Optional.empty();
        for (int n = 1; id.isEmpty() && n < 100; n++) {
            id = store.create(n == 1 ? slug : slug + "-" + n, title, from, to, sources, Staff.of(authentication).email());
        }
        return Pages.seeOther("/staff/reports/" + id.orElseThrow());
    }

    @Get("/{id}")
    MutableHttpResponse<?> builder(Authentication authentication, long id) {
        Optional<ReportStore.Report> report = store.find(id);
        if (report.isEmpty()) {
            return Pages.notFound();
        }
        Staff staff = Staff.of(authentication);
        ReportContent content = builder.build(report.get(), summaries.hiddenFrom(staff));
        Map<String, List<ReportStore.Quote>> quotes = new java.util.LinkedHashMap<>();
        store.quotes(id).forEach(q -> quotes.computeIfAbsent(q.themeId(), t -> new ArrayList<>()).add(q));
        List<Map<String, Object>> themes = new ArrayList<>();
        for (ReportContent.ThemeSection section : content.themes()) {
            themes.add(Map.of("section", section, "quotes", quotes.getOrDefault(section.themeId(), List.of()),
                    "wordsId", "words-" + section.themeId()));
        }
        List<ReportStore.Version> published = store.versions(id);
        return Pages.render("reports/builder", Pages.model("title", report.get().title(), "staff", staff,
                "tab", "reports", "report", report.get(), "content", content, "themes", themes,
                "published", published.stream().map(v -> Map.of("version", v.version(), "when",
                        Dates.longForm(v.publishedAt()), "by", v.publishedBy(), "correction",
                        v.correction() == null ? "" : v.correction(), "href",
                        "/reports/" + report.get().slug() + "/versions/" + v.version())).toList(),
                "backUrl", "/staff/reports"));
    }

    @Post(uri = "/{id}/themes/{themeId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> youSaid(HttpRequest<byte[]> request, Authentication authentication, long id, String themeId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        if (store.find(id).isEmpty()) {
            return Pages.notFound();
        }
        String words = StaffForms.first(form.get(), "words").strip();
        if (words.isEmpty() || words.length() > 3000) {
            return Pages.error(HttpStatus.UNPROCESSABLE_ENTITY, "reports.words.error.title", "reports.words.error.body");
        }
        try {
            store.saveYouSaid(id, themeId, words, Staff.of(authentication).email());
        } catch (RuntimeException e) {
            // An unknown theme breaks the foreign key: nothing was written.
            return Pages.notFound();
        }
        return Pages.seeOther("/staff/reports/" + id + "#theme-" + themeId);
    }

    @Post(uri = "/{id}/quotes/{quoteId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeQuote(HttpRequest<byte[]> request, Authentication authentication, long id, long quoteId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        store.removeQuote(id, quoteId, Staff.of(authentication).email());
        return Pages.seeOther("/staff/reports/" + id);
    }

    /** Publishes what the builder shows now as the next fixed version; a later one is a correction. */
    @Post(uri = "/{id}/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publish(HttpRequest<byte[]> request, Authentication authentication, long id) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<ReportStore.Report> report = store.find(id);
        if (report.isEmpty()) {
            return Pages.notFound();
        }
        String correction = StaffForms.first(form.get(), "correction").strip();
        boolean first = store.versions(id).isEmpty();
        if (!first && (correction.isEmpty() || correction.length() > 1000)) {
            return Pages.error(HttpStatus.UNPROCESSABLE_ENTITY, "reports.publish.error.title",
                    "reports.publish.error.correction");
        }
        Staff staff = Staff.of(authentication);
        // Checked again as it is published, whatever wrote the quote: only a comment's own words go out.
        List<String> unfaithful = store.quotes(id).stream().filter(q -> summaries.text(q.textId())
                .map(source -> !QuoteSource.check(source, q.quote()).faithful()).orElse(true))
                .map(q -> "“" + q.quote() + "”").toList();
        if (!unfaithful.isEmpty()) {
            return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "errors/error", Pages.model(
                    "titleKey", "reports.publish.error.quotes.title",
                    "body", messages.get("reports.publish.error.quotes", String.join(", ", unfaithful))));
        }
        ReportContent content = builder.build(report.get(), summaries.hiddenFrom(staff));
        try {
            store.publish(id, json.writeValueAsString(content), first ? null : correction, staff.email());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Pages.seeOther("/reports/" + report.get().slug());
    }

    private MutableHttpResponse<?> form(Authentication authentication, HttpStatus status, String title, String from,
                                        String to, List<String> sources, FormErrors errors) {
        return Pages.render(status, "reports/new", errors.addTo(Pages.model("titleKey", "reports.new.title",
                "staff", Staff.of(authentication), "tab", "reports", "reportTitle", title, "from", from, "to", to,
                "sources", sourceChoices(sources), "backUrl", "/staff/reports")));
    }

    private List<Choice> sourceChoices(List<String> chosen) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("source-feedback", ReportBuilder.FEEDBACK, messages.get("reports.source.feedback"),
                chosen.contains(ReportBuilder.FEEDBACK)));
        for (LiveSurvey survey : versions.newestOfEach()) {
            String value = ReportBuilder.SURVEY + survey.id();
            choices.add(new Choice("source-" + survey.id(), value, survey.definition().title(), chosen.contains(value)));
        }
        choices.add(new Choice("source-pledge", ReportBuilder.PLEDGE, messages.get("reports.source.pledge"),
                chosen.contains(ReportBuilder.PLEDGE)));
        return choices;
    }


    private static LocalDate date(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
