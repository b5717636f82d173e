package uk.chorus.themes;

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
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.web.Charts;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The theme dashboard (how many people raised each theme, by group or by quarter, with a chart of
 * themes over time) and the theme editor, whose preview shows the comments a definition would
 * match, and how many, before it is saved.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/themes", produces = MediaType.TEXT_HTML)
class ThemesController {
    private static final int CHARTED = 6;
    private static final String[] TONES = {"c1", "c2", "c3", "c4", "c5", "c6"};
    private final ThemeStore store;
    private final ThemeQueries themes;
    private final ThemeDashboard dashboard;
    private final CommentSearch search;
    private final Readers readers;
    private final SmallestGroup smallestGroup;
    private final Messages messages;

    private final TaggerAgreement agreement;

    ThemesController(ThemeStore store, ThemeQueries themes, ThemeDashboard dashboard, CommentSearch search,
                     Readers readers, SmallestGroup smallestGroup, Messages messages, TaggerAgreement agreement) {
        this.agreement = agreement;
        this.store = store;
        this.themes = themes;
        this.dashboard = dashboard;
        this.search = search;
        this.readers = readers;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
    }

    public record Column(String label) {
    }

    public record Row(String id, String name, String people, String comments, List<String> cells, String href,
                      String editHref) {
    }

    public record Choice(String value, String label, boolean selected) {
    }

    @Get
    MutableHttpResponse<?> dashboard(HttpRequest<?> request, Authentication authentication,
                                     @Nullable @QueryValue String by, @Nullable @QueryValue String order) {
        Staff staff = Staff.of(authentication);
        CommentSearch.Request wanted = readers.request(request, readers.hiddenFrom(staff));
        String split = by == null || !(by.equals("quarter") || List.of("ehcp", "age-band", "primary-need", "school-phase",
                "area").contains(by)) ? "ehcp" : by;
        int threshold = smallestGroup.standard();
        ThemeDashboard.Table table = dashboard.table(wanted, split, threshold);
        List<Column> columns = table.columns().stream().map(c -> new Column(c.equals(ThemeDashboard.NOT_SAID)
                ? messages.get(split.equals("quarter") ? "themes.dashboard.no.date" : "themes.dashboard.not.said")
                : split.equals("quarter") ? c : readers.label(split, c))).toList();
        // Most people first unless asked for the order the themes are arranged in; withheld counts last.
        boolean arranged = "arranged".equals(order);
        List<Row> rows = table.rows().stream().sorted(arranged ? (a, b) -> 0
                : Comparator.comparingLong((ThemeDashboard.Row r) -> r.people() == null ? -1 : r.people()).reversed())
                .map(r -> new Row(r.themeId(), r.name(),
                r.people() == null ? "[c]" : count(r.people()), count(r.comments()),
                r.cells().stream().map(c -> c == null ? "[c]" : count(c)).toList(),
                Readers.link("/staff/themes/search", wanted, Map.of("theme", r.themeId())),
                "/staff/themes/" + r.themeId() + "/edit")).toList();
        List<Choice> splits = new ArrayList<>();
        splits.add(new Choice("quarter", messages.get("themes.dashboard.by.quarter"), split.equals("quarter")));
        readers.topics().forEach(t -> splits.add(new Choice(t.get("value"), t.get("label"), split.equals(t.get("value")))));
        List<Choice> orders = List.of(new Choice("people", messages.get("themes.dashboard.order.people"), !arranged),
                new Choice("arranged", messages.get("themes.dashboard.order.arranged"), arranged));
        return Pages.render("themes/dashboard", Pages.model("titleKey", "themes.dashboard.title", "staff", staff,
                "orders", orders,
                "tab", "dashboard", "columns", columns, "rows", rows, "splits", splits, "smallestGroup", threshold,
                "withheld", table.anyWithheld(), "chart", chart(wanted, threshold), "total",
                count(search.counts(wanted).respondents())));
    }

