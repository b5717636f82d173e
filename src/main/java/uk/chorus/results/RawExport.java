package uk.chorus.results;

import jakarta.inject.Singleton;
import uk.chorus.web.CsvWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import uk.chorus.audit.AuditLog;
import uk.chorus.responses.ResponseRecords;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every complete response of a survey, one row each, one column per question key, with a second
 * header row of the questions' wording: for leads to analyse elsewhere. Choices are written as
 * their labels, text as typed. Every export is recorded in the audit log, with who, which survey,
 * the format and how many responses left the service.
 */
@Singleton
class RawExport {
    private static final int LONGEST_SHEET_NAME = 31;
    private final ResponseRecords records;
    private final AuditLog audit;
    private final Messages messages;

    RawExport(ResponseRecords records, AuditLog audit, Messages messages) {
        this.records = records;
        this.audit = audit;
        this.messages = messages;
    }

    byte[] csv(SurveyDefinition survey, String by) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] rows = new int[1];
        // A byte order mark, so spreadsheet programs read the file as UTF-8.
        out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CsvWriter csv = CsvWriter.to(writer)) {
            List<Question> questions = survey.questionList();
            csv.row(keys(questions));
            csv.row(wordings(questions));
            records.forEachRaw(survey.id(), response -> {
                List<String> row = new ArrayList<>(List.of(response.reference(),
                        DateTimeFormatter.ISO_INSTANT.format(response.submittedAt()), response.channel()));
                for (Question question : questions) {
                    row.add(text(question, response.answers().get(question.key())));
                }
                // Every cell, not only free text, is made safe by the writer: an option label can start with "-" too.
                csv.row(row);
                rows[0]++;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(by, "raw responses exported", survey.id(), "CSV, " + rows[0] + " responses");
        return out.toByteArray();
    }

    byte[] xlsx(SurveyDefinition survey, String by) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] rows = new int[1];
        try {
            Workbook workbook = new Workbook(out, "Chorus", "1.0");
            String name = survey.id().length() > LONGEST_SHEET_NAME ? survey.id().substring(0, LONGEST_SHEET_NAME) : survey.id();
            Worksheet sheet = workbook.newWorksheet(name);
            List<Question> questions = survey.questionList();
            List<String> keys = keys(questions);
            List<String> wordings = wordings(questions);
            for (int c = 0; c < keys.size(); c++) {
                sheet.value(0, c, keys.get(c));
                sheet.value(1, c, wordings.get(c));
            }
            sheet.style(0, 0).bold().set();
            records.forEachRaw(survey.id(), response -> {
                int r = rows[0] + 2;
                sheet.value(r, 0, response.reference());
                sheet.value(r, 1, DateTimeFormatter.ISO_INSTANT.format(response.submittedAt()));
                sheet.value(r, 2, response.channel());
                for (int q = 0; q < questions.size(); q++) {
                    Object value = response.answers().get(questions.get(q).key());
                    if (value instanceof Number number) {
                        sheet.value(r, q + 3, number);
                    } else {
                        // Strings are stored as text cells: a spreadsheet never runs them as formulas.
                        sheet.value(r, q + 3, text(questions.get(q), value));
                    }
                }
                rows[0]++;
            });
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(by, "raw responses exported", survey.id(), "XLSX, " + rows[0] + " responses");
        return out.toByteArray();
    }

    private List<String> keys(List<Question> questions) {
        List<String> keys = new ArrayList<>(List.of("reference", "submitted_at", "channel"));
        questions.forEach(q -> keys.add(q.key()));
        return keys;
    }

    private List<String> wordings(List<Question> questions) {
        List<String> wordings = new ArrayList<>(List.of(messages.get("export.raw.reference"),
                messages.get("export.raw.submitted"), messages.get("export.raw.channel")));
        questions.forEach(q -> wordings.add(q.text()));
        return wordings;
    }

    /** An answer as text: choices by label (several joined by "; "), anything else as given; nothing when unanswered. */
    private static String text(Question question, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> codes) {
            return String.join("; ", codes.stream().map(c -> question.labelFor(String.valueOf(c))).toList());
        }
        return switch (question.type()) {
            case SHORT_TEXT, LONG_TEXT, NUMBER, MONTH_YEAR, RATING -> String.valueOf(value);
            default -> question.labelFor(String.valueOf(value));
        };
    }
}
