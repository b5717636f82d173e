package uk.chorus.responses;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers to and from the JSON stored in PostgreSQL's jsonb columns. */
@Singleton
class AnswerJson {
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private static final Argument<Map<String, List<String>>> FORM = Argument.mapOf(Argument.STRING,
            Argument.listOf(String.class));
    private final JsonMapper mapper;

    AnswerJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String write(Object answers) {
        try {
            return mapper.writeValueAsString(answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A kept form: each field's posted values. */
    Map<String, List<String>> readForm(String json) {
        try {
            return mapper.readValue(json, FORM);
        } catch (IOException e) {
            throw new UncheckedIOException("A kept form cannot be read", e);
        }
    }

    Map<String, Object> read(String json) {
        try {
            Map<String, Object> raw = mapper.readValue(json, MAP);
            Map<String, Object> answers = new LinkedHashMap<>();
            // Whole numbers come back as Integer or Long; answers always hold Long.
            raw.forEach((key, value) -> answers.put(key, value instanceof Number n ? (Object) n.longValue()
                    : value instanceof List<?> list ? List.copyOf(list) : value));
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException("Stored answers cannot be read", e);
        }
    }
}
