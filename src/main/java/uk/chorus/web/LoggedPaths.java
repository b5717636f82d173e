package uk.chorus.web;

import java.util.regex.Pattern;

/**
 * Request paths as they may appear in a log line. Survey addresses carry the respondent's resume
 * code, which is the only key to their answers, so anything shaped like one is masked; one-time
 * links (invitations, new passwords, pledge signing and review) carry a secret that is a key to an
 * account or a signature, so it is masked whole.
 */
public final class LoggedPaths {
    // Resume codes are three groups of four Crockford letters; masked however they are written,
    // but only standing alone, so words in a path ("password-reset") stay readable.
    private static final Pattern CODE =
            Pattern.compile("(?i)(?<![0-9a-z])[0-9a-z]{4}-?[0-9a-z]{4}-?[0-9a-z]{4}(?![0-9a-z])");
    private static final Pattern LINK_SECRET =
            Pattern.compile("(/(?:invitations|password-reset|pledge/sign|pledge/review)/)[^/?#]+");

    private LoggedPaths() {
    }

    public static String redact(String path) {
        if (path == null) {
            return "";
        }
        String cut = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        return CODE.matcher(LINK_SECRET.matcher(cut).replaceAll("$1[secret]")).replaceAll("[code]");
    }
}
