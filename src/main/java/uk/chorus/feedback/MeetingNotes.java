package uk.chorus.feedback;

import io.micronaut.core.annotation.Introspected;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static uk.chorus.feedback.FeedbackEntryController.MOST_NOTES;
import static uk.chorus.feedback.FeedbackEntryController.NOTES_AT_FIRST;

/**
 * A meeting's notes as posted. Not checked by constraints: "Add more notes" posts the same form
 * half filled in, and each note is checked by {@link FeedbackChecker} like every other item. The
 * notes are numbered boxes (note-1, support-1, age-1 ...), so the whole form is kept.
 */
@Introspected
record MeetingNotes(String channel, String subject, String notes, String more, Map<String, List<String>> fields) {
    MeetingNotes {
        subject = subject.strip();
    }

    /** Each note's words, support and age band, as many as the page showed (5 to 50). */
    List<String[]> typedNotes() {
        int shown = Math.min(MOST_NOTES, Math.max(NOTES_AT_FIRST, number(notes)));
        List<String[]> typed = new ArrayList<>();
        for (int i = 1; i <= shown; i++) {
            typed.add(new String[]{field("note-" + i), field("support-" + i), field("age-" + i)});
        }
        return typed;
    }

    private String field(String name) {
        List<String> values = fields.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return NOTES_AT_FIRST;
        }
    }
}
