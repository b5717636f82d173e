package uk.chorus.surveys;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a survey definition back in the survey file format, so a survey can leave the service as
 * a file a forum can keep, edit and load again: reading what this writes gives the same
 * definition (SurveyFileWriterTest checks it for every shipped and test survey). SnakeYAML does the
 * quoting; fixed answers (scales, yes/no, ratings) are left to the type, as a person writes them.
 */
public final class SurveyFileWriter {

    private SurveyFileWriter() {
    }

    public static String write(SurveyDefinition survey) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", survey.id());
        file.put("title", survey.title());
        file.put("audience", survey.audience().fileName());
        putIfSet(file, "forum", survey.forum());
        file.put("wave", survey.wave());
        putIfSet(file, "baseline", survey.baseline());
        file.put("opens", survey.opens().toString());
        file.put("closes", survey.closes().toString());
        putIfSet(file, "retentionMonths", survey.retentionMonths());
        putIfSet(file, "smallestGroup", survey.smallestGroup());
        if (survey.showsCountdown()) {
            file.put("countdown", true);
        }
        file.put("introduction", survey.introduction());
        file.put("privacyNotice", survey.privacyNotice());
        List<Object> pages = new ArrayList<>();
        for (Page page : survey.pages()) {
            Map<String, Object> written = new LinkedHashMap<>();
            putIfSet(written, "section", page.section());
            putIfSet(written, "title", page.title());
            List<Object> questions = new ArrayList<>();
            page.questions().forEach(q -> questions.add(question(q)));
            written.put("questions", questions);
            pages.add(written);
        }
        file.put("pages", pages);
        if (survey.translations() != null && !survey.translations().isEmpty()) {
            Map<String, Object> translations = new LinkedHashMap<>();
            survey.translations().forEach((language, t) -> {
                Map<String, Object> written = new LinkedHashMap<>();
                written.put("name", t.name());
                written.put("direction", t.rightToLeft() ? "rtl" : "ltr");
                written.put("status", t.needsReview() ? TranslationReader.NEEDS_REVIEW : TranslationReader.SIGNED_OFF);
                putIfSet(written, "signedOffBy", t.signedOffBy());
                written.put("texts", new LinkedHashMap<>(t.texts()));
                if (!t.sourcesById().isEmpty()) {
                    written.put("sources", new LinkedHashMap<>(t.sourcesById()));
                }
                translations.put(language, written);
            });
            file.put("translations", translations);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        return "# Written by Chorus from the survey as stored. Edit it and load it again as " + survey.id() + ".yml.\n"
                + new Yaml(options).dump(file);
    }

    private static Map<String, Object> question(Question q) {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("key", q.key());
        written.put("type", q.type().fileName());
        if (q.about() != null) {
            written.put("about", q.about().fileName());
        }
        written.put("text", q.text());
        putIfSet(written, "hint", q.hint());
        putIfSet(written, "easyRead", q.easyRead());
        if (q.required()) {
            written.put("required", true);
        }
        putIfSet(written, "errorMessage", q.errorMessage());
        putIfSet(written, "maxLength", q.maxLength());
        putIfSet(written, "min", q.min());
        putIfSet(written, "max", q.max());
        putIfSet(written, "lowLabel", q.lowLabel());
        putIfSet(written, "highLabel", q.highLabel());
        putIfSet(written, "supportBox", q.supportBox());
        putIfSet(written, "better", q.better());
        if (SurveyFileParser.hasThreeFaces(q)) {
            written.put("points", 3);
        }
        if (q.showIf() != null) {
            Map<String, Object> showIf = new LinkedHashMap<>();
            showIf.put("question", q.showIf().question());
            if (q.showIf().anyOf().size() == 1) {
                showIf.put("equals", q.showIf().anyOf().get(0));
            } else {
                showIf.put("anyOf", q.showIf().anyOf());
            }
            written.put("showIf", showIf);
        }
        boolean listsOptions = q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTIPLE_CHOICE
                || q.type() == QuestionType.ABOUT_YOU;
        if (!listsOptions) {
            // A fixed list of answers in the question's own words ("Very safe" for "How safe"): the
            // labels that differ from the type's, by code.
            Map<String, Object> labels = new LinkedHashMap<>();
            List<Option> fixed = SurveyFileParser.fixedOptions(q.type(), SurveyFileParser.hasThreeFaces(q) ? 3 : 5);
            for (Option option : q.options()) {
                fixed.stream().filter(f -> f.code().equals(option.code()) && !f.label().equals(option.label()))
                        .findFirst().ifPresent(f -> labels.put(option.code(), option.label()));
            }
            if (!labels.isEmpty()) {
                written.put("labels", labels);
            }
        }
        if (q.symbols() != null) {
            List<Object> symbols = new ArrayList<>();
            for (Symbol symbol : q.symbols()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", symbol.name());
                one.put("alt", symbol.alt());
                symbols.add(one);
            }
            written.put("symbols", symbols);
        }
        if (listsOptions) {
            List<Object> options = new ArrayList<>();
            for (Option option : q.options()) {
                Map<String, Object> written1 = new LinkedHashMap<>();
                written1.put("code", option.code());
                written1.put("label", option.label());
                options.add(written1);
            }
            written.put("options", options);
        }
        return written;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
