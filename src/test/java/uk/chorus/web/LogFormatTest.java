package uk.chorus.web;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped logback.xml: plain lines by default, one JSON object a line with
 * CHORUS_LOG_FORMAT=json (read as a property here, as logback reads the environment variable).
 */
class LogFormatTest {

    @Test
    void jsonFormatWritesOneJsonObjectALine() throws Exception {
        List<String> lines = logWith("json", logger -> {
            logger.info("Database: {} on {}", "chorus", "db.example:5432");
            logger.warn("Sending mail failed", new IllegalStateException("relay said no"));
        });
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        assertThat(lines.get(0)).contains("\"level\":\"INFO\"", "\"loggerName\":\"chorus.test\"",
                "\"formattedMessage\":\"Database: chorus on db.example:5432\"");
        assertThat(lines.get(1)).contains("\"level\":\"WARN\"", "relay said no", "IllegalStateException");
        // A stack trace stays inside its line, so a platform reads it as one event.
        assertThat(lines.get(1)).doesNotContain("\n");
    }

    @Test
    void textFormatIsTheDefault() throws Exception {
        List<String> lines = logWith(null, logger -> logger.info("Chorus is running"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  chorus.test - Chorus is running");
    }

    private static List<String> logWith(String format, java.util.function.Consumer<Logger> logging) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        if (format != null) {
            context.putProperty("CHORUS_LOG_FORMAT", format);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            logging.accept(context.getLogger("chorus.test"));
        } finally {
            context.stop();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
}
