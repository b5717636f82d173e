package uk.chorus.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors on a form, in the two shapes GOV.UK pages show them: a summary at the top linking
 * to each field, and a message beside each field. Put into a page model as {@code errors} (the
 * summary, which also puts "Error: " in the page title) and {@code fieldErrors} (by field id).
 */
public final class FormErrors {
    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(String fieldId, String message) {
        return new FormErrors().add(fieldId, message);
    }

    public FormErrors add(String fieldId, String message) {
        byField.putIfAbsent(fieldId, message);
        return this;
    }

    /** Another set's errors after these (a field keeps its first message). */
    public FormErrors addAll(FormErrors more) {
        more.byField.forEach(this::add);
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public Map<String, String> byField() {
        return Map.copyOf(byField);
    }

    public List<Map<String, String>> summary() {
        List<Map<String, String>> links = new ArrayList<>();
        byField.forEach((field, message) -> links.add(Map.of("href", "#" + field, "text", message)));
        return links;
    }

    /** Adds both shapes to a page model and returns it. */
    public Map<String, Object> addTo(Map<String, Object> model) {
        model.put("errors", summary());
        model.put("fieldErrors", byField());
        return model;
    }
}
