package uk.chorus.languages;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.CsvWriter;
import uk.chorus.web.Message;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A survey's texts as a spreadsheet for a translator: columns key, en (the English), the language's
 * code (the translation so far, to fill in) and source_hash (leave alone). The language is the third
 * column's name, so the file says which language it is. Written by {@link CsvWriter}, which guards
 * cells a spreadsheet would run as formulas with a leading apostrophe; reading takes that apostrophe
 * off again, so a text that starts with "-" comes back as it went.
 */
final class TranslationCsv {
    static final String KEY = "key";
    static final String ENGLISH = SurveyDefinition.SOURCE_LANGUAGE;
    static final String HASH = "source_hash";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern GUARDED = Pattern.compile("'\\s*[=+\\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r].*", Pattern.DOTALL);

    private TranslationCsv() {
    }

    static String write(SurveyDefinition survey, String language) {
        StringBuilder out = new StringBuilder();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row(KEY, ENGLISH, language, HASH);
            for (TranslationRow row : TranslationRow.of(survey, language)) {
                csv.row(row.id(), row.english(), row.translation(), row.sourceHash());
            }
        }
        return out.toString();
    }

    static TranslatorFile read(String text) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        // The line being read when a file turns out to be broken: the header's, then each row's.
        long[] reading = {1};
        try (CSVParser parser = CSVParser.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text),
                format)) {
            List<String> header = parser.getHeaderNames();
            List<String> languages = header.stream().filter(h -> LANGUAGE.matcher(h.strip()).matches()
                    && !h.strip().equals(ENGLISH) && !h.strip().equals(KEY)).toList();
            if (!header.contains(KEY) || !header.contains(HASH) || languages.size() != 1) {
                return TranslatorFile.unreadable(Message.of("languages.import.error.csv.columns", String.join(", ", header)));
            }
            String language = languages.get(0);
            Map<String, Integer> columns = parser.getHeaderMap();
            List<TranslatorFile.Line> lines = new ArrayList<>();
            reading[0] = parser.getCurrentLineNumber() + 1;
            for (CSVRecord record : parser) {
                reading[0] = parser.getCurrentLineNumber() + 1;
                // The row a spreadsheet shows it on: the header is row 1.
                long line = record.getRecordNumber() + 1;
                lines.add(new TranslatorFile.Line(line, new TranslationRow(cell(record, columns.get(KEY)).strip(),
                        columns.containsKey(ENGLISH) ? cell(record, columns.get(ENGLISH)) : "",
                        cell(record, columns.get(language)).strip(), cell(record, columns.get(HASH)).strip())));
            }
            return new TranslatorFile(TranslatorFile.Kind.CSV, null, language.strip(), List.copyOf(lines), null);
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // The text is already in memory, so these are all a broken file (a quote mark not closed,
            // a column named twice), never a failure to read: say roughly where, in words.
            return TranslatorFile.unreadable(Message.of("languages.import.error.csv.broken", reading[0]));
        }
    }

    private static String cell(CSVRecord record, int column) {
        String value = column < record.size() ? record.get(column) : "";
        return GUARDED.matcher(value).matches() ? value.substring(1) : value;
    }
}
