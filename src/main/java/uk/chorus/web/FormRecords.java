package uk.chorus.web;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.type.Argument;

import java.util.List;
import java.util.Map;

/**
 * Puts a posted form's fields into a form record, by the names of its components (or the name in
 * {@code @Bindable("field-name")} where a field's name is not a Java name). A {@code String} takes the
 * field's first value, "" when it was not sent (as an unticked box or an empty text box is); a
 * {@code List<String>} takes every value (checkboxes); a {@code Map<String, List<String>>} takes the
 * whole form, for fields named after rows the page lists. Values are taken as typed: constraints and
 * the controller decide what they mean, so an error can show them again unchanged.
 */
public final class FormRecords {
    private FormRecords() {
    }

    public static <T> T bind(Class<T> type, Map<String, List<String>> fields) {
        BeanIntrospection<T> introspection = BeanIntrospection.getIntrospection(type);
        Argument<?>[] components = introspection.getConstructorArguments();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i], fields);
        }
        return introspection.instantiate(values);
    }

    /** The form field a record component is bound from. */
    public static String fieldName(Argument<?> component) {
        return component.getAnnotationMetadata().stringValue(Bindable.class).orElse(component.getName());
    }

    private static Object value(Argument<?> component, Map<String, List<String>> fields) {
        Class<?> type = component.getType();
        if (type == Map.class) {
            return Map.copyOf(fields);
        }
        List<String> values = fields.getOrDefault(fieldName(component), List.of());
        if (type == List.class) {
            return List.copyOf(values);
        }
        if (type == String.class) {
            return values.isEmpty() ? "" : values.get(0);
        }
        throw new IllegalArgumentException("A form record holds strings, lists of strings or the whole form: "
                + component + " in " + component.getType());
    }
}
