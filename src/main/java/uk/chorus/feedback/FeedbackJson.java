package uk.chorus.feedback;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import uk.chorus.web.JsonSubmissions;
import uk.chorus.web.Messages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a feedback item sent to the JSON API strictly: UTF-8 JSON, one object, only the fields
 * we know and each of the right kind. Every refusal is one sentence saying what was wrong.
 */
@Singleton
class FeedbackJson {
    private static final Set<String> FIELDS = Set.of("submissionId", "channel", "page", "service", "date", "helpful",
            "text", "about", "contact");
    private static final Set<String> CONTACT_FIELDS = Set.of("name", "email", "phone");
    private final JsonSubmissions submissions;
    private final Messages messages;
    private final Clock clock;

    FeedbackJson(JsonSubmissions submissions, Messages messages, Clock clock) {
        this.submissions = submissions;
        this.messages = messages;
        this.clock = clock;
    }

    record Read(Optional<NewFeedback> item, String problem) {
        static Read refused(String problem) {
            return new Read(Optional.empty(), problem);
        }
    }

    Read read(byte[] body) {
        JsonSubmissions.Opened opened = submissions.open(body, FIELDS);
        if (opened.refusal() != null) {
            return Read.refused(opened.refusal());
        }
        JsonNode root = opened.root();
        UUID submissionId = opened.submissionId();
        JsonNode channelNode = root.get("channel");
        if (channelNode == null || !channelNode.isString()) {
            return Read.refused(messages.get("api.feedback.channel.missing"));
        }
        Optional<Channel> channel = Channel.fromCode(channelNode.getStringValue());
        if (channel.isEmpty()) {
            return Read.refused(messages.get("api.feedback.channel.unknown", JsonSubmissions.shortened(channelNode.getStringValue())));
        }
        for (String text : new String[]{"page", "service", "date", "text"}) {
            JsonNode node = root.get(text);
            if (node != null && !node.isNull() && !node.isString()) {
                return Read.refused(messages.get("api.feedback.not.text", text));
            }
        }
        JsonNode helpfulNode = root.get("helpful");
        if (helpfulNode != null && !helpfulNode.isNull() && !helpfulNode.isBoolean()) {
            return Read.refused(messages.get("api.feedback.helpful.boolean"));
        }
        LocalDate date = LocalDate.now(clock);
        String dateText = string(root, "date");
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                return Read.refused(messages.get("api.feedback.date.invalid"));
            }
        }
        Map<String, String> about = new LinkedHashMap<>();
        JsonNode aboutNode = root.get("about");
        if (aboutNode != null && !aboutNode.isNull()) {
            if (!aboutNode.isObject()) {
                return Read.refused(messages.get("api.feedback.about.object"));
            }
            for (Map.Entry<String, JsonNode> answer : aboutNode.entries()) {
                if (!answer.getValue().isString()) {
                    return Read.refused(messages.get("api.feedback.about.object"));
                }
                about.put(JsonSubmissions.shortened(answer.getKey()), answer.getValue().getStringValue());
            }
        }
        NewFeedback.Contact contact = null;
        JsonNode contactNode = root.get("contact");
        if (contactNode != null && !contactNode.isNull()) {
            if (!contactNode.isObject()) {
                return Read.refused(messages.get("api.feedback.contact.object"));
            }
            for (Map.Entry<String, JsonNode> field : contactNode.entries()) {
                if (!CONTACT_FIELDS.contains(field.getKey()) || !field.getValue().isString()) {
                    return Read.refused(messages.get("api.feedback.contact.object"));
                }
            }
            contact = new NewFeedback.Contact(string(contactNode, "name"), string(contactNode, "email"),
                    string(contactNode, "phone"));
        }
        String subject = string(root, "service") != null ? string(root, "service") : string(root, "page");
        Boolean helpful = helpfulNode == null || helpfulNode.isNull() ? null : helpfulNode.getBooleanValue();
        return new Read(Optional.of(new NewFeedback(submissionId, channel.get(),
                subject == null || subject.isBlank() ? null : subject.strip(), date, helpful,
                FeedbackChecker.tidy(string(root, "text")), about, null, contact)), null);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.getStringValue();
    }

}
