package uk.chorus.results;

/**
 * Keeps text from running as a formula when a CSV file is opened in a spreadsheet (CSV
 * injection, OWASP): text that starts with =, +, -, @, a tab or a carriage return gets a leading
 * apostrophe, which spreadsheets show as text and do not display. Quoting is Commons CSV's job.
 */
final class Spreadsheets {
    private Spreadsheets() {
    }

    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + text : text;
    }
}
