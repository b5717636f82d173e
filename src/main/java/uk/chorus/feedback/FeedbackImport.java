package uk.chorus.feedback;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.chorus.audit.AuditLog;
import uk.chorus.surveys.AboutYouTopic;
import uk.chorus.web.Message;
import uk.chorus.web.Messages;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Feedback kept elsewhere (a spreadsheet of last year's coffee mornings, an inbox exported to
 * CSV), brought in at once: every row is checked exactly as the forms check an item, the lead
 * sees the rows and every problem by line before anything is stored, and the import then stores
 * all the rows in one transaction, or none. A checked file waits at most a day to be imported.
 */
@Singleton
@Connectable
class FeedbackImport {
    static final int MOST_ROWS = 5000;
    /** What a file looks like, shown on the upload page (data, not words: it is the same in any language). */
    static final String EXAMPLE = """
            channel,date,service,text,helpful,ehcp,age_band
            coffee-morning,2026-03-14,SEND team,"Waiting lists for speech therapy are too long.",,sen-support,5-10
            local-offer,14/03/2026,Short breaks,,no,,""";
    static final Set<String> COLUMNS = Set.of("channel", "date", "service", "page", "text", "helpful", "ehcp", "age_band",
            "primary_need", "school_phase", "area");
    private static final Map<String, String> ABOUT_COLUMNS = Map.of("ehcp", AboutYouTopic.EHCP.fileName(),
            "age_band", AboutYouTopic.AGE_BAND.fileName(), "primary_need", AboutYouTopic.PRIMARY_NEED.fileName(),
            "school_phase", AboutYouTopic.SCHOOL_PHASE.fileName(), "area", AboutYouTopic.AREA.fileName());
    // Strict: 31/02/2026 is refused, not quietly read as 28 February.
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final FeedbackChecker checker;
    private final FeedbackRecords records;
    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final Messages messages;

    FeedbackImport(FeedbackChecker checker, FeedbackRecords records, JdbcOperations jdbc, AuditLog audit,
                   Messages messages) {
        this.checker = checker;
        this.records = records;
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
    }

    /** One row: its line in the file, the item it makes, and what is wrong with it. */
    record Row(long line, NewFeedback item, List<String> problems) {
    }

    /** A checked file: its rows, and problems with the file as a whole (missing columns, too long). */
    record Checked(List<Row> rows, List<String> fileProblems) {
        boolean importable() {
            return fileProblems.isEmpty() && !rows.isEmpty() && rows.stream().allMatch(r -> r.problems().isEmpty());
        }

        List<String> problems() {
            List<String> all = new ArrayList<>(fileProblems);
            rows.forEach(r -> all.addAll(r.problems()));
            return all;
        }
    }

    Checked check(String csv, String enteredBy) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<Row> rows = new ArrayList<>();
        List<String> fileProblems = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreHeaderCase(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> headers = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            for (String header : headers) {
                if (!COLUMNS.contains(header)) {
                    fileProblems.add(messages.get("feedback.import.error.column", header));
                }
            }
            for (String needed : List.of("channel", "date", "text")) {
                if (!headers.contains(needed)) {
                    fileProblems.add(messages.get("feedback.import.error.missing.column", needed));
                }
            }
            if (!fileProblems.isEmpty()) {
                return new Checked(rows, fileProblems);
            }
            for (CSVRecord record : parser) {
                if (rows.size() == MOST_ROWS) {
                    fileProblems.add(messages.get("feedback.import.error.too.many", MOST_ROWS));
                    break;
                }
                rows.add(row(record, headers, enteredBy));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            fileProblems.add(messages.get("feedback.import.error.unreadable"));
        }
        if (rows.isEmpty() && fileProblems.isEmpty()) {
            fileProblems.add(messages.get("feedback.import.error.empty"));
        }
        return new Checked(rows, fileProblems);
    }

