package uk.chorus.languages;

import jakarta.inject.Singleton;
import uk.chorus.audit.AuditLog;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyFileParser;
import uk.chorus.surveys.SurveyFileResult;
import uk.chorus.surveys.SurveyFileWriter;
import uk.chorus.surveys.SurveyTexts;
import uk.chorus.surveys.Translation;
import uk.chorus.web.Message;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A translator's file brought back. Every problem is found and listed (missing texts, texts the
 * survey does not have, texts whose English changed since the file was made, empty translations,
 * placeholders dropped or changed), and a file with any problem changes nothing. A file with none
 * is saved the way the builder saves a survey: written as a survey file, read back through the
 * loader's own checks, and stored as a version (a new one once anyone has answered), so every
 * instance serves it within seconds and answers keep the wording they answered.
 */
@Singleton
class TranslationImport {
    private final SurveyCatalogue catalogue;
    private final AuditLog audit;
    private final Messages messages;

    TranslationImport(SurveyCatalogue catalogue, AuditLog audit, Messages messages) {
        this.catalogue = catalogue;
        this.audit = audit;
        this.messages = messages;
    }

    sealed interface Outcome {
        /** Saved: how many texts changed, and the version now served. */
        record Saved(String language, int changed, int version) implements Outcome {
        }

        record Refused(List<Message> problems) implements Outcome {
        }
    }

    /**
     * Checks the file against the survey as served now and, when nothing is wrong, saves it. One
     * import at a time, each reading the survey afresh, so two languages imported together both stay.
     */
    synchronized Outcome bring(String surveyId, TranslatorFile file, String by) {
        SurveyDefinition survey = catalogue.find(surveyId).orElseThrow().definition();
        List<Message> problems = new ArrayList<>();
        if (!file.readable()) {
            return new Outcome.Refused(List.of(file.unreadable()));
        }
        if (file.surveyId() != null && !file.surveyId().equals(survey.id())) {
            return new Outcome.Refused(List.of(Message.of("languages.import.error.other.survey", file.surveyId())));
        }
        Translation current = survey.translationsByLanguage().get(file.language());
        if (current == null) {
            return new Outcome.Refused(List.of(Message.of("languages.import.error.language", file.language(),
                    survey.translationsByLanguage().isEmpty() ? "-" : String.join(", ", survey.translationsByLanguage().keySet()))));
        }
        Map<String, String> source = SurveyTexts.source(survey);
        Map<String, String> texts = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (TranslatorFile.Line line : file.lines()) {
            TranslationRow row = line.row();
            String where = messages.get(file.kind().whereKey, line.where());
            String id = row.id();
            String english = source.get(id);
            if (!seen.add(id)) {
                problems.add(Message.of("languages.import.problem.twice", where, id));
            } else if (english == null) {
                problems.add(Message.of("languages.import.problem.extra", where, id));
            } else if (!row.sourceHash().equals(TranslationRow.hash(english))) {
                problems.add(Message.of("languages.import.problem.changed", where, id, english));
            } else if (row.translation().isBlank()) {
                problems.add(Message.of("languages.import.problem.empty", where, id, english));
            } else {
                for (String wrong : SurveyTexts.problems(source, Map.of(id, row.translation()))) {
                    problems.add(Message.of("languages.import.problem.placeholder", where, wrong));
                }
                texts.put(id, row.translation());
            }
        }
        source.forEach((id, english) -> {
            if (!seen.contains(id)) {
                problems.add(Message.of("languages.import.problem.missing", id, english));
            }
        });
        if (!problems.isEmpty()) {
            return new Outcome.Refused(List.copyOf(problems));
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        source.keySet().forEach(id -> ordered.put(id, texts.get(id)));
        int changed = (int) ordered.entrySet().stream()
                .filter(e -> !e.getValue().equals(current.texts().get(e.getKey()))).count();
        // Words a native speaker signed off stay signed off only while they are the words signed off.
        Map<String, String> sources = new LinkedHashMap<>();
        source.forEach((id, english) -> sources.put(id, TranslationRow.hash(english)));
        Translation imported = new Translation(current.name(), current.rightToLeft(),
                changed == 0 ? current.signedOffBy() : null, ordered, sources);
        SurveyDefinition translated = survey.withTranslation(file.language(), imported);
        SurveyFileResult loaded = new SurveyFileParser().parse(survey.id() + ".yml", SurveyFileWriter.write(translated));
        if (!loaded.ok()) {
            return new Outcome.Refused(loaded.problems().stream()
                    .map(p -> Message.of("languages.import.problem.loader", p.message())).toList());
        }
        LiveSurvey served = catalogue.publish(loaded.definition().orElseThrow());
        audit.record(by, "translation imported", survey.id(), file.language() + ": " + changed
                + " texts changed, served as version " + served.version());
        return new Outcome.Saved(file.language(), changed, served.version());
    }
}
