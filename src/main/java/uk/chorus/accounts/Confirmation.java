package uk.chorus.accounts;

import io.micronaut.core.annotation.Introspected;

/** A button that asks first: the confirming page posts confirm=yes. */
@Introspected
public record Confirmation(String confirm) {
    public boolean confirmed() {
        return "yes".equals(confirm);
    }
}
