package uk.chorus.feedback;

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
import uk.chorus.web.DateFields;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Message;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
    private final MeetingNotesPage page;

    FeedbackEntryController(FeedbackRecords records, FeedbackChecker checker, Messages messages, Clock clock,
                            MeetingNotesPage page) {
        this.records = records;
        this.checker = checker;
        this.messages = messages;
        this.clock = clock;
        this.page = page;
    }

    @Get
    MutableHttpResponse<?> form(Authentication authentication) {
        return page.render(authentication, HttpStatus.OK, "", "", DateFields.of(LocalDate.now(clock)),
                blankNotes(NOTES_AT_FIRST), FormErrors.none());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(@StaffForm MeetingNotes form, Authentication authentication) {
        String channel = form.channel();
        String subject = form.subject();
        DateFields.Typed date = DateFields.read(form.fields(), "date");
        List<String[]> notes = form.typedNotes();
        if (!form.more().isEmpty()) {
            // "Add more notes": the same form, longer, with nothing stored yet.
            for (int i = 0; i < NOTES_AT_FIRST && notes.size() < MOST_NOTES; i++) {
                notes.add(new String[]{"", "", ""});
            }
            return page.render(authentication, HttpStatus.OK, channel, subject, date, notes, FormErrors.none());
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
            return page.render(authentication, HttpStatus.UNPROCESSABLE_ENTITY, channel, subject, date, notes, errors);
        }
        records.storeAll(items);
        return Pages.seeOther("/staff/feedback?recorded=" + items.size());
    }

    private static List<String[]> blankNotes(int count) {
        List<String[]> notes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            notes.add(new String[]{"", "", ""});
        }
        return notes;
    }
}
