package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.chorus.surveys.AboutYouTopic;
import uk.chorus.surveys.Option;
import uk.chorus.web.Message;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a feedback item from any channel (public form, API, staff form, CSV row) the same way,
 * returning a message per field that is wrong (empty when it may be stored). Nothing is stored
 * from an item with any problem.
 */
@Singleton
public class FeedbackChecker {
    public static final int LONGEST_TEXT = 5000;
    public static final int LONGEST_SUBJECT = 300;
    private static final Pattern AREA_CODE = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern PHONE = Pattern.compile("[0-9 +()-]{6,40}");
    private final Clock clock;

    FeedbackChecker(Clock clock) {
        this.clock = clock;
    }

    public Map<String, Message> check(NewFeedback item) {
        Map<String, Message> problems = new LinkedHashMap<>();
        String text = item.text();
        if ((text == null || text.isBlank()) && item.helpful() == null) {
            problems.put("text", new Message(item.channel() == Channel.LOCAL_OFFER ? "feedback.error.local.offer.empty"
                    : "feedback.error.text.missing"));
        }
        if (text != null && text.codePointCount(0, text.length()) > LONGEST_TEXT) {
            problems.put("text", new Message("feedback.error.text.long", LONGEST_TEXT));
        }
        if (text != null && hasControlCharacters(text)) {
            problems.put("text", new Message("feedback.error.text.control"));
        }
        if (item.subject() != null && item.subject().length() > LONGEST_SUBJECT) {
            problems.put("subject", new Message("feedback.error.subject.long", LONGEST_SUBJECT));
        }
        if (item.channel() != Channel.LOCAL_OFFER && item.helpful() != null) {
            problems.put("helpful", new Message("feedback.error.helpful.local.offer"));
        }
        LocalDate today = LocalDate.now(clock);
        if (item.occurredOn().isAfter(today.plusDays(1))) {
            problems.put("date", new Message("feedback.error.date.future"));
        } else if (item.occurredOn().isBefore(LocalDate.of(2000, 1, 1))) {
            problems.put("date", new Message("feedback.error.date.old"));
        }
        item.about().forEach((topic, code) -> {
            String problem = aboutProblem(topic, code);
            if (problem != null) {
                problems.put("about." + topic, new Message(problem, topic));
            }
        });
        if (item.contact() != null) {
            checkContact(item.contact(), problems);
        }
        return problems;
    }

    private static String aboutProblem(String topicName, String code) {
        var topic = AboutYouTopic.fromFileName(topicName);
        if (topic.isEmpty()) {
            return "feedback.error.about.topic";
        }
        if (code.equals(AboutYouTopic.PREFER_NOT_TO_SAY.code())) {
            return null;
        }
        if (topic.get().needsOptionsFromFile()) {
            return AREA_CODE.matcher(code).matches() ? null : "feedback.error.about.code";
        }
        return topic.get().standardOptions().stream().map(Option::code).anyMatch(code::equals) ? null
                : "feedback.error.about.code";
    }

    private static void checkContact(NewFeedback.Contact contact, Map<String, Message> problems) {
        boolean email = contact.email() != null && !contact.email().isBlank();
        boolean phone = contact.phone() != null && !contact.phone().isBlank();
        if (!email && !phone) {
            problems.put("contact.email", new Message("feedback.error.contact.missing"));
        }
        if (email && (contact.email().length() > 254 || !contact.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            problems.put("contact.email", new Message("feedback.error.contact.email"));
        }
        if (phone && !PHONE.matcher(contact.phone()).matches()) {
            problems.put("contact.phone", new Message("feedback.error.contact.phone"));
        }
        if (contact.name() != null && contact.name().length() > 200) {
            problems.put("contact.name", new Message("feedback.error.contact.name"));
        }
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
    }

    /** Text as stored: line endings made plain, spaces at either end dropped; null when nothing is left. */
    public static @Nullable String tidy(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String tidy = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        return tidy.isEmpty() ? null : tidy;
    }
}
