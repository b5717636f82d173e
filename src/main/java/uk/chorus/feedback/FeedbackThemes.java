package uk.chorus.feedback;

import java.util.List;
import java.util.Optional;

/**
 * What the inbox asks of the themes: which themes there are, and which feedback items one of
 * them covers. Feedback owns this question and the themes feature answers it, so the inbox can
 * filter by theme without feedback depending on the search index (themes already reads feedback).
 */
public interface FeedbackThemes {

    record Theme(String id, String name) {
    }

    List<Theme> themes();

    /** The ids of the feedback items under a theme (tags a lead rejected left out), newest first; empty for an unknown theme. */
    Optional<List<Long>> itemsUnder(String themeId, int limit);
}
