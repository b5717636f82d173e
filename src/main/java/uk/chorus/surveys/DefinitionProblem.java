package uk.chorus.surveys;

/** One mistake in a survey file, said so that the person who wrote the file can fix it. */
public record DefinitionProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
