package uk.chorus.codesign;

import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed between two versions of a survey: its settings, and each question added, removed,
 * moved to another page, reworded (word by word) or changed in another way (type, answers,
 * branching, hint, easy-read words).
 */
final class DesignComparison {
    private DesignComparison() {
    }

    public record Setting(String nameKey, List<WordDiff.Segment> change) {
    }

    /** kind: added, removed, changed or same; aspects: the message keys of what else changed. */
    public record QuestionChange(String key, String kind, String text, List<WordDiff.Segment> wording,
                          List<String> aspects, int pageBefore, int pageAfter) {
        public String kindKey() {
            return "codesign.compare.kind." + kind;
        }

        public boolean moved() {
            return pageBefore > 0 && pageAfter > 0 && pageBefore != pageAfter;
        }
    }

    public record Result(List<Setting> settings, List<QuestionChange> questions) {
        public long changedQuestions() {
            return questions.stream().filter(q -> !q.kind().equals("same") || q.moved()).count();
        }
    }

    static Result compare(SurveyDefinition before, SurveyDefinition after) {
        List<Setting> settings = new ArrayList<>();
        setting(settings, "title", before.title(), after.title());
        setting(settings, "audience", before.audience().fileName(), after.audience().fileName());
        setting(settings, "opens", before.opens().toString(), after.opens().toString());
        setting(settings, "closes", before.closes().toString(), after.closes().toString());
        setting(settings, "introduction", before.introduction(), after.introduction());
        setting(settings, "privacy", before.privacyNotice(), after.privacyNotice());
        setting(settings, "countdown", String.valueOf(before.showsCountdown()), String.valueOf(after.showsCountdown()));

        Map<String, QuestionChange> changes = new LinkedHashMap<>();
        for (Question q : after.questionList()) {
            int pageAfter = DesignEditor.pageNumberOf(after, q.key()).orElse(0);
            Optional<Question> earlier = before.question(q.key());
            if (earlier.isEmpty()) {
                changes.put(q.key(), new QuestionChange(q.key(), "added", q.text(), WordDiff.between("", q.text()),
                        List.of(), 0, pageAfter));
                continue;
            }
            int pageBefore = DesignEditor.pageNumberOf(before, q.key()).orElse(0);
            List<String> aspects = aspects(earlier.get(), q);
            boolean reworded = !earlier.get().text().equals(q.text());
            changes.put(q.key(), new QuestionChange(q.key(), reworded || !aspects.isEmpty() ? "changed" : "same",
                    q.text(), WordDiff.between(earlier.get().text(), q.text()), aspects, pageBefore, pageAfter));
        }
        for (Question q : before.questionList()) {
            if (after.question(q.key()).isEmpty()) {
                changes.put(q.key(), new QuestionChange(q.key(), "removed", q.text(), WordDiff.between(q.text(), ""),
                        List.of(), DesignEditor.pageNumberOf(before, q.key()).orElse(0), 0));
            }
        }
        return new Result(settings, List.copyOf(changes.values()));
    }

    private static void setting(List<Setting> settings, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            settings.add(new Setting("codesign.compare.setting." + name, WordDiff.between(before, after)));
        }
    }

    private static List<String> aspects(Question before, Question after) {
        List<String> aspects = new ArrayList<>();
        aspect(aspects, "type", before.type(), after.type());
        aspect(aspects, "options", before.options(), after.options());
        aspect(aspects, "hint", before.hint(), after.hint());
        aspect(aspects, "easy-read", before.easyRead(), after.easyRead());
        aspect(aspects, "required", before.required(), after.required());
        aspect(aspects, "branching", before.showIf(), after.showIf());
        aspect(aspects, "limits", List.of(String.valueOf(before.min()), String.valueOf(before.max()),
                String.valueOf(before.maxLength())), List.of(String.valueOf(after.min()), String.valueOf(after.max()),
                String.valueOf(after.maxLength())));
        aspect(aspects, "other", List.of(String.valueOf(before.errorMessage()), String.valueOf(before.lowLabel()),
                        String.valueOf(before.highLabel()), String.valueOf(before.supportBox()), String.valueOf(before.better()),
                        String.valueOf(before.about())),
                List.of(String.valueOf(after.errorMessage()), String.valueOf(after.lowLabel()),
                        String.valueOf(after.highLabel()), String.valueOf(after.supportBox()), String.valueOf(after.better()),
                        String.valueOf(after.about())));
        return aspects;
    }

    private static void aspect(List<String> aspects, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            aspects.add("codesign.compare.aspect." + name);
        }
    }
}
