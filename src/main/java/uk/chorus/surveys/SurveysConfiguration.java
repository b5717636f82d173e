package uk.chorus.surveys;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.nio.file.Path;

/** Where survey definitions are read from (CHORUS_SURVEYS_DIR). */
@ConfigurationProperties("chorus.surveys")
public class SurveysConfiguration {
    static final String DEFAULT_DIR = "surveys";

    private Path dir = Path.of(DEFAULT_DIR);

    /** A relative folder is read from chorus.home when set (mvn mn:run runs inside target/). */
    public Path getDir() {
        String home = System.getProperty("chorus.home");
        return dir.isAbsolute() || home == null ? dir : Path.of(home).resolve(dir);
    }

    public void setDir(Path dir) {
        this.dir = dir;
    }
}
