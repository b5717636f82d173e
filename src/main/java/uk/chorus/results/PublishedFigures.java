package uk.chorus.results;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SmallestGroup;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure that leaves a lead's own pages comes through here. Forum members, viewers,
 * service contacts, the public page, downloads, the API and reports read the version a lead
 * published: a snapshot taken and audited when it was published, which no later submission
 * moves. A lead previewing "as published" (or downloading before publishing) sees the same
 * disclosure model worked out now, with its audit.
 */
@Singleton
public class PublishedFigures {
    private static final Logger LOG = LoggerFactory.getLogger(PublishedFigures.class);

    private record Preview(WaveSummary summary, boolean round, DisclosureModel.Decision decision) {
    }

    private record Stored(String surveyId, int version) {
    }

    private final Publications publications;
    private final WaveSummaries summaries;
    private final SurveyVersions versions;
    private final SmallestGroup smallestGroup;
    private final Messages messages;
    private final JsonMapper json;
    private final ComparisonRules rules;
    private final ResultsConfiguration configuration;
    private final Cache<String, Preview> previews = Caffeine.newBuilder().maximumSize(50)
            .expireAfterAccess(Duration.ofHours(1)).build();
    private final Cache<Stored, PublishedWave> stored = Caffeine.newBuilder().maximumSize(100).build();

    PublishedFigures(Publications publications, WaveSummaries summaries, SurveyVersions versions,
                     SmallestGroup smallestGroup, Messages messages, JsonMapper json, ComparisonRules rules,
                     ResultsConfiguration configuration) {
        this.rules = rules;
        this.configuration = configuration;
        this.publications = publications;
        this.summaries = summaries;
        this.versions = versions;
        this.smallestGroup = smallestGroup;
        this.messages = messages;
        this.json = json;
    }

    /** The disclosure model of a wave's results as they stand now, audited (cached while nothing changes). */
    Optional<DisclosureModel.Decision> decide(String surveyId, boolean round) {
        return decide(surveyId, round, DisclosureModel.Progress.NONE);
    }

    /** Whether the decision for a wave as it stands now is already worked out (so asking costs nothing). */
    boolean decided(String surveyId, boolean round) {
        Optional<WaveSummaries.WaveFigures> wave = summaries.of(surveyId);
        Preview cached = previews.getIfPresent(surveyId + "|" + round);
        return wave.isEmpty() || cached != null && cached.summary() == wave.get().summary();
    }

    /** As above, telling {@code progress} after each round of the attack. */
    Optional<DisclosureModel.Decision> decide(String surveyId, boolean round, DisclosureModel.Progress progress) {
        Optional<WaveSummaries.WaveFigures> wave = summaries.of(surveyId);
        if (wave.isEmpty()) {
            return Optional.empty();
        }
        String key = surveyId + "|" + round;
        Preview cached = previews.getIfPresent(key);
        // Summaries are kept per change: the same object means nothing was submitted since.
        if (cached != null && cached.summary() == wave.get().summary()) {
            return Optional.of(cached.decision());
        }
        SurveyDefinition definition = wave.get().definition();
        DisclosureModel.Decision decision = DisclosureModel.decide(definition, wave.get().summary(),
                smallestGroup.of(definition), round, messages, configuration.getDisclosureRounds(), progress);
        LOG.info("Disclosure audit of {}: {} figures withheld, {} at fault, {} solves in {} ms, {} rounds.", surveyId,
                decision.audit().withheld(), decision.audit().faults().size(), decision.audit().solves(),
                decision.audit().millis(), decision.rounds());
        decision.audit().faults().stream().limit(5).forEach(f -> LOG.info("At fault in {}: {} could be {} to {}.",
                surveyId, f.label(), f.min(), f.max()));
        previews.put(key, new Preview(wave.get().summary(), round, decision));
        return Optional.of(decision);
    }

    /**
     * Publishes a wave if the audit of its figures finds nothing: a new version. Empty when the
     * survey has no responses; the decision (with its faults) when it refused.
     */
    Result publish(String surveyId, boolean onPublicPage, boolean round, String by) {
        return publish(surveyId, onPublicPage, round, by, -1, DisclosureModel.Progress.NONE);
    }

