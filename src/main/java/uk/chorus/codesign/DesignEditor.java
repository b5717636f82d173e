package uk.chorus.codesign;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.Page;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The builder's edits as plain functions from one definition to the next: add, change, move and
 * remove pages and questions. Page numbers are 1-based, as the builder shows them. An edit that
 * would break the survey (removing a question another one's showIf depends on) is refused with
 * the reason, rather than leaving a survey that cannot go live.
 */
final class DesignEditor {
    private DesignEditor() {
    }

    /** Why an edit cannot be made, in words for the page. */
    static final class Refused extends RuntimeException {
        private final String messageKey;
        private final Object[] args;

        Refused(String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.args = args;
        }

        String messageKey() {
            return messageKey;
        }

        Object[] args() {
            return args;
        }
    }

    static SurveyDefinition addQuestion(SurveyDefinition survey, int pageNumber, Question question) {
        Optional<Question> same = sameQuestion(survey, question);
        if (same.isPresent()) {
            // A second press of "Save" (or a retry) adds nothing: the question is there already.
            return survey;
        }
        if (survey.question(question.key()).isPresent()) {
            throw new Refused("codesign.builder.error.key.taken", question.key());
        }
        List<Page> pages = new ArrayList<>(survey.pages());
        if (pageNumber < 1 || pageNumber > pages.size()) {
            pages.add(new Page(null, lastSection(pages), List.of(question)));
        } else {
            Page page = pages.get(pageNumber - 1);
            List<Question> questions = new ArrayList<>(page.questions());
            questions.add(question);
            pages.set(pageNumber - 1, new Page(page.title(), page.section(), questions));
        }
        return survey.withPages(pages);
    }

    static SurveyDefinition replaceQuestion(SurveyDefinition survey, Question question) {
        List<Page> pages = new ArrayList<>();
        for (Page page : survey.pages()) {
            List<Question> questions = new ArrayList<>();
            for (Question q : page.questions()) {
                questions.add(q.key().equals(question.key()) ? question : q);
            }
            pages.add(new Page(page.title(), page.section(), questions));
        }
        return survey.withPages(pages);
    }

    /** Moves a question one place up or down; past the top or bottom of its page it joins the next page. */
    static SurveyDefinition moveQuestion(SurveyDefinition survey, String key, int delta) {
        List<List<Question>> pages = new ArrayList<>();
        survey.pages().forEach(p -> pages.add(new ArrayList<>(p.questions())));
        int pageIndex = pageIndexOf(survey, key);
        List<Question> page = pages.get(pageIndex);
        int at = indexIn(page, key);
        Question moving = page.get(at);
        int target = at + delta;
        if (target >= 0 && target < page.size()) {
            page.remove(at);
            page.add(target, moving);
        } else if (delta < 0 && pageIndex > 0) {
            page.remove(at);
            pages.get(pageIndex - 1).add(moving);
        } else if (delta > 0 && pageIndex < pages.size() - 1) {
            page.remove(at);
            pages.get(pageIndex + 1).add(0, moving);
        } else {
            return survey;
        }
        return withQuestions(survey, pages);
    }

    static SurveyDefinition removeQuestion(SurveyDefinition survey, String key) {
        for (Question q : survey.questionList()) {
            if (q.showIf() != null && q.showIf().question().equals(key)) {
                throw new Refused("codesign.builder.error.depended", q.text());
            }
        }
        List<List<Question>> pages = new ArrayList<>();
        survey.pages().forEach(p -> {
            List<Question> kept = new ArrayList<>(p.questions());
            kept.removeIf(q -> q.key().equals(key));
            pages.add(kept);
        });
        return withQuestions(survey, pages);
    }

    static SurveyDefinition updatePage(SurveyDefinition survey, int pageNumber, @Nullable String title,
                                       @Nullable String section) {
        List<Page> pages = new ArrayList<>(survey.pages());
        Page page = pages.get(pageNumber - 1);
        pages.set(pageNumber - 1, new Page(title, section, page.questions()));
        return survey.withPages(pages);
    }

    static SurveyDefinition movePage(SurveyDefinition survey, int pageNumber, int delta) {
        List<Page> pages = new ArrayList<>(survey.pages());
        int from = pageNumber - 1;
        int to = from + delta;
        if (to < 0 || to >= pages.size()) {
            return survey;
        }
        pages.add(to, pages.remove(from));
        return survey.withPages(pages);
    }

    static SurveyDefinition removePage(SurveyDefinition survey, int pageNumber) {
        SurveyDefinition result = survey;
        for (Question q : survey.pages().get(pageNumber - 1).questions()) {
            result = removeQuestion(result, q.key());
        }
        List<Page> pages = new ArrayList<>(result.pages());
        if (pageNumber - 1 < pages.size() && pages.get(pageNumber - 1).questions().isEmpty()) {
            pages.remove(pageNumber - 1);
        }
        return result.withPages(pages);
    }

    /** A question already in the survey with the same kind and words: what a repeated "add" would add again. */
    static Optional<Question> sameQuestion(SurveyDefinition survey, Question question) {
        return survey.questionList().stream()
                .filter(q -> q.type() == question.type() && q.text().equals(question.text())).findFirst();
    }

    static Optional<Integer> pageNumberOf(SurveyDefinition survey, String key) {
        for (int i = 0; i < survey.pages().size(); i++) {
            if (indexIn(survey.pages().get(i).questions(), key) >= 0) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /** Question keys are made from the first words of the question, and kept once made. */
    static String newKey(SurveyDefinition survey, String text) {
        String words = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").strip();
        StringBuilder key = new StringBuilder();
        for (String word : words.split("\\s+")) {
            if (word.isEmpty() || key.length() + word.length() > 30) {
                break;
            }
            if (!key.isEmpty()) {
                key.append('_');
            }
            key.append(word);
        }
        String base = key.isEmpty() || !Character.isLetter(key.charAt(0)) ? "q_" + key : key.toString();
        String candidate = base;
        for (int n = 2; survey.question(candidate).isPresent(); n++) {
            candidate = base + "_" + n;
        }
        return candidate;
    }

    private static int pageIndexOf(SurveyDefinition survey, String key) {
        return pageNumberOf(survey, key).map(n -> n - 1)
                .orElseThrow(() -> new IllegalArgumentException("No question " + key));
    }

    private static int indexIn(List<Question> questions, String key) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** New questions join the section of the last page, so a survey built in order keeps its sections. */
    private static String lastSection(List<Page> pages) {
        return pages.isEmpty() ? null : pages.get(pages.size() - 1).section();
    }

    /** Pages left empty by a move or removal go; a one-question page needs no title. */
    private static SurveyDefinition withQuestions(SurveyDefinition survey, List<List<Question>> questions) {
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (!questions.get(i).isEmpty()) {
                Page page = survey.pages().get(i);
                pages.add(new Page(page.title(), page.section(), List.copyOf(questions.get(i))));
            }
        }
        return survey.withPages(pages);
    }
}
