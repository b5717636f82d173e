package uk.chorus.web;

/**
 * A form that is not read at all: its body cannot be decoded, or its CSRF token is missing or is not
 * the session's. Thrown while binding, before any handler runs, so nothing is changed.
 */
public final class FormRefused extends RuntimeException {
    private final boolean tokenWrong;

    private FormRefused(String message, boolean tokenWrong) {
        super(message, null, false, false);
        this.tokenWrong = tokenWrong;
    }

    /** The CSRF token is missing or wrong (an old page, another website, a signed-out session). */
    public static FormRefused expired() {
        return new FormRefused("The form's CSRF token is missing or wrong", true);
    }

    /** The body is not a form we can read (not UTF-8, too many fields). */
    public static FormRefused unreadable() {
        return new FormRefused("The form's body cannot be read", false);
    }

    /** Whether it was the token (403, "This form has expired") rather than the body (400). */
    public boolean tokenWrong() {
        return tokenWrong;
    }
}
