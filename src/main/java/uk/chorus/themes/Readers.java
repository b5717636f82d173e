package uk.chorus.themes;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import uk.chorus.accounts.AnswerAccess;
import uk.chorus.accounts.Staff;
import uk.chorus.feedback.Channel;
import uk.chorus.surveys.AboutYouTopic;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.Messages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may read which comments, and how searches are written in addresses and shown on pages:
 * the words, one value per filter, a theme, dates, order and page; and each filter value's label
 * (a survey's title, a channel's name, an about-you answer's wording).
 */
@Singleton
class Readers {
    private final SurveyVersions versions;
    private final AnswerAccess access;
    private final Messages messages;

    Readers(SurveyVersions versions, AnswerAccess access, Messages messages) {
        this.versions = versions;
        this.access = access;
        this.messages = messages;
    }

    /** The young people's surveys whose words this person may not read. */
    Set<String> hiddenFrom(Staff staff) {
        Set<String> hidden = new HashSet<>();
        for (LiveSurvey survey : versions.newestOfEach()) {
            if (!access.canSeeAnswers(staff, survey.definition())) {
                hidden.add(survey.id());
            }
        }
        return hidden;
    }

    /** A search as an address gives it (?q=...&survey=...&theme=...&sort=...&page=...). */
    CommentSearch.Request request(HttpRequest<?> request, Set<String> hidden) {
        var parameters = request.getParameters();
        Map<String, String> filters = new LinkedHashMap<>();
        for (String dimension : TextIndex.DIMENSIONS) {
            String value = parameters.get(dimension);
            if (value != null && !value.isBlank() && value.length() <= 300) {
                filters.put(dimension, value);
            }
        }
        String words = parameters.get("q") == null ? "" : parameters.get("q").strip();
        if (words.length() > 500) {
            words = words.substring(0, 500);
        }
        String theme = parameters.get("theme");
        int page = 1;
        try {
            page = Math.max(1, Math.min(500, Integer.parseInt(parameters.get("page", String.class, "1"))));
        } catch (NumberFormatException e) {
            page = 1;
        }
        CommentSearch.Order order = "relevance".equals(parameters.get("sort")) && !words.isEmpty()
                ? CommentSearch.Order.RELEVANCE : CommentSearch.Order.NEWEST;
        return new CommentSearch.Request(words, filters, theme == null || theme.isBlank() ? null : theme,
                date(parameters.get("from")), date(parameters.get("to")), order, page, hidden);
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The address of a search, with changes ({@code null} removes a parameter). */
    static String link(String path, CommentSearch.Request request, Map<String, String> changes) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!request.words().isEmpty()) {
            parameters.put("q", request.words());
        }
        parameters.putAll(request.filters());
        if (request.theme() != null) {
            parameters.put("theme", request.theme());
        }
        if (request.from() != null) {
            parameters.put("from", request.from().toString());
        }
        if (request.to() != null) {
            parameters.put("to", request.to().toString());
        }
        if (request.order() == CommentSearch.Order.RELEVANCE) {
            parameters.put("sort", "relevance");
        }
        changes.forEach((name, value) -> {
            if (value == null) {
                parameters.remove(name);
            } else {
                parameters.put(name, value);
            }
        });
        UriBuilder uri = UriBuilder.of(path);
        parameters.forEach(uri::queryParam);
        return uri.toString();
    }

    /** What a filter's value says, in words. */
    String label(String dimension, String value) {
        return switch (dimension) {
            case "source" -> messages.get("themes.source." + (value.equals(IndexedText.SURVEY) ? "survey"
                    : value.equals(IndexedText.PLEDGE) ? "pledge" : "feedback"));
            case "survey" -> versions.newest(value).map(s -> s.definition().title()).orElse(value);
            case "channel" -> Channel.fromCode(value).map(c -> messages.get(c.labelKey())).orElse(value);
            case "question" -> questionText(value);
            case "ehcp", "age-band", "primary-need", "school-phase", "area" -> aboutLabel(dimension, value);
            default -> value;
        };
    }

    String dimensionName(String dimension) {
        return messages.get("themes.dimension." + dimension);
    }

    private String questionText(String key) {
        for (LiveSurvey survey : versions.newestOfEach()) {
            var question = survey.definition().question(key);
            if (question.isPresent()) {
                return question.get().text();
            }
        }
        return key;
    }

    private String aboutLabel(String topic, String code) {
        if (code.equals(AboutYouTopic.PREFER_NOT_TO_SAY.code())) {
            return AboutYouTopic.PREFER_NOT_TO_SAY.label();
        }
        var standard = AboutYouTopic.fromFileName(topic).map(AboutYouTopic::standardOptions).orElse(List.of());
        for (Option option : standard) {
            if (option.code().equals(code)) {
                return option.label();
            }
        }
        // Areas are each survey's own: look for the wording in any survey that lists it.
        for (LiveSurvey survey : versions.newestOfEach()) {
            for (Question question : survey.definition().questionList()) {
                if (question.about() != null && question.about().fileName().equals(topic)) {
                    var option = question.option(code);
                    if (option.isPresent()) {
                        return option.get().label();
                    }
                }
            }
        }
        return code;
    }

    /** The about-you topics that results can be split by, with their names. */
    List<Map<String, String>> topics() {
        List<Map<String, String>> topics = new ArrayList<>();
        for (String topic : List.of("ehcp", "age-band", "primary-need", "school-phase", "area")) {
            topics.add(Map.of("value", topic, "label", dimensionName(topic)));
        }
        return topics;
    }
}
