package uk.chorus.responses;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import uk.chorus.web.Messages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a response submission strictly: valid UTF-8, JSON, exactly the fields we know, nothing
 * nested deeper than an answer can be. Every refusal says what was wrong in one sentence.
 */
@Singleton
class JsonBody {
    private static final Set<String> FIELDS = Set.of("submissionId", "answers");
    private final JsonMapper mapper;
    private final Messages messages;

    JsonBody(JsonMapper mapper, Messages messages) {
        this.mapper = mapper;
        this.messages = messages;
    }

    /** A submission, or the sentence saying why the body is not one. */
    record Read(Optional<Submission> submission, String problem) {
        static Read refused(String problem) {
            return new Read(Optional.empty(), problem);
        }
    }

    record Submission(UUID submissionId, Map<String, Object> answers) {
    }

    /** Stands in for a JSON value no answer can take (true, 1.5, an object), so the checker refuses it. */
    record Unusable(String json) {
    }

    Read read(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
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
                return Read.refused(messages.get("api.body.unknown.field", field.getKey().length() > 64 ? field.getKey().substring(0, 64) + "…" : field.getKey()));
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
        JsonNode answers = root.get("answers");
        if (answers == null || !answers.isObject()) {
            return Read.refused(messages.get("api.body.answers.missing"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> answer : answers.entries()) {
            values.put(answer.getKey(), plain(answer.getValue()));
        }
        return new Read(Optional.of(new Submission(submissionId, values)), null);
    }

    private static Object plain(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isNumber()) {
            Number number = node.getNumberValue();
            boolean whole = number instanceof Integer || number instanceof Long
                    || (number instanceof java.math.BigInteger big && big.bitLength() < 63);
            return whole ? (Object) number.longValue() : new Unusable(node.toString());
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : node.values()) {
                items.add(item.isString() ? item.getStringValue() : new Unusable(item.toString()));
            }
            return items;
        }
        return new Unusable(node.toString());
    }
}
