package uk.chorus.web;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A posted HTML form, every value of every field (checkboxes post one field many times).
 * Netty's decoder does the URL decoding; a body it cannot decode, that is not UTF-8 once decoded,
 * or that has more fields than any of our forms (which Netty would silently cut off) is refused
 * whole rather than half read: nothing from it is stored.
 */
public final class FormBody {
    static final int MOST_FIELDS = 500;
    private static final char REPLACEMENT = '\uFFFD';

    private FormBody() {
    }

    public static Optional<Map<String, List<String>>> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.of(Map.of());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            if (fieldCount(text) > MOST_FIELDS) {
                return Optional.empty();
            }
            Map<String, List<String>> fields =
                    new QueryStringDecoder(text, StandardCharsets.UTF_8, false, MOST_FIELDS).parameters();
            // Percent-encoded bytes that are not UTF-8 decode to U+FFFD; nobody types that character.
            boolean replaced = fields.entrySet().stream().anyMatch(e -> e.getKey().indexOf(REPLACEMENT) >= 0
                    || e.getValue().stream().anyMatch(v -> v.indexOf(REPLACEMENT) >= 0));
            return replaced ? Optional.empty() : Optional.of(fields);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Fields are separated by & (and, in old forms, ;): count them the way the decoder will. */
    private static int fieldCount(String text) {
        int fields = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' || c == ';') {
                fields++;
            }
        }
        return fields;
    }
}
