package uk.chorus.feedback;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.accounts.StaffForm;
import uk.chorus.surveys.AboutYouTopic;
import uk.chorus.surveys.Option;
import uk.chorus.web.DateFields;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Message;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lead records what was said at a coffee morning, focus group or in a report as several items
 * at once: the meeting's channel, subject and date once, then one note per thing said, each with
 * optional about-you answers. All the notes are stored together, or none when any is wrong.
 */
@Secured(Role.LEAD_NAME)
@Controller(value = "/staff/feedback/new", produces = MediaType.TEXT_HTML)
class FeedbackEntryController {
    static final int NOTES_AT_FIRST = 5;
    static final int MOST_NOTES = 50;
    private final FeedbackRecords records;
    private final FeedbackChecker checker;
    private final Messages messages;
    private final Clock clock;

    FeedbackEntryController(FeedbackRecords records, FeedbackChecker checker, Messages messages, Clock clock) {
        this.records = records;
        this.checker = checker;
        this.messages = messages;
        this.clock = clock;
    }

    public record Choice(String value, String label, boolean selected) {
    }

    public record Note(int number, String noteId, String text, String supportId, List<Choice> support, String ageId,
                       List<Choice> age, String error) {
    }

    @Get
    MutableHttpResponse<?> form(Authentication authentication) {
        return render(authentication, HttpStatus.OK, "", "", DateFields.of(LocalDate.now(clock)),
                blankNotes(NOTES_AT_FIRST), FormErrors.none());
    }

    /**
     * The meeting's notes as posted. Not checked by constraints: "Add more notes" posts the same
     * form half filled in, and each note is checked by {@link FeedbackChecker} like every other item.
     */
    @Introspected
    record MeetingNotes(String channel, String subject, String notes, String more, Map<String, List<String>> fields) {
        MeetingNotes {
            subject = subject.strip();
        }

        String field(String name) {
            List<String> values = fields.getOrDefault(name, List.of());
            return values.isEmpty() ? "" : values.get(0);
        }
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(@StaffForm MeetingNotes form, Authentication authentication) {
        String channel = form.channel();
        String subject = form.subject();
        DateFields.Typed date = DateFields.read(form.fields(), "date");
        int shown = Math.min(MOST_NOTES, Math.max(NOTES_AT_FIRST, parse(form.notes())));
        List<String[]> notes = new ArrayList<>();
        for (int i = 1; i <= shown; i++) {
            notes.add(new String[]{form.field("note-" + i), form.field("support-" + i), form.field("age-" + i)});
        }
        if (!form.more().isEmpty()) {
            // "Add more notes": the same form, longer, with nothing stored yet.
            for (int i = 0; i < NOTES_AT_FIRST && notes.size() < MOST_NOTES; i++) {
                notes.add(new String[]{"", "", ""});
            }
            return render(authentication, HttpStatus.OK, channel, subject, date, notes, FormErrors.none());
        }
        FormErrors errors = FormErrors.none();
        var chosen = Channel.fromCode(channel).filter(Channel::recordedAsNotes);
        if (chosen.isEmpty()) {
            errors.add("channel", messages.get("feedback.entry.error.channel"));
        }
        if (date.date() == null) {
            errors.add("date", messages.get(date.empty() ? "feedback.entry.error.date.missing" : "feedback.entry.error.date"));
        }
        List<NewFeedback> items = new ArrayList<>();
        Map<Integer, String> noteErrors = new LinkedHashMap<>();
        for (int i = 0; i < notes.size(); i++) {
            String text = FeedbackChecker.tidy(notes.get(i)[0]);
            if (text == null) {
                continue;
            }
            Map<String, String> about = new LinkedHashMap<>();
            if (!notes.get(i)[1].isEmpty()) {
                about.put(AboutYouTopic.EHCP.fileName(), notes.get(i)[1]);
            }
            if (!notes.get(i)[2].isEmpty()) {
                about.put(AboutYouTopic.AGE_BAND.fileName(), notes.get(i)[2]);
            }
            NewFeedback item = new NewFeedback(null, chosen.orElse(Channel.COFFEE_MORNING), subject.isEmpty() ? null : subject,
                    date.date() == null ? LocalDate.now(clock) : date.date(), null, text, about,
                    Staff.of(authentication).email(), null);
            Map<String, Message> problems = checker.check(item);
            problems.remove("date");
            if (problems.containsKey("subject")) {
                errors.add("subject", messages.get(problems.remove("subject")));
            }
            if (!problems.isEmpty()) {
                String sentence = messages.get("feedback.entry.error.note", i + 1, messages.get(problems.values().iterator().next()));
                noteErrors.put(i, sentence);
                errors.add("note-" + (i + 1), sentence);
            }
            items.add(item);
        }
        if (date.date() != null && date.date().isAfter(LocalDate.now(clock))) {
            errors.add("date", messages.get("feedback.error.date.future"));
        }
        if (items.isEmpty() && noteErrors.isEmpty()) {
            errors.add("note-1", messages.get("feedback.entry.error.no.notes"));
        }
        if (errors.any()) {
            return render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, channel, subject, date, notes, errors);
        }
        records.storeAll(items);
        return Pages.seeOther("/staff/feedback?recorded=" + items.size());
    }

    private MutableHttpResponse<?> render(Authentication authentication, HttpStatus status, String channel, String subject,
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

    private static List<String[]> blankNotes(int count) {
        List<String[]> notes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            notes.add(new String[]{"", "", ""});
        }
        return notes;
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return NOTES_AT_FIRST;
        }
    }
}
