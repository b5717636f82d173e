package uk.chorus.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CHORUS_DATA_DIR: files that can be rebuilt from PostgreSQL (the search index). Made at start-up,
 * so a path the service cannot write to is found at once rather than at the first search.
 */
@Singleton
public class DataDirectory implements ApplicationEventListener<StartupEvent> {
    private final Path path;

    DataDirectory(@Value("${chorus.data-dir:data}") String configured) {
        this.path = Home.resolve(Path.of(configured));
    }

    public Path path() {
        return path;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("CHORUS_DATA_DIR " + path.toAbsolutePath() + " cannot be created", e);
        }
    }
}
