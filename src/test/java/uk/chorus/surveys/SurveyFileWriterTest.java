package uk.chorus.surveys;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A survey written out as a file and read back is the same survey: for every shipped, demo and test survey. */
class SurveyFileWriterTest {

    @Test
    void everySurveyRoundTripsThroughItsFile() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("surveys", "src/main/resources/demo/surveys", "src/test/resources/surveys-fixtures")) {
            try (Stream<Path> listed = Files.list(Path.of(dir))) {
                listed.filter(p -> p.toString().endsWith(".yml")).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        SurveyFileParser parser = new SurveyFileParser();
        for (Path file : files) {
            String name = file.getFileName().toString();
            SurveyFileResult original = parser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
            assertThat(original.problems()).as(name).isEmpty();
            String written = SurveyFileWriter.write(original.definition().orElseThrow());
            SurveyFileResult again = parser.parse(name, written);
            assertThat(again.problems()).as("%s written as%n%s", name, written).isEmpty();
            assertThat(again.definition()).as(name).isEqualTo(original.definition());
        }
    }
}
