package uk.chorus.languages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.Pages;

import java.util.List;
import java.util.Optional;

/**
 * Where leads see how far each survey's translations have got: every survey with its languages,
 * one survey's languages (export, import), and one language's coverage: what is translated, what is
 * missing and what needs a look. Survey texts are not answers, so every lead may see and translate them.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/languages", produces = MediaType.TEXT_HTML)
class LanguagesController {
    private final SurveyCatalogue catalogue;
    private final LanguagePages pages;

    LanguagesController(SurveyCatalogue catalogue, LanguagePages pages) {
        this.catalogue = catalogue;
        this.pages = pages;
    }

    /** One survey on the list: its id, title and its translations' coverage. */
    public record Listed(String id, String title, List<Coverage> languages) {
    }

    @Get
    MutableHttpResponse<?> index(Authentication authentication) {
        List<Listed> surveys = catalogue.all().stream()
                .map(s -> new Listed(s.id(), s.definition().title(), Coverage.all(s.definition()))).toList();
        return Pages.render("languages/index", Pages.model("titleKey", "languages.title",
                "staff", Staff.of(authentication), "surveys", surveys));
    }

    @Get("/{surveyId}")
    MutableHttpResponse<?> survey(Authentication authentication, String surveyId) {
        return catalogue.find(surveyId)
                .<MutableHttpResponse<?>>map(live -> pages.survey(Staff.of(authentication), live, HttpStatus.OK, List.of()))
                .orElseGet(Pages::notFound);
    }

    @Get("/{surveyId}/coverage/{language}")
    MutableHttpResponse<?> coverage(Authentication authentication, String surveyId, String language,
                                    @Nullable @QueryValue Integer imported) {
        Optional<LiveSurvey> live = catalogue.find(surveyId);
        if (live.isEmpty() || !live.get().definition().translationsByLanguage().containsKey(language)) {
            return Pages.notFound();
        }
        return Pages.render("languages/coverage", Pages.model("titleKey", "languages.coverage.title",
                "staff", Staff.of(authentication), "surveyId", surveyId, "surveyTitle", live.get().definition().title(),
                "coverage", Coverage.of(live.get().definition(), language), "imported", imported == null ? 0 : imported, "importedShown", imported != null,
                "version", live.get().version(), "backUrl", "/staff/languages/" + surveyId));
    }
}
