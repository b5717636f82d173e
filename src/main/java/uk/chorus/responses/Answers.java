package uk.chorus.responses;

import uk.chorus.surveys.Page;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.ShowIf;
import uk.chorus.surveys.SurveyDefinition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A respondent's answers so far, keyed by question key. Values are a code (String), several codes
 * (List of String), a whole number (Long), text (String) or a month ("2024-09"). Decides which
 * questions and pages are shown, since showIf depends on earlier answers.
 */
public record Answers(SurveyDefinition survey, Map<String, Object> values) {

    public Answers {
        values = Map.copyOf(values);
    }

    public boolean isShown(Question question) {
        ShowIf showIf = question.showIf();
        if (showIf == null) {
            return true;
        }
        Question depended = survey.question(showIf.question()).orElse(null);
        if (depended == null || !isShown(depended)) {
            return false;
        }
        Object answer = values.get(showIf.question());
        if (answer instanceof Collection<?> ticked) {
            for (Object code : ticked) {
                if (showIf.anyOf().contains(String.valueOf(code))) {
                    return true;
                }
            }
            return false;
        }
        return answer != null && showIf.anyOf().contains(String.valueOf(answer));
    }

    public boolean isShown(Page page) {
        for (Question question : page.questions()) {
            if (isShown(question)) {
                return true;
            }
        }
        return false;
    }

    /** Indexes (0-based, into the definition's pages) of the pages this respondent will see. */
    public List<Integer> shownPageIndexes() {
        return IntStream.range(0, survey.pages().size())
                .filter(i -> isShown(survey.pages().get(i)))
                .boxed()
                .toList();
    }

    public boolean isAnswered(Question question) {
        return values.containsKey(question.key());
    }

    /** The answers to questions that are shown; answers left behind by a changed branch are dropped. */
    public Map<String, Object> shownOnly() {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Question q : survey.questionList()) {
            if (values.containsKey(q.key()) && isShown(q)) {
                kept.put(q.key(), values.get(q.key()));
            }
        }
        return kept;
    }

    /** Shown, required questions still unanswered, in survey order. */
    public List<Question> missingRequired() {
        List<Question> missing = new ArrayList<>();
        for (Question q : survey.questionList()) {
            if (q.required() && isShown(q) && !isAnswered(q) && !Unclear.keys(values).contains(q.key())) {
                missing.add(q);
            }
        }
        return missing;
    }

    public Answers with(Map<String, Object> changed, Collection<String> cleared) {
        Map<String, Object> next = new LinkedHashMap<>(values);
        cleared.forEach(next::remove);
        next.putAll(changed);
        return new Answers(survey, next);
    }
}
