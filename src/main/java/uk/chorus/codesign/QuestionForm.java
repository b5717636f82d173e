package uk.chorus.codesign;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.AboutYouTopic;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.ShowIf;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyFileParser;
import uk.chorus.web.Slugs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The builder's question form, for one type at a time: only the fields that type takes are shown
 * and read. Answers are typed one per line; each keeps its code when its words are unchanged, and
 * a new answer gets a code made from its words. Branching is picked from the answers of earlier
 * questions ("show only when ... is ..."), so nobody types a code.
 */
final class QuestionForm {
    static final int LONGEST_TEXT = 500;
    static final String ALWAYS = "always";
    static final String KEEP = "keep";

    private QuestionForm() {
    }

    /** The form read: the question, or errors by field with message keys. */
    record Read(@Nullable Question question, Map<String, String> errors, Map<String, String> values) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The fields the form shows for a type. */
    public record Fields(boolean options, boolean about, boolean points, boolean ends, boolean limits, boolean length,
                  boolean better) {
        static Fields of(QuestionType type) {
            return new Fields(type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE
                    || type == QuestionType.ABOUT_YOU, type == QuestionType.ABOUT_YOU, type == QuestionType.FACES,
                    type == QuestionType.RATING, type == QuestionType.NUMBER, type.isText(),
                    type.isScale() || type == QuestionType.RATING || type == QuestionType.NUMBER);
        }
    }

    /** The form's values for a question as it is (or empty for a new one). */
    static Map<String, String> values(@Nullable Question q) {
        Map<String, String> values = new LinkedHashMap<>();
        if (q == null) {
            values.put("points", "5");
            return values;
        }
        values.put("text", q.text());
        values.put("hint", nullToEmpty(q.hint()));
        values.put("easyRead", nullToEmpty(q.easyRead()));
        values.put("required", q.required() ? "yes" : "");
        values.put("errorMessage", nullToEmpty(q.errorMessage()));
        values.put("supportBox", q.showsSupport() ? "yes" : "");
        boolean listed = q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTIPLE_CHOICE
                || q.type() == QuestionType.ABOUT_YOU;
        values.put("options", listed ? String.join("\n", q.options().stream()
                .filter(o -> q.type() != QuestionType.ABOUT_YOU || !o.code().equals(AboutYouTopic.PREFER_NOT_TO_SAY.code()))
                .map(Option::label).toList()) : "");
        values.put("about", q.about() == null ? "" : q.about().fileName());
        values.put("points", SurveyFileParser.hasThreeFaces(q) ? "3" : "5");
        values.put("lowLabel", nullToEmpty(q.lowLabel()));
        values.put("highLabel", nullToEmpty(q.highLabel()));
        values.put("min", q.min() == null ? "" : q.min().toString());
        values.put("max", q.max() == null ? "" : q.max().toString());
        values.put("maxLength", q.maxLength() == null ? "" : q.maxLength().toString());
        values.put("better", nullToEmpty(q.better()));
        values.put("showIf", q.showIf() == null ? ALWAYS
                : q.showIf().anyOf().size() == 1 ? q.showIf().question() + "=" + q.showIf().anyOf().get(0) : KEEP);
        return values;
    }

