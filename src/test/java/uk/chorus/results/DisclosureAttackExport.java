package uk.chorus.results;

import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyFileParser;
import uk.chorus.web.Messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the attacker's problem for a decided wave (the benchmark's random wave of the shipped
 * parent/carer survey) as JSON, with every figure's true value, so an outside integer solver can
 * attack all the tables at once and check the built-in audit's verdict. Not a test.
 *
 * <pre>JAVA_HOME=$(.ci/java-home) ./mvnw -B -Pbench test-compile exec:java \
 *   -Dexec.mainClass=uk.chorus.results.DisclosureAttackExport -Dbench.size=600 -Dbench.out=/tmp/attack</pre>
 */
public final class DisclosureAttackExport {
    private DisclosureAttackExport() {
    }

    public static void main(String[] args) throws Exception {
        SurveyDefinition survey = new SurveyFileParser().parse("family-voice-2026.yml",
                Files.readString(Path.of("surveys/family-voice-2026.yml"))).definition().orElseThrow();
        int n = Integer.getInteger("bench.size", 600);
        boolean round = !Boolean.getBoolean("bench.exact");
        Messages messages = new Messages();
        WaveSummary wave = DisclosureBenchmark.summary(survey, n, new Random(n));
        long started = System.nanoTime();
        DisclosureModel.Decision decision = DisclosureModel.decide(survey, wave, 5, round, messages);
        System.out.printf("decided in %,d ms, %d rounds%n", (System.nanoTime() - started) / 1_000_000, decision.rounds());
        List<Long> truth = new ArrayList<>();
        DisclosureAudit.Problem problem = DisclosureModel.attackProblem(survey, wave, 5, round, messages,
                decision.published(), truth);
        // Two plain text files: one line per figure, then one line per relation.
        StringBuilder figures = new StringBuilder();
        for (int f = 0; f < problem.size(); f++) {
            double[] bounds = problem.bounds.get(f);
            figures.append(bounds[0]).append('\t').append(bounds[1]).append('\t')
                    .append(problem.withheld.get(f) ? 1 : 0).append('\t').append(truth.get(f)).append('\t')
                    .append(problem.labels.get(f).replaceAll("\\s+", " ")).append('\n');
        }
        StringBuilder relations = new StringBuilder();
        for (DisclosureAudit.Constraint c : problem.constraints) {
            relations.append(c.lower()).append('\t').append(c.upper());
            for (int i = 0; i < c.figures().length; i++) {
                relations.append('\t').append(c.figures()[i]).append(':').append(c.coefficients()[i]);
            }
            relations.append('\n');
        }
        decision.audit().faults().stream().limit(Integer.getInteger("bench.faults", 0))
                .forEach(fault -> System.out.printf("  fault: %s (true %d): %d to %d%n", fault.label(),
                        truth.get(fault.figure()), fault.min(), fault.max()));
        String show = System.getProperty("bench.show", "");
        if (!show.isBlank()) {
            DisclosureAudit.Report audit = DisclosureAudit.run(problem, 5);
            for (String figure : show.split(",")) {
                int f = Integer.parseInt(figure.trim());
                long[] range = audit.ranges().get(f);
                System.out.printf("figure %d block %d true %d audit range %s: %s%n", f, problem.blocks.get(f), truth.get(f),
                        range == null ? "none" : range[0] + " to " + range[1], problem.labels.get(f));
            }
        }
        if (Boolean.getBoolean("bench.joint")) {
            // Every figure in one block: the audit's linear programme over all the tables at once.
            DisclosureAudit.Problem joint = new DisclosureAudit.Problem();
            for (int f = 0; f < problem.size(); f++) {
                double[] b = problem.bounds.get(f);
                joint.add(problem.labels.get(f), b[0], b[1], problem.withheld.get(f), 0);
            }
            joint.constraints.addAll(problem.constraints);
            DisclosureAudit.Report report = DisclosureAudit.run(joint, 5);
            System.out.printf("joint audit: %,d ms, %,d solves, %d faults%n", report.millis(), report.solves(),
                    report.faults().size());
            report.faults().stream().limit(40).forEach(fault -> System.out.printf("  %s (true %d): %d to %d%n",
                    fault.label(), truth.get(fault.figure()), fault.min(), fault.max()));
        }
        String out = System.getProperty("bench.out", "target/attack");
        Files.writeString(Path.of(out + ".figures.tsv"), figures);
        Files.writeString(Path.of(out + ".relations.tsv"), relations);
        System.out.printf("%,d figures, %,d withheld, %,d relations, audit faults %d: %s.*.tsv%n", problem.size(),
                problem.withheld.stream().filter(w -> w).count(), problem.constraints.size(),
                decision.audit().faults().size(), out);
    }
}
