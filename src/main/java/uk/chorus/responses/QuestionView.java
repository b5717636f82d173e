package uk.chorus.responses;

import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One question ready for its template: which GOV.UK component renders it, the ids that tie the
 * label, hint and error together, and the value to show (what was saved, or what was just typed
 * when the page comes back with an error).
 */
public record QuestionView(
        String key, String text, String hint, String easyRead, String error, boolean asHeading,
        boolean radios, boolean checkboxes, boolean input, boolean textarea, boolean monthYear,
        boolean inline, boolean numeric, String inputClass, Integer maxLength,
        String value, String month, String year, List<OptionView> options, String describedBy) {

    public record OptionView(String id, String value, String label, boolean checked) {
    }

    /** The id the error summary links to: the first control of the question. */
    public String fieldId() {
        return monthYear ? key + "-month" : key;
    }

    public String hintId() {
        return key + "-hint";
    }

    public String errorId() {
        return key + "-error";
    }

    public String easyReadId() {
        return key + "-easy-read";
    }

    static QuestionView of(Question q, boolean asHeading, Object saved, Map<String, List<String>> typed,
                           String error) {
        List<String> posted = typed == null ? null : typed.getOrDefault(q.key(), List.of());
        List<String> chosen = posted != null ? posted : savedCodes(saved);
        List<OptionView> options = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            Option option = q.options().get(i);
            // GOV.UK convention: the first control's id is the field name, so error links land on it.
            String id = i == 0 ? q.key() : q.key() + "-" + (i + 1);
            options.add(new OptionView(id, option.code(), option.label(), chosen.contains(option.code())));
        }
        String value = posted != null ? (posted.isEmpty() ? "" : posted.get(0)) : saved == null ? "" : saved.toString();
        String month = "";
        String year = "";
        if (typed != null) {
            month = typed.getOrDefault(q.key() + "-month", List.of("")).get(0);
            year = typed.getOrDefault(q.key() + "-year", List.of("")).get(0);
        } else if (q.type() == QuestionType.MONTH_YEAR && saved instanceof String monthYear) {
            year = monthYear.substring(0, 4);
            month = Integer.toString(Integer.parseInt(monthYear.substring(5)));
        }
        List<String> describedBy = new ArrayList<>();
        if (q.hint() != null) {
            describedBy.add(q.key() + "-hint");
        }
        if (error != null) {
            describedBy.add(q.key() + "-error");
        }
        var type = q.type();
        boolean textarea = type == QuestionType.LONG_TEXT;
        boolean number = type == QuestionType.NUMBER;
        boolean monthYear = type == QuestionType.MONTH_YEAR;
        boolean checkboxes = type == QuestionType.MULTIPLE_CHOICE;
        boolean input = type == QuestionType.SHORT_TEXT || number;
        boolean radios = !textarea && !input && !monthYear && !checkboxes;
        return new QuestionView(q.key(), q.text(), q.hint(), q.easyRead(), error, asHeading,
                radios, checkboxes, input, textarea, monthYear,
                type == QuestionType.RATING, number,
                number ? "govuk-input govuk-input--width-5" : "govuk-input", q.maxLength(),
                value, month, year, List.copyOf(options), describedBy.isEmpty() ? null : String.join(" ", describedBy));
    }

    private static List<String> savedCodes(Object saved) {
        if (saved instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return saved == null ? List.of() : List.of(String.valueOf(saved));
    }
}
