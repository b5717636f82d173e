package uk.chorus.results;

import io.micronaut.context.ApplicationContext;
import uk.chorus.surveys.SurveyDefinition;

/**
 * For ResultsBenchmark (another package): a lead's cross-table view, counted as the page counts
 * it, without going through HTTP.
 */
public final class CrossTableViews {
    private CrossTableViews() {
    }

    /** Counts one cross-table of two questions (live, not suppressed); false when there was nothing to count. */
    public static boolean cross(ApplicationContext context, SurveyDefinition survey, String rows, String columns) {
        return context.getBean(CrossTables.class).cross(survey, rows, columns, null, null, false).isPresent();
    }
}
