package uk.chorus.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * What the inbox was asked to show, read once from the address: every part optional, anything
 * unreadable ignored rather than refused (it is only a filter). Items not yet reviewed are what a
 * lead opens the inbox for, so they are the default; "any" shows both, unreviewed first.
 */
record InboxQuery(@Nullable Channel channel, @Nullable String subject, @Nullable LocalDate from,
                  @Nullable LocalDate to, String reviewed, String theme, @Nullable Integer page) {

    static InboxQuery read(@Nullable String channel, @Nullable String subject, @Nullable String from,
                           @Nullable String to, @Nullable String reviewed, @Nullable String theme,
                           @Nullable Integer page) {
        Optional<Channel> chosen = channel == null ? Optional.empty() : Channel.fromCode(channel);
        String state = "yes".equals(reviewed) || "any".equals(reviewed) ? reviewed : "no";
        return new InboxQuery(chosen.orElse(null), subject == null || subject.isBlank() ? null : subject.strip(),
                date(from), date(to), state, theme == null ? "" : theme.strip(), page);
    }

    /** Null for both reviewed and not. */
    @Nullable
    Boolean reviewedFlag() {
        return switch (reviewed) {
            case "yes" -> Boolean.TRUE;
            case "any" -> null;
            default -> Boolean.FALSE;
        };
    }

    FeedbackRecords.Filter filter(@Nullable List<Long> underTheme) {
        return new FeedbackRecords.Filter(channel, subject, from, to, reviewedFlag(), underTheme);
    }

    /** This list again at another page (or, with null, with no page named), for links and "back". */
    String href(@Nullable Integer page) {
        return href("/staff/feedback", page);
    }

    String href(String path, @Nullable Integer page) {
        UriBuilder uri = UriBuilder.of(path).queryParam("channel", channel == null ? "" : channel.code())
                .queryParam("subject", subject == null ? "" : subject)
                .queryParam("from", from == null ? "" : from.toString())
                .queryParam("to", to == null ? "" : to.toString())
                .queryParam("reviewed", reviewed).queryParam("theme", theme);
        if (page != null) {
            uri.queryParam("page", page);
        }
        return uri.toString();
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
