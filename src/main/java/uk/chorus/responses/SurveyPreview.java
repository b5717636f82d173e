package uk.chorus.responses;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.SiteConfiguration;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A survey that is not live yet, walked through exactly as a respondent will see it: the same start
 * page, question pages, checks, branching and "Check your answers", from the same page models and
 * templates. The answers typed are kept apart from drafts and responses (PreviewWalks) for a couple
 * of hours and never counted; sending ends the preview.
 */
@Singleton
public class SurveyPreview {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Messages messages;
    private final SupportServices support;
    private final AnswerDisplay display;
    private final SmallestGroup smallestGroup;
    private final SurveyCatalogue catalogue;
    private final SiteConfiguration site;
    private final PreviewWalks walks;

    SurveyPreview(Messages messages, SupportServices support, AnswerDisplay display, SmallestGroup smallestGroup,
                  SurveyCatalogue catalogue, SiteConfiguration site, PreviewWalks walks) {
        this.messages = messages;
        this.support = support;
        this.display = display;
        this.smallestGroup = smallestGroup;
        this.catalogue = catalogue;
        this.site = site;
        this.walks = walks;
    }

    public MutableHttpResponse<?> start(SurveyDefinition survey, String base) {
        return Pages.render("responses/start", PageModels.start(survey, links(base, "new"),
                smallestGroup.privacyNotice(survey), catalogue.today(), messages));
    }

    /** "Start now" in the preview: a fresh walk, at the first page anyone sees. */
    public MutableHttpResponse<?> begin(SurveyDefinition survey, String base) {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        String walk = HexFormat.of().formatHex(id);
        PreviewWalks.Walk fresh = new PreviewWalks.Walk(Map.of(), 0);
        walks.put(walk, fresh);
        Progress progress = progress(survey, walk, fresh);
        return Pages.seeOther(progress.shownPageNumbers().isEmpty() ? links(base, walk).check()
                : links(base, walk).page(progress.shownPageNumbers().get(0)));
    }

    public MutableHttpResponse<?> page(SurveyDefinition survey, String base, String walk, int number, boolean changing) {
        return withWalk(survey, base, walk, progress -> {
            if (!progress.hasPage(number)) {
                return Pages.notFound();
            }
            if (!progress.isShown(number)) {
                return Pages.seeOther(after(progress, links(base, walk), number, changing));
            }
            return Pages.render("responses/page", PageModels.page(progress, number, changing, null, Map.of(),
                    links(base, walk), messages, support));
        });
    }

    public MutableHttpResponse<?> save(SurveyDefinition survey, String base, String walk, int number, boolean changing,
                                       Map<String, List<String>> form) {
        return withWalk(survey, base, walk, progress -> {
            if (!progress.hasPage(number) || !progress.isShown(number)) {
                return Pages.notFound();
            }
            var check = AnswerChecker.page(progress.page(number).questions(), progress.answers(), form);
            if (!check.ok()) {
                return Pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "responses/page", PageModels.page(progress, number,
                        changing, form, check.errors(), links(base, walk), messages, support));
            }
            PreviewWalks.Walk state = new PreviewWalks.Walk(progress.answers().with(check.values(), check.cleared()).values(),
                    Math.max(progress.draft().furthestPage(), number));
            walks.put(walk, state);
            return Pages.seeOther(after(progress(survey, walk, state), links(base, walk), number, changing));
        });
    }

    public MutableHttpResponse<?> check(SurveyDefinition survey, String base, String walk, boolean afterSubmit) {
        return withWalk(survey, base, walk, progress -> Pages.render("responses/check",
                PageModels.check(progress, afterSubmit, links(base, walk), messages, display)));
    }

    /** "Send": the preview says what a family would see, and nothing is stored. */
    public MutableHttpResponse<?> send(SurveyDefinition survey, String base, String walk) {
        return withWalk(survey, base, walk, progress -> {
            if (!progress.answers().missingRequired().isEmpty()) {
                return check(survey, base, walk, true);
            }
            walks.remove(walk);
            return Pages.render("responses/done", RespondentPages.surveyModel(survey, "titleKey", "done.title",
                    "reference", messages.get("codesign.preview.reference"), "contactEmail", site.getDataProtectionEmail()));
        });
    }

    private MutableHttpResponse<?> withWalk(SurveyDefinition survey, String base, String walk,
                                            java.util.function.Function<Progress, MutableHttpResponse<?>> page) {
        return walks.find(walk)
                .<MutableHttpResponse<?>>map(state -> page.apply(progress(survey, walk, state)))
                .orElseGet(() -> Pages.seeOther(base));
    }

    private static Progress progress(SurveyDefinition survey, String walk, PreviewWalks.Walk state) {
        // Never "saved": no "come back later" link and no resume-code box, which a preview has no use for.
        Draft draft = new Draft(0, walk, survey.id(), 0, state.answers(), Math.max(1, state.furthestPage()), null, null);
        return Progress.of(draft, survey);
    }

    private static String after(Progress progress, PageModels.Links links, int number, boolean changing) {
        if (changing) {
            var missing = progress.answers().missingRequired();
            return missing.isEmpty() ? links.check() : links.changePage(progress.pageNumberOf(missing.get(0).key()));
        }
        return progress.nextShownAfter(number).map(links::page).orElse(links.check());
    }

    private static PageModels.Links links(String base, String walk) {
        return new PageModels.Links() {
            public String start() {
                return base;
            }

            public String begin() {
                return base + "/begin";
            }

            public String resume() {
                return base;
            }

            public String page(int number) {
                return base + "/" + walk + "/page/" + number;
            }

            public String check() {
                return base + "/" + walk + "/check";
            }

            public String submit() {
                return base + "/" + walk + "/send";
            }

            public String later() {
                return null;
            }
        };
    }
}
