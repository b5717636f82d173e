package uk.chorus.responses;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyStatus;
import uk.chorus.web.Dates;
import uk.chorus.web.Pages;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every respondent page does first: find the survey and the draft, and answer kindly when
 * the survey is closed or not open yet, or the code is not one we know.
 */
@Singleton
class RespondentPages {
    private final SurveyCatalogue catalogue;
    private final RespondentJourney journey;
    private final uk.chorus.web.SiteConfiguration site;

    RespondentPages(SurveyCatalogue catalogue, RespondentJourney journey, uk.chorus.web.SiteConfiguration site) {
        this.catalogue = catalogue;
        this.journey = journey;
        this.site = site;
    }

    java.time.LocalDate today() {
        return catalogue.today();
    }

    /**
     * Open by its dates, and only once families can reach a person (a contact email or phone): the
     * confirmation and privacy pages tell people to contact us to see or remove their answers.
     */
    boolean isOpen(LiveSurvey survey) {
        return survey.statusOn(catalogue.today()) == SurveyStatus.OPEN && site.hasContact();
    }

    /**
     * Runs the page for an open survey; otherwise says the survey is not taking answers. The page
     * gets the survey in the respondent's language and reading level (see {@link Reading}).
     */
    MutableHttpResponse<?> whenOpen(String surveyId, Function<LiveSurvey, MutableHttpResponse<?>> page) {
        Optional<LiveSurvey> found = catalogue.find(surveyId);
        if (found.isEmpty()) {
            return Pages.notFound();
        }
        Reading reading = Reading.of(found.get().definition());
        LiveSurvey survey = new LiveSurvey(reading.apply(found.get().definition()), found.get().versionId(),
                found.get().version());
        return reading.decorate(isOpen(survey) ? page.apply(survey) : notTakingAnswers(survey));
    }

    /** The language this request reads in, as recorded with a response. */
    String language(SurveyDefinition survey) {
        // The survey as its file gives it: a translated copy's own texts are not the ids translations name.
        return Reading.of(catalogue.find(survey.id()).map(LiveSurvey::definition).orElse(survey)).language();
    }

    /** Runs the page for a stored draft of an open survey. A submitted draft goes to its confirmation. */
    MutableHttpResponse<?> withDraft(String surveyId, String code, boolean allowSubmitted,
                                     Function<Progress, MutableHttpResponse<?>> page) {
        return whenOpen(surveyId, survey -> journey.open(surveyId, code)
                .<MutableHttpResponse<?>>map(progress -> guard(read(progress), allowSubmitted, page))
                .orElseGet(() -> draftNotFound(survey.definition())));
    }

    /** Like withDraft, but page 1 of a new respondent (nothing stored yet) is let through too. */
    MutableHttpResponse<?> withDraftOrNew(String surveyId, String code, int pageNumber,
                                          Function<Progress, MutableHttpResponse<?>> page) {
        return whenOpen(surveyId, survey -> journey.openOrBegin(survey, code, pageNumber)
                .<MutableHttpResponse<?>>map(progress -> guard(read(progress), false, page))
                .orElseGet(() -> draftNotFound(survey.definition())));
    }

    /** A draft answers the version it began on: that version's words, in the respondent's reading. */
    private Progress read(Progress progress) {
        SurveyDefinition current = catalogue.find(progress.survey().id()).map(LiveSurvey::definition)
                .orElse(progress.survey());
        return Progress.of(progress.draft(), Reading.of(current).apply(progress.survey()));
    }

    private static MutableHttpResponse<?> guard(Progress progress, boolean allowSubmitted,
                                                Function<Progress, MutableHttpResponse<?>> page) {
        return progress.draft().submitted() && !allowSubmitted
                ? Pages.seeOther(SurveyUrls.done(progress.survey().id(), progress.code()))
                : page.apply(progress);
    }

    MutableHttpResponse<?> notTakingAnswers(LiveSurvey survey) {
        SurveyDefinition definition = survey.definition();
        boolean closed = survey.statusOn(catalogue.today()) == SurveyStatus.CLOSED;
        return Pages.render("responses/closed", surveyModel(definition, "closed", closed,
                "waitingForContact", !closed && survey.statusOn(catalogue.today()) == SurveyStatus.OPEN,
                "closes", Dates.longForm(definition.closes()), "opens", Dates.longForm(definition.opens())));
    }

    MutableHttpResponse<?> draftNotFound(SurveyDefinition survey) {
        return Pages.render(HttpStatus.NOT_FOUND, "responses/draft-not-found", surveyModel(survey,
                "titleKey", "draft.not.found.title", "startUrl", SurveyUrls.start(survey.id()),
                "resumeUrl", SurveyUrls.resume(survey.id())));
    }

    /** A page model with the survey, and whether it speaks to young people (their own words on some pages). */
    static Map<String, Object> surveyModel(SurveyDefinition survey, Object... more) {
        Map<String, Object> model = Pages.model(more);
        model.put("survey", survey);
        model.put("youngPeople", survey.audience() == Audience.YOUNG_PEOPLE);
        return model;
    }
}
