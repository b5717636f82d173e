package uk.chorus.themes;

import io.micronaut.core.annotation.Nullable;
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
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Leads search every comment: the words that matched marked, filters with counts beside every
 * value, themes with how many comments and people each holds, newest or most relevant first. Each
 * comment opens on its own page, which shows the words that made each theme and where a lead
 * confirms or rejects a theme; the decision wins over the theme's definition from then on.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/themes", produces = MediaType.TEXT_HTML)
class SearchController {
    private final CommentSearch search;
    private final ThemeStore store;
    private final ThemeQueries themes;
    private final Readers readers;
    private final Messages messages;

    SearchController(CommentSearch search, ThemeStore store, ThemeQueries themes, Readers readers, Messages messages) {
        this.search = search;
        this.store = store;
        this.themes = themes;
        this.readers = readers;
        this.messages = messages;
    }

    public record Value(String label, long count, String href, boolean selected) {
    }

    public record Facet(String name, List<Value> values, @Nullable String removeHref, @Nullable String selected) {
    }

    public record ShownTag(String themeId, String name, String words, @Nullable Boolean decision, boolean counted) {
    }

    public record Shown(String id, String text, @Nullable String marked, String where, String date, List<String> about,
                        List<ShownTag> tags, String href, boolean similar) {
    }

    @Get("/search")
    MutableHttpResponse<?> search(HttpRequest<?> request, Authentication authentication) {
        Staff staff = Staff.of(authentication);
        CommentSearch.Request wanted = readers.request(request, readers.hiddenFrom(staff));
        CommentSearch.Page page = search.search(wanted, Map.of());
        List<String> ids = page.hits().stream().map(CommentSearch.Hit::id).toList();
        Map<String, Map<String, Boolean>> decisions = new HashMap<>();
        ids.forEach(id -> decisions.put(id, store.decisionsFor(id)));
        if (decisions.values().stream().anyMatch(d -> !d.isEmpty())) {
            page = search.search(wanted, decisions);
        }
        List<Facet> facets = new ArrayList<>();
        for (String dimension : TextIndex.DIMENSIONS) {
            List<CommentSearch.Value> values = page.counts().facets().getOrDefault(dimension, List.of());
            String selected = wanted.filters().get(dimension);
            if (values.isEmpty() && selected == null) {
                continue;
            }
            List<Value> shown = values.stream().map(v -> new Value(readers.label(dimension, v.value()), v.count(),
                    Readers.link("/staff/themes/search", wanted, mapOf(dimension, v.value(), "page", null)),
                    v.value().equals(selected))).toList();
            facets.add(new Facet(readers.dimensionName(dimension), shown, selected == null ? null
                    : Readers.link("/staff/themes/search", wanted, mapOf(dimension, null, "page", null)),
                    selected == null ? null : readers.label(dimension, selected)));
        }
        List<Value> themeValues = page.counts().themes().stream().map(t -> new Value(t.name(), t.comments(),
                Readers.link("/staff/themes/search", wanted, mapOf("theme", t.id(), "page", null)),
                t.id().equals(wanted.theme()))).toList();
        long total = page.counts().total();
        int pages = (int) Math.max(1, (total + CommentSearch.PAGE_SIZE - 1) / CommentSearch.PAGE_SIZE);
        return Pages.render("themes/search", Pages.model("titleKey", "themes.search.title", "staff", staff,
                "tab", "search", "q", wanted.words(), "newest", wanted.order() == CommentSearch.Order.NEWEST,
                "sortRelevance", Readers.link("/staff/themes/search", wanted, mapOf("sort", "relevance", "page", null)),
                "sortNewest", Readers.link("/staff/themes/search", wanted, mapOf("sort", null, "page", null)),
                "total", total, "people", page.counts().respondents(), "facets", facets, "themes", themeValues,
                "themeSelected", wanted.theme() == null ? null : themes.all().stream()
                        .filter(t -> t.id().equals(wanted.theme())).map(t -> t.theme().name()).findFirst().orElse(null),
                "removeTheme", Readers.link("/staff/themes/search", wanted, mapOf("theme", null, "page", null)),
                "hits", page.hits().stream().map(this::shown).toList(), "page", wanted.page(), "pages", pages,
                "previous", wanted.page() > 1 ? Readers.link("/staff/themes/search", wanted,
                        Map.of("page", Integer.toString(wanted.page() - 1))) : null,
                "next", wanted.page() < pages ? Readers.link("/staff/themes/search", wanted,
                        Map.of("page", Integer.toString(wanted.page() + 1))) : null,
                "hidden", !wanted.hidden().isEmpty(), "filters", wanted.filters()));
    }

