package uk.chorus.surveys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every text a respondent reads in a survey, each with a stable id, so a translation can give the
 * same texts in another language and a translator's spreadsheet can name each row. Ids follow the
 * survey's own keys, never positions, so adding a question does not shift every other translation:
 * {@code title}, {@code introduction}, {@code privacyNotice}, {@code section.<name>},
 * {@code page.<first question key>.title}, {@code <key>.text} (and .hint, .easyRead, .errorMessage,
 * .lowLabel, .highLabel), {@code <key>.option.<code>} and {@code <key>.symbol.<n>} (a picture's alt
 * text). Answer codes are never translated: answers are stored as codes, so every language pools.
 */
public final class SurveyTexts {
    /** Placeholders the service fills in ({smallestGroup}); a translation must keep each one. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9]+}");

    private SurveyTexts() {
    }

    /** The English texts by id, in the order a respondent meets them. */
    public static Map<String, String> source(SurveyDefinition survey) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", survey.title());
        texts.put("introduction", survey.introduction());
        texts.put("privacyNotice", survey.privacyNotice());
        for (Page page : survey.pages()) {
            if (page.section() != null) {
                texts.putIfAbsent(sectionId(page.section()), page.section());
            }
            if (page.title() != null && !page.questions().isEmpty()) {
                texts.put(pageId(page), page.title());
            }
            for (Question q : page.questions()) {
                putIfSet(texts, q.key() + ".text", q.text());
                putIfSet(texts, q.key() + ".hint", q.hint());
                putIfSet(texts, q.key() + ".easyRead", q.easyRead());
                putIfSet(texts, q.key() + ".errorMessage", q.errorMessage());
                putIfSet(texts, q.key() + ".lowLabel", q.lowLabel());
                putIfSet(texts, q.key() + ".highLabel", q.highLabel());
                if (q.type() != QuestionType.RATING) {
                    // A rating's answers are the numbers 0 to 10: nothing to translate.
                    for (Option option : q.options()) {
                        texts.put(q.key() + ".option." + option.code(), option.label());
                    }
                }
                List<Symbol> symbols = q.symbolList();
                for (int i = 0; i < symbols.size(); i++) {
                    texts.put(q.key() + ".symbol." + (i + 1), symbols.get(i).alt());
                }
            }
        }
        return texts;
    }

    /** The ids a language still lacks: a survey is never offered in a language with any missing. */
    public static List<String> missing(SurveyDefinition survey, String language) {
        Translation translation = survey.translationsByLanguage().get(language);
        Map<String, String> given = translation == null ? Map.of() : translation.texts();
        List<String> missing = new ArrayList<>();
        for (String id : source(survey).keySet()) {
            String text = given.get(id);
            if (text == null || text.isBlank()) {
                missing.add(id);
            }
        }
        return missing;
    }

    /**
     * What is wrong with a set of translated texts, each as a plain sentence: ids the survey does
     * not have, and placeholders dropped, added or misspelt. Missing texts are not wrong here (a
     * translation may be part done); they stop the language being offered.
     */
    public static List<String> problems(Map<String, String> source, Map<String, String> translated) {
        List<String> problems = new ArrayList<>();
        translated.forEach((id, text) -> {
            String english = source.get(id);
            if (english == null) {
                problems.add("'" + id + "' is not a text of this survey: check the id, or remove the line.");
                return;
            }
            Set<String> wanted = placeholders(english);
            Set<String> found = placeholders(text);
            if (!wanted.equals(found)) {
                problems.add("'" + id + "' must keep " + (wanted.isEmpty() ? "no placeholders"
                        : "the placeholder " + String.join(" and ", wanted)) + " exactly as in English"
                        + (found.isEmpty() ? "" : ", but has " + String.join(" and ", found)) + ".");
            }
        });
        return problems;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** The survey with one translation's texts in place of the English ones; codes, keys and rules unchanged. */
    static SurveyDefinition localise(SurveyDefinition survey, String language) {
        Translation translation = survey.translationsByLanguage().get(language);
        if (translation == null) {
            return survey;
        }
        Map<String, String> texts = translation.texts();
        BiFunction<String, String, String> t = (id, english) -> {
            if (english == null) {
                return null;
            }
            String text = texts.get(id);
            return text == null || text.isBlank() ? english : text;
        };
        List<Page> pages = new ArrayList<>();
        for (Page page : survey.pages()) {
            List<Question> questions = new ArrayList<>();
            for (Question q : page.questions()) {
                List<Option> options = q.type() == QuestionType.RATING ? q.options() : q.options().stream()
                        .map(o -> new Option(o.code(), t.apply(q.key() + ".option." + o.code(), o.label())))
                        .toList();
                List<Symbol> symbols = new ArrayList<>();
                for (int i = 0; i < q.symbolList().size(); i++) {
                    Symbol symbol = q.symbolList().get(i);
                    symbols.add(new Symbol(symbol.name(), t.apply(q.key() + ".symbol." + (i + 1), symbol.alt())));
                }
                questions.add(new Question(q.key(), q.type(), t.apply(q.key() + ".text", q.text()),
                        t.apply(q.key() + ".hint", q.hint()), t.apply(q.key() + ".easyRead", q.easyRead()),
                        q.required(), options, q.maxLength(), q.min(), q.max(), q.showIf(), q.about(),
                        t.apply(q.key() + ".errorMessage", q.errorMessage()), t.apply(q.key() + ".lowLabel", q.lowLabel()),
                        t.apply(q.key() + ".highLabel", q.highLabel()), q.supportBox(), q.better(), symbols));
            }
            pages.add(new Page(page.title() == null ? null : t.apply(pageId(page), page.title()),
                    page.section() == null ? null : t.apply(sectionId(page.section()), page.section()),
                    List.copyOf(questions)));
        }
        return new SurveyDefinition(survey.id(), t.apply("title", survey.title()), survey.audience(),
                t.apply("introduction", survey.introduction()), t.apply("privacyNotice", survey.privacyNotice()),
                survey.opens(), survey.closes(), survey.wave(), survey.baseline(), survey.retentionMonths(),
                survey.forum(), survey.smallestGroup(), survey.countdown(), List.copyOf(pages), survey.translations());
    }

    static String sectionId(String section) {
        return "section." + section.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String pageId(Page page) {
        return "page." + page.questions().get(0).key() + ".title";
    }

    private static void putIfSet(Map<String, String> texts, String id, String text) {
        if (text != null && !text.isBlank()) {
            texts.put(id, text);
        }
    }
}
