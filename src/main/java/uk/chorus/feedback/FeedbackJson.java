package uk.chorus.feedback;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import uk.chorus.web.Messages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    private final JsonMapper mapper;
    private final Messages messages;
    private final Clock clock;

    FeedbackJson(JsonMapper mapper, Messages messages, Clock clock) {
        this.mapper = mapper;
        this.messages = messages;
        this.clock = clock;
    }

    record Read(Optional<NewFeedback> item, String problem) {
        static Read refused(String problem) {
            return new Read(Optional.empty(), problem);
        }
    }

    Read read(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            return Read.refused(messages.get("api.body.not.utf8"));
        }
        JsonNode root;
        try {
            root = mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return Read.refused(messages.get("api.body.not.json"));
        }
        if (root == null || !root.isObject()) {
            return Read.refused(messages.get("api.body.not.object"));
        }
        for (Map.Entry<String, JsonNode> field : root.entries()) {
            if (!FIELDS.contains(field.getKey())) {
                return Read.refused(messages.get("api.body.unknown.field", shortened(field.getKey())));
            }
        }
        JsonNode id = root.get("submissionId");
        if (id == null || !id.isString()) {
            return Read.refused(messages.get("api.body.submission.id.missing"));
        }
        UUID submissionId;
        try {
            submissionId = UUID.fromString(id.getStringValue());
        } catch (IllegalArgumentException e) {
            return Read.refused(messages.get("api.body.submission.id.invalid"));
        }
        JsonNode channelNode = root.get("channel");
        if (channelNode == null || !channelNode.isString()) {
            return Read.refused(messages.get("api.feedback.channel.missing"));
        }
        Optional<Channel> channel = Channel.fromCode(channelNode.getStringValue());
        if (channel.isEmpty()) {
            return Read.refused(messages.get("api.feedback.channel.unknown", shortened(channelNode.getStringValue())));
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
                about.put(shortened(answer.getKey()), answer.getValue().getStringValue());
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

    private static String shortened(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
