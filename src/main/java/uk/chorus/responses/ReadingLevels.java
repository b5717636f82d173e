package uk.chorus.responses;

import uk.chorus.surveys.Page;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;

import java.util.List;

/**
 * The same questions at another reading level. Easy Read puts the question's simpler words in
 * place of the standard wording (short sentences, one idea each) and leaves out the hint; symbols
 * are Easy Read with a picture for each idea. Keys, codes and rules never change, so every level
 * answers the same question and results pool.
 */
final class ReadingLevels {
    private ReadingLevels() {
    }

    static SurveyDefinition apply(SurveyDefinition survey, Reading.Level level) {
        List<Page> pages = survey.pages().stream().map(page -> new Page(page.title(), page.section(),
                page.questions().stream().map(q -> apply(q, level)).toList())).toList();
        return survey.withPages(pages);
    }

    private static Question apply(Question q, Reading.Level level) {
        if (level == Reading.Level.STANDARD) {
            // Pictures belong to the symbols level only; the standard page keeps "Say this more simply".
            return new Question(q.key(), q.type(), q.text(), q.hint(), q.easyRead(), q.required(), q.options(),
                    q.maxLength(), q.min(), q.max(), q.showIf(), q.about(), q.errorMessage(), q.lowLabel(),
                    q.highLabel(), q.supportBox(), q.better(), null);
        }
        if (q.easyRead() == null) {
            return q;
        }
        return new Question(q.key(), q.type(), q.easyRead(), null, null, q.required(), q.options(), q.maxLength(),
                q.min(), q.max(), q.showIf(), q.about(), q.errorMessage(), q.lowLabel(), q.highLabel(), q.supportBox(),
                q.better(), level == Reading.Level.SYMBOLS ? q.symbolList() : null);
    }
}
