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
