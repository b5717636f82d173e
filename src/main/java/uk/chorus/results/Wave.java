package uk.chorus.results;

import uk.chorus.responses.ResponseRecords;
import uk.chorus.surveys.AnswerVocabulary;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.SurveyDefinition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * One wave's answers held in columns, one per question, so any table or breakdown is a single
 * pass over plain arrays. Built from the coded answers (never the JSON), appended to as responses
 * arrive. Questions and options follow the newest definition; answers to an older version are
 * mapped onto them by question key and option code, so a reworded question still counts together.
 */
final class Wave {
    static final int NONE = -1;
    static final int NO_VALUE = Integer.MIN_VALUE;

    /** One question's answers, one entry per response. */
    static final class Column {
        final Question question;
        final List<Option> options;
        private final Map<String, Integer> optionIndex = new HashMap<>();
        int[] chosen = new int[0];     // single answers and ratings: option index; text: 0 when answered
        long[] ticked = new long[0];   // multiple choice: one bit per option
        int[] value = new int[0];      // numbers and months

        Column(Question question) {
            this.question = question;
            this.options = new ArrayList<>(question.options());
            for (int i = 0; i < options.size(); i++) {
                optionIndex.put(options.get(i).code(), i);
            }
        }

        int optionIndex(Option option) {
            return optionIndex.computeIfAbsent(option.code(), code -> {
                options.add(option);
                return options.size() - 1;
            });
        }

        /** The index of an option by its code, or NONE when no answer used it. */
        int indexOf(String code) {
            Integer index = optionIndex.get(code);
            return index == null ? NONE : index;
        }

        boolean multiple() {
            return question.type() == QuestionType.MULTIPLE_CHOICE;
        }

        boolean numeric() {
            return question.type() == QuestionType.NUMBER || question.type() == QuestionType.MONTH_YEAR;
        }

        boolean text() {
            return question.type().isText();
        }

        void grow(int capacity) {
            int old = chosen.length;
            if (multiple()) {
                ticked = Arrays.copyOf(ticked, capacity);
            } else if (numeric()) {
                value = Arrays.copyOf(value, capacity);
                Arrays.fill(value, old, capacity, NO_VALUE);
            } else {
                chosen = Arrays.copyOf(chosen, capacity);
                Arrays.fill(chosen, old, capacity, NONE);
            }
            if (multiple() || numeric()) {
                chosen = new int[capacity]; // keeps the capacity visible; unused for these types
            }
        }

        boolean answered(int row) {
            return multiple() ? ticked[row] != 0 : numeric() ? value[row] != NO_VALUE : chosen[row] != NONE;
        }
    }

    /** Where a version's coded answers land: per vocabulary slot, the column and option. */
    private record Mapping(int[] column, int[] option) {
    }

    final String surveyId;
    final SurveyDefinition definition;
    final List<Column> columns = new ArrayList<>();
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final Map<Long, Mapping> mappings = new HashMap<>();
    private final LongFunction<SurveyDefinition> definitions;
    private final LongFunction<AnswerVocabulary> vocabularies;
    long[] ids = new long[0];
    long[] submittedAt = new long[0]; // epoch seconds
    int size;
    long lastResponseId;

    Wave(String surveyId, SurveyDefinition definition, LongFunction<SurveyDefinition> definitions,
         LongFunction<AnswerVocabulary> vocabularies) {
        this.surveyId = surveyId;
        this.definition = definition;
        this.definitions = definitions;
        this.vocabularies = vocabularies;
        for (Question q : definition.questionList()) {
            columnIndex.put(q.key(), columns.size());
            columns.add(new Column(q));
        }
    }

    Column column(String key) {
        Integer index = columnIndex.get(key);
        return index == null ? null : columns.get(index);
    }

    void add(ResponseRecords.CodedResponse response) {
        if (size == ids.length) {
            int capacity = Math.max(1024, size * 2);
            ids = Arrays.copyOf(ids, capacity);
            submittedAt = Arrays.copyOf(submittedAt, capacity);
            columns.forEach(c -> c.grow(capacity));
        }
        int row = size++;
        ids[row] = response.id();
        submittedAt[row] = response.submittedAt().getEpochSecond();
        Mapping mapping = mappings.computeIfAbsent(response.versionId(), this::mapping);
        for (int slot : response.codes()) {
            int c = slot >= 0 && slot < mapping.column.length ? mapping.column[slot] : NONE;
            if (c == NONE) {
                continue;
            }
            Column column = columns.get(c);
            if (column.multiple()) {
                column.ticked[row] |= 1L << mapping.option[slot];
            } else {
                column.chosen[row] = mapping.option[slot];
            }
        }
        int[] numbers = response.numbers();
        for (int i = 0; i + 1 < numbers.length; i += 2) {
            int slot = numbers[i];
            int c = slot >= 0 && slot < mapping.column.length ? mapping.column[slot] : NONE;
            if (c != NONE) {
                columns.get(c).value[row] = numbers[i + 1];
            }
        }
        if (response.id() > lastResponseId) {
            lastResponseId = response.id();
        }
    }

    private Mapping mapping(long versionId) {
        AnswerVocabulary vocabulary = vocabularies.apply(versionId);
        SurveyDefinition version = definitions.apply(versionId);
        int[] column = new int[vocabulary.size()];
        int[] option = new int[vocabulary.size()];
        for (int slot = 0; slot < vocabulary.size(); slot++) {
            AnswerVocabulary.Entry entry = vocabulary.entry(slot);
            Integer c = columnIndex.get(entry.questionKey());
            Question asked = version.question(entry.questionKey()).orElse(null);
            // A key whose type changed between versions cannot be counted together.
            if (c == null || asked == null || !comparable(asked.type(), columns.get(c).question.type())) {
                column[slot] = NONE;
                continue;
            }
            column[slot] = c;
            Column target = columns.get(c);
            if (target.text()) {
                option[slot] = 0;
            } else if (!target.numeric()) {
                Option answered = asked.option(entry.code()).orElse(new Option(entry.code(), entry.code()));
                option[slot] = target.optionIndex(answered);
            }
        }
        return new Mapping(column, option);
    }

    private static boolean comparable(QuestionType a, QuestionType b) {
        return a == b || (a.isScale() && b.isScale());
    }

    boolean partial(int row) {
        return ids[row] < 0;
    }
}
