package uk.chorus.responses;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.views.ModelAndView;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyLanguages;
import uk.chorus.surveys.Translation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one respondent reads a survey: the language and the reading level. Chosen by a link on any
 * page ({@code ?lang=pl}, {@code ?level=easy}) and remembered in a cookie that says nothing about
 * the person, so the next page, a redirect after saving, or Back keep it; with no choice made yet
 * the browser's Accept-Language is the first guess. Links work with JavaScript off, and answers are
 * stored as codes, so changing either never loses or changes an answer.
 */
record Reading(String language, boolean rightToLeft, Level level, List<Choice> languages, List<Choice> levels) {
    static final String LANGUAGE_COOKIE = "chorus_lang";
    static final String LEVEL_COOKIE = "chorus_level";
    private static final Duration REMEMBERED = Duration.ofDays(90);

    /** The three versions of every question; each answers the same key. */
    enum Level {
        STANDARD("standard"), EASY("easy"), SYMBOLS("symbols");

        final String code;

        Level(String code) {
            this.code = code;
        }

        static Optional<Level> of(String code) {
            for (Level level : values()) {
                if (level.code.equals(code)) {
                    return Optional.of(level);
                }
            }
            return Optional.empty();
        }

        public String code() {
            return code;
        }
    }

    /** A link to read the page another way; {@code current} marks the one in use (not a link). */
    record Choice(String code, String name, String href, boolean current, String lang) {
    }

    static Reading standard() {
        return new Reading(SurveyDefinition.SOURCE_LANGUAGE, false, Level.STANDARD, List.of(), List.of());
    }

    /** The reading asked for by this request, among what the survey offers. */
    static Reading of(SurveyDefinition survey) {
        Optional<HttpRequest<Object>> current = ServerRequestContext.currentRequest();
        if (current.isEmpty()) {
            return standard();
        }
        HttpRequest<?> request = current.get();
        List<String> offered = survey.languages();
        String language = request.getParameters().getFirst("lang").filter(offered::contains)
                .or(() -> request.getCookies().findCookie(LANGUAGE_COOKIE).map(Cookie::getValue).filter(offered::contains))
                .orElseGet(() -> acceptLanguage(request, offered));
        boolean offersLevels = survey.questions().anyMatch(q -> q.easyRead() != null);
        Level level = !offersLevels ? Level.STANDARD : request.getParameters().getFirst("level").flatMap(Level::of)
                .or(() -> request.getCookies().findCookie(LEVEL_COOKIE).map(Cookie::getValue).flatMap(Level::of))
                .orElse(Level.STANDARD);
        Translation translation = survey.translationsByLanguage().get(language);
        String path = request.getPath();
        String change = request.getParameters().getFirst("change").map(c -> "&change=" + c).orElse("");
        List<Choice> languages = new ArrayList<>();
        if (offered.size() > 1) {
            for (String code : offered) {
                Translation t = survey.translationsByLanguage().get(code);
                languages.add(new Choice(code, t == null ? "English" : t.name(), path + "?lang=" + code + change,
                        code.equals(language), code));
            }
        }
        List<Choice> levels = new ArrayList<>();
        if (offersLevels) {
            for (Level l : Level.values()) {
                levels.add(new Choice(l.code, "reading.level." + l.code, path + "?level=" + l.code + change, l == level, null));
            }
        }
        return new Reading(language, translation != null && translation.rightToLeft(), level, List.copyOf(languages),
                List.copyOf(levels));
    }

    private static String acceptLanguage(HttpRequest<?> request, List<String> offered) {
        return SurveyLanguages.fromAcceptLanguage(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE), offered);
    }

    /** The survey as this respondent reads it: their language, then their reading level. */
    SurveyDefinition apply(SurveyDefinition survey) {
        return ReadingLevels.apply(survey.in(language), level);
    }

    /**
     * Adds what the layout needs (lang, dir, the links) to a rendered page, and remembers a choice
     * made by link in a cookie, so it holds on every page after.
     */
    MutableHttpResponse<?> decorate(MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof ModelAndView<?> view
                && view.getModel().orElse(null) instanceof Map<?, ?> model) {
            @SuppressWarnings("unchecked")
            Map<String, Object> writable = (Map<String, Object>) model;
            writable.put("lang", language);
            writable.put("rtl", rightToLeft);
            writable.put("readingLevel", level.code);
            writable.put("languageChoices", languages.isEmpty() ? null : languages);
            writable.put("levelChoices", levels.isEmpty() ? null : levels);
        }
        ServerRequestContext.currentRequest().ifPresent(request -> {
            request.getParameters().getFirst("lang").filter(l -> l.equals(language))
                    .ifPresent(l -> response.cookie(remember(LANGUAGE_COOKIE, l)));
            request.getParameters().getFirst("level").filter(l -> l.equals(level.code))
                    .ifPresent(l -> response.cookie(remember(LEVEL_COOKIE, l)));
        });
        return response;
    }

    private static Cookie remember(String name, String value) {
        return Cookie.of(name, value).path("/s/").maxAge(REMEMBERED).httpOnly(true).sameSite(SameSite.Lax);
    }
}
