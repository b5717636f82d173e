package uk.chorus.reports;

import io.micronaut.core.annotation.Nullable;
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
