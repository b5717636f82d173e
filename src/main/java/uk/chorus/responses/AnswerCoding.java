package uk.chorus.responses;

import uk.chorus.surveys.AnswerVocabulary;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;

import java.util.Collection;
import java.util.Map;

/**
 * A response's checked answers as numbers (see AnswerVocabulary): what results count. Text
 * answers are coded only as "answered"; numbers and months keep their value (2025-09 as 202509).
 */
final class AnswerCoding {
    record Coded(int[] codes, int[] numbers) {
        Integer[] boxedCodes() {
            return box(codes);
        }

        Integer[] boxedNumbers() {
            return box(numbers);
        }

        private static Integer[] box(int[] values) {
            Integer[] boxed = new Integer[values.length];
            for (int i = 0; i < values.length; i++) {
                boxed[i] = values[i];
            }
            return boxed;
        }
    }

    private AnswerCoding() {
    }

    static Coded encode(SurveyDefinition definition, AnswerVocabulary vocabulary, Map<String, Object> answers) {
        int[] codes = new int[answers.size() * 4];
        int[] numbers = new int[answers.size() * 2];
        int c = 0;
        int n = 0;
        for (Map.Entry<String, Object> answer : answers.entrySet()) {
            Question q = definition.question(answer.getKey()).orElse(null);
            Object value = answer.getValue();
            if (q == null || value == null) {
                continue;
            }
            switch (q.type()) {
                case SHORT_TEXT, LONG_TEXT -> codes = put(codes, c++, vocabulary.slot(q.key(), AnswerVocabulary.TEXT));
                case NUMBER -> {
                    numbers = put(numbers, n++, vocabulary.slot(q.key(), AnswerVocabulary.VALUE));
                    numbers = put(numbers, n++, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
                            ((Number) value).longValue())));
                }
                case MONTH_YEAR -> {
                    numbers = put(numbers, n++, vocabulary.slot(q.key(), AnswerVocabulary.VALUE));
                    numbers = put(numbers, n++, Integer.parseInt(value.toString().replace("-", "")));
                }
                case MULTIPLE_CHOICE -> {
                    for (Object code : (Collection<?>) value) {
                        codes = put(codes, c++, vocabulary.slot(q.key(), code.toString()));
                    }
                }
                default -> codes = put(codes, c++, vocabulary.slot(q.key(), value.toString()));
            }
        }
        return new Coded(java.util.Arrays.copyOf(codes, c), java.util.Arrays.copyOf(numbers, n));
    }

    private static int[] put(int[] array, int at, int value) {
        int[] target = at < array.length ? array : java.util.Arrays.copyOf(array, array.length * 2 + 4);
        target[at] = value;
        return target;
    }
}
