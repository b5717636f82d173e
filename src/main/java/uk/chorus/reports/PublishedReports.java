package uk.chorus.reports;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Published versions as readers get them: the content as it was approved, and which version replaced it. */
@Singleton
public class PublishedReports {
    private final ReportStore store;
    private final JsonMapper json;

    PublishedReports(ReportStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * One published version; {@code latest} is the newest version's number, so an older one can say
     * it was superseded and link to what replaced it. {@code quotesWithdrawn} counts quotes taken out
     * since publishing because their writer's words were erased.
     */
    public record Published(ReportContent content, int version, int latest, Instant publishedAt,
                            String correction, List<Integer> versions, int quotesWithdrawn) {
        public boolean superseded() {
            return version < latest;
        }

        public boolean oneQuoteWithdrawn() {
            return quotesWithdrawn == 1;
        }
    }

    public List<Published> newestOfEach() {
        return store.published().stream().map(v -> published(v, v.version(), List.of(v.version()))).toList();
    }

    /** A report's newest version, or the numbered one; empty when it has not been published. */
    public Optional<Published> find(String slug, Integer version) {
        Optional<ReportStore.Report> report = store.bySlug(slug);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        List<ReportStore.Version> versions = store.versions(report.get().id());
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        int latest = versions.get(0).version();
        List<Integer> numbers = versions.stream().map(ReportStore.Version::version).toList();
        return versions.stream().filter(v -> version == null || v.version() == version).findFirst()
                .map(v -> published(v, latest, numbers));
    }

    private Published published(ReportStore.Version version, int latest, List<Integer> versions) {
        try {
            return new Published(json.readValue(version.content(), ReportContent.class), version.version(), latest,
                    version.publishedAt(), version.correction() == null ? "" : version.correction(), versions,
                    version.quotesWithdrawn());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
