package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriBuilder;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The choices in a results address ({@code ?by=ehcp_status&only=school_phase:primary&partials=yes
 * &weight=ehcp_status&view=published&round=yes}), checked against the survey: anything naming a
 * question that is not about-you, or a group that does not exist, is dropped, so a hand-edited
 * address shows the plain results rather than an error. Also builds the choices' form controls
 * and the same choices as a query string for the links between results pages.
 */
record ResultsQuery(@Nullable String by, @Nullable String onlyKey, @Nullable String onlyCode, boolean partials,
                    @Nullable String weight, boolean published, boolean round, boolean byLanguage) {

    static ResultsQuery of(SurveyDefinition survey, @Nullable String by, @Nullable String only, @Nullable String partials,
                           @Nullable String weight, @Nullable String view, @Nullable String round) {
        String onlyKey = null;
        String onlyCode = null;
        if (only != null && only.indexOf(':') > 0) {
            String key = only.substring(0, only.indexOf(':'));
            String code = only.substring(only.indexOf(':') + 1);
            Optional<Question> question = aboutYou(survey, key);
            if (question.isPresent() && question.get().option(code).isPresent()) {
                onlyKey = key;
                onlyCode = code;
            }
        }
        // The language split is for leads only (see LanguageSplit): "by"
        // stays an about-you question, so no published path is ever asked for it.
        boolean byLanguage = LanguageSplit.KEY.equals(by) && LanguageSplit.offered(survey);
        return new ResultsQuery(aboutYou(survey, by).map(Question::key).orElse(null), onlyKey, onlyCode,
                "yes".equals(partials), aboutYou(survey, weight).map(Question::key).orElse(null),
                "published".equals(view), "yes".equals(round), byLanguage);
    }

    /** A results address's choices as typed, before they are checked against a survey. */
    record Address(@Nullable String by, @Nullable String only, @Nullable String partials, @Nullable String weight,
                   @Nullable String view, @Nullable String round) {
        static Address of(@Nullable String by, @Nullable String only, @Nullable String partials,
                          @Nullable String weight, @Nullable String view, @Nullable String round) {
            return new Address(by, only, partials, weight, view, round);
        }

        ResultsQuery query(SurveyDefinition survey) {
            return ResultsQuery.of(survey, by, only, partials, weight, view, round);
        }
    }

    private static Optional<Question> aboutYou(SurveyDefinition survey, @Nullable String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        return survey.question(key).filter(q -> q.about() != null);
    }

    /** The options a person of this sight gets: leads choose; everyone else sees published figures. */
    ResultOptions options(ResultsAccess.Sight sight, @Nullable Publications.Publication publication) {
        boolean publishedRounding = publication != null && publication.roundToFive();
        if (sight == ResultsAccess.Sight.FULL) {
            return new ResultOptions(byLanguage ? LanguageSplit.KEY : by, onlyKey, onlyCode, partials && !published, weight, published,
                    published && (round || publishedRounding));
        }
        // The published figures are not split by language: nobody but a lead sees that split.
        return new ResultOptions(by, onlyKey, onlyCode, false, weight, true, publishedRounding);
    }

    String queryString() {
        UriBuilder uri = UriBuilder.of("");
        if (by != null || byLanguage) {
            uri.queryParam("by", byLanguage ? LanguageSplit.KEY : by);
        }
        if (onlyKey != null) {
            uri.queryParam("only", onlyKey + ":" + onlyCode);
        }
        if (partials) {
            uri.queryParam("partials", "yes");
        }
        if (weight != null) {
            uri.queryParam("weight", weight);
        }
        if (published) {
            uri.queryParam("view", "published");
        }
        if (round) {
            uri.queryParam("round", "yes");
        }
        return uri.toString();
    }

    public record Choice(String value, String label, boolean selected) {
    }

    public record Tick(String id, String value, String label, boolean checked) {
    }

    /** The form's controls, as the shared select and checkbox partials take them. */
    Map<String, Object> form(SurveyDefinition survey, Messages messages, Map<String, Map<String, Long>> populations,
                             boolean lead) {
        return form(survey, messages, populations, lead, false);
    }

    /** {@code offerLanguage}: the page can be split by the language answered in (a lead's results page). */
    Map<String, Object> form(SurveyDefinition survey, Messages messages, Map<String, Map<String, Long>> populations,
                             boolean lead, boolean offerLanguage) {
        List<Question> about = ResultsService.aboutYouQuestions(survey);
        List<Choice> byChoices = new ArrayList<>(List.of(new Choice("", messages.get("results.form.by.none"), by == null && !byLanguage)));
        List<Choice> onlyChoices = new ArrayList<>(List.of(new Choice("", messages.get("results.form.only.everyone"),
                onlyKey == null)));
        List<Choice> weightChoices = new ArrayList<>(List.of(new Choice("", messages.get("results.form.weight.none"),
                weight == null)));
        for (Question question : about) {
            String topic = topic(question, messages);
            byChoices.add(new Choice(question.key(), topic, question.key().equals(by)));
            for (Option option : question.options()) {
                String value = question.key() + ":" + option.code();
                onlyChoices.add(new Choice(value, topic + ": " + option.label(),
                        question.key().equals(onlyKey) && option.code().equals(onlyCode)));
            }
            if (populations.containsKey(question.key())) {
                weightChoices.add(new Choice(question.key(), topic, question.key().equals(weight)));
            }
        }
        if (lead && offerLanguage && LanguageSplit.offered(survey)) {
            byChoices.add(new Choice(LanguageSplit.KEY, messages.get("results.language.topic"), byLanguage()));
        }
        List<Tick> ticks = new ArrayList<>();
        if (lead) {
            ticks.add(new Tick("partials", "yes", messages.get("results.form.partials"), partials));
        }
        return Map.of("byChoices", byChoices, "onlyChoices", onlyChoices, "weightChoices", weightChoices,
                "canWeight", weightChoices.size() > 1, "partialTicks", ticks,
                "viewTicks", lead ? List.of(new Tick("view", "published", messages.get("results.form.published"), published))
                        : List.of());
    }

    /** A short name for an about-you question ("Support", "Age"), from its topic. */
    static String topic(Question question, Messages messages) {
        String key = "results.topic." + question.about().fileName();
        return messages.has(key) ? messages.get(key) : question.text();
    }
}
