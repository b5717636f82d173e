package uk.chorus.surveys;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The surveys this service is serving. PostgreSQL's survey_versions is the catalogue every
 * instance reads: the survey files are one way in (imported at start-up, each file storing a new
 * version when its words changed), a file checked and loaded in the browser is another, and every
 * instance notices a version stored by another within seconds. A file with mistakes is never
 * loaded in part: its problems are logged with file and line, and the stored version stays live,
 * so families are not cut off by an editing slip.
 */
@Singleton
public class SurveyCatalogue implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SurveyCatalogue.class);

    private final SurveysConfiguration configuration;
    private final SurveyVersions versions;
    private final Clock clock;
    private final SurveyFileParser parser = new SurveyFileParser();
    private final Map<String, LiveSurvey> live = new ConcurrentHashMap<>();
    private volatile List<DefinitionProblem> problems = List.of();
    private volatile String seen = "";

    SurveyCatalogue(SurveysConfiguration configuration, SurveyVersions versions, Clock clock) {
        this.configuration = configuration;
        this.versions = versions;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        reload();
    }

    /** Reads every survey file again; returns the problems found (empty when all loaded). */
    public synchronized List<DefinitionProblem> reload() {
        Path dir = configuration.getDir();
        if (!Files.isDirectory(dir)) {
            LOG.error("The surveys folder {} does not exist. Set CHORUS_SURVEYS_DIR to the folder of survey files.",
                    dir.toAbsolutePath());
            problems = List.of(new DefinitionProblem(dir.toString(), 0, "The surveys folder does not exist."));
            return problems;
        }
        List<DefinitionProblem> found = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(SurveyCatalogue::isSurveyFile).sorted().toList()) {
                found.addAll(load(file));
            }
        } catch (IOException e) {
            LOG.error("The surveys folder {} cannot be read: {}", dir.toAbsolutePath(), e.getMessage());
        }
        problems = List.copyOf(found);
        adoptStored();
        LOG.info("Surveys loaded from {}: {}", dir.toAbsolutePath().normalize(), live.keySet().stream().sorted().toList());
        return problems;
    }

    /** Serves the newest stored version of every survey, where it is not already being served. */
    private void adoptStored() {
        String stamp = versions.stamp();
        for (LiveSurvey stored : versions.newestOfEach()) {
            LiveSurvey current = live.get(stored.id());
            if (current == null || current.versionId() != stored.versionId()
                    || !current.definition().equals(stored.definition())) {
                live.put(stored.id(), stored);
            }
        }
        seen = stamp;
    }

    /** Notices versions another instance (or the browser) stored, every few seconds. */
    @Scheduled(fixedDelay = "${chorus.surveys.refresh:5s}", initialDelay = "5s")
    public void refresh() {
        try {
            if (!versions.stamp().equals(seen)) {
                synchronized (this) {
                    adoptStored();
                }
            }
        } catch (RuntimeException e) {
            // The database is away: keep serving what is loaded, and look again next time.
            LOG.debug("Surveys not refreshed from the database: {}", e.getMessage());
        }
    }

    private List<DefinitionProblem> load(Path file) throws IOException {
        String name = file.getFileName().toString();
        SurveyFileResult result = parser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
        if (result.ok()) {
            LiveSurvey survey = versions.record(result.definition().get());
            live.put(survey.id(), survey);
            return List.of();
        }
        result.problems().forEach(p -> LOG.error("Survey file not loaded: {}", p));
        String surveyId = name.replaceFirst("\\.ya?ml$", "");
        if (SurveyFileParser.SURVEY_ID.matcher(surveyId).matches()) {
            versions.newest(surveyId).ifPresent(previous -> {
                LOG.warn("Survey {} stays live at its stored version {} until its file is fixed.", surveyId,
                        previous.version());
                live.put(surveyId, previous);
            });
        }
        return result.problems();
    }

    private static boolean isSurveyFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    /**
     * Loads one definition that does not come from the surveys folder (the demo's earlier waves),
     * with the same checks as a file; returns its problems, empty when it loaded.
     */
    public synchronized List<DefinitionProblem> load(String fileName, String content) {
        SurveyFileResult result = parser.parse(fileName, content);
        if (result.ok()) {
            LiveSurvey survey = versions.record(result.definition().get());
            live.put(survey.id(), survey);
        }
        return result.problems();
    }

    /**
     * Serves a definition agreed in the builder (already through the loader's checks): stored as a
     * version in PostgreSQL, so every instance serves it within seconds and it survives a restart.
     */
    public synchronized LiveSurvey publish(SurveyDefinition definition) {
        LiveSurvey survey = versions.record(definition);
        live.put(survey.id(), survey);
        return survey;
    }

    public Optional<LiveSurvey> find(String surveyId) {
        return Optional.ofNullable(live.get(surveyId));
    }

    /** Every survey being served, open or not, by id. */
    public List<LiveSurvey> all() {
        return live.values().stream().sorted(Comparator.comparing(LiveSurvey::id)).toList();
    }

    /** Surveys open for answers today, soonest closing first. */
    public List<LiveSurvey> open() {
        LocalDate today = today();
        return live.values().stream()
                .filter(s -> s.statusOn(today) == SurveyStatus.OPEN)
                .sorted(Comparator.comparing((LiveSurvey s) -> s.definition().closes()).thenComparing(LiveSurvey::id))
                .toList();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
