package uk.chorus.themes;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.CsvWriter;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One theme's comments as a CSV file, to send to the service they are about: each comment's date,
 * where it came from (a survey's question, or a feedback channel and service) and the groups its
 * writer said they belong to, newest first. It holds the words of comments only the lead may read
 * (young people's surveys they may not read are left out, as in search), so it is audited, and it
 * carries no counts of people: counts leave the service only through the disclosure rules.
 * Any search on the address (words, filters, dates) narrows it as it narrows the search page.
 */
@Secured(Role.LEAD_NAME)
@Controller("/staff/themes/{id}/comments.csv")
class ThemeExportController {
    /** The most comments one file holds; a search narrows a bigger theme. */
    static final int MOST = 5_000;
    private static final List<String> GROUPS = List.of("ehcp", "age-band", "primary-need", "school-phase", "area");
    private final CommentSearch search;
    private final ThemeStore store;
    private final Readers readers;
    private final AuditLog audit;
    private final Messages messages;

    ThemeExportController(CommentSearch search, ThemeStore store, Readers readers, AuditLog audit, Messages messages) {
        this.search = search;
        this.store = store;
        this.readers = readers;
        this.audit = audit;
        this.messages = messages;
    }

    @Get(produces = {"text/csv", MediaType.TEXT_HTML})
    MutableHttpResponse<?> export(HttpRequest<?> request, Authentication authentication, String id) {
        Optional<ThemeStore.Theme> theme = store.find(id);
        if (theme.isEmpty()) {
            return Pages.notFound();
        }
        Staff staff = Staff.of(authentication);
        CommentSearch.Request all = readers.request(request, readers.hiddenFrom(staff)).withTheme(id);
        StringWriter out = new StringWriter();
        int written = 0;
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row(messages.get("themes.export.column.date"), messages.get("themes.export.column.source"),
                    messages.get("themes.export.column.where"), messages.get("themes.export.column.themes"),
                    messages.get("themes.export.column.comment"), messages.get("themes.export.column.groups"),
                    messages.get("themes.export.column.reference"));
            // Page by page through the same search the lead sees, so what is shown and what is exported agree.
            for (int page = 1; written < MOST; page++) {
                CommentSearch.Request next = new CommentSearch.Request(all.words(), all.filters(), id, all.from(), all.to(),
                        CommentSearch.Order.NEWEST, page, all.hidden());
                List<CommentSearch.Hit> hits = search.search(next, Map.of()).hits();
                for (CommentSearch.Hit hit : hits) {
                    if (written++ < MOST) {
                        csv.row(row(hit));
                    }
                }
                if (hits.size() < CommentSearch.PAGE_SIZE) {
                    break;
                }
            }
        }
        audit.record(staff.email(), "theme comments exported", id, Math.min(written, MOST) + " comments");
        return HttpResponse.ok(out.toString().getBytes(StandardCharsets.UTF_8))
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"theme-" + id + "-comments.csv\"");
    }

    private List<String> row(CommentSearch.Hit hit) {
        Map<String, String> fields = hit.fields();
        String source = readers.label("source", fields.getOrDefault("source", ""));
        String where = fields.containsKey("survey")
                ? readers.label("survey", fields.get("survey")) + ": " + readers.label("question", fields.getOrDefault("question", ""))
                : String.join(": ", java.util.stream.Stream.of(readers.label("channel", fields.getOrDefault("channel", "")),
                        fields.getOrDefault("service", "")).filter(t -> !t.isBlank()).toList());
        String groups = String.join("; ", GROUPS.stream().filter(fields::containsKey)
                .map(g -> readers.dimensionName(g) + ": " + readers.label(g, fields.get(g))).toList());
        return List.of(hit.date().toString(), source, where, String.join("; ", hit.tags().stream()
                .filter(CommentSearch.Tag::counted).map(CommentSearch.Tag::name).toList()), hit.text(), groups, hit.id());
    }
}
