package uk.chorus.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form control is written once, in views/partials/form, so its label, hint, error and
 * aria-describedby are right everywhere: no page writes its own input, radio, checkbox, textarea,
 * select, error message or error summary.
 */
class SharedPartialsTest {
    private static final Path VIEWS = Path.of("src/main/resources/views");
    private static final Pattern OWN_CONTROL = Pattern.compile("govuk-input(?=[\\s\"])|govuk-radios__input|govuk-checkboxes__input"
            + "|<textarea|<select|govuk-error-message|govuk-error-summary\\b|govuk-date-input__input|govuk-file-upload\\b");

    @Test
    void pagesUseTheSharedFormPartials() throws IOException {
        List<String> own = new ArrayList<>();
        try (Stream<Path> files = Files.walk(VIEWS)) {
            for (Path template : files.filter(f -> f.toString().endsWith(".hbs")).toList()) {
                String relative = VIEWS.relativize(template).toString();
                if (relative.startsWith("partials/")) {
                    continue;
                }
                String text = Files.readString(template);
                var m = OWN_CONTROL.matcher(text);
                while (m.find()) {
                    own.add(relative + ": " + m.group());
                }
            }
        }
        assertThat(own).as("form controls written outside the shared partials").isEmpty();
    }
}
