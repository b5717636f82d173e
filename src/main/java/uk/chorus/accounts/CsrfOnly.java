package uk.chorus.accounts;

import io.micronaut.core.annotation.Introspected;

/** A staff form with nothing in it but its CSRF token: a button that does one thing. */
@Introspected
public record CsrfOnly() {
}
