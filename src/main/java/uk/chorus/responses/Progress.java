package uk.chorus.responses;

import uk.chorus.surveys.Page;
import uk.chorus.surveys.SurveyDefinition;

import java.util.List;
import java.util.Optional;

/**
 * Where a respondent is: their draft, the exact survey version it answers, and their answers.
 * Page numbers in URLs are positions in the definition (1-based) so they stay put when a branch
 * changes. Progress is shown by section ("Section 2 of 5: Your child's needs"): the sections a
 * survey has do not change as branches open, so the count never jumps.
 */
record Progress(Draft draft, SurveyDefinition survey, Answers answers, List<Integer> shownPageNumbers) {

    static Progress of(Draft draft, SurveyDefinition survey) {
        Answers answers = new Answers(survey, draft.answers());
        // Worked out once: every page asks several questions of it (position, next, back).
        List<Integer> shown = answers.shownPageIndexes().stream().map(i -> i + 1).toList();
        return new Progress(draft, survey, answers, shown);
    }

    String code() {
        return draft.resumeCode();
    }

    boolean hasPage(int pageNumber) {
        return pageNumber >= 1 && pageNumber <= survey.pages().size();
    }

    Page page(int pageNumber) {
        return survey.pages().get(pageNumber - 1);
    }

    boolean isShown(int pageNumber) {
        return shownPageNumbers().contains(pageNumber);
    }

    /** The first shown page after this one; empty when the next stop is "Check your answers". */
    Optional<Integer> nextShownAfter(int pageNumber) {
        return shownPageNumbers().stream().filter(n -> n > pageNumber).findFirst();
    }

    Optional<Integer> previousShownBefore(int pageNumber) {
        return shownPageNumbers().stream().filter(n -> n < pageNumber).reduce((a, b) -> b);
    }

    /** Where a returning respondent carries on: the page after the furthest one they continued past. */
    Optional<Integer> resumePage() {
        return nextShownAfter(draft.furthestPage());
    }

    /** Where a page sits: its section's number (1-based), how many sections, and the section's name. */
    record Section(int number, int count, String name) {
    }

    Optional<Section> sectionOf(int pageNumber) {
        List<String> sections = survey.sections();
        String name = page(pageNumber).section();
        if (name == null || sections.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section(sections.indexOf(name) + 1, sections.size(), name));
    }

    /** The page holding a question; used to send a respondent back to something they missed. */
    int pageNumberOf(String questionKey) {
        for (int i = 0; i < survey.pages().size(); i++) {
            if (survey.pages().get(i).questions().stream().anyMatch(q -> q.key().equals(questionKey))) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("No question " + questionKey);
    }
}
