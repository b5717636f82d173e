package uk.chorus.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sentence lives in the message bundle, so the service can speak another language: no
 * template holds words of its own (between tags or in an attribute a person reads or hears), and
 * every key a template or Java class asks for exists.
 */
class MessageBundleTest {
    private static final Path VIEWS = Path.of("src/main/resources/views");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Pattern HANDLEBARS = Pattern.compile("\\{\\{[^}]*}}(})?");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SVG_PATH = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);
    // A partial that writes only attributes (described-by) leaves name="value" pairs outside any tag.
    private static final Pattern ANY_ATTRIBUTE = Pattern.compile("[a-z-]+=\"[^\"]*\"");
    private static final Pattern READ_ATTRIBUTE = Pattern.compile("\\b(aria-label|alt|title|placeholder)=\"([^\"]*)\"");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("\\{\\{#?\\s*tn?\\s+\"([a-z0-9.-]+)\"");
    private static final Pattern SUBEXPRESSION_KEY = Pattern.compile("\\(tn?\\s+\"([a-z0-9.-]+)\"");
    private static final Pattern JAVA_KEY = Pattern.compile(
            "(?:messages\\.(?:get|count)|Message\\.of|Checked\\.invalid|titleKey\", |bodyKey\", |Pages\\.error\\([^,]+,)\\s*\"([a-z][a-z0-9.-]+)\""
                    // A form record's constraint names its sentence as message = "{key}".
                    + "|message = \"\\{([a-z][a-z0-9.-]+)}\"");

    private static Properties bundle() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/i18n/messages.properties"))) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(VIEWS)) {
            return files.filter(f -> f.toString().endsWith(".hbs")).sorted().toList();
        }
    }

    @Test
    void noTemplateHoldsWordsOfItsOwn() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path template : templates()) {
            String text = Files.readString(template);
            String withoutSvg = SVG_PATH.matcher(text).replaceAll("");
            Matcher attributes = READ_ATTRIBUTE.matcher(HANDLEBARS.matcher(withoutSvg).replaceAll("x"));
            while (attributes.find()) {
                if (attributes.group(2).matches(".*[A-Za-z]{2,}.*") && !attributes.group(2).equals("x")) {
                    literal.add(VIEWS.relativize(template) + ": " + attributes.group(1) + "=\"" + attributes.group(2) + "\"");
                }
            }
            String words = ANY_ATTRIBUTE.matcher(TAG.matcher(HANDLEBARS.matcher(withoutSvg).replaceAll(" "))
                    .replaceAll(" ")).replaceAll(" ");
            for (String line : words.split("\n")) {
                if (line.matches(".*[A-Za-z]{2,}.*")) {
                    literal.add(VIEWS.relativize(template) + ": " + line.strip());
                }
            }
        }
        assertThat(literal).as("words written into templates instead of the message bundle").isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Properties bundle = bundle();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            String text = Files.readString(template);
            for (Pattern pattern : List.of(TEMPLATE_KEY, SUBEXPRESSION_KEY)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    String key = m.group(1);
                    boolean counted = text.substring(m.start(), m.start() + 5).contains("tn");
                    boolean found = counted ? bundle.containsKey(key + ".one") && bundle.containsKey(key + ".other")
                            : bundle.containsKey(key);
                    if (!found) {
                        missing.add(VIEWS.relativize(template) + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyJavaAsksForExists() throws IOException {
        Properties bundle = bundle();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = JAVA_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!bundle.containsKey(key) && !(bundle.containsKey(key + ".one") && bundle.containsKey(key + ".other"))) {
                        missing.add(JAVA.relativize(file) + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void placeholdersAreFilledWithoutMessageFormatQuoting() {
        assertThat(Messages.format("You don't have {0} answers", 1200)).isEqualTo("You don't have 1,200 answers");
        assertThat(Messages.format("{1} then {0}", "a", "b")).isEqualTo("b then a");
        assertThat(Messages.format("Send {\"email\": ...}")).isEqualTo("Send {\"email\": ...}");
    }
}
