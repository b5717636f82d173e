package uk.chorus.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of results charts, worked out here so the SVG templates only place what they are
 * given. Charts are 400 units wide and scale to the page; labels sit above their bars, so a
 * phone's narrow screen never squeezes them, and long labels wrap. Colours come from CSS classes
 * (the Content Security Policy allows no inline styles), and every chart has a title and a
 * description for screen readers and the same figures in a table beside it.
 */
public final class Charts {
    static final int WIDTH = 400;
    private static final int LINE = 19;
    private static final int BAR = 22;
    private static final int VALUE_SPACE = 52;
    private static final int CHARS_PER_LINE = 42;

    private Charts() {
    }

    public record Line(String text, String dy) {
    }

    /** One labelled bar: its share of the longest possible bar (0 to 1) and the figure written beside it. */
    public record BarInput(String label, double share, String value) {
    }

    public record Bar(List<Line> lines, String labelY, String barY, String width, String value, String valueX, String valueY) {
    }

    public record BarChart(String id, String title, String description, int height, List<Bar> bars) {
    }

    public record SegmentInput(double share, String tone, String text) {
    }

    public record RowInput(String label, List<SegmentInput> segments) {
    }

    public record Segment(String x, String width, String tone, String text, String textX, boolean showText) {
    }

    public record StackedRow(List<Line> lines, String labelY, String barY, String textY, List<Segment> segments) {
    }

    public record Legend(String label, String tone) {
    }

    public record StackedChart(String id, String title, String description, int height, List<StackedRow> rows,
                        List<Legend> legend) {
    }

    public record Tick(String y, String label) {
    }

    public record Point(String x, String y, String label, String labelY, String wave) {
    }

    public record TrendChart(String id, String title, String description, List<Tick> ticks, List<Point> points, String path) {
    }

    /** Horizontal bars, one per answer, each labelled above and its figure at its end. */
    public static BarChart bars(String id, String title, String description, List<BarInput> inputs) {
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        double longest = WIDTH - VALUE_SPACE;
        for (BarInput input : inputs) {
            List<Line> lines = lines(input.label());
            int labelY = y + LINE - 4;
            int barY = y + lines.size() * LINE + 2;
            double width = Math.max(input.share() > 0 ? 2 : 0, input.share() * longest);
            bars.add(new Bar(lines, n(labelY), n(barY), n(width), input.value(), n(width + 6), n(barY + BAR - 6)));
            y = barY + BAR + 12;
        }
        return new BarChart(id, title, description, Math.max(y, 1), bars);
    }

    /** One full-width bar per row, divided into segments by share; figures written inside wide segments. */
    public static StackedChart stacked(String id, String title, String description, List<RowInput> inputs, List<Legend> legend) {
        List<StackedRow> rows = new ArrayList<>();
        int y = 0;
        for (RowInput input : inputs) {
            List<Line> lines = lines(input.label());
            int barY = y + lines.size() * LINE + 2;
            List<Segment> segments = new ArrayList<>();
            double x = 0;
            double total = input.segments().stream().mapToDouble(SegmentInput::share).sum();
            for (SegmentInput segment : input.segments()) {
                double width = total == 0 ? 0 : segment.share() / total * WIDTH;
                if (width <= 0) {
                    continue;
                }
                segments.add(new Segment(n(x), n(width), segment.tone(), segment.text(), n(x + width / 2), width >= 34));
                x += width;
            }
            rows.add(new StackedRow(lines, n(y + LINE - 4), n(barY), n(barY + 17), segments));
            y = barY + 26 + 12;
        }
        return new StackedChart(id, title, description, Math.max(y, 1), rows, legend);
    }

