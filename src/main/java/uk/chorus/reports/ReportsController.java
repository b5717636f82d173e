package uk.chorus.reports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
    private static final int SUGGESTED = 2;
    private final ReportStore store;
    private final ReportBuilder builder;
    private final ThemeSummaries summaries;
    private final SurveyVersions versions;
    private final Messages messages;

    ReportsController(ReportStore store, ReportBuilder builder, ThemeSummaries summaries, SurveyVersions versions,
                      Messages messages) {
        this.store = store;
        this.builder = builder;
        this.summaries = summaries;
        this.versions = versions;
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
        return page(authentication, report.get(), HttpStatus.OK, Map.of(), FormErrors.none());
    }

    /**
     * The builder's one form: every theme's words, the quotes taken out and the suggested quotes
     * kept, saved together or not at all. Words that are too long come back with everything typed.
     */
    @Post(uri = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<byte[]> request, Authentication authentication, long id) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<ReportStore.Report> report = store.find(id);
        if (report.isEmpty()) {
            return Pages.notFound();
        }
        Staff staff = Staff.of(authentication);
        ReportContent content = builder.build(report.get(), summaries.hiddenFrom(staff));
        Map<String, String> typed = new java.util.LinkedHashMap<>();
        FormErrors errors = FormErrors.none();
        for (ReportContent.ThemeSection section : content.themes()) {
            if (form.get().containsKey("words-" + section.themeId())) {
                String words = StaffForms.first(form.get(), "words-" + section.themeId()).strip();
                typed.put(section.themeId(), words);
                if (words.length() > 3000) {
                    errors.add("words-" + section.themeId(), messages.get("reports.builder.error.words", section.name()));
                }
            }
        }
        if (errors.any()) {
            return page(authentication, report.get(), HttpStatus.UNPROCESSABLE_ENTITY, typed, errors);
        }
        Map<String, String> drafts = new java.util.HashMap<>();
        content.themes().forEach(t -> drafts.put(t.themeId(), builder.firstDraft(t)));
        // Words left as the first draft stay a draft, so they follow the counts as they change.
        typed.replaceAll((theme, words) -> words.equals(drafts.get(theme)) ? "" : words);
        List<Long> removed = form.get().getOrDefault("remove", List.of()).stream()
                .filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf).toList();
        List<String> kept = form.get().getOrDefault("use", List.of());
        List<ReportBuilder.Suggested> keptQuotes = new ArrayList<>();
        for (ReportContent.ThemeSection section : content.themes()) {
            if (kept.stream().noneMatch(v -> v.startsWith(section.themeId() + " "))) {
                continue;
            }
            // The words quoted are the comment's own as suggested now, never text sent with the form.
            builder.suggestedQuotes(report.get(), section, SUGGESTED, summaries.hiddenFrom(staff)).stream()
                    .filter(q -> kept.contains(section.themeId() + " " + q.textId())).forEach(keptQuotes::add);
        }
        store.saveAll(id, typed, removed, keptQuotes, staff.email());
        return Pages.seeOther("/staff/reports/" + id + "?saved=yes");
    }

    private MutableHttpResponse<?> page(Authentication authentication, ReportStore.Report report, HttpStatus status,
                                        Map<String, String> typed, FormErrors errors) {
        Staff staff = Staff.of(authentication);
        ReportContent content = builder.build(report, summaries.hiddenFrom(staff));
        Map<String, String> saved = store.youSaid(report.id());
        Map<String, List<ReportStore.Quote>> quotes = new java.util.LinkedHashMap<>();
        store.quotes(report.id()).forEach(q -> quotes.computeIfAbsent(q.themeId(), t -> new ArrayList<>()).add(q));
        List<Map<String, Object>> themes = new ArrayList<>();
        for (ReportContent.ThemeSection section : content.themes()) {
            List<ReportStore.Quote> approved = quotes.getOrDefault(section.themeId(), List.of());
            java.util.Set<String> quoted = new java.util.HashSet<>();
            approved.forEach(q -> quoted.add(q.textId()));
            // Suggestions are offered, already ticked, only while a theme has no quotes of its own.
            List<Map<String, Object>> suggested = approved.isEmpty() ? builder.suggestedQuotes(report, section,
                    SUGGESTED, summaries.hiddenFrom(staff)).stream().filter(q -> !quoted.contains(q.textId()))
                    .map(q -> Map.<String, Object>of("value", section.themeId() + " " + q.textId(), "text", q.text(),
                            "source", q.source(), "id", "use-" + q.textId().replaceAll("[^A-Za-z0-9]", "-")))
                    .toList() : List.of();
            themes.add(Map.of("section", section, "quotes", approved, "suggested", suggested,
                    "wordsId", "words-" + section.themeId(),
                    "words", typed.getOrDefault(section.themeId(), section.youSaid()),
                    "drafted", !saved.containsKey(section.themeId()),
                    "error", errors.byField().getOrDefault("words-" + section.themeId(), "")));
        }
        List<ReportStore.Version> published = store.versions(report.id());
        return Pages.render(status, "reports/builder", errors.addTo(Pages.model("title", report.title(), "staff", staff,
                "tab", "reports", "report", report, "content", content, "themes", themes,
                "published", published.stream().map(v -> Map.of("version", v.version(), "when",
                        Dates.longForm(v.publishedAt()), "by", v.publishedBy(), "correction",
                        v.correction() == null ? "" : v.correction(), "href",
                        "/reports/" + report.slug() + "/versions/" + v.version())).toList(),
                "backUrl", "/staff/reports")));
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