    @Get("/comments/{id}")
    MutableHttpResponse<?> comment(Authentication authentication, String id) {
        Staff staff = Staff.of(authentication);
        Optional<CommentSearch.Hit> hit = search.comment(id, readers.hiddenFrom(staff), store.decisionsFor(id));
        if (hit.isEmpty()) {
            return Pages.notFound();
        }
        Set<String> tagged = new java.util.HashSet<>();
        hit.get().tags().forEach(t -> tagged.add(t.themeId()));
        List<Map<String, String>> others = new ArrayList<>();
        themes.all().stream().filter(t -> !tagged.contains(t.id()))
                .forEach(t -> others.add(Map.of("id", t.id(), "name", t.theme().name())));
        return Pages.render("themes/comment", Pages.model("titleKey", "themes.comment.title", "staff", staff,
                "tab", "search", "comment", shown(hit.get()), "others", others, "backUrl", "/staff/themes/search"));
    }

    /** A lead's decision about a comment's theme: confirm, reject, or take back. */
    @Post(uri = "/comments/{id}/themes/{themeId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> decide(HttpRequest<byte[]> request, Authentication authentication, String id, String themeId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Staff staff = Staff.of(authentication);
        if (search.comment(id, readers.hiddenFrom(staff), Map.of()).isEmpty() || store.find(themeId).isEmpty()) {
            return Pages.notFound();
        }
        String decision = StaffForms.first(form.get(), "decision");
        Boolean confirmed = switch (decision) {
            case "confirm" -> Boolean.TRUE;
            case "reject" -> Boolean.FALSE;
            case "clear" -> null;
            default -> Boolean.FALSE;
        };
        if (!List.of("confirm", "reject", "clear").contains(decision)) {
            return Pages.error(HttpStatus.BAD_REQUEST, "error.bad.form.title", "error.bad.form.body");
        }
        store.decide(id, themeId, confirmed, staff.email());
        return Pages.seeOther("/staff/themes/comments/" + id + "?decided=" + themeId);
    }

    private Shown shown(CommentSearch.Hit hit) {
        String where;
        if (hit.fields().containsKey("survey")) {
            where = readers.label("survey", hit.fields().get("survey")) + ": "
                    + readers.label("question", hit.fields().getOrDefault("question", ""));
        } else {
            where = readers.label("channel", hit.fields().getOrDefault("channel", ""))
                    + (hit.fields().containsKey("service") ? ": " + hit.fields().get("service") : "");
        }
        List<String> about = new ArrayList<>();
        for (String topic : List.of("ehcp", "age-band", "primary-need", "school-phase", "area")) {
            String code = hit.fields().get(topic);
            if (code != null) {
                about.add(readers.label(topic, code));
            }
        }
        List<ShownTag> tags = hit.tags().stream().map(t -> new ShownTag(t.themeId(), t.name(), String.join(", ", t.words()),
                t.decision(), t.counted())).toList();
        return new Shown(hit.id(), hit.text(), hit.marked(), where, Dates.longForm(hit.date()), about, tags,
                "/staff/themes/comments/" + hit.id(), hit.similar());
    }

    private static Map<String, String> mapOf(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
