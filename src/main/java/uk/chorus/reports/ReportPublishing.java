package uk.chorus.reports;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import uk.chorus.accounts.Role;
import uk.chorus.accounts.Staff;
import uk.chorus.themes.ThemeSummaries;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing exactly what was seen: a preview carries the digest of the content it shows, and a
 * version is published only when the content still has that digest. Where the area requires it
 * ({@code CHORUS_REPORT_SIGN_OFF}: the forums, comma-separated, {@code parent-forum} and/or
 * {@code youth-forum}), the draft is first sent to those forums; it publishes only once each has
 * agreed that very draft, and then the draft as agreed is what is published, naming the forums
 * and the day each agreed.
 */
@Singleton
public class ReportPublishing {
    public static final List<String> FORUMS = List.of(Role.PARENT_FORUM_NAME, Role.YOUTH_FORUM_NAME);
    private final ReportStore store;
    private final ReportBuilder builder;
    private final ThemeSummaries summaries;
    private final JsonMapper json;
    private final Messages messages;
    private final List<String> required;

    ReportPublishing(ReportStore store, ReportBuilder builder, ThemeSummaries summaries, JsonMapper json,
                     Messages messages, @Value("${chorus.report.sign-off:}") String signOff) {
        this.store = store;
        this.builder = builder;
        this.summaries = summaries;
        this.json = json;
        this.messages = messages;
        this.required = Arrays.stream(signOff.split(",")).map(String::strip).filter(FORUMS::contains).distinct().toList();
    }

    /** The forums that must agree a report before it is published; empty when none must. */
    public List<String> required() {
        return required;
    }

    /** What a forum is called in a sentence: "the parent carer forum". */
    public String forumName(String forum) {
        return messages.get("reports.forum." + forum);
    }

    /** The content as it would be published now, for the person building it, and its digest. */
    public record Draft(ReportContent content, String json, String digest) {
    }

    public Draft draft(ReportStore.Report report, Staff staff) {
        return draft(builder.build(report, summaries.hiddenFrom(staff)));
    }

    Draft draft(ReportContent content) {
        try {
            String written = json.writeValueAsString(content);
            return new Draft(content, written, digest(written));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReportContent read(String content) {
        try {
            return json.readValue(content, ReportContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where one forum stands on a draft: its latest decision, if any. */
    public record ForumStand(String forum, String name, Optional<ReportStore.Decision> latest) {
        public boolean agreed() {
            return latest.map(ReportStore.Decision::agreed).orElse(false);
        }

        public boolean changesAsked() {
            return latest.map(d -> !d.agreed()).orElse(false);
        }
    }

    public List<ForumStand> stands(long reportId, String digest) {
        Map<String, ReportStore.Decision> latest = new LinkedHashMap<>();
        store.decisions(reportId, digest).forEach(d -> latest.put(d.forum(), d));
        List<ForumStand> stands = new ArrayList<>();
        for (String forum : required) {
            stands.add(new ForumStand(forum, forumName(forum), Optional.ofNullable(latest.get(forum))));
        }
        return stands;
    }

    public enum Outcome { PUBLISHED, CHANGED, NOT_AGREED }

    /**
     * Publishes the draft with this digest as the report's next version. Without sign-off, the
     * content built now must still have that digest; with it, the draft sent to the forums with that
     * digest must have been agreed by every forum required, and is published as they agreed it.
     */
    public Outcome publish(ReportStore.Report report, String digest, String correction, Staff staff) {
        String content;
        if (required.isEmpty()) {
            Draft now = draft(report, staff);
            if (!now.digest().equals(digest)) {
                return Outcome.CHANGED;
            }
            content = now.json();
        } else {
            Optional<ReportStore.Review> review = store.review(report.id(), digest);
            if (review.isEmpty()) {
                return Outcome.CHANGED;
            }
            List<ForumStand> stands = stands(report.id(), digest);
            if (!stands.stream().allMatch(ForumStand::agreed)) {
                return Outcome.NOT_AGREED;
            }
            List<ReportContent.SignOff> agreed = stands.stream().map(s -> new ReportContent.SignOff(s.name(),
                    Dates.longForm(s.latest().orElseThrow().at()))).toList();
            content = draft(read(review.get().content()).agreed(agreed)).json();
        }
        store.publish(report.id(), content, correction, staff.email());
        return Outcome.PUBLISHED;
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
