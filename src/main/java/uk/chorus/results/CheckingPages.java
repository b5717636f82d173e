package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

/**
 * The page a lead watches while a disclosure check runs: how many rounds of the attack have
 * passed and how many figures were still at fault after the last, as a progress bar that
 * refreshes itself (no JavaScript needed). Refreshing {@code selfUrl} shows the outcome once the
 * check has finished.
 */
@Singleton
class CheckingPages {
    private static final int REFRESH_SECONDS = 3;

    private final Messages messages;
    private final DisclosureChecks checks;

    CheckingPages(Messages messages, DisclosureChecks checks) {
        this.messages = messages;
        this.checks = checks;
    }

    /** The progress of {@code check}, or (when null) a page saying the check is no longer kept. */
    MutableHttpResponse<?> render(Authentication authentication, LiveSurvey survey,
                                  @Nullable DisclosureChecks.Check check, @Nullable String selfUrl) {
        String surveyId = survey.id();
        String heading = check == null ? messages.get("publish.check.gone")
                : messages.get(switch (check.purpose) {
                    case PUBLISH -> "publish.check.publishing";
                    case SEND_TO_AGREE -> "publish.check.sending";
                    case AUDIT -> "publish.check.auditing";
                });
        int most = check != null && check.mostRounds() > 0 ? check.mostRounds() : checks.mostRounds();
        String status = check == null ? null
                : !check.started() ? messages.get("publish.check.waiting")
                : check.roundsDone() == 0 ? messages.get("publish.check.first.round")
                : check.atFault() == 0 ? messages.get("publish.check.round.clear", check.roundsDone(), most)
                : messages.get("publish.check.round", check.roundsDone(), most, check.atFault());
        return Pages.render(check == null ? HttpStatus.NOT_FOUND : HttpStatus.OK, "results/checking", Pages.model(
                "title", heading + ": " + survey.definition().title(), "heading", heading,
                "staff", Staff.of(authentication), "surveyId", surveyId, "surveyTitle", survey.definition().title(),
                "check", check, "status", status, "roundsDone", check == null ? 0 : check.roundsDone(),
                "mostRounds", most, "refreshSeconds", check == null ? null : REFRESH_SECONDS, "selfUrl", selfUrl,
                "backUrl", "/staff/surveys/" + surveyId + "/publish"));
    }

    static String progressUrl(DisclosureChecks.Check check) {
        return "/staff/surveys/" + check.surveyId + "/publish/checks/" + check.id;
    }
}
