package uk.chorus.responses;

import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.Symbols;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One question ready for the shared form partials: which GOV.UK component renders it, the ids that
 * tie label, hint, simpler wording and error together, and the value to show (what was saved, or
 * what was typed when the page comes back with errors). Field names match the partials' parameters
 * (legend, label, hint, error, options ...), so a question is rendered by the same partials as
 * every other form.
 */
public record QuestionView(
        String id, String name, String legend, String label, String hint, String easyRead, String error,
        boolean asHeading, boolean optional,
        boolean radios, boolean checkboxes, boolean input, boolean textarea, boolean dateParts,
        String layout, ScaleEnds scaleEnds, String width, String inputmode, boolean noSpellcheck, Integer maxLength,
        String value, String month, String year, List<OptionView> options, boolean supportBox,
        List<SymbolView> symbols, boolean unclear) {

    /** A picture for one idea of the question, at the symbols reading level. */
    public record SymbolView(String src, String alt) {
    }

    public record OptionView(String id, String value, String label, boolean checked, String symbol, String symbolAlt,
                             String dividerBefore) {
    }

    /** The words at each end of a 0 to 10 rating. */
    public record ScaleEnds(String low, String high) {
    }

    /** The id the error summary links to: the first control of the question. */
    public String fieldId() {
        return dateParts ? id + "-month" : id;
    }

    static QuestionView of(Question q, boolean asHeading, Object saved, Map<String, List<String>> typed,
                           String error, Messages messages) {
        return of(q, asHeading, saved, typed, error, messages, false);
    }

    static QuestionView of(Question q, boolean asHeading, Object saved, Map<String, List<String>> typed,
                           String error, Messages messages, boolean unclear) {
        List<String> posted = typed == null ? null : typed.getOrDefault(q.key(), List.of());
        List<String> chosen = posted != null ? posted : savedCodes(saved);
        QuestionType type = q.type();
        List<OptionView> options = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            Option option = q.options().get(i);
            // GOV.UK convention: the first control's id is the field name, so error links land on it.
            String id = i == 0 ? q.key() : q.key() + "-" + (i + 1);
            boolean faces = type == QuestionType.FACES && !option.code().equals("dont-know");
            String divider = option.code().equals("dont-know") && type.isScale() ? messages.get("form.or") : null;
            options.add(new OptionView(id, option.code(), option.label(), chosen.contains(option.code()),
                    faces ? "/assets/chorus/faces/" + option.code() + ".svg" : null,
                    faces ? messages.get("faces.alt." + option.code()) : null, divider));
        }
        String value = posted != null ? (posted.isEmpty() ? "" : posted.get(0)) : saved == null ? "" : saved.toString();
        String month = "";
        String year = "";
        if (typed != null) {
            month = typed.getOrDefault(q.key() + "-month", List.of("")).get(0);
            year = typed.getOrDefault(q.key() + "-year", List.of("")).get(0);
        } else if (type == QuestionType.MONTH_YEAR && saved instanceof String monthYear) {
            year = monthYear.substring(0, 4);
            month = Integer.toString(Integer.parseInt(monthYear.substring(5)));
        }
        boolean textarea = type == QuestionType.LONG_TEXT;
        boolean number = type == QuestionType.NUMBER;
        boolean dateParts = type == QuestionType.MONTH_YEAR;
        boolean checkboxes = type == QuestionType.MULTIPLE_CHOICE;
        boolean input = type == QuestionType.SHORT_TEXT || number;
        boolean radios = !textarea && !input && !dateParts && !checkboxes;
        String layout = type == QuestionType.RATING ? "chorus-rating" : type == QuestionType.FACES ? "chorus-faces" : null;
        ScaleEnds ends = type == QuestionType.RATING
                ? new ScaleEnds(messages.get("rating.end.low", q.lowLabel() == null ? messages.get("rating.low.default")
                : q.lowLabel()), messages.get("rating.end.high", q.highLabel() == null
                ? messages.get("rating.high.default") : q.highLabel()))
                : null;
        String hint = checkboxes && q.hint() == null ? messages.get("question.select.all") : checkboxes
                ? q.hint() + " " + messages.get("question.select.all") : q.hint();
        return new QuestionView(q.key(), q.key(), q.text(), q.text(), hint, q.easyRead(), error, asHeading,
                !q.required(), radios, checkboxes, input, textarea, dateParts, layout, ends,
                number ? "govuk-input--width-5" : null, number ? "numeric" : null, number, q.maxLength(),
                value, month, year, List.copyOf(options), q.showsSupport(),
                q.symbolList().stream().map(s -> new SymbolView(Symbols.url(s.name()), s.alt())).toList(),
                typed != null ? Unclear.ticked(typed, q.key()) : unclear);
    }

    private static List<String> savedCodes(Object saved) {
        if (saved instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return saved == null ? List.of() : List.of(String.valueOf(saved));
    }
}
