package uk.chorus.surveys;

import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a survey file's {@code translations}: per language its name, direction, review state and
 * texts by id. Texts for ids the survey does not have, and placeholders a translation dropped or
 * changed, are problems that stop the file loading; texts still missing only keep the language
 * from being offered (see {@link SurveyDefinition#languages()}).
 */
final class TranslationReader {
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    static final String NEEDS_REVIEW = "needs-review";
    static final String SIGNED_OFF = "signed-off";

    private TranslationReader() {
    }

    static Map<String, Translation> read(YamlNode translations, Map<String, String> source, YamlNode.Problems problems) {
        Map<String, Translation> read = new LinkedHashMap<>();
        translations.entries().forEach((language, node) -> {
            if (!LANGUAGE.matcher(language).matches() || language.equals(SurveyDefinition.SOURCE_LANGUAGE)) {
                problems.add(node, "'" + language + "' is not a language code for a translation: use the two- or "
                        + "three-letter ISO 639 code, like pl or ur (English is the file itself).");
                return;
            }
            YamlNode.mapping(node, problems, "The translation '" + language + "'")
                    .flatMap(t -> readOne(language, t, source, problems))
                    .ifPresent(t -> read.put(language, t));
        });
        return read;
    }

    private static Optional<Translation> readOne(String language, YamlNode t, Map<String, String> source,
                                                 YamlNode.Problems problems) {
        t.rejectUnknownFields(List.of("name", "direction", "status", "signedOffBy", "texts", "sources"), "a translation");
        String where = "The translation '" + language + "'";
        Optional<String> name = t.requiredText("name", where + " (its name in its own language, like Polski)");
        String direction = t.text("direction").orElse("ltr");
        if (!direction.equals("ltr") && !direction.equals("rtl")) {
            problems.add(t.field("direction").get(), "'direction' must be ltr (left to right) or rtl (right to left).");
        }
        Optional<String> status = t.requiredText("status", where + " (" + NEEDS_REVIEW + " or " + SIGNED_OFF + ")");
        Optional<String> signedOffBy = t.text("signedOffBy");
        status.ifPresent(s -> {
            if (!s.equals(NEEDS_REVIEW) && !s.equals(SIGNED_OFF)) {
                problems.add(t.field("status").get(), "'status' must be " + NEEDS_REVIEW + " (until a native speaker "
                        + "has checked it) or " + SIGNED_OFF + ".");
            } else if (s.equals(SIGNED_OFF) && signedOffBy.isEmpty()) {
                problems.add(t.field("status").get(), "A signed-off translation needs 'signedOffBy': who checked it.");
            }
        });
        Map<String, String> texts = new LinkedHashMap<>();
        t.field("texts").flatMap(node -> YamlNode.mapping(node, problems, "'texts'")).ifPresent(mapping ->
                mapping.entries().forEach((id, node) -> {
                    if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                        String text = scalar.getValue().strip();
                        List<String> wrong = SurveyTexts.problems(source, Map.of(id, text));
                        wrong.forEach(p -> problems.add(node, "In '" + language + "': " + p));
                        texts.put(id, text);
                    } else {
                        problems.add(node, "In '" + language + "': '" + id + "' needs its words (or leave the line out).");
                    }
                }));
        // Written by Chorus when a translator's file is imported: by id, a hash of the English each
        // text translated. Only hashes of texts given are kept; they only ever mark a text for review.
        Map<String, String> sources = new LinkedHashMap<>();
        t.field("sources").flatMap(node -> YamlNode.mapping(node, problems, "'sources'")).ifPresent(mapping ->
                mapping.entries().forEach((id, node) -> {
                    if (node instanceof ScalarNode scalar && texts.containsKey(id)) {
                        sources.put(id, scalar.getValue().strip());
                    }
                }));
        if (name.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Translation(name.get(), direction.equals("rtl"),
                status.get().equals(SIGNED_OFF) ? signedOffBy.orElse(null) : null, texts, sources));
    }

}
