package uk.chorus.web;

/** A sentence not yet put into words: its key in the message bundle and the values to fill in. */
public record Message(String key, Object... args) {
    public static Message of(String key, Object... args) {
        return new Message(key, args);
    }
}