    private Row row(CSVRecord record, List<String> headers, String enteredBy) {
        long line = record.getRecordNumber() + 1;
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String header : headers) {
            values.put(header, record.isSet(header) ? record.get(header) : "");
        }
        Optional<Channel> channel = Channel.fromCode(values.get("channel").toLowerCase(Locale.ROOT));
        if (channel.isEmpty()) {
            problems.add(messages.get("feedback.import.error.channel", line, values.get("channel")));
        }
        LocalDate date = date(values.get("date"));
        if (date == null) {
            problems.add(messages.get("feedback.import.error.date", line, values.get("date")));
        }
        Boolean helpful = null;
        String helpfulText = values.getOrDefault("helpful", "").toLowerCase(Locale.ROOT);
        if (helpfulText.equals("yes") || helpfulText.equals("true")) {
            helpful = Boolean.TRUE;
        } else if (helpfulText.equals("no") || helpfulText.equals("false")) {
            helpful = Boolean.FALSE;
        } else if (!helpfulText.isEmpty()) {
            problems.add(messages.get("feedback.import.error.helpful", line));
        }
        Map<String, String> about = new LinkedHashMap<>();
        ABOUT_COLUMNS.forEach((column, topic) -> {
            String code = values.getOrDefault(column, "");
            if (!code.isEmpty()) {
                about.put(topic, code.toLowerCase(Locale.ROOT));
            }
        });
        String service = values.getOrDefault("service", "");
        String subject = service.isEmpty() ? values.getOrDefault("page", "") : service;
        NewFeedback item = new NewFeedback(null, channel.orElse(Channel.SERVICE), subject.isEmpty() ? null : subject,
                date == null ? LocalDate.of(2000, 1, 1) : date, helpful, FeedbackChecker.tidy(values.get("text")), about,
                enteredBy, null);
        if (channel.isPresent() && date != null) {
            for (Message problem : checker.check(item).values()) {
                problems.add(messages.get("feedback.import.error.row", line, messages.get(problem)));
            }
        }
        return new Row(line, item, problems);
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, UK_DATE)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        return null;
    }

    /** Keeps a checked file for its import; returns the token that names it. */
    @Transactional
    String keep(String csv, int rows, String by) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        jdbc.prepareStatement("INSERT INTO feedback_imports (token, csv, rows, created_by) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, token);
            ps.setString(2, csv);
            ps.setInt(3, rows);
            ps.setString(4, by);
            return ps.executeUpdate();
        });
        return token;
    }

    /** A kept file, for the lead who checked it, within a day. */
    @Transactional(readOnly = true)
    Optional<String> kept(String token, String by) {
        return jdbc.prepareStatement("SELECT csv FROM feedback_imports WHERE token = ? AND created_by = ? "
                + "AND created_at > now() - interval '1 day'", ps -> {
            ps.setString(1, token);
            ps.setString(2, by);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /**
     * Imports a kept file: checked again, then every row stored and the file forgotten, in one
     * transaction. Empty when the file is gone (imported already, or too old) or no longer passes.
     */
    @Transactional
    Optional<Integer> commit(String token, String by) {
        Optional<String> csv = jdbc.prepareStatement("DELETE FROM feedback_imports WHERE token = ? AND created_by = ? "
                + "AND created_at > now() - interval '1 day' RETURNING csv", ps -> {
            ps.setString(1, token);
            ps.setString(2, by);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
        if (csv.isEmpty()) {
            return Optional.empty();
        }
        Checked checked = check(csv.get(), by);
        if (!checked.importable()) {
            throw new IllegalStateException("A kept feedback file no longer passes its checks");
        }
        records.storeAll(checked.rows().stream().map(Row::item).toList());
        audit.record(by, "feedback imported", null, checked.rows().size() + " items");
        return Optional.of(checked.rows().size());
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void forgetOldFiles() {
        jdbc.prepareStatement("DELETE FROM feedback_imports WHERE created_at < now() - interval '1 day'",
                ps -> ps.executeUpdate());
    }
}
