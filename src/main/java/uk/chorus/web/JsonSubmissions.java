package uk.chorus.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The first checks every JSON submission gets, whatever it submits (a survey response, a piece of
 * feedback): UTF-8, JSON, one object, only the fields it may have, and a client-made
 * {@code submissionId} UUID that makes a retry the same submission. Each refusal is a sentence.
 */
@Singleton
public class JsonSubmissions {
    private final JsonMapper mapper;
    private final Messages messages;

    JsonSubmissions(JsonMapper mapper, Messages messages) {
        this.mapper = mapper;
        this.messages = messages;
    }

    /** The object and its submission id, or (with both null) the sentence saying why the body is refused. */
    public record Opened(@Nullable JsonNode root, @Nullable UUID submissionId, @Nullable String refusal) {
        static Opened refused(String refusal) {
            return new Opened(null, null, refusal);
        }
    }

    public Opened open(byte[] body, Set<String> fields) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            return Opened.refused(messages.get("api.body.not.utf8"));
        }
        JsonNode root;
        try {
            root = mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return Opened.refused(messages.get("api.body.not.json"));
        }
        if (root == null || !root.isObject()) {
            return Opened.refused(messages.get("api.body.not.object"));
        }
        for (Map.Entry<String, JsonNode> field : root.entries()) {
            if (!fields.contains(field.getKey())) {
                return Opened.refused(messages.get("api.body.unknown.field", shortened(field.getKey())));
            }
        }
        JsonNode id = root.get("submissionId");
        if (id == null || !id.isString()) {
            return Opened.refused(messages.get("api.body.submission.id.missing"));
        }
        try {
            return new Opened(root, UUID.fromString(id.getStringValue()), null);
        } catch (IllegalArgumentException e) {
            return Opened.refused(messages.get("api.body.submission.id.invalid"));
        }
    }

    /** A value quoted back in a refusal, cut short so a huge one is not echoed whole. */
    public static String shortened(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
