package uk.chorus.web;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A bound form whose record broke its constraints, for a controller's error handler to show again:
 * the record with what the person typed, the path variables of the route it was posted to, and the
 * errors in the order the fields come in the form. A constraint's message names a key of the
 * message bundle, {@code message = "{accounts.role.missing}"}, so the words live with all the others; a
 * sentence's {0} is the constraint's {@code max}.
 */
public final class FormFailure {
    private final BoundForm bound;
    private final FormErrors errors;

    private FormFailure(BoundForm bound, FormErrors errors) {
        this.bound = bound;
        this.errors = errors;
    }

    /** The failure, or the exception itself again when it was not about a bound form. */
    public static FormFailure of(HttpRequest<?> request, ConstraintViolationException exception, Messages messages) {
        BoundForm bound = request.getAttribute(BoundForm.ATTRIBUTE, BoundForm.class).orElseThrow(() -> exception);
        @SuppressWarnings("unchecked")
        Argument<?>[] components = BeanIntrospection.getIntrospection((Class<Object>) bound.form().getClass())
                .getConstructorArguments();
        List<ConstraintViolation<?>> violations = new ArrayList<>(exception.getConstraintViolations());
        violations.sort(Comparator.comparingInt(v -> position(components, component(v))));
        FormErrors errors = FormErrors.none();
        for (ConstraintViolation<?> violation : violations) {
            String component = component(violation);
            int at = position(components, component);
            String field = at < components.length ? FormRecords.fieldName(components[at]) : component;
            errors.add(field, message(violation, messages));
        }
        return new FormFailure(bound, errors);
    }

    public Object form() {
        return bound.form();
    }

    public FormErrors errors() {
        return errors;
    }

    /** A path variable of the route the form was posted to, as text ("" when the route has none by that name). */
    public String variable(String name) {
        Object value = bound.pathVariables().get(name);
        return value == null ? "" : value.toString();
    }

    /** A numeric path variable ({id}); the route matched it, so it is a number. */
    public long id(String name) {
        return Long.parseLong(variable(name));
    }

    private static String component(ConstraintViolation<?> violation) {
        String name = "";
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName() == null ? name : node.getName();
        }
        return name;
    }

    private static int position(Argument<?>[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        return components.length;
    }

    private static String message(ConstraintViolation<?> violation, Messages messages) {
        String template = violation.getMessageTemplate();
        if (template != null && template.startsWith("{") && template.endsWith("}")) {
            String key = template.substring(1, template.length() - 1);
            if (messages.has(key)) {
                // A limit the sentence names ("in {0} characters or fewer") is the constraint's own.
                Object max = violation.getConstraintDescriptor().getAttributes().get("max");
                return max == null ? messages.get(key) : messages.get(key, max);
            }
        }
        return violation.getMessage();
    }

    @Override
    public String toString() {
        return "FormFailure" + Map.of("form", bound.form(), "errors", errors.byField());
    }
}
