package uk.chorus.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every answer a version of a survey can hold, numbered: each option of each choice question, and
 * one entry per text, number and month question. A response's answers are stored beside their
 * JSON as these numbers ("codes"), which results count without parsing any JSON. The numbering
 * follows the definition, and a version's definition never changes once anyone has answered it,
 * so codes stay meaningful for as long as they exist.
 */
public final class AnswerVocabulary {
    /** The pseudo-code of a text answer that was given (its words are not coded). */
    public static final String TEXT = "*text";
    /** The pseudo-code under which a number or month is stored, followed by its value. */
    public static final String VALUE = "*value";

    /** One numbered entry: the question it belongs to and the option code (or TEXT / VALUE). */
    public record Entry(String questionKey, String code) {
    }

    private final List<Entry> entries;
    private final Map<String, Map<String, Integer>> slots = new HashMap<>();

    private AnswerVocabulary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            slots.computeIfAbsent(entries.get(i).questionKey(), k -> new HashMap<>()).put(entries.get(i).code(), i);
        }
    }

    public static AnswerVocabulary of(SurveyDefinition definition) {
        List<Entry> entries = new ArrayList<>();
        for (Question q : definition.questionList()) {
            switch (q.type()) {
                case SHORT_TEXT, LONG_TEXT -> entries.add(new Entry(q.key(), TEXT));
                case NUMBER, MONTH_YEAR -> entries.add(new Entry(q.key(), VALUE));
                default -> q.options().forEach(o -> entries.add(new Entry(q.key(), o.code())));
            }
        }
        return new AnswerVocabulary(entries);
    }

    /** The number of an answer, or -1 when this version has no such answer. */
    public int slot(String questionKey, String code) {
        Map<String, Integer> question = slots.get(questionKey);
        Integer slot = question == null ? null : question.get(code);
        return slot == null ? -1 : slot;
    }

    public Entry entry(int slot) {
        return entries.get(slot);
    }

    public int size() {
        return entries.size();
    }
}