    static Read read(Map<String, List<String>> form, QuestionType type, @Nullable Question existing,
                     SurveyDefinition survey) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("text", "hint", "easyRead", "required", "errorMessage", "supportBox", "options",
                "about", "points", "lowLabel", "highLabel", "min", "max", "maxLength", "better", "showIf")) {
            List<String> given = form.get(field);
            values.put(field, given == null || given.isEmpty() || given.get(0) == null ? "" : given.get(0).strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Fields fields = Fields.of(type);
        String text = values.get("text");
        if (text.isEmpty()) {
            errors.put("text", "codesign.question.error.text");
        }
        for (String field : List.of("text", "hint", "easyRead", "errorMessage", "lowLabel", "highLabel")) {
            if (values.get(field).length() > LONGEST_TEXT) {
                errors.put(field, "codesign.question.error.long");
            }
        }
        AboutYouTopic about = null;
        if (fields.about()) {
            about = AboutYouTopic.fromFileName(values.get("about")).orElse(null);
            if (about == null) {
                errors.put("about", "codesign.question.error.about");
            }
        }
        List<Option> options = List.of();
        if (fields.options()) {
            options = options(values.get("options"), existing);
            if (about != null) {
                if (options.isEmpty() && about.needsOptionsFromFile()) {
                    errors.put("options", "codesign.question.error.areas");
                }
                List<Option> withStandard = new ArrayList<>(options.isEmpty() ? about.standardOptions() : options);
                if (withStandard.stream().noneMatch(o -> o.code().equals(AboutYouTopic.PREFER_NOT_TO_SAY.code()))) {
                    withStandard.add(AboutYouTopic.PREFER_NOT_TO_SAY);
                }
                options = withStandard;
            } else if (type != QuestionType.ABOUT_YOU && options.size() < 2) {
                errors.put("options", "codesign.question.error.options");
            }
        } else {
            options = SurveyFileParser.fixedOptions(type, "3".equals(values.get("points")) ? 3 : 5);
        }
        Integer min = fields.limits() ? number(values, "min", errors) : null;
        Integer max = fields.limits() ? number(values, "max", errors) : null;
        if (min != null && max != null && max < min) {
            errors.put("max", "codesign.question.error.max");
        }
        Integer maxLength = null;
        if (fields.length()) {
            maxLength = number(values, "maxLength", errors);
            if (maxLength == null) {
                maxLength = type == QuestionType.LONG_TEXT ? 2000 : 200;
            } else if (maxLength < 1 || maxLength > 10_000) {
                errors.put("maxLength", "codesign.question.error.length");
            }
        }
        String better = fields.better() && List.of("higher", "lower", "neither").contains(values.get("better"))
                ? values.get("better") : null;
        ShowIf showIf = showIf(values.get("showIf"), existing, survey, errors);
        if (!errors.isEmpty()) {
            return new Read(null, errors, values);
        }
        String key = existing != null ? existing.key() : DesignEditor.newKey(survey, text);
        Question question = new Question(key, type, text, blankToNull(values.get("hint")),
                blankToNull(values.get("easyRead")), "yes".equals(values.get("required")), options, maxLength, min, max,
                showIf, about, blankToNull(values.get("errorMessage")),
                fields.ends() ? blankToNull(values.get("lowLabel")) : null,
                fields.ends() ? blankToNull(values.get("highLabel")) : null,
                "yes".equals(values.get("supportBox")) ? Boolean.TRUE : null, better);
        return new Read(question, Map.of(), values);
    }

    /** The "show only when" choices: every answer of every question this one could depend on. */
    record Condition(String value, String label) {
    }

    static List<Condition> conditions(SurveyDefinition survey, @Nullable String beforeKey) {
        List<Condition> conditions = new ArrayList<>();
        for (Question q : survey.questionList()) {
            if (q.key().equals(beforeKey)) {
                break;
            }
            if (!q.type().canBeConditionedOn()) {
                continue;
            }
            for (Option option : q.options()) {
                conditions.add(new Condition(q.key() + "=" + option.code(), "“" + q.text() + "” is “" + option.label() + "”"));
            }
        }
        return conditions;
    }

    private static ShowIf showIf(String chosen, @Nullable Question existing, SurveyDefinition survey,
                                 Map<String, String> errors) {
        if (chosen.isEmpty() || chosen.equals(ALWAYS)) {
            return null;
        }
        if (chosen.equals(KEEP)) {
            return existing == null ? null : existing.showIf();
        }
        int at = chosen.indexOf('=');
        if (at < 1) {
            errors.put("showIf", "codesign.question.error.show.if");
            return null;
        }
        String key = chosen.substring(0, at);
        String code = chosen.substring(at + 1);
        Optional<Question> depended = survey.question(key);
        if (depended.isEmpty() || depended.get().option(code).isEmpty()
                || (existing != null && existing.key().equals(key))) {
            errors.put("showIf", "codesign.question.error.show.if");
            return null;
        }
        return new ShowIf(key, List.of(code));
    }

    /** One answer per line; an unchanged label keeps its code, so results still line up. */
    private static List<Option> options(String typed, @Nullable Question existing) {
        Set<String> codes = new LinkedHashSet<>();
        List<Option> options = new ArrayList<>();
        for (String line : typed.split("\\R")) {
            String label = line.strip();
            if (label.isEmpty()) {
                continue;
            }
            String code = existing == null ? null : existing.options().stream()
                    .filter(o -> o.label().equals(label)).map(Option::code).findFirst().orElse(null);
            if (code == null || codes.contains(code)) {
                String base = Slugs.of(label, "answer");
                if (base.length() > 60) {
                    base = base.substring(0, 60).replaceAll("-+$", "");
                }
                code = base;
                for (int n = 2; codes.contains(code); n++) {
                    code = base + "-" + n;
                }
            }
            codes.add(code);
            options.add(new Option(code, label));
        }
        return options;
    }

    private static Integer number(Map<String, String> values, String field, Map<String, String> errors) {
        String value = values.get(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.put(field, "codesign.question.error.number");
            return null;
        }
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
