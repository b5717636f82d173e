package uk.chorus.codesign;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.DefinitionProblem;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyFileParser;
import uk.chorus.surveys.SurveyFileResult;
import uk.chorus.surveys.SurveyFileWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A design gets exactly the checks a survey file gets at start-up: it is written out as a file and
 * read back by the loader. So nothing can go live from the builder that the loader would refuse,
 * and the messages are the loader's, each tied to the question it is about.
 */
final class DesignChecks {
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*-?\\s*key:\\s*'?\"?([a-z0-9_]+)");

    private DesignChecks() {
    }

    /** A problem, with the question it is about, or else the page (1-based; 0 for the survey itself). */
    record Problem(@Nullable String questionKey, int pageNumber, String message) {
    }

    static List<Problem> problems(SurveyDefinition survey) {
        String file = SurveyFileWriter.write(survey);
        SurveyFileResult result = new SurveyFileParser().parse(survey.id() + ".yml", file);
        if (result.ok()) {
            return List.of();
        }
        String[] lines = file.split("\n", -1);
        List<Problem> problems = new ArrayList<>();
        for (DefinitionProblem problem : result.problems()) {
            problems.add(new Problem(questionAt(lines, problem.line()), pageAt(lines, problem.line()), problem.message()));
        }
        return problems;
    }

    /** The definition as the loader reads it (standard answers filled in), when it passes every check. */
    static Optional<SurveyDefinition> loaded(SurveyDefinition survey) {
        return new SurveyFileParser().parse(survey.id() + ".yml", SurveyFileWriter.write(survey)).definition();
    }

    /** The page whose lines hold a problem: how many pages start at or above it, after "pages:". */
    private static int pageAt(String[] lines, int line) {
        int pages = 0;
        boolean inPages = false;
        for (int i = 0; i < Math.min(line, lines.length); i++) {
            if (lines[i].startsWith("pages:")) {
                inPages = true;
            } else if (inPages && lines[i].startsWith("  - ")) {
                pages++;
            }
        }
        return pages;
    }

    /** The question whose lines hold a problem: the nearest "key:" at or above it, within its question. */
    private static String questionAt(String[] lines, int line) {
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            String text = lines[i];
            Matcher key = KEY_LINE.matcher(text);
            if (key.find()) {
                return key.group(1);
            }
            if (text.startsWith("  - ") || text.matches("^[a-zA-Z].*")) {
                // A page or a survey field: the problem is not inside a question.
                return null;
            }
        }
        return null;
    }
}