    /** A line through each wave's value; shares on a 0 to 100% scale, means from 0 to a little above the largest. */
    public static TrendChart trend(String id, String title, String description, List<String> waves, List<Double> values,
                            List<String> labels, boolean shares) {
        double left = 44;
        double right = WIDTH - 24;
        double top = 24;
        double bottom = 170;
        double max = shares ? 1 : values.stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).max().orElse(1) * 1.2;
        if (max <= 0) {
            max = 1;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 2; i++) {
            double value = max * i / 2;
            ticks.add(new Tick(n(bottom - (bottom - top) * i / 2), shares ? Math.round(value * 100) + "%" : decimal(value)));
        }
        List<Point> points = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        boolean gap = true;
        for (int i = 0; i < waves.size(); i++) {
            double x = waves.size() == 1 ? (left + right) / 2 : left + (right - left) * i / (waves.size() - 1);
            double value = values.get(i);
            if (Double.isNaN(value)) {
                // A withheld or missing value is a gap: the line stops and starts again, never
                // drawn through a point it would imply. Its label ("[c]") is the table's.
                points.add(new Point(n(x), null, labels.get(i), null, waves.get(i)));
                gap = true;
                continue;
            }
            double y = bottom - (bottom - top) * Math.min(1, value / max);
            path.append(path.isEmpty() ? "M" : gap ? " M" : " L").append(n(x)).append(' ').append(n(y));
            gap = false;
            points.add(new Point(n(x), n(y), labels.get(i), n(y - 10), waves.get(i)));
        }
        return new TrendChart(id, title, description, ticks, points, path.toString());
    }

    /** Splits a label into lines of about CHARS_PER_LINE characters at spaces (SVG text does not wrap). */
    static List<Line> lines(String label) {
        List<Line> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > CHARS_PER_LINE) {
                lines.add(new Line(line.toString(), lines.isEmpty() ? "0" : Integer.toString(LINE)));
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(new Line(line.toString(), lines.isEmpty() ? "0" : Integer.toString(LINE)));
        return lines;
    }

    private static String decimal(double value) {
        return new java.text.DecimalFormat("#,##0.0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.UK))
                .format(value);
    }

    /** One line of a chart with several: its name, its colour class and a value per column (NaN for none). */
    public record SeriesInput(String name, String tone, List<Double> values) {
    }

    public record Series(String name, String tone, String path, List<Point> points) {
    }

    public record LinesChart(String id, String title, String description, List<Tick> ticks, List<String> columns,
                             List<String> columnX, List<Series> series) {
    }

    /** Several lines over the same columns (themes over quarters), from 0 to a little above the largest value. */
    public static LinesChart lines(String id, String title, String description, List<String> columns,
                                   List<SeriesInput> inputs) {
        double left = 44;
        double right = WIDTH - 24;
        double top = 24;
        double bottom = 170;
        double largest = inputs.stream().flatMap(i -> i.values().stream()).filter(v -> !Double.isNaN(v))
                .mapToDouble(Double::doubleValue).max().orElse(1);
        // Counts of people: the top of the scale is a whole, even number, so the three ticks are whole numbers.
        double max = Math.max(2, Math.ceil(largest * 1.15));
        if (max % 2 == 1) {
            max++;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 2; i++) {
            double value = max * i / 2;
            ticks.add(new Tick(n(bottom - (bottom - top) * i / 2), Long.toString(Math.round(value))));
        }
        List<String> xs = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            xs.add(n(columns.size() == 1 ? (left + right) / 2 : left + (right - left) * c / (columns.size() - 1)));
        }
        List<Series> series = new ArrayList<>();
        for (SeriesInput input : inputs) {
            StringBuilder path = new StringBuilder();
            List<Point> points = new ArrayList<>();
            boolean gap = true;
            for (int c = 0; c < columns.size() && c < input.values().size(); c++) {
                double value = input.values().get(c);
                if (Double.isNaN(value)) {
                    // A withheld value breaks the line: it is never drawn through.
                    gap = true;
                    continue;
                }
                double y = bottom - (bottom - top) * Math.min(1, value / max);
                path.append(path.isEmpty() ? "M" : gap ? " M" : " L").append(xs.get(c)).append(' ').append(n(y));
                gap = false;
                points.add(new Point(xs.get(c), n(y), Long.toString(Math.round(value)), n(y - 8), columns.get(c)));
            }
            series.add(new Series(input.name(), input.tone(), path.toString(), points));
        }
        return new LinesChart(id, title, description, ticks, columns, xs, series);
    }

    /** Coordinates to one decimal place: enough for a screen, short in the page. */
    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
