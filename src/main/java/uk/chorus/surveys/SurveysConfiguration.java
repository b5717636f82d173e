package uk.chorus.surveys;

import io.micronaut.context.annotation.ConfigurationProperties;

import uk.chorus.web.Home;

import java.nio.file.Path;

/** Where survey definitions are read from (CHORUS_SURVEYS_DIR). */
@ConfigurationProperties("chorus.surveys")
public class SurveysConfiguration {
    static final String DEFAULT_DIR = "surveys";

    private Path dir = Path.of(DEFAULT_DIR);

    public Path getDir() {
        return Home.resolve(dir);
    }

    public void setDir(Path dir) {
        this.dir = dir;
    }
}
