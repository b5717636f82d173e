package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Optional;

/**
 * The publish page a lead sees: what is published now, the choices, the audit's findings, and,
 * where the forum must agree the results first, where that stands. Shared by the controllers
 * that publish, send to agree and show a check's outcome.
 */
@Singleton
class PublishPage {
    private final SurveyVersions versions;
    private final ResultsAccess access;
    private final Publications publications;
    private final SmallestGroup smallestGroup;
    private final Messages messages;
    private final ResultsSignOff signOff;

    PublishPage(SurveyVersions versions, ResultsAccess access, Publications publications, SmallestGroup smallestGroup,
                Messages messages, ResultsSignOff signOff) {
        this.versions = versions;
        this.access = access;
        this.publications = publications;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
        this.signOff = signOff;
    }

    /** A figure the audit found could be worked out, and the values it could take. */
    public record Fault(String label, String range) {
    }

    /** The audit shown on the page: whether it passed, how much it withheld, and the faults (the first 200). */
    public record Audit(boolean passes, String summary, List<Fault> faults, int more) {
    }

    public record Tick(String id, String value, String label, String itemHint, boolean checked) {
    }

    /** Where the forum's agreement stands, as the page shows it. */
    public record Agreement(String forum, String sent, String digest, boolean agreed, @Nullable String decision,
                            @Nullable String comment) {
    }

    /** The survey, when this person leads it (may publish its results). */
    Optional<LiveSurvey> leadsSurvey(Authentication authentication, String surveyId) {
        return versions.newest(surveyId)
                .filter(s -> access.of(Staff.of(authentication), s.definition()) == ResultsAccess.Sight.FULL);
    }

    MutableHttpResponse<?> render(HttpStatus status, Authentication authentication, LiveSurvey survey,
                                  @Nullable String done, @Nullable Audit checked, @Nullable Boolean publicChoice,
                                  @Nullable Boolean roundChoice) {
        String surveyId = survey.id();
        var publication = publications.of(surveyId).orElse(null);
        // Rounding is the safer choice, and ticked until a lead publishes without it.
        boolean onPublic = publicChoice != null ? publicChoice : publication != null && publication.onPublicPage();
        boolean rounded = roundChoice != null ? roundChoice : publication == null || publication.roundToFive();
        boolean agreeFirst = signOff.required(survey.definition());
        Agreement agreement = !agreeFirst ? null : signOff.standing(survey.definition()).map(s -> new Agreement(
                signOff.forumName(ResultsSignOff.forumFor(survey.definition()).orElseThrow()),
                Dates.dateTime(s.review().sentAt()), s.review().digest(), s.agreed(),
                s.decision().map(d -> messages.get(d.agreed() ? "publish.agree.agreed" : "publish.agree.changes",
                        d.byName(), Dates.dateTime(d.at()))).orElse(null),
                s.decision().map(ResultReviews.SignOff::comment).orElse(null))).orElse(null);
        return Pages.render(status, "results/publish", Pages.model(
                "title", (checked != null && !checked.passes() || status.getCode() >= 400
                        ? messages.get("publish.audit.error.prefix") : "")
                        + messages.get("results.title.publish") + ": " + survey.definition().title(),
                "heading", messages.get("results.title.publish"), "staff", Staff.of(authentication),
                "surveyId", surveyId, "surveyTitle", survey.definition().title(), "tab", "publish", "lead", true,
                "notForPublication", false, "hideBanner", true, "query", "", "smallestGroup", smallestGroup.of(survey.definition()),
                "publication", publication, "audit", checked, "newestVersion", publications.newestVersion(surveyId),
                "publishedOn", publication == null ? null : Dates.dateTime(publication.publishedAt()),
                "done", done == null ? null : switch (done) {
                    case "withdrawn" -> "publish.done.withdrawn";
                    case "sent" -> "publish.done.sent";
                    default -> "publish.done.published";
                },
                "agreeFirst", agreeFirst, "agreement", agreement,
                "forumName", agreeFirst ? signOff.forumName(ResultsSignOff.forumFor(survey.definition()).orElseThrow()) : null,
                "publicUrl", "/results/" + surveyId,
                "ticks", List.of(new Tick("public", "public", messages.get("publish.public"), messages.get("publish.public.hint"), onPublic),
                        new Tick("round", "round", messages.get("publish.round"), messages.get("publish.round.hint"), rounded)),
                "auditTicks", List.of(new Tick("audit-round", "round", messages.get("publish.round"), null, rounded)),
                "backUrl", "/staff/surveys/" + surveyId + "/results"));
    }

    /** The page with a problem that is not the audit's (as an error banner). */
    MutableHttpResponse<?> problem(HttpStatus status, Authentication authentication, LiveSurvey survey, String messageKey) {
        return render(status, authentication, survey, null, new Audit(false, messages.get(messageKey), List.of(), 0),
                null, null);
    }

    Audit audit(PublishedFigures.Result result) {
        return result.decision() == null ? new Audit(true, messages.get("publish.audit.nothing"), List.of(), 0)
                : audit(result.decision());
    }

    Audit audit(DisclosureModel.Decision decision) {
        DisclosureAudit.Report report = decision.audit();
        List<Fault> faults = report.faults().stream().limit(200)
                .map(f -> new Fault(f.label(), f.min() == f.max() ? Long.toString(f.min())
                        : messages.get("publish.audit.range", f.min(), f.max()))).toList();
        String summary = report.passes()
                ? messages.get("publish.audit.passed", report.withheld(), decision.published().rounded()
                ? messages.get("publish.audit.rounded") : messages.get("publish.audit.exact"), report.millis())
                : messages.get("publish.audit.failed", report.faults().size(), report.withheld());
        return new Audit(report.passes(), summary, faults, Math.max(0, report.faults().size() - faults.size()));
    }

    /** What a finished check leads to: the page with its findings, or on to the published page. */
    MutableHttpResponse<?> outcome(Authentication authentication, LiveSurvey survey, DisclosureChecks.Check check,
                                   PublishedFigures.Result result) {
        if (check.purpose == DisclosureChecks.Purpose.AUDIT) {
            return render(HttpStatus.OK, authentication, survey, null, audit(result), null, check.round);
        }
        if (result.decision() == null) {
            return render(HttpStatus.UNPROCESSABLE_ENTITY, authentication, survey, null,
                    new Audit(false, messages.get("publish.audit.nothing"), List.of(), 0), check.onPublicPage, check.round);
        }
        if (!result.decision().audit().passes()) {
            return render(HttpStatus.UNPROCESSABLE_ENTITY, authentication, survey, null, audit(result.decision()),
                    check.onPublicPage, check.round);
        }
        String done = check.purpose == DisclosureChecks.Purpose.SEND_TO_AGREE ? "sent" : "published";
        return Pages.seeOther("/staff/surveys/" + survey.id() + "/publish?done=" + done);
    }

    /** The newest version the lead's page showed, from the form (-1 when absent: publish regardless). */
    static int newestShown(@Nullable String over) {
        try {
            return over == null || over.isBlank() ? -1 : Math.max(-1, Integer.parseInt(over.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
