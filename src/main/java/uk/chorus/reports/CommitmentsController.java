package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public commitments page: every action, its service, due date, where it stands with a dated
 * timeline, the themes it answers and whether it worked, filterable by theme without JavaScript
 * (a GET form). An unknown theme shows every commitment rather than an error.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/commitments")
class CommitmentsController {
    private final Commitments commitments;
    private final Messages messages;

    CommitmentsController(Commitments commitments, Messages messages) {
        this.commitments = commitments;
        this.messages = messages;
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** The same in short sentences, one idea to a line, as the reports' Easy Read text is. */
    @Get(uri = "/easy-read.txt", produces = MediaType.TEXT_PLAIN)
    MutableHttpResponse<?> easyRead(@Nullable @QueryValue String theme) {
        Map<String, String> names = commitments.themeNames();
        StringBuilder text = new StringBuilder(messages.get("commitments.text.title")).append("\n\n");
        for (Commitments.Commitment c : commitments.all(theme != null && names.containsKey(theme) ? theme : null)) {
            text.append(messages.get("commitments.text.what", c.action().title())).append("\n");
            if (c.action().service() != null) {
                text.append(messages.get("commitments.text.who", c.action().service())).append("\n");
            }
            if (c.action().due() != null) {
                text.append(messages.get("commitments.text.when", c.action().due())).append("\n");
            }
            text.append(messages.get("commitments.text.now", c.action().statusLabel())).append("\n");
            c.measures().forEach(m -> text.append(messages.get("commitments.text.worked", m.name(), m.verdict()))
                    .append("\n"));
            text.append("\n");
        }
        return HttpResponse.ok(text.toString()).contentType(new MediaType("text/plain; charset=utf-8"));
    }

    /**
     * Easy Read as a page: one idea to a line in large type, the same sentences as the text
     * version, each commitment under its own heading; works at 360px and without JavaScript.
     */
    @Get(uri = "/easy-read", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> easyReadPage(@Nullable @QueryValue String theme) {
        Map<String, String> names = commitments.themeNames();
        String chosen = theme != null && names.containsKey(theme) ? theme : null;
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Commitments.Commitment c : commitments.all(chosen)) {
            List<String> lines = new ArrayList<>();
            if (c.action().service() != null) {
                lines.add(messages.get("commitments.text.who", c.action().service()));
            }
            if (c.action().due() != null) {
                lines.add(messages.get("commitments.text.when", c.action().due()));
            }
            lines.add(messages.get("commitments.text.now", c.action().statusLabel()));
            c.measures().forEach(m -> lines.add(messages.get("commitments.text.worked", m.name(), m.verdict())));
            shown.add(Map.of("anchor", c.anchor(), "what", messages.get("commitments.text.what", c.action().title()),
                    "lines", lines));
        }
        return Pages.render("reports/commitments-easy", Pages.model("titleKey", "commitments.easy.title",
                "publicPage", true, "commitments", shown,
                "fullHref", chosen == null ? "/commitments" : "/commitments?theme=" + chosen,
                "textHref", chosen == null ? "/commitments/easy-read.txt" : "/commitments/easy-read.txt?theme=" + chosen));
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(@Nullable @QueryValue String theme) {
        Map<String, String> names = commitments.themeNames();
        String chosen = theme != null && names.containsKey(theme) ? theme : null;
        List<Option> options = new ArrayList<>();
        options.add(new Option("", messages.get("commitments.filter.all"), chosen == null));
        commitments.themesAnswered().forEach(t -> options.add(new Option(t.id(), t.name(), t.id().equals(chosen))));
        return Pages.render("reports/commitments", Pages.model("titleKey", "commitments.title", "publicPage", true,
                "commitments", commitments.all(chosen), "options", options,
                "chosenName", chosen == null ? "" : names.get(chosen)));
    }
}
