package uk.chorus.responses;

import jakarta.inject.Singleton;
import uk.chorus.surveys.Question;
import uk.chorus.web.Messages;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * An answer as the respondent would say it: labels rather than codes, "September 2025" rather
 * than 2025-09. Shared by "Check your answers", staff views and data-protection exports, so a
 * family and the staff who read their answers see them the same way.
 */
@Singleton
public class AnswerDisplay {
    private final Messages messages;

    AnswerDisplay(Messages messages) {
        this.messages = messages;
    }

    public List<String> display(Question question, Object value) {
        if (value == null) {
            return List.of(messages.get("answer.not.answered"));
        }
        if (value instanceof List<?> codes) {
            return codes.stream().map(c -> question.labelFor(String.valueOf(c))).toList();
        }
        return switch (question.type()) {
            case SHORT_TEXT, LONG_TEXT, NUMBER -> List.of(String.valueOf(value));
            case RATING -> List.of(String.valueOf(value));
            case MONTH_YEAR -> {
                String text = String.valueOf(value);
                Month month = Month.of(Integer.parseInt(text.substring(5)));
                yield List.of(month.getDisplayName(TextStyle.FULL, Locale.UK) + " " + text.substring(0, 4));
            }
            default -> List.of(question.labelFor(String.valueOf(value)));
        };
    }
}
