package uk.chorus.feedback;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.AboutYouTopic;
import uk.chorus.surveys.Option;
import uk.chorus.web.DateFields;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static uk.chorus.feedback.FeedbackEntryController.MOST_NOTES;

/** The page for a meeting's notes: channel, subject, date, and each note with its optional about-you answers. */
@Singleton
class MeetingNotesPage {
    private final Messages messages;

    MeetingNotesPage(Messages messages) {
        this.messages = messages;
    }

    public record Choice(String value, String label, boolean selected) {
    }

    public record Note(int number, String noteId, String text, String supportId, List<Choice> support, String ageId,
                       List<Choice> age, String error) {
    }

    MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, String channel, String subject,
                                  DateFields.Typed date, List<String[]> notes, FormErrors errors) {
        List<Choice> channels = new ArrayList<>(List.of(new Choice("", messages.get("feedback.entry.channel.choose"),
                channel.isEmpty())));
        Arrays.stream(Channel.values()).filter(Channel::recordedAsNotes)
                .forEach(c -> channels.add(new Choice(c.code(), messages.get(c.labelKey()), c.code().equals(channel))));
        List<Note> shown = new ArrayList<>();
        Map<String, String> byField = errors.byField();
        for (int i = 0; i < notes.size(); i++) {
            String[] note = notes.get(i);
            shown.add(new Note(i + 1, "note-" + (i + 1), note[0], "support-" + (i + 1), choices(AboutYouTopic.EHCP, note[1]),
                    "age-" + (i + 1), choices(AboutYouTopic.AGE_BAND, note[2]), byField.get("note-" + (i + 1))));
        }
        Map<String, Object> model = Pages.model("titleKey", "feedback.entry.title", "staff", Staff.of(authentication),
                "tab", "new", "channels", channels, "subject", subject, "date", date, "notes", shown,
                "noteCount", notes.size(), "canAddMore", notes.size() < MOST_NOTES, "backUrl", "/staff/feedback");
        return Pages.render(status, "feedback/entry", errors.addTo(model));
    }

    private List<Choice> choices(AboutYouTopic topic, String chosen) {
        List<Choice> choices = new ArrayList<>(List.of(new Choice("", messages.get("feedback.entry.about.unknown"),
                chosen.isEmpty())));
        List<Option> options = new ArrayList<>(topic.standardOptions());
        options.add(AboutYouTopic.PREFER_NOT_TO_SAY);
        options.forEach(o -> choices.add(new Choice(o.code(), o.label(), o.code().equals(chosen))));
        return choices;
    }
}
