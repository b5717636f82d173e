package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.AnswerAccess;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.audit.AuditLog;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.Paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Single responses, for the leads allowed to read them; every view is audited. A lead who may not
 * read a response gets the same "not found" as for a reference that does not exist, so the page
 * never says which references are real.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff", produces = MediaType.TEXT_HTML)
class ResponsesController {
    private final SurveyCatalogue catalogue;
    private final ResponseRecords records;
    private final AnswerAccess access;
    private final AuditLog audit;
    private final Messages messages;

    ResponsesController(SurveyCatalogue catalogue, ResponseRecords records, AnswerAccess access, AuditLog audit,
                        Messages messages) {
        this.messages = messages;
        this.catalogue = catalogue;
        this.records = records;
        this.access = access;
        this.audit = audit;
    }

    static final int PAGE_SIZE = 50;
    private static final List<String> CHANNELS = List.of("web", "api", "import", "demo");

    public record Row(String reference, String submitted, String channel) {
    }

    public record Choice(String value, String label, boolean selected) {
    }

    /**
     * A page of 50 at a time (a survey can hold thousands), newest or oldest first, narrowed to one
     * channel (each choice says how many it holds) or to references containing what was typed.
     */
    @Get("/surveys/{surveyId}/responses")
    MutableHttpResponse<?> list(Authentication authentication, String surveyId, @Nullable @QueryValue String channel,
                                @Nullable @QueryValue String order, @Nullable @QueryValue String reference,
                                @Nullable @QueryValue Integer page) {
        Staff staff = Staff.of(authentication);
        Optional<LiveSurvey> survey = catalogue.find(surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        if (!access.canSeeAnswers(staff, survey.get().definition())) {
            return Pages.error(HttpStatus.FORBIDDEN, "responses.forbidden.title", "responses.forbidden.body");
        }
        String chosen = channel != null && CHANNELS.contains(channel) ? channel : null;
        boolean oldest = "oldest".equals(order);
        String typed = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        String wanted = typed.isEmpty() || typed.length() > 20 ? null : typed;
        Map<String, Long> counts = records.countsByChannel(surveyId);
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Choice> channels = new ArrayList<>(List.of(new Choice("",
                messages.get("responses.list.every.channel", all), chosen == null)));
        CHANNELS.stream().filter(counts::containsKey).forEach(c -> channels.add(new Choice(c,
                messages.get("responses.list.channel.count", messages.get("responses.channel." + c), counts.get(c)),
                c.equals(chosen))));
        List<Choice> orders = List.of(new Choice("newest", messages.get("responses.list.newest"), !oldest),
                new Choice("oldest", messages.get("responses.list.oldest"), oldest));
        Paging paging = Paging.of(page, wanted == null ? (chosen == null ? all : counts.getOrDefault(chosen, 0L))
                : records.count(surveyId, chosen, wanted), PAGE_SIZE);
        var rows = records.page(surveyId, chosen, wanted, !oldest, paging.offset(), PAGE_SIZE).stream()
                .map(r -> new Row(r.reference(), Dates.dateTime(r.submittedAt()),
                        messages.get("responses.channel." + r.channel()))).toList();
        IntFunction<String> href = n -> UriBuilder.of("/staff/surveys/" + surveyId + "/responses")
                .queryParam("channel", chosen == null ? "" : chosen).queryParam("order", oldest ? "oldest" : "newest")
                .queryParam("reference", wanted == null ? "" : wanted).queryParam("page", n).toString();
        return Pages.render("results/responses", Pages.model("titleKey", "responses.list.title", "staff", staff,
                "surveyTitle", survey.get().definition().title(), "surveyId", surveyId, "responses", rows,
                "channels", channels, "orders", orders, "filtered", all > 0, "reference", wanted == null ? "" : wanted,
                "showing", paging.total() == 0 ? null
                        : messages.get("paging.showing", paging.from(), paging.to(), paging.total()),
                "paging", paging.links(href, messages.get("responses.list.pages")), "backUrl", "/staff"));
    }

    @Get("/responses/{reference}")
    MutableHttpResponse<?> show(Authentication authentication, String reference) {
        Staff staff = Staff.of(authentication);
        Optional<ResponseRecords.Held> held = records.byReference(reference);
        if (held.isEmpty()) {
            return Pages.notFound();
        }
        var definition = records.definitionOf(held.get());
        if (!access.canSeeAnswers(staff, definition)) {
            audit.record(staff.email(), "response view refused", reference, held.get().surveyId());
            return Pages.notFound();
        }
        audit.record(staff.email(), "response viewed", reference, held.get().surveyId());
        return Pages.render("results/response", Pages.model("titleKey", "responses.one.title", "staff", staff,
                "surveyTitle", definition.title(), "reference", reference,
                "submitted", Dates.dateTime(held.get().submittedAt()),
                "answers", records.answersBesideQuestions(held.get())));
    }
}
