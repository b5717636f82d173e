package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.Scales;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one disclosure model of a wave: which of its figures may be shown to anyone but its leads.
 * Every table Chorus can show of a wave (each question overall and by every about-you question,
 * which includes each cross-table of two about-you questions both ways round, the group sizes,
 * the bases, the responses, the quarters and each headline measure per quarter) is one set of
 * figures here, so a figure that appears in two tables is one figure, withheld in both or in
 * neither.
 *
 * <p>The method: primary suppression of every count from 1 to the threshold minus one (and of a
 * whole row when its group is that small), optional rounding of every published count to base 5
 * (totals and bases rounded on their own, as ONS and Ofqual publish), then the built-in attack
 * ({@link DisclosureAudit}) over all the tables together, and secondary suppression of the
 * smallest linked figure for each withheld figure the attack narrows, repeated until the attack
 * finds nothing. A mean or median is shown only for a row with nothing withheld, and is then one
 * of the attack's equations. Percentages are worked out later from the published counts alone.
 */
final class DisclosureModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DisclosureModel.class);
    private static final int MOST_ROUNDS = 40;
    private static final long MOST_SECONDS = 300;
    private static final String ALL = Counting.ALL;

    private final SurveyDefinition definition;
    private final WaveSummary summary;
    private final int threshold;
    private final boolean round;
    private final Messages messages;
    private final Map<String, Integer> figureByKey = new HashMap<>();
    private final List<String> labels = new ArrayList<>();
    private final List<Long> truth = new ArrayList<>();
    private final List<Integer> blocks = new ArrayList<>();
    private final List<Boolean> cellFigure = new ArrayList<>();
    /** Relations that hold whatever is shown: the attacker's equations from the tables' structure. */
    private final List<DisclosureAudit.Constraint> structure = new ArrayList<>();
    /** Rows whose mean and median may be shown, with the figures of their cells and each cell's value. */
    private final List<MeanRow> meanRows = new ArrayList<>();
    /** Each question's tables: about-you key (ALL for everyone) then group code (ALL for everyone's row). */
    private final Map<String, Map<String, Map<String, RowFigures>>> tables = new LinkedHashMap<>();
    /** Each breakdown row's group size figure (its row total counts those of the group asked). */
    private final Map<RowFigures, Integer> groupOfRow = new java.util.IdentityHashMap<>();
    private final Map<String, int[]> quarterFigures = new LinkedHashMap<>();
    private int responses;
    private boolean[] withheld;
    /** Pairs of about-you questions, each given a block (as -1, -2, ... until the questions' blocks are counted). */
    private final Map<String, Integer> pairBlocks = new HashMap<>();
    /** When auditing a stored publication: the means and medians it shows, by row. */
    private Map<RowFigures, double[]> shownNumbers;

    /** A row's figures: its cells, total and base (the same figure when the question has one column). */
    private record RowFigures(int[] cells, int total, int base, @Nullable WaveSummary.Numbers numbers) {
    }

    private record MeanRow(RowFigures row, double[] values, boolean linear) {
    }

    /** What was decided, and the audit of it. */
    record Decision(PublishedWave published, DisclosureAudit.Report audit, int rounds) {
    }

    private DisclosureModel(SurveyDefinition definition, WaveSummary summary, int threshold, boolean round,
                            Messages messages) {
        this.definition = definition;
        this.summary = summary;
        this.threshold = threshold;
        this.round = round;
        this.messages = messages;
    }

    /** Decides a wave's published figures, attacking them until no withheld figure can be narrowed. */
    static Decision decide(SurveyDefinition definition, WaveSummary summary, int threshold, boolean round,
                           Messages messages) {
        return decide(definition, summary, threshold, round, messages, MOST_ROUNDS, Progress.NONE);
    }

    /** How far a decision has gone, told after each round of the attack (for a lead's progress bar). */
    interface Progress {
        Progress NONE = (round, mostRounds, report) -> {
        };

        void roundDone(int round, int mostRounds, DisclosureAudit.Report report);
    }

    /** The most rounds of the attack and secondary suppression a decision may take before it is refused. */
    static int mostRounds() {
        return MOST_ROUNDS;
    }

    /**
     * As above, with at most {@code mostRounds} rounds (an area may lower it to refuse sooner), telling
     * {@code progress} after each.
     */
    static Decision decide(SurveyDefinition definition, WaveSummary summary, int threshold, boolean round,
                           Messages messages, int mostRounds, Progress progress) {
        DisclosureModel model = new DisclosureModel(definition, summary, threshold, round, messages);
        model.figures();
        model.primary();
        DisclosureAudit.Report report = null;
        int rounds = 0;
        long started = System.nanoTime();
        // Bounded, so a publish request always ends: what is still at fault then is refused, and listed.
        while (rounds < mostRounds && (System.nanoTime() - started) / 1_000_000_000L < MOST_SECONDS) {
            rounds++;
            model.emptyGroups();
            if (!round) {
                model.loneUnknowns();
            }
            report = DisclosureAudit.run(model.problem(), threshold);
            LOG.debug("Disclosure round {}: {} withheld, {} at fault, {} solves, {} ms.", rounds, report.withheld(),
                    report.faults().size(), report.solves(), report.millis());
            progress.roundDone(rounds, mostRounds, report);
            if (report.passes() || !model.secondary(report)) {
                break;
            }
        }
        return new Decision(model.published(), report, rounds);
    }

    /** Audits figures exactly as they are published (for a stored publication, or a test). */
    static DisclosureAudit.Report audit(SurveyDefinition definition, WaveSummary summary, int threshold, boolean round,
                                        Messages messages, PublishedWave published) {
        DisclosureModel model = new DisclosureModel(definition, summary, threshold, round, messages);
        model.figures();
        model.withheld = new boolean[model.truth.size()];
        model.shownNumbers = new HashMap<>();
        model.markFrom(published);
        return DisclosureAudit.run(model.problem(), threshold);
    }

    /**
     * The attacker's problem for figures exactly as published, with each figure's true value beside
     * it: for checking this audit against an outside solver (DisclosureAttackExport), never shown.
     */
    static DisclosureAudit.Problem attackProblem(SurveyDefinition definition, WaveSummary summary, int threshold,
                                                 boolean round, Messages messages, PublishedWave published,
                                                 List<Long> truthOut) {
        DisclosureModel model = new DisclosureModel(definition, summary, threshold, round, messages);
        model.figures();
        model.withheld = new boolean[model.truth.size()];
        model.shownNumbers = new HashMap<>();
        model.markFrom(published);
        truthOut.addAll(model.truth);
        return model.problem();
    }

    // ---- The figures and the equations that tie them ----

    private int figure(String key, long value, int block, String label, boolean cell) {
        Integer found = figureByKey.get(key);
        if (found != null) {
            return found;
        }
        figureByKey.put(key, labels.size());
        labels.add(label);
        truth.add(value);
        blocks.add(block);
        cellFigure.add(cell);
        return labels.size() - 1;
    }

    private void figures() {
        responses = figure("R", summary.responses(), 0, messages.get("results.audit.responses"), false);
        List<Question> aboutYou = definition.questionList().stream().filter(q -> q.about() != null).toList();
        // The group sizes first: every breakdown refers to them.
        for (Question by : aboutYou) {
            WaveSummary.QuestionSummary counted = summary.questions().get(by.key());
            if (counted == null) {
                continue;
            }
            for (int c = 0; c < counted.options().size(); c++) {
                figure(by.key() + "|" + counted.options().get(c), counted.counts()[c], 0,
                        by.text() + " — " + messages.get("results.row.all") + " — " + by.labelFor(counted.options().get(c)), true);
            }
            figure(by.key() + "|T", counted.respondents(), 0,
                    by.text() + " — " + messages.get("results.row.all") + " — " + messages.get("results.audit.answered"), false);
        }
        int block = 1;
        for (Question question : definition.questionList()) {
            WaveSummary.QuestionSummary counted = summary.questions().get(question.key());
            if (counted == null) {
                continue;
            }
            int b = question.about() != null ? 0 : block++;
            table(question, counted, b, aboutYou);
        }
        // Each pair of about-you questions (its cross-table, both ways round) is a block of its own.
        int pairs = block;
        for (int f = 0; f < blocks.size(); f++) {
            if (blocks.get(f) < 0) {
                blocks.set(f, pairs - blocks.get(f) - 1);
            }
        }
        // Responses per quarter add up to everyone.
        List<Integer> quarters = new ArrayList<>();
        summary.quarters().forEach((quarter, count) -> quarters.add(
                figure("Q|" + quarter, count, 0, messages.get("results.audit.quarter", quarter), false)));
        if (!quarters.isEmpty()) {
            int[] figures = new int[quarters.size() + 1];
            double[] coefficients = new double[figures.length];
            for (int i = 0; i < quarters.size(); i++) {
                figures[i] = quarters.get(i);
                coefficients[i] = 1;
            }
            figures[quarters.size()] = responses;
            coefficients[quarters.size()] = -1;
            structure.add(DisclosureAudit.Constraint.equal(figures, coefficients, 0));
        }
        for (Question question : definition.questionList()) {
            WaveSummary.QuestionSummary counted = summary.questions().get(question.key());
            if (counted != null && headline(question.type()) && !counted.byQuarter().isEmpty()) {
                quarterMeasures(question, counted);
            }
        }
        routing();
    }

    /**
     * A question shown only after certain answers to an earlier one is asked, in every row, of
     * exactly those who gave them: its total is the sum of those cells of its gate's row (equal when
     * it is required, at most when not). An outside attack read a routed question's "don't know"
     * as the gate's base minus its "no" minus the routed question's base. The gate's block and the
     * routed question's are solved as one, so the relation is inside a block.
     */
    private void routing() {
        Map<Integer, Integer> parent = new HashMap<>();
        for (Question question : definition.questionList()) {
            if (question.showIf() == null || !tables.containsKey(question.key())) {
                continue;
            }
            Question gate = definition.questionList().stream()
                    .filter(q -> q.key().equals(question.showIf().question())).findFirst().orElse(null);
            Map<String, Map<String, RowFigures>> gateTables = gate == null ? null : tables.get(gate.key());
            if (gateTables == null || gate.type() == QuestionType.MULTIPLE_CHOICE) {
                continue;
            }
            List<String> gateOptions = summary.questions().get(gate.key()).options();
            boolean required = question.required();
            for (Map.Entry<String, Map<String, RowFigures>> byAbout : tables.get(question.key()).entrySet()) {
                for (Map.Entry<String, RowFigures> row : byAbout.getValue().entrySet()) {
                    List<Integer> shown = new ArrayList<>();
                    if (byAbout.getKey().equals(gate.key())) {
                        // A row of one of the gate's own groups: everyone in it, or nobody, was shown the question.
                        if (!question.showIf().anyOf().contains(row.getKey())) {
                            continue;
                        }
                        shown.add(groupSize(gate, row.getKey()));
                    } else {
                        RowFigures gateRow = gateTables.getOrDefault(byAbout.getKey(), Map.of()).get(row.getKey());
                        if (gateRow == null) {
                            continue;
                        }
                        for (String option : question.showIf().anyOf()) {
                            int at = gateOptions.indexOf(option);
                            if (at >= 0 && at < gateRow.cells().length) {
                                shown.add(gateRow.cells()[at]);
                            }
                        }
                    }
                    if (shown.isEmpty()) {
                        continue;
                    }
                    int[] figures = append(shown.stream().mapToInt(Integer::intValue).toArray(), row.getValue().total());
                    double[] coefficients = ones(figures.length);
                    coefficients[figures.length - 1] = -1;
                    // sum(shown) - total: 0 when required, at least 0 when not.
                    structure.add(new DisclosureAudit.Constraint(figures, coefficients, 0,
                            required ? 0 : DisclosureAudit.NO_LIMIT));
                    int first = -1;
                    for (int f : figures) {
                        int block = blocks.get(f);
                        if (block == 0) {
                            continue;
                        }
                        if (first < 0) {
                            first = block;
                        } else {
                            union(parent, first, block);
                        }
                    }
                }
            }
        }
        for (int f = 0; f < blocks.size(); f++) {
            if (blocks.get(f) != 0) {
                blocks.set(f, find(parent, blocks.get(f)));
            }
        }
    }

    private static int find(Map<Integer, Integer> parent, int block) {
        int root = block;
        while (parent.containsKey(root) && parent.get(root) != root) {
            root = parent.get(root);
        }
        return root;
    }

    private static void union(Map<Integer, Integer> parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    private static boolean headline(QuestionType type) {
        return type.isScale() || type == QuestionType.YES_NO || type == QuestionType.RATING;
    }

    private void table(Question question, WaveSummary.QuestionSummary counted, int block, List<Question> aboutYou) {
        String q = question.key();
        List<String> options = counted.options();
        boolean single = question.type().isText() || question.type() == QuestionType.NUMBER
                || question.type() == QuestionType.MONTH_YEAR;
        boolean multiple = question.type() == QuestionType.MULTIPLE_CHOICE;
        int columns = single ? 1 : options.size();
        boolean[] inBase = new boolean[columns];
        boolean allInBase = true;
        for (int c = 0; c < columns; c++) {
            inBase[c] = single || multiple || !Scales.isNoView(question.type(), options.get(c));
            allInBase &= inBase[c];
        }
        Map<String, Map<String, RowFigures>> byAbout = new LinkedHashMap<>();
        tables.put(q, byAbout);
        String everyone = messages.get("results.row.all");
        // Everyone's row of an about-you question is its group sizes: shared by every block (block 0).
        RowFigures all = row(question, q + "|", counted.counts(), counted.respondents(), block, everyone,
                question.about() != null, options, columns, single, multiple, inBase, allInBase, counted.numbers());
        byAbout.put(ALL, Map.of(ALL, all));
        boolean requiredOfAll = question.required() && question.showIf() == null;
        relate(all.total(), responses, requiredOfAll);
        for (Question by : aboutYou) {
            if (by.key().equals(q)) {
                continue;
            }
            Map<String, long[]> groups = counted.byGroup().get(by.key());
            if (groups == null) {
                continue;
            }
            Map<String, RowFigures> rows = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> group : groups.entrySet()) {
                String g = group.getKey();
                String groupLabel = g.equals(Counting.NO_ANSWER) ? messages.get("results.row.no.answer")
                        : by.labelFor(g);
                long total = counted.respondentsByGroup().getOrDefault(by.key(), Map.of()).getOrDefault(g, 0L);
                // A cell of two about-you questions is one figure, whichever way round the table is.
                boolean crossed = question.about() != null && !g.equals(Counting.NO_ANSWER);
                String prefix = crossed && q.compareTo(by.key()) > 0 ? null : q + "|" + by.key() + "=" + g + "|";
                RowFigures row = crossed && prefix == null
                        ? transposedRow(question, by, g, group.getValue(), total, pairBlock(question, by), groupLabel, options, columns,
                        inBase, allInBase)
                        : row(question, prefix, group.getValue(), total, question.about() != null ? pairBlock(question, by) : block,
                        ResultsQuery.topic(by, messages) + ": " + groupLabel, false, options, columns, single, multiple,
                        inBase, allInBase, counted.numbersByGroup().getOrDefault(by.key(), Map.of()).get(g));
                rows.put(g, row);
                groupOfRow.put(row, groupSize(by, g));
                relate(row.total(), groupSize(by, g), requiredOfAll);
            }
            byAbout.put(by.key(), rows);
            // Each column of the groups adds up to everyone's.
            for (int c = 0; c < columns; c++) {
                int column = c;
                sum(rows.values().stream().mapToInt(r -> r.cells()[column]).toArray(), all.cells()[column]);
            }
            sum(rows.values().stream().mapToInt(RowFigures::total).toArray(), all.total());
            if (all.base() != all.total()) {
                sum(rows.values().stream().mapToInt(RowFigures::base).toArray(), all.base());
            }
        }
    }

    private int pairBlock(Question a, Question b) {
        String key = a.key().compareTo(b.key()) < 0 ? a.key() + "|" + b.key() : b.key() + "|" + a.key();
        return pairBlocks.computeIfAbsent(key, k -> -(pairBlocks.size() + 1));
    }

    /** A row of a table of two about-you questions whose cells were already made the other way round. */
    private RowFigures transposedRow(Question question, Question by, String g, long[] counts, long total, int block,
                                     String groupLabel, List<String> options, int columns, boolean[] inBase,
                                     boolean allInBase) {
        int[] cells = new int[columns];
        for (int c = 0; c < columns; c++) {
            String key = by.key() + "|" + question.key() + "=" + options.get(c) + "|" + g;
            cells[c] = figure(key, counts[c], block, cellLabel(by, g, question, options.get(c)), true);
        }
        String prefix = question.key() + "|" + by.key() + "=" + g + "|";
        String rowLabel = question.text() + " — " + ResultsQuery.topic(by, messages) + ": " + groupLabel;
        int totalFigure = figure(prefix + "T", total, block, rowLabel + " — " + messages.get("results.audit.answered"), false);
        rowSums(cells, totalFigure, null, false);
        int base = totalFigure;
        if (!allInBase) {
            long baseValue = 0;
            for (int c = 0; c < columns; c++) {
                baseValue += inBase[c] ? counts[c] : 0;
            }
            base = figure(prefix + "B", baseValue, block, rowLabel + " — " + messages.get("results.audit.base"), false);
            rowSums(cells, base, inBase, false);
        }
        return new RowFigures(cells, totalFigure, base, null);
    }

    private String cellLabel(Question by, String g, Question question, String option) {
        return question.text() + " — " + ResultsQuery.topic(by, messages) + ": " + by.labelFor(g) + " — "
                + question.labelFor(option);
    }

    private RowFigures row(Question question, String prefix, long[] counts, long total, int block, String rowName,
                           boolean groupSizes, List<String> options, int columns, boolean single, boolean multiple,
                           boolean[] inBase, boolean allInBase, @Nullable WaveSummary.Numbers numbers) {
        String rowLabel = question.text() + " — " + rowName;
        int[] cells = new int[columns];
        for (int c = 0; c < columns; c++) {
            String label = rowLabel + " — " + (single ? messages.get("results.audit.answered")
                    : question.labelFor(options.get(c)));
            long value = c < counts.length ? counts[c] : 0;
            // Everyone's answers to an about-you question are its group sizes.
            cells[c] = figure(groupSizes ? question.key() + "|" + options.get(c) : prefix + (single ? "answered" : options.get(c)), value,
                    groupSizes ? 0 : block, label, true);
        }
        if (single) {
            RowFigures row = new RowFigures(cells, cells[0], cells[0], numbers);
            meanRows.add(new MeanRow(row, null, false));
            return row;
        }
        int totalFigure = figure(prefix + "T", total, block, rowLabel + " — " + messages.get("results.audit.answered"),
                false);
        rowSums(cells, totalFigure, null, multiple);
        int base = totalFigure;
        if (!multiple && !allInBase) {
            long baseValue = 0;
            for (int c = 0; c < columns; c++) {
                baseValue += inBase[c] ? counts[c] : 0;
            }
            base = figure(prefix + "B", baseValue, block, rowLabel + " — " + messages.get("results.audit.base"), false);
            rowSums(cells, base, inBase, false);
        }
        RowFigures row = new RowFigures(cells, totalFigure, base, numbers);
        if (question.type() == QuestionType.RATING) {
            double[] values = new double[columns];
            for (int c = 0; c < columns; c++) {
                values[c] = ratingValue(options.get(c));
            }
            meanRows.add(new MeanRow(row, values, true));
        }
        return row;
    }

    private static double ratingValue(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Cells add up to a row's total (or base); multiple choice: each at most the total, together at least it. */
    private void rowSums(int[] cells, int total, @Nullable boolean[] only, boolean multiple) {
        if (multiple) {
            for (int cell : cells) {
                structure.add(new DisclosureAudit.Constraint(new int[]{cell, total}, new double[]{1, -1},
                        -DisclosureAudit.NO_LIMIT, 0));
            }
            int[] figures = append(cells, total);
            double[] coefficients = ones(figures.length);
            coefficients[cells.length] = -1;
            structure.add(new DisclosureAudit.Constraint(figures, coefficients, 0, DisclosureAudit.NO_LIMIT));
            return;
        }
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            if (only == null || only[c]) {
                used.add(cells[c]);
            }
        }
        int[] figures = append(used.stream().mapToInt(Integer::intValue).toArray(), total);
        double[] coefficients = ones(figures.length);
        coefficients[figures.length - 1] = -1;
        structure.add(DisclosureAudit.Constraint.equal(figures, coefficients, 0));
    }

    private void sum(int[] parts, int whole) {
        int[] figures = append(parts, whole);
        double[] coefficients = ones(figures.length);
        coefficients[parts.length] = -1;
        structure.add(DisclosureAudit.Constraint.equal(figures, coefficients, 0));
    }

    /** A row's total is at most its group's size; exactly it when the question is asked of everyone and required. */
    private void relate(int part, int group, boolean equal) {
        if (part == group) {
            return;
        }
        structure.add(new DisclosureAudit.Constraint(new int[]{part, group}, new double[]{1, -1},
                equal ? 0 : -DisclosureAudit.NO_LIMIT, 0));
    }

    /** The size of a group of an about-you question: its count, or, for those who did not say, everyone else. */
    private int groupSize(Question by, String g) {
        if (!g.equals(Counting.NO_ANSWER)) {
            Integer found = figureByKey.get(by.key() + "|" + g);
            if (found != null) {
                return found;
            }
            return figure(by.key() + "|" + g, 0, 0, by.text() + " — " + by.labelFor(g), true);
        }
        String key = by.key() + "|~";
        Integer found = figureByKey.get(key);
        if (found != null) {
            return found;
        }
        WaveSummary.QuestionSummary counted = summary.questions().get(by.key());
        long said = counted == null ? 0 : counted.respondents();
        int figure = figure(key, summary.responses() - said, 0,
                by.text() + " — " + messages.get("results.row.no.answer"), false);
        Integer total = figureByKey.get(by.key() + "|T");
        if (total != null) {
            structure.add(DisclosureAudit.Constraint.equal(new int[]{figure, total, responses}, new double[]{1, 1, -1}, 0));
        }
        return figure;
    }

    /** Each quarter's successes and base of a headline measure, adding up to everyone's. */
    private void quarterMeasures(Question question, WaveSummary.QuestionSummary counted) {
        List<String> options = counted.options();
        List<String> labelsOfOptions = options.stream().map(question::labelFor).toList();
        double[] success = new double[options.size()];
        double[] inBase = new double[options.size()];
        for (int c = 0; c < options.size(); c++) {
            long[] unit = new long[options.size()];
            unit[c] = 1;
            Measures.Measure m = Measures.of(question.type(), options, labelsOfOptions, unit, 0, null).get(0);
            success[c] = m.successes();
            inBase[c] = m.base();
        }
        int[] allCells = tables.get(question.key()).get(ALL).get(ALL).cells();
        int block = blocks.get(allCells[0]);
        List<Integer> successes = new ArrayList<>();
        List<Integer> bases = new ArrayList<>();
        for (Map.Entry<String, long[]> quarter : counted.byQuarter().entrySet()) {
            long s = 0;
            long b = 0;
            for (int c = 0; c < options.size() && c < quarter.getValue().length; c++) {
                s += Math.round(success[c] * quarter.getValue()[c]);
                b += Math.round(inBase[c] * quarter.getValue()[c]);
            }
            String label = question.text() + " — " + messages.get("results.audit.quarter", quarter.getKey());
            int sf = figure(question.key() + "|Q|" + quarter.getKey() + "|s", s, block,
                    label + " — " + messages.get("results.audit.successes"), false);
            int bf = figure(question.key() + "|Q|" + quarter.getKey() + "|b", b, block,
                    label + " — " + messages.get("results.audit.base"), false);
            quarterFigures.put(question.key() + "|" + quarter.getKey(), new int[]{sf, bf});
            structure.add(new DisclosureAudit.Constraint(new int[]{sf, bf}, new double[]{1, -1}, -DisclosureAudit.NO_LIMIT, 0));
            Integer q = figureByKey.get("Q|" + quarter.getKey());
            if (q != null) {
                structure.add(new DisclosureAudit.Constraint(new int[]{bf, q}, new double[]{1, -1}, -DisclosureAudit.NO_LIMIT, 0));
            }
            successes.add(sf);
            bases.add(bf);
        }
        for (double[] weights : new double[][]{success, inBase}) {
            List<Integer> figures = new ArrayList<>(weights == success ? successes : bases);
            List<Double> coefficients = new ArrayList<>();
            figures.forEach(f -> coefficients.add(1.0));
            for (int c = 0; c < allCells.length; c++) {
                if (weights[c] != 0) {
                    figures.add(allCells[c]);
                    coefficients.add(-weights[c]);
                }
            }
            structure.add(DisclosureAudit.Constraint.equal(figures.stream().mapToInt(Integer::intValue).toArray(),
                    coefficients.stream().mapToDouble(Double::doubleValue).toArray(), 0));
        }
    }

    // ---- Decisions ----

    private boolean small(long value) {
        return value > 0 && value < threshold;
    }

    /** Primary suppression: every small figure, a whole row whose group is small, a quarter measure that is. */
    private void primary() {
        withheld = new boolean[truth.size()];
        for (int f = 0; f < withheld.length; f++) {
            withheld[f] = small(truth.get(f));
        }
        for (Map<String, Map<String, RowFigures>> byAbout : tables.values()) {
            for (Map<String, RowFigures> rows : byAbout.values()) {
                for (RowFigures row : rows.values()) {
                    // A row of a small group is withheld whole, zeros too: that none of a group of
                    // one was asked a routed question tells how they answered the question before it.
                    Integer group = groupOfRow.get(row);
                    if (withheld[row.total()] || withheld[row.base()] || group != null && small(truth.get(group))) {
                        withheld[row.total()] = true;
                        withheld[row.base()] = true;
                        for (int cell : row.cells()) {
                            withheld[cell] = true;
                        }
                    }
                }
            }
        }
        for (int[] measure : quarterFigures.values()) {
            long s = truth.get(measure[0]);
            long b = truth.get(measure[1]);
            if (small(s) || small(b - s) || small(b)) {
                withheld[measure[0]] = true;
                withheld[measure[1]] = true;
            }
        }
    }

    /**
     * A part of a published zero is zero for everyone to see (nobody in an empty group chose
     * anything): it is shown as 0 rather than withheld, which would protect nothing and could not
     * pass the audit.
     */
    private void emptyGroups() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (DisclosureAudit.Constraint c : structure) {
                if (c.lower() != 0 || c.upper() != 0) {
                    continue;
                }
                int whole = -1;
                for (int i = 0; i < c.figures().length; i++) {
                    if (c.coefficients()[i] < 0) {
                        whole = whole == -1 ? c.figures()[i] : -2;
                    } else if (c.coefficients()[i] != 1) {
                        whole = -2;
                    }
                }
                if (whole < 0 || withheld[whole] || truth.get(whole) != 0) {
                    continue;
                }
                for (int f : c.figures()) {
                    if (withheld[f] && truth.get(f) == 0) {
                        withheld[f] = false;
                        changed = true;
                    }
                }
            }
        }
    }

    /**
     * With exact counts: wherever a relation has one withheld figure and every other figure exact,
     * that figure follows; withhold the smallest other, until none is alone. (Cheap; the audit
     * then finds what this misses.)
     */
    private void loneUnknowns() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (DisclosureAudit.Constraint c : structure) {
                if (c.lower() != c.upper()) {
                    continue;
                }
                int hidden = 0;
                for (int f : c.figures()) {
                    hidden += withheld[f] ? 1 : 0;
                }
                if (hidden == 1) {
                    int pick = smallestShown(c.figures());
                    if (pick >= 0) {
                        withheld[pick] = true;
                        changed = true;
                    }
                }
            }
        }
    }

    /** The shown figure to withhold next in a relation: a non-zero cell before a total, the smallest. */
    private int smallestShown(int[] figures) {
        int best = -1;
        for (int f : figures) {
            if (withheld[f] || truth.get(f) == 0) {
                continue;
            }
            if (best < 0 || (cellFigure.get(f) && !cellFigure.get(best))
                    || (cellFigure.get(f) == cellFigure.get(best) && truth.get(f) < truth.get(best))) {
                best = f;
            }
        }
        return best;
    }

    /** For each fault, withholds the smallest shown figure of the relation that pins it; false when none is left. */
    private boolean secondary(DisclosureAudit.Report report) {
        boolean changed = false;
        for (DisclosureAudit.Fault fault : report.faults()) {
            // The relation to open up: one with a shown cell to withhold if there is one, then the
            // fewest figures withheld already, then the smallest figure to withhold. When every
            // relation of the figure is withheld already, it is pinned through its neighbours: open
            // a relation of a withheld figure it shares a relation with.
            java.util.Set<Integer> near = java.util.Set.of(fault.figure());
            DisclosureAudit.Constraint best = null;
            for (int depth = 0; depth < 2 && best == null; depth++) {
                long bestScore = Long.MAX_VALUE;
                for (DisclosureAudit.Constraint c : structure) {
                    boolean contains = false;
                    int hidden = 0;
                    for (int f : c.figures()) {
                        contains |= near.contains(f);
                        hidden += withheld[f] ? 1 : 0;
                    }
                    int pick = contains ? smallestShown(c.figures()) : -1;
                    if (pick < 0) {
                        continue;
                    }
                    long score = (cellFigure.get(pick) ? 0 : 1_000_000_000L) + hidden * 1_000_000L + Math.min(999_999, truth.get(pick));
                    if (score < bestScore) {
                        best = c;
                        bestScore = score;
                    }
                }
                if (best == null) {
                    near = neighbours(fault.figure());
                }
            }
            if (best != null) {
                // Two at a time: one more unknown in a relation is often not enough, and each
                // round of the attack costs seconds.
                withheld[smallestShown(best.figures())] = true;
                int second = smallestShown(best.figures());
                if (second >= 0 && cellFigure.get(second)) {
                    withheld[second] = true;
                }
                changed = true;
            }
        }
        return changed;
    }

    /** The withheld figures that share a relation with this one. */
    private java.util.Set<Integer> neighbours(int figure) {
        java.util.Set<Integer> found = new java.util.HashSet<>();
        for (DisclosureAudit.Constraint c : structure) {
            boolean contains = false;
            for (int f : c.figures()) {
                contains |= f == figure;
            }
            if (contains) {
                for (int f : c.figures()) {
                    if (f != figure && withheld[f]) {
                        found.add(f);
                    }
                }
            }
        }
        return found;
    }

    private void markFrom(PublishedWave published) {
        withheld[responses] = published.responses() == PublishedWave.WITHHELD;
        tables.forEach((q, byAbout) -> {
            PublishedWave.Question shown = published.questions().get(q);
            if (shown == null) {
                return;
            }
            byAbout.forEach((about, rows) -> rows.forEach((g, row) -> {
                PublishedWave.Row p = about.equals(ALL) ? shown.all()
                        : shown.byGroup().getOrDefault(about, Map.of()).get(g);
                if (p == null) {
                    return;
                }
                for (int c = 0; c < row.cells().length && c < p.cells().length; c++) {
                    withheld[row.cells()[c]] |= p.cells()[c] == PublishedWave.WITHHELD;
                }
                withheld[row.total()] |= p.total() == PublishedWave.WITHHELD;
                withheld[row.base()] |= p.base() == PublishedWave.WITHHELD;
                if (p.mean() != null && p.median() != null) {
                    shownNumbers.put(row, new double[]{p.mean(), p.median()});
                }
            }));
        });
        published.quarters().forEach((quarter, value) -> {
            Integer f = figureByKey.get("Q|" + quarter);
            if (f != null) {
                withheld[f] = value == PublishedWave.WITHHELD;
            }
        });
        quarterFigures.forEach((key, figures) -> {
            int bar = key.lastIndexOf('|');
            PublishedWave.Question shown = published.questions().get(key.substring(0, bar));
            long[] values = shown == null ? null : shown.quarters().get(key.substring(bar + 1));
            if (values != null) {
                withheld[figures[0]] = values[0] == PublishedWave.WITHHELD;
                withheld[figures[1]] = values[1] == PublishedWave.WITHHELD;
            }
        });
    }

    // ---- What the attacker sees ----

    private long shown(int figure) {
        if (withheld[figure]) {
            return PublishedWave.WITHHELD;
        }
        return DisclosureControl.rounded(truth.get(figure), round);
    }

    /** A mean or median is shown only for a row with nothing withheld. */
    private boolean numbersShown(RowFigures row) {
        if (withheld[row.total()] || withheld[row.base()]) {
            return false;
        }
        for (int cell : row.cells()) {
            if (withheld[cell]) {
                return false;
            }
        }
        return row.numbers() != null && row.numbers().n() > 0;
    }

    private DisclosureAudit.Problem problem() {
        DisclosureAudit.Problem problem = new DisclosureAudit.Problem();
        double ceiling = 100.0 * truth.get(responses) + 100;
        for (int f = 0; f < truth.size(); f++) {
            double lower;
            double upper;
            long value = truth.get(f);
            if (withheld[f]) {
                lower = 0;
                // No count can exceed this (every figure counts people, or ticks of at most a hundred
                // options each); a tight ceiling keeps the solver's arithmetic well conditioned, where
                // a bound of ten million made it return wrong optima.
                upper = ceiling;
            } else if (!round || value == 0) {
                lower = value;
                upper = value;
            } else {
                long r = DisclosureControl.rounded(value, true);
                // The attacker knows the rule: a shown count is at least the threshold, within 2 of r.
                lower = Math.max(threshold, r - 2);
                upper = r + 2;
            }
            // As tau-Argus sets protection levels: an interval is required for each withheld count
            // below the threshold (the unsafe counts and the zeros beside them), not for a larger
            // figure withheld only to protect them; their exact values are what must stay unknown.
            problem.add(labels.get(f), lower, upper, withheld[f], blocks.get(f), withheld[f] && value < threshold);
        }
        problem.constraints.addAll(structure);
        for (MeanRow meanRow : meanRows) {
            double[] shown = shownNumbers != null ? shownNumbers.get(meanRow.row())
                    : numbersShown(meanRow.row()) ? new double[]{Math.round(meanRow.row().numbers().mean() * 10) / 10.0,
                    meanRow.row().numbers().median()} : null;
            if (!meanRow.linear() || shown == null) {
                continue;
            }
            double mean = shown[0];
            double median = shown[1];
            int[] cells = meanRow.row().cells();
            List<Integer> used = new ArrayList<>();
            for (int c = 0; c < cells.length; c++) {
                if (!Double.isNaN(meanRow.values()[c])) {
                    used.add(c);
                }
            }
            int[] figures = used.stream().mapToInt(c -> cells[c]).toArray();
            double[] low = new double[figures.length];
            double[] high = new double[figures.length];
            double[] below = new double[figures.length];
            double[] above = new double[figures.length];
            for (int i = 0; i < figures.length; i++) {
                double v = meanRow.values()[used.get(i)];
                // The mean shown to one decimal place: the sum lies within 0.05 of it times the count.
                low[i] = v - (mean - 0.05);
                high[i] = v - (mean + 0.05);
                // At most half are below the median, at most half above.
                below[i] = v < median ? 1 : -1;
                above[i] = v > median ? 1 : -1;
            }
            problem.constraints.add(new DisclosureAudit.Constraint(figures, low, 0, DisclosureAudit.NO_LIMIT));
            problem.constraints.add(new DisclosureAudit.Constraint(figures, high, -DisclosureAudit.NO_LIMIT, 0));
            problem.constraints.add(new DisclosureAudit.Constraint(figures, below, -DisclosureAudit.NO_LIMIT, 0));
            problem.constraints.add(new DisclosureAudit.Constraint(figures, above, -DisclosureAudit.NO_LIMIT, 0));
        }
        return problem;
    }

    private PublishedWave published() {
        Map<String, PublishedWave.Question> questions = new LinkedHashMap<>();
        int count = 0;
        for (boolean w : withheld) {
            count += w ? 1 : 0;
        }
        tables.forEach((q, byAbout) -> {
            WaveSummary.QuestionSummary counted = summary.questions().get(q);
            PublishedWave.Row all = publishedRow(byAbout.get(ALL).get(ALL));
            Map<String, Map<String, PublishedWave.Row>> byGroup = new LinkedHashMap<>();
            byAbout.forEach((about, rows) -> {
                if (!about.equals(ALL)) {
                    Map<String, PublishedWave.Row> shownRows = new LinkedHashMap<>();
                    rows.forEach((g, row) -> shownRows.put(g, publishedRow(row)));
                    byGroup.put(about, shownRows);
                }
            });
            Map<String, long[]> quarters = new LinkedHashMap<>();
            quarterFigures.forEach((key, figures) -> {
                if (key.startsWith(q + "|")) {
                    quarters.put(key.substring(q.length() + 1), new long[]{shown(figures[0]), shown(figures[1])});
                }
            });
            questions.put(q, new PublishedWave.Question(counted.type(), counted.options(), all, byGroup, quarters));
        });
        Map<String, Long> quarters = new LinkedHashMap<>();
        summary.quarters().keySet().forEach(quarter -> quarters.put(quarter, shown(figureByKey.get("Q|" + quarter))));
        return new PublishedWave(summary.surveyId(), summary.wave(), threshold, round, shown(responses), quarters,
                questions, count);
    }

    private PublishedWave.Row publishedRow(RowFigures row) {
        long[] cells = new long[row.cells().length];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = shown(row.cells()[c]);
        }
        boolean numbers = numbersShown(row);
        return new PublishedWave.Row(shown(row.total()), shown(row.base()), cells,
                numbers ? Math.round(row.numbers().mean() * 10) / 10.0 : null,
                numbers ? row.numbers().median() : null);
    }

    private static int[] append(int[] figures, int last) {
        int[] all = java.util.Arrays.copyOf(figures, figures.length + 1);
        all[figures.length] = last;
        return all;
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    /** The figures' labels, for a test or the publish page. */
    String label(int figure) {
        return labels.get(figure);
    }
}
