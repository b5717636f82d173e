package uk.chorus.web;

import java.nio.file.Path;

/**
 * Where relative folders (surveys, data) are read from: the working directory, or chorus.home when
 * set, since `mvn mn:run` starts the service inside target/.
 */
public final class Home {
    private Home() {
    }

    public static Path resolve(Path configured) {
        String home = System.getProperty("chorus.home");
        return configured.isAbsolute() || home == null ? configured : Path.of(home).resolve(configured);
    }
}
