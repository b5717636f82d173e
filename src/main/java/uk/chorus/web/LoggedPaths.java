package uk.chorus.web;

import java.util.regex.Pattern;

/**
 * Request paths as they may appear in a log line. Survey addresses carry the respondent's resume
 * code, which is the only key to their answers, so anything shaped like one is masked.
 */
public final class LoggedPaths {
    // Resume codes are three groups of four Crockford letters; masked however they are written.
    private static final Pattern CODE = Pattern.compile("(?i)[0-9a-z]{4}-?[0-9a-z]{4}-?[0-9a-z]{4}");

    private LoggedPaths() {
    }

    public static String redact(String path) {
        if (path == null) {
            return "";
        }
        String cut = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        return CODE.matcher(cut).replaceAll("[code]");
    }
}