    /**
     * As above, telling {@code progress} after each round of the attack; {@code over} is the newest
     * version the lead saw (-1: publish whatever is there), so a repeated click adds no version.
     */
    Result publish(String surveyId, boolean onPublicPage, boolean round, String by, int over,
                   DisclosureModel.Progress progress) {
        Optional<DisclosureModel.Decision> decision = decide(surveyId, round, progress);
        if (decision.isEmpty()) {
            return new Result(null, 0);
        }
        if (!decision.get().audit().passes()) {
            return new Result(decision.get(), 0);
        }
        String document;
        try {
            document = json.writeValueAsString(decision.get().published());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int version = publications.publish(surveyId, onPublicPage, round, by, document,
                decision.get().audit().withheld(), decision.get().audit().millis(), over);
        return new Result(decision.get(), version);
    }

    /**
     * Publishes a wave on the staff and public pages, counts rounded to 5, exactly as a lead's
     * "Publish" does, the disclosure audit first (for the demo's last year's waves). The version,
     * or 0 when there was nothing to publish or the audit refused.
     */
    public int publishOnPublicPage(String surveyId, String by) {
        return publish(surveyId, true, true, by).version();
    }

    /**
     * Decides and audits a wave's figures and, when they pass, sends them to the forum to agree
     * (publishing nothing). The decision, with its faults when it refused; version is always 0.
     */
    Result sendToAgree(String surveyId, boolean onPublicPage, boolean round, String by, ResultReviews reviews,
                       DisclosureModel.Progress progress) {
        Optional<DisclosureModel.Decision> decision = decide(surveyId, round, progress);
        if (decision.isPresent() && decision.get().audit().passes()) {
            reviews.send(surveyId, document(decision.get()), onPublicPage, round, decision.get().audit().withheld(),
                    decision.get().audit().millis(), by);
        }
        return new Result(decision.orElse(null), 0);
    }

    /** Publishes exactly the figures a forum agreed, as the next version, saying who agreed them. */
    int publishAgreed(ResultReviews.Review review, String by, int over, String agreed) {
        return publications.publish(review.surveyId(), review.onPublicPage(), review.roundToFive(), by, review.figures(),
                review.withheld(), review.auditMillis(), over, agreed);
    }

    /** The figures of a review, for the forum reading them before they agree. */
    PublishedWave read(String figures) {
        try {
            return json.readValue(figures, PublishedWave.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String document(DisclosureModel.Decision decision) {
        try {
            return json.writeValueAsString(decision.published());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What publishing did: the decision (null when nothing to publish) and the version (0 when refused). */
    record Result(@Nullable DisclosureModel.Decision decision, int version) {
    }

    /** The figures of the version now published. */
    Optional<PublishedWave> published(String surveyId) {
        return publications.of(surveyId).flatMap(this::figures);
    }

    Optional<PublishedWave> figures(Publications.Publication publication) {
        Stored key = new Stored(publication.surveyId(), publication.version());
        PublishedWave cached = stored.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return publications.figures(publication.surveyId(), publication.version()).map(document -> {
            try {
                PublishedWave wave = json.readValue(document, PublishedWave.class);
                stored.put(key, wave);
                return wave;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A published wave as a results page: its own figures, and, when its baseline waves are
     * published too, the comparison between their published figures.
     */
    SurveyResults results(SurveyDefinition definition, PublishedWave published, @Nullable String by,
                          @Nullable String onlyKey, @Nullable String onlyCode) {
        Comparisons.OneYearOn oneYearOn = null;
        String missing = null;
        if (definition.baseline() != null) {
            List<Map.Entry<WaveSummaries.WaveFigures, PublishedWave>> chain = publishedChain(definition, published);
            if (chain.size() >= 2) {
                List<WaveSummaries.WaveFigures> waves = chain.stream().map(Map.Entry::getKey).toList();
                oneYearOn = Comparisons.build(new WaveSummaries.Chain(waves, null),
                        new Comparisons.Scope(onlyKey, onlyCode, onlyKey == null ? by : null), true,
                        published.threshold(), rules.of(definition), messages);
            } else {
                missing = definition.baseline();
            }
        }
        return PublishedResults.of(definition, published, by, onlyKey, onlyCode, messages, oneYearOn, missing);
    }

    /** The survey's published figures with its baselines' published figures before them, oldest first. */
    List<Map.Entry<WaveSummaries.WaveFigures, PublishedWave>> publishedChain(SurveyDefinition definition,
                                                                              PublishedWave published) {
        List<Map.Entry<WaveSummaries.WaveFigures, PublishedWave>> newestFirst = new ArrayList<>();
        newestFirst.add(entry(definition, published));
        String next = definition.baseline();
        while (next != null && newestFirst.size() < 12) {
            Optional<LiveSurvey> earlier = versions.newest(next);
            Optional<PublishedWave> figures = published(next);
            if (earlier.isEmpty() || figures.isEmpty()) {
                break;
            }
            newestFirst.add(entry(earlier.get().definition(), figures.get()));
            next = earlier.get().definition().baseline();
            if (next != null && next.equals(definition.id())) {
                break;
            }
        }
        return new ArrayList<>(newestFirst.reversed());
    }

    private static Map.Entry<WaveSummaries.WaveFigures, PublishedWave> entry(SurveyDefinition definition,
                                                                            PublishedWave published) {
        return new AbstractMap.SimpleEntry<>(new WaveSummaries.WaveFigures(definition,
                PublishedResults.summary(published), false), published);
    }

    /** A preview of what publishing now would show: the live disclosure model, never the raw counts. */
    Optional<SurveyResults> preview(SurveyDefinition definition, boolean round, @Nullable String by,
                                    @Nullable String onlyKey, @Nullable String onlyCode) {
        return decide(definition.id(), round).map(d -> PublishedResults.of(definition, d.published(), by, onlyKey,
                onlyCode, messages, null, null));
    }
}
