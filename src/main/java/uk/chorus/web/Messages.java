package uk.chorus.web;

import jakarta.inject.Singleton;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every sentence a person reads, from i18n/messages.properties, read by key: templates through
 * the {@code t} helper, Java through this bean. Placeholders are {0}, {1} ...; numbers are written
 * with thousands separators. (Not MessageFormat: its quoting rules turn "don't" into "dont".)
 */
@Singleton
public class Messages {
    private static final Locale LOCALE = Locale.UK;
    /**
     * The languages the service's own words on respondent pages are shipped in, besides English
     * (messages_pl.properties ...). Staff pages stay English: a key a language lacks falls back to it.
     */
    public static final java.util.List<String> RESPONDENT_LANGUAGES = java.util.List.of("en", "pl", "ur");
    // No fallback to the machine's default locale: a missing Polish key means English, wherever it runs.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final java.util.Map<String, Messages> BY_LANGUAGE = new java.util.concurrent.ConcurrentHashMap<>();
    private final ResourceBundle bundle;

    @jakarta.inject.Inject
    public Messages() {
        this(ResourceBundle.getBundle("i18n.messages", Locale.ROOT, NO_FALLBACK));
    }

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The same words in another language (English where that language has no translation of a key). */
    public Messages in(String language) {
        if (language == null || language.equals("en") || !RESPONDENT_LANGUAGES.contains(language)) {
            return this;
        }
        return BY_LANGUAGE.computeIfAbsent(language, l -> new Messages(
                ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag(l), NO_FALLBACK)));
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message with the key '" + key + "' in i18n/messages.properties", e);
        }
        return format(pattern, args);
    }

    /** The message for a count: key.one when it is 1, key.other otherwise, with the count as {0}. */
    public String count(String key, long count, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = count;
        System.arraycopy(more, 0, args, 1, more.length);
        return get(key + (count == 1 ? ".one" : ".other"), args);
    }

    public String get(Message message) {
        return get(message.key(), message.args());
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    static String format(String pattern, Object... args) {
        if (args.length == 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(index < args.length ? text(args[index]) : pattern.substring(i, close + 1));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return NumberFormat.getIntegerInstance(LOCALE).format(value);
        }
        return String.valueOf(value);
    }
}
