package uk.chorus.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The one way Chorus writes CSV. Quoting is Commons CSV's (RFC 4180); on top of it every cell that
 * a spreadsheet would run as a formula (OWASP's CSV injection: text starting with =, +, -, @, a tab
 * or a carriage return, after any spaces) gets a leading apostrophe, which spreadsheets show as text.
 * Plain numbers ("-3", "12.5") are left alone: they cannot be formulas. No export builds a
 * CSVPrinter of its own (ArchitectureTest), so no export can forget this.
 */
public final class CsvWriter implements Closeable {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private final CSVPrinter printer;

    private CsvWriter(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CsvWriter to(Appendable out) {
        return new CsvWriter(out);
    }

    public CsvWriter row(Object... values) {
        return row(Arrays.asList(values));
    }

    public CsvWriter row(Iterable<?> values) {
        try {
            for (Object value : values) {
                printer.print(safe(value));
            }
            printer.println();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as a spreadsheet will show it and never run it. */
    public static String safe(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.isEmpty()) {
            return text;
        }
        // Spreadsheets skip leading spaces before reading a formula, and take full-width signs too.
        String start = text.stripLeading();
        char first = start.isEmpty() ? text.charAt(0) : start.charAt(0);
        boolean formula = "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(first) >= 0
                || text.charAt(0) == '\t' || text.charAt(0) == '\r';
        return formula && !PLAIN_NUMBER.matcher(text).matches() ? "'" + text : text;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
