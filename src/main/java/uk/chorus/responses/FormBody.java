package uk.chorus.responses;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A posted HTML form, every value of every field (checkboxes post one field many times).
 * Netty's decoder does the URL decoding; a body it cannot decode is refused, not guessed at.
 */
final class FormBody {
    private static final int MOST_FIELDS = 500;

    private FormBody() {
    }

    static Optional<Map<String, List<String>>> parse(String body) {
        if (body == null || body.isEmpty()) {
            return Optional.of(Map.of());
        }
        try {
            return Optional.of(new QueryStringDecoder(body, StandardCharsets.UTF_8, false, MOST_FIELDS).parameters());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
