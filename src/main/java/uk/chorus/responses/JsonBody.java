package uk.chorus.responses;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import uk.chorus.web.JsonSubmissions;
import uk.chorus.web.Messages;

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
    private final JsonSubmissions submissions;
    private final Messages messages;

    JsonBody(JsonSubmissions submissions, Messages messages) {
        this.submissions = submissions;
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
        JsonSubmissions.Opened opened = submissions.open(body, FIELDS);
        if (opened.refusal() != null) {
            return Read.refused(opened.refusal());
        }
        JsonNode root = opened.root();
        UUID submissionId = opened.submissionId();
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
