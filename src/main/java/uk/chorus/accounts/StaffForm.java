package uk.chorus.accounts;

import io.micronaut.core.bind.annotation.Bindable;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A staff form posted to this handler, bound to the record the parameter names. Its CSRF token has
 * been checked against the signed-in session before the handler runs ({@link StaffFormBinder});
 * add {@code @Valid} to check the record's constraints too, and an {@code @Error} handler for
 * {@code ConstraintViolationException} to show the form again with what was typed
 * ({@link uk.chorus.web.FormFailure}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Bindable
public @interface StaffForm {
}
