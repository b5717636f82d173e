package uk.chorus.feedback;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How long each channel's feedback is kept after the day it was given: CHORUS_FEEDBACK_RETENTION_MONTHS
 * for every channel (24 by default), with exceptions in CHORUS_FEEDBACK_RETENTION
 * ("local-offer=12,coffee-morning=36"). The retention job deletes what is older.
 */
@Singleton
public class FeedbackRetention {
    private final Map<Channel, Integer> months = new EnumMap<>(Channel.class);
    private final FeedbackRecords records;

    FeedbackRetention(FeedbackRecords records, @Value("${chorus.feedback.retention-months:24}") int standard,
                      @Value("${chorus.feedback.retention:}") String exceptions) {
        this.records = records;
        for (Channel channel : Channel.values()) {
            months.put(channel, standard);
        }
        for (String pair : exceptions.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=");
            Channel channel = parts.length == 2 ? Channel.fromCode(parts[0].strip().toLowerCase(Locale.ROOT)).orElse(null) : null;
            if (channel == null || !parts[1].strip().matches("\\d{1,3}")) {
                throw new IllegalArgumentException("CHORUS_FEEDBACK_RETENTION must list channel=months pairs, such as "
                        + "local-offer=12,coffee-morning=36; '" + pair.strip() + "' is not one.");
            }
            months.put(channel, Integer.parseInt(parts[1].strip()));
        }
    }

    public int monthsFor(Channel channel) {
        return months.get(channel);
    }

    /** Deletes every channel's items older than its retention allows; returns how many went. */
    public int expire(LocalDate today) {
        int gone = 0;
        for (Channel channel : Channel.values()) {
            gone += records.expire(channel, today.minusMonths(months.get(channel)));
        }
        return gone;
    }
}
