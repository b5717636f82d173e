package uk.chorus.web;

import java.util.Map;

/**
 * A form as it was bound for this request, with the route's path variables, kept as a request
 * attribute: an error handler runs as a route of its own and no longer sees the path it was called for.
 */
public record BoundForm(Object form, Map<String, Object> pathVariables) {
    public static final String ATTRIBUTE = "chorus.boundForm";
}
