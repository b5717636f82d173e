package uk.chorus.browser;

import nu.validator.client.EmbeddedValidator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The Nu Html Checker, in-process: the errors in a page, one line each (warnings are not errors). */
public final class HtmlChecker {
    private HtmlChecker() {
    }

    public static List<String> errors(String html) {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        // Language detection needs an older Jetty JSON than the one on our test classpath; lang="en" is
        // set on every page, so detecting it adds nothing.
        validator.setNoLangDetect(true);
        try {
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            return Arrays.stream(report.split("\n"))
                    .filter(line -> line.contains(": error:") || line.contains(": fatal:"))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("The Nu Html Checker failed: " + e.getMessage(), e);
        }
    }
}