    /** The most-raised themes over the quarters, as lines (withheld counts left out). */
    private Charts.LinesChart chart(CommentSearch.Request wanted, int threshold) {
        ThemeDashboard.Table quarters = dashboard.table(wanted, "quarter", threshold);
        List<String> columns = quarters.columns().stream().filter(c -> !c.equals(ThemeDashboard.NOT_SAID)).toList();
        if (columns.isEmpty()) {
            return null;
        }
        List<ThemeDashboard.Row> top = quarters.rows().stream()
                .sorted(Comparator.comparingLong((ThemeDashboard.Row r) -> r.people() == null ? 0 : r.people()).reversed())
                .limit(CHARTED).toList();
        List<Charts.SeriesInput> series = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            List<Double> values = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Long cell = top.get(i).cells().get(c);
                values.add(cell == null ? Double.NaN : cell);
            }
            series.add(new Charts.SeriesInput(top.get(i).name(), TONES[i], values));
        }
        return Charts.lines("themes-over-time", messages.get("themes.dashboard.chart.title"),
                messages.get("themes.dashboard.chart.description", CHARTED), columns, series);
    }

    @Get("/{id}/edit")
    MutableHttpResponse<?> edit(Authentication authentication, String id) {
        Optional<ThemeStore.Theme> theme = store.find(id);
        if (theme.isEmpty()) {
            return Pages.notFound();
        }
        return editor(authentication, HttpStatus.OK, false, theme.get().id(), theme.get().name(),
                theme.get().description(), theme.get().definition(), false, FormErrors.none());
    }

    /** A new theme; "what is new" opens it with a name and definition filled in from an emerging group. */
    @Get("/add")
    MutableHttpResponse<?> add(Authentication authentication, @Nullable @QueryValue String name,
                               @Nullable @QueryValue String definition) {
        String named = name == null ? "" : name.strip();
        String defined = definition == null ? "" : definition.strip();
        String id = named.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return editor(authentication, HttpStatus.OK, true, id.length() > 60 ? id.substring(0, 60) : id,
                named.length() > 100 ? named.substring(0, 100) : named, "",
                defined.length() > 4000 ? defined.substring(0, 4000) : defined, !defined.isEmpty(), FormErrors.none());
    }

    @Post(uri = "/save", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<byte[]> request, Authentication authentication) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        boolean adding = "yes".equals(StaffForms.first(form.get(), "adding"));
        String id = StaffForms.first(form.get(), "id").strip().toLowerCase(java.util.Locale.ROOT);
        String name = StaffForms.first(form.get(), "name").strip();
        String description = StaffForms.first(form.get(), "description").strip();
        String definition = StaffForms.first(form.get(), "definition").strip();
        boolean preview = !StaffForms.first(form.get(), "preview").isEmpty();
        FormErrors errors = FormErrors.none();
        if (adding && (!id.matches("[a-z0-9]+(-[a-z0-9]+)*") || id.length() > 60)) {
            errors.add("id", messages.get("themes.edit.error.id"));
        } else if (adding && store.find(id).isPresent()) {
            errors.add("id", messages.get("themes.edit.error.id.taken"));
        } else if (!adding && store.find(id).isEmpty()) {
            return Pages.notFound();
        }
        if (name.isEmpty() || name.length() > 100) {
            errors.add("name", messages.get("themes.edit.error.name"));
        }
        if (description.isEmpty() || description.length() > 1000) {
            errors.add("description", messages.get("themes.edit.error.description"));
        }
        if (definition.isEmpty() || definition.length() > 4000) {
            errors.add("definition", messages.get("themes.edit.error.definition"));
        } else if (themes.parse(definition) instanceof org.apache.lucene.search.MatchNoDocsQuery) {
            errors.add("definition", messages.get("themes.edit.error.definition.nothing"));
        }
        if (preview || errors.any()) {
            return editor(authentication, errors.any() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK, adding, id, name,
                    description, definition, !errors.byField().containsKey("definition"), errors);
        }
        store.save(new ThemeStore.Theme(id, name, description, definition, 0, null, null),
                Staff.of(authentication).email());
        return Pages.seeOther("/staff/themes?saved=" + id);
    }

    private MutableHttpResponse<?> editor(Authentication authentication, HttpStatus status, boolean adding, String id,
                                          String name, String description, String definition, boolean preview,
                                          FormErrors errors) {
        Staff staff = Staff.of(authentication);
        Map<String, Object> model = Pages.model("titleKey", adding ? "themes.add.title" : "themes.edit.title",
                "staff", staff, "tab", "dashboard", "adding", adding, "themeId", id, "themeName", name, "themeDescription", description,
                "themeDefinition", definition, "backUrl", "/staff/themes");
        if (!adding) {
            // How often the tagger and the leads' decisions agree: a live estimate of precision and recall.
            TaggerAgreement.Agreement agreed = agreement.of(id);
            model.put("agreement", Map.of("decided", agreed.decided(), "agreed", agreed.agreed(), "tagged", agreed.tagged(),
                    "right", agreed.right(), "confirmed", agreed.confirmed(), "precision", agreed.precisionPercent(),
                    "recall", agreed.recallPercent()));
        }
        if (preview && !definition.isBlank()) {
            // The preview: what this definition would cover, matched as a search (decisions aside).
            CommentSearch.Request all = CommentSearch.Request.everything(readers.hiddenFrom(staff));
            CommentSearch.Counts everything = search.counts(all);
            var matched = search.preview(definition, all);
            model.put("preview", Map.of("comments", count(matched.comments()), "people", count(matched.people()),
                    "share", everything.total() == 0 ? "0%" : Math.round(matched.comments() * 100.0 / everything.total()) + "%",
                    "examples", matched.examples()));
        }
        return Pages.render(status, "themes/edit", errors.addTo(model));
    }

    private static String count(long n) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.UK).format(n);
    }
}
