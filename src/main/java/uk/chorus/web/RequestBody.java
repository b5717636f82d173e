package uk.chorus.web;

import io.micronaut.http.HttpRequest;

/**
 * The raw bytes of a request body, empty when there is none. Controllers take the request as
 * {@code HttpRequest<byte[]>} and read it here, so every form and JSON body is checked by our own
 * strict readers (UTF-8, field counts, known fields) rather than bound leniently.
 */
public final class RequestBody {
    private static final byte[] NONE = new byte[0];

    private RequestBody() {
    }

    public static byte[] bytes(HttpRequest<?> request) {
        return request.getBody(byte[].class).orElse(NONE);
    }
}
