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
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Optional;

/**
 * A lead publishes a survey's results to forum members and viewers, and optionally to a public
 * page, or withdraws them. Publishing takes a snapshot of the wave's figures under the one
 * disclosure model, attacks it (DisclosureAudit), and is refused, listing the figures at fault,
 * while any withheld figure could be narrowed. The same audit runs on demand. Both are recorded
 * in the audit log. Both run in the background (DisclosureChecks): a small wave is answered at
 * once, a large one hands over to a progress page that refreshes itself until the check ends.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/surveys/{surveyId}/publish", produces = MediaType.TEXT_HTML)
class PublicationController {
    private final SurveyVersions versions;
    private final ResultsAccess access;
    private final Publications publications;
    private final SmallestGroup smallestGroup;
    private final Messages messages;
    private final DisclosureChecks checks;
    private final CheckingPages checkingPages;

    PublicationController(SurveyVersions versions, ResultsAccess access, Publications publications,
                          SmallestGroup smallestGroup, Messages messages, DisclosureChecks checks,
                          CheckingPages checkingPages) {
        this.checkingPages = checkingPages;
        this.versions = versions;
        this.access = access;
        this.publications = publications;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
        this.checks = checks;
    }

    /** A figure the audit found could be worked out, and the values it could take. */
    public record Fault(String label, String range) {
    }

    /** The audit shown on the page: whether it passed, how much it withheld, and the faults (the first 200). */
    public record Audit(boolean passes, String summary, List<Fault> faults, int more) {
    }

    public record Tick(String id, String value, String label, String itemHint, boolean checked) {
    }

    @Get
    MutableHttpResponse<?> show(Authentication authentication, String surveyId, @Nullable @QueryValue String done,
                                @Nullable @QueryValue String audit, @Nullable @QueryValue List<String> options) {
        Optional<LiveSurvey> survey = leadsSurvey(authentication, surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        Audit checked = null;
        boolean chosen = options != null && !options.isEmpty();
        if ("yes".equals(audit)) {
            DisclosureChecks.Check check = checks.start(surveyId, DisclosureChecks.Purpose.AUDIT, false,
                    chosen && options.contains("round"), null, -1);
            Optional<PublishedFigures.Result> result = checks.await(check, checks.patience());
            if (result.isEmpty()) {
                return Pages.seeOther(CheckingPages.progressUrl(check));
            }
            checked = audit(result.get());
        }
        return page(HttpStatus.OK, authentication, survey.get(), done, checked,
                chosen ? options.contains("public") : null, chosen ? options.contains("round") : null);
    }

    private MutableHttpResponse<?> page(HttpStatus status, Authentication authentication, LiveSurvey survey,
                                        @Nullable String done, @Nullable Audit checked, @Nullable Boolean publicChoice,
                                        @Nullable Boolean roundChoice) {
        String surveyId = survey.id();
        var publication = publications.of(surveyId).orElse(null);
        // Rounding is the safer choice, and ticked until a lead publishes without it.
        boolean onPublic = publicChoice != null ? publicChoice : publication != null && publication.onPublicPage();
        boolean rounded = roundChoice != null ? roundChoice : publication == null || publication.roundToFive();
        return Pages.render(status, "results/publish", Pages.model(
                "title", (checked != null && !checked.passes() ? messages.get("publish.audit.error.prefix") : "")
                        + messages.get("results.title.publish") + ": " + survey.definition().title(),
                "heading", messages.get("results.title.publish"), "staff", Staff.of(authentication),
                "surveyId", surveyId, "surveyTitle", survey.definition().title(), "tab", "publish", "lead", true,
                "notForPublication", false, "hideBanner", true, "query", "", "smallestGroup", smallestGroup.of(survey.definition()),
                "publication", publication, "audit", checked, "newestVersion", publications.newestVersion(surveyId),
                "publishedOn", publication == null ? null : Dates.dateTime(publication.publishedAt()),
                "done", done == null ? null : "withdrawn".equals(done) ? "publish.done.withdrawn" : "publish.done.published",
                "publicUrl", "/results/" + surveyId,
                "ticks", List.of(new Tick("public", "public", messages.get("publish.public"), messages.get("publish.public.hint"), onPublic),
                        new Tick("round", "round", messages.get("publish.round"), messages.get("publish.round.hint"), rounded)),
                "auditTicks", List.of(new Tick("audit-round", "round", messages.get("publish.round"), null, rounded)),
                "backUrl", "/staff/surveys/" + surveyId + "/results"));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publish(HttpRequest<byte[]> request, Authentication authentication, String surveyId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        Optional<LiveSurvey> survey = leadsSurvey(authentication, surveyId);
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        List<String> options = form.get().getOrDefault("options", List.of());
        boolean onPublic = options.contains("public");
        boolean round = options.contains("round");
        int over = newestShown(StaffForms.first(form.get(), "over"));
        // The audit runs on what would be published; a publication it finds a leak in is refused.
        DisclosureChecks.Check check = checks.start(surveyId, DisclosureChecks.Purpose.PUBLISH, onPublic, round,
                Staff.of(authentication).email(), over);
        Optional<PublishedFigures.Result> result = checks.await(check, checks.patience());
        if (result.isEmpty()) {
            return Pages.seeOther(CheckingPages.progressUrl(check));
        }
        return published(authentication, survey.get(), check, result.get());
    }

    /** The progress of a check that did not finish within the request, and its outcome once it has. */
    @Get("/checks/{checkId}")
    MutableHttpResponse<?> progress(Authentication authentication, String surveyId, String checkId) {
        Optional<LiveSurvey> survey = leadsSurvey(authentication, surveyId);
        Optional<DisclosureChecks.Check> check = checks.find(checkId).filter(c -> c.surveyId.equals(surveyId));
        if (survey.isEmpty()) {
            return Pages.notFound();
        }
        if (check.isEmpty()) {
            return checkingPages.render(authentication, survey.get(), null, null);
        }
        Optional<PublishedFigures.Result> result = check.get().result();
        if (result.isPresent()) {
            return check.get().purpose == DisclosureChecks.Purpose.PUBLISH
                    ? published(authentication, survey.get(), check.get(), result.get())
                    : page(HttpStatus.OK, authentication, survey.get(), null, audit(result.get()), null,
                    check.get().round);
        }
        if (check.get().failed()) {
            return page(HttpStatus.OK, authentication, survey.get(), null,
                    new Audit(false, messages.get("publish.check.failed"), List.of(), 0), check.get().onPublicPage,
                    check.get().round);
        }
        return checkingPages.render(authentication, survey.get(), check.get(), CheckingPages.progressUrl(check.get()));
    }

    private MutableHttpResponse<?> published(Authentication authentication, LiveSurvey survey,
                                             DisclosureChecks.Check check, PublishedFigures.Result result) {
        if (result.decision() == null) {
            return page(HttpStatus.UNPROCESSABLE_ENTITY, authentication, survey, null,
                    new Audit(false, messages.get("publish.audit.nothing"), List.of(), 0), check.onPublicPage, check.round);
        }
        if (result.version() == 0) {
            return page(HttpStatus.UNPROCESSABLE_ENTITY, authentication, survey, null, audit(result.decision()),
                    check.onPublicPage, check.round);
        }
        return Pages.seeOther("/staff/surveys/" + survey.id() + "/publish?done=published");
    }

    private static int newestShown(@Nullable String over) {
        try {
            return over == null ? -1 : Math.max(-1, Integer.parseInt(over.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Post(uri = "/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> withdraw(HttpRequest<byte[]> request, Authentication authentication, String surveyId) {
        var form = StaffForms.read(authentication, request);
        if (form.isEmpty()) {
            return Pages.expiredForm();
        }
        if (leadsSurvey(authentication, surveyId).isEmpty()) {
            return Pages.notFound();
        }
        publications.withdraw(surveyId, Staff.of(authentication).email());
        return Pages.seeOther("/staff/surveys/" + surveyId + "/publish?done=withdrawn");
    }

    private Audit audit(PublishedFigures.Result result) {
        return result.decision() == null ? new Audit(true, messages.get("publish.audit.nothing"), List.of(), 0)
                : audit(result.decision());
    }

    private Audit audit(DisclosureModel.Decision decision) {
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

    private Optional<LiveSurvey> leadsSurvey(Authentication authentication, String surveyId) {
        return versions.newest(surveyId)
                .filter(s -> access.of(Staff.of(authentication), s.definition()) == ResultsAccess.Sight.FULL);
    }
}
