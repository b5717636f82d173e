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
    private final ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", LOCALE);

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
