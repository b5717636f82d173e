package uk.chorus.results;

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
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.Dates;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forum members agree a wave's results before a lead publishes them, where the area requires it
 * (CHORUS_RESULTS_SIGN_OFF): they read the figures exactly as they would be published, and agree
 * them or ask for changes, saying what. Each forum sees only the surveys that concern it.
 */
@Secured({Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME})
@Controller(value = "/staff/sign-off/results", produces = MediaType.TEXT_HTML)
class ResultsSignOffController {
    private final ResultReviews reviews;
    private final ResultsSignOff signOff;
    private final SurveyVersions versions;
    private final PublishedFigures figures;
    private final SmallestGroup smallestGroup;
    private final Messages messages;

    ResultsSignOffController(ResultReviews reviews, ResultsSignOff signOff, SurveyVersions versions,
                             PublishedFigures figures, SmallestGroup smallestGroup, Messages messages) {
        this.reviews = reviews;
        this.signOff = signOff;
        this.versions = versions;
        this.figures = figures;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
    }

    public record Choice(String id, String value, String label, boolean checked) {
    }

    @Get
    MutableHttpResponse<?> list(Authentication authentication) {
        Staff staff = Staff.of(authentication);
        List<Map<String, Object>> waiting = reviews.newestOfEach().stream()
                .flatMap(r -> concerning(staff, r.surveyId()).stream().map(s -> Map.<String, Object>of(
                        "title", s.definition().title(), "href", "/staff/sign-off/results/" + s.id(),
                        "sent", Dates.longForm(r.sentAt())))).toList();
        return Pages.render("results/sign-off-list", Pages.model("titleKey", "results.signoff.list.title",
                "staff", staff, "waiting", waiting, "backUrl", "/staff"));
    }

    @Get("/{surveyId}")
    MutableHttpResponse<?> show(Authentication authentication, String surveyId) {
        return page(authentication, surveyId, HttpStatus.OK, "", FormErrors.none());
    }

    /** The figures sent, exactly as they would be published, by any group. */
    @Get("/{surveyId}/draft")
    MutableHttpResponse<?> draft(Authentication authentication, String surveyId, @Nullable @QueryValue String by,
                                 @Nullable @QueryValue String only) {
        Optional<LiveSurvey> survey = concerning(Staff.of(authentication), surveyId);
        Optional<ResultReviews.Review> review = survey.flatMap(s -> reviews.latest(surveyId));
        if (review.isEmpty()) {
            return Pages.notFound();
        }
        ResultsQuery query = ResultsQuery.of(survey.get().definition(), by, only, null, null, "published", null);
        SurveyResults results = figures.results(survey.get().definition(), figures.read(review.get().figures()),
                query.by(), query.onlyKey(), query.onlyCode());
        Map<String, Object> model = Pages.model("title", messages.get("results.signoff.draft.title",
                        survey.get().definition().title()), "heading", messages.get("results.signoff.draft.heading"),
                "publicPage", true, "staff", Staff.of(authentication), "surveyId", surveyId,
                "surveyTitle", survey.get().definition().title(), "smallestGroup", smallestGroup.of(survey.get().definition()),
                "query", query.queryString(), "results", results, "backUrl", "/staff/sign-off/results/" + surveyId);
        model.putAll(query.form(survey.get().definition(), messages, Map.of(), false));
        return Pages.render("results/results", model);
    }

    @Post(uri = "/{surveyId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> decide(HttpRequest<byte[]> request, Authentication authentication, String surveyId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Staff staff = Staff.of(authentication);
        Optional<ResultReviews.Review> review = concerning(staff, surveyId).flatMap(s -> reviews.latest(surveyId));
        if (review.isEmpty()) {
            return Pages.notFound();
        }
        if (!review.get().digest().equals(StaffForms.first(form.get(), "digest"))) {
            return page(authentication, surveyId, HttpStatus.CONFLICT, "", FormErrors.of("decision-agreed",
                    messages.get("results.signoff.error.newer")));
        }
        String decision = StaffForms.first(form.get(), "decision");
        String comment = StaffForms.first(form.get(), "comment").strip();
        FormErrors errors = FormErrors.none();
        if (!decision.equals("agreed") && !decision.equals("changes")) {
            errors.add("decision-agreed", messages.get("signoff.error.decision"));
        }
        if (decision.equals("changes") && comment.isEmpty()) {
            errors.add("comment", messages.get("signoff.error.comment"));
        }
        if (comment.length() > 3000) {
            errors.add("comment", messages.get("signoff.error.long"));
        }
        if (errors.any()) {
            return page(authentication, surveyId, HttpStatus.UNPROCESSABLE_ENTITY, comment, errors);
        }
        reviews.decide(surveyId, review.get().digest(), staff.role().roleName(), decision.equals("agreed"),
                comment.isEmpty() ? null : comment, staff.name(), staff.email());
        return Pages.seeOther("/staff/sign-off/results/" + surveyId);
    }

    private MutableHttpResponse<?> page(Authentication authentication, String surveyId, HttpStatus status,
                                        String comment, FormErrors errors) {
        Staff staff = Staff.of(authentication);
        Optional<LiveSurvey> survey = concerning(staff, surveyId);
        Optional<ResultReviews.Review> review = survey.flatMap(s -> reviews.latest(surveyId));
        if (review.isEmpty()) {
            return Pages.notFound();
        }
        List<Map<String, Object>> decisions = reviews.decisions(surveyId, review.get().digest()).stream()
                .map(d -> Map.<String, Object>of("forum", signOff.forumName(d.forum()), "agreed", d.agreed(),
                        "by", d.byName(), "when", Dates.longForm(d.at()), "comment",
                        d.comment() == null ? "" : d.comment())).toList();
        List<Choice> choices = List.of(
                new Choice("decision-agreed", "agreed", messages.get("signoff.agree"), false),
                new Choice("decision-changes", "changes", messages.get("signoff.changes"), false));
        return Pages.render(status, "results/sign-off", errors.addTo(Pages.model("title",
                messages.get("results.signoff.title", survey.get().definition().title()), "staff", staff,
                "surveyId", surveyId, "surveyTitle", survey.get().definition().title(),
                "sent", Dates.longForm(review.get().sentAt()), "rounded", review.get().roundToFive(),
                "onPublicPage", review.get().onPublicPage(), "digest", review.get().digest(),
                "decisions", decisions, "choices", choices, "comment", comment,
                "forum", signOff.forumName(staff.role().roleName()), "backUrl", "/staff/sign-off/results")));
    }

    /** The survey, when the area asks for sign-off and it concerns this member's forum. */
    private Optional<LiveSurvey> concerning(Staff staff, String surveyId) {
        return versions.newest(surveyId).filter(s -> signOff.required(s.definition())
                && ResultsSignOff.concerns(staff.role().roleName(), s.definition().audience()));
    }
}
