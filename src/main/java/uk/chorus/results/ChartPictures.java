package uk.chorus.results;

import org.jfree.svg.SVGGraphics2D;
import uk.chorus.web.Charts;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A results chart as a file to put in a board paper: the same geometry as the page's chart
 * (Charts), drawn once with Java2D and written as SVG by JFreeSVG or as PNG by the JDK's ImageIO,
 * with its title above and its base, the meaning of [c] and its source below, so the picture
 * never travels without them. Withheld figures stay gaps labelled [c], as on the page.
 */
final class ChartPictures {
    /** What goes round a chart: {@code note} says what [c] means (empty when nothing is withheld). */
    record Caption(String title, String base, String note, String source) {
    }

    private static final int PAD = 20;
    private static final int WIDTH = 400;
    private static final int PNG_SCALE = 2;
    private static final String FONT = Font.SANS_SERIF;
    private static final Color INK = new Color(0x0b0c0c);
    private static final Color BLUE = new Color(0x1d70b8);
    private static final Color GRID = new Color(0xb1b4b6);
    private static final Color WITHHELD_EDGE = new Color(0x505a5f);
    /**
     * The fills of chorus.css's chorus-tone-* classes (a picture cannot read the page's style
     * sheet): a red-to-green scale, Paul Tol's colour-blind-safe series and the grey of withheld
     * answers. Keep the two in step.
     */
    private static final Map<String, Integer> TONES = Map.ofEntries(Map.entry("neg2", 0x942514),
            Map.entry("neg1", 0xf0a597), Map.entry("neutral", 0xd8d9da), Map.entry("pos1", 0x9fd3b4),
            Map.entry("pos2", 0x005a30), Map.entry("c1", 0x332288), Map.entry("c2", 0x88ccee),
            Map.entry("c3", 0x44aa99), Map.entry("c4", 0x117733), Map.entry("c5", 0x999933),
            Map.entry("c6", 0xddcc77), Map.entry("c7", 0xcc6677), Map.entry("c8", 0x882255),
            Map.entry("c9", 0xaa4499), Map.entry("c10", 0xee8866), Map.entry("c11", 0x004488),
            Map.entry("c12", 0x997700), Map.entry("withheld", 0xf3f2f1));
    /** Fills dark enough that a figure written on them is white (chorus.css's chorus-on-* rules). */
    private static final java.util.Set<String> DARK = java.util.Set.of("neg2", "pos2", "c1", "c4", "c8", "c9", "c11");

    private ChartPictures() {
    }

    static String svg(Object chart, Caption caption) {
        Layout layout = layout(chart, caption);
        SVGGraphics2D g = new SVGGraphics2D(layout.width(), layout.height());
        paint(g, chart, caption, layout);
        return g.getSVGDocument();
    }

    static byte[] png(Object chart, Caption caption) {
        Layout layout = layout(chart, caption);
        BufferedImage image = new BufferedImage(layout.width() * PNG_SCALE, layout.height() * PNG_SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(PNG_SCALE, PNG_SCALE);
            paint(g, chart, caption, layout);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Layout(int width, int height, List<String> title, int chartTop, int chartHeight,
                          List<List<Charts.Legend>> legendRows, int legendTop, List<String> footer, int footerTop) {
    }

    private static Layout layout(Object chart, Caption caption) {
        FontMetrics measure = metrics();
        List<String> title = wrap(caption.title(), font(Font.BOLD, 17), WIDTH);
        int chartTop = PAD + title.size() * 22 + 10;
        int chartHeight = switch (chart) {
            case Charts.BarChart bars -> bars.height();
            case Charts.StackedChart stacked -> stacked.height();
            case Charts.TrendChart trend -> 200;
            default -> throw new IllegalArgumentException("Not a chart: " + chart);
        };
        List<List<Charts.Legend>> legendRows = new ArrayList<>();
        if (chart instanceof Charts.StackedChart stacked) {
            List<Charts.Legend> row = new ArrayList<>();
            int x = 0;
            measure = metrics(font(Font.PLAIN, 13));
            for (Charts.Legend item : stacked.legend()) {
                int width = 18 + measure.stringWidth(item.label()) + 16;
                if (!row.isEmpty() && x + width > WIDTH) {
                    legendRows.add(row);
                    row = new ArrayList<>();
                    x = 0;
                }
                row.add(item);
                x += width;
            }
            if (!row.isEmpty()) {
                legendRows.add(row);
            }
        }
        int legendTop = chartTop + chartHeight + 6;
        List<String> footer = new ArrayList<>();
        for (String line : new String[]{caption.base(), caption.note(), caption.source()}) {
            if (line != null && !line.isBlank()) {
                footer.addAll(wrap(line, font(Font.PLAIN, 13), WIDTH));
            }
        }
        int footerTop = legendTop + legendRows.size() * 20 + 12;
        int height = footerTop + footer.size() * 17 + PAD;
        return new Layout(WIDTH + 2 * PAD, height, title, chartTop, chartHeight, legendRows, legendTop, footer, footerTop);
    }

    private static void paint(Graphics2D g, Object chart, Caption caption, Layout layout) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, layout.width(), layout.height()));
        g.setColor(INK);
        g.setFont(font(Font.BOLD, 17));
        for (int i = 0; i < layout.title().size(); i++) {
            g.drawString(layout.title().get(i), PAD, PAD + 16 + i * 22);
        }
        var saved = g.getTransform();
        g.translate(PAD, layout.chartTop());
        switch (chart) {
            case Charts.BarChart bars -> bars(g, bars);
            case Charts.StackedChart stacked -> stacked(g, stacked);
            case Charts.TrendChart trend -> trend(g, trend);
            default -> throw new IllegalArgumentException("Not a chart: " + chart);
        }
        g.setTransform(saved);
        g.setFont(font(Font.PLAIN, 13));
        FontMetrics metrics = g.getFontMetrics();
        for (int r = 0; r < layout.legendRows().size(); r++) {
            int x = PAD;
            int y = layout.legendTop() + r * 20;
            for (Charts.Legend item : layout.legendRows().get(r)) {
                swatch(g, item.tone(), x, y + 2, 12, 12);
                g.setColor(INK);
                g.drawString(item.label(), x + 18, y + 13);
                x += 18 + metrics.stringWidth(item.label()) + 16;
            }
        }
        g.setColor(INK);
        for (int i = 0; i < layout.footer().size(); i++) {
            g.drawString(layout.footer().get(i), PAD, layout.footerTop() + 13 + i * 17);
        }
    }

    private static void bars(Graphics2D g, Charts.BarChart chart) {
        for (Charts.Bar bar : chart.bars()) {
            label(g, bar.lines(), d(bar.labelY()));
            g.setColor(BLUE);
            g.fill(new Rectangle2D.Double(0, d(bar.barY()), d(bar.width()), 22));
            // A withheld answer has no bar, only its "[c]": a gap, never a guess.
            g.setColor(INK);
            g.setFont(font(Font.BOLD, 15));
            g.drawString(bar.value(), (float) d(bar.valueX()), (float) d(bar.valueY()));
        }
    }

    private static void stacked(Graphics2D g, Charts.StackedChart chart) {
        for (Charts.StackedRow row : chart.rows()) {
            label(g, row.lines(), d(row.labelY()));
            for (Charts.Segment segment : row.segments()) {
                Rectangle2D box = new Rectangle2D.Double(d(segment.x()), d(row.barY()), d(segment.width()), 26);
                swatch(g, segment.tone(), box);
                if (segment.showText()) {
                    g.setFont(font(Font.BOLD, 14));
                    g.setColor(DARK.contains(segment.tone()) ? Color.WHITE : INK);
                    centred(g, segment.text(), d(segment.textX()), d(row.textY()));
                }
            }
        }
    }

    private static void trend(Graphics2D g, Charts.TrendChart chart) {
        double left = 44;
        double right = WIDTH - 24;
        double bottom = 170;
        g.setFont(font(Font.PLAIN, 13));
        for (Charts.Tick tick : chart.ticks()) {
            g.setColor(GRID);
            g.setStroke(new BasicStroke(1));
            g.draw(new Line2D.Double(left, d(tick.y()), right, d(tick.y())));
            g.setColor(INK);
            String label = tick.label();
            g.drawString(label, (float) (38 - g.getFontMetrics().stringWidth(label)), (float) d(tick.y()) + 4);
        }
        Path2D.Double line = new Path2D.Double();
        boolean gap = true;
        for (Charts.Point point : chart.points()) {
            if (point.y() == null) {
                gap = true;
                continue;
            }
            if (gap) {
                line.moveTo(d(point.x()), d(point.y()));
            } else {
                line.lineTo(d(point.x()), d(point.y()));
            }
            gap = false;
        }
        g.setColor(BLUE);
        g.setStroke(new BasicStroke(3));
        g.draw(line);
        for (Charts.Point point : chart.points()) {
            g.setFont(font(Font.PLAIN, 13));
            g.setColor(INK);
            centred(g, point.wave(), d(point.x()), 192);
            if (point.y() == null) {
                // A withheld wave: the line breaks and the gap says why.
                if (!point.label().isEmpty()) {
                    g.setFont(font(Font.BOLD, 15));
                    centred(g, point.label(), d(point.x()), bottom - 8);
                }
                continue;
            }
            g.setColor(BLUE);
            g.fill(new Ellipse2D.Double(d(point.x()) - 5, d(point.y()) - 5, 10, 10));
            g.setColor(INK);
            g.setFont(font(Font.BOLD, 15));
            centred(g, point.label(), d(point.x()), d(point.labelY()));
        }
    }

    private static void label(Graphics2D g, List<Charts.Line> lines, double y) {
        g.setColor(INK);
        g.setFont(font(Font.PLAIN, 15));
        double at = y;
        for (Charts.Line line : lines) {
            at += d(line.dy());
            g.drawString(line.text(), 0, (float) at);
        }
    }

    private static void swatch(Graphics2D g, String tone, double x, double y, double w, double h) {
        swatch(g, tone, new Rectangle2D.Double(x, y, w, h));
    }

    private static void swatch(Graphics2D g, String tone, Rectangle2D box) {
        g.setColor(new Color(TONES.getOrDefault(tone, 0x1d70b8)));
        g.fill(box);
        g.setStroke(new BasicStroke(1));
        g.setColor("withheld".equals(tone) ? WITHHELD_EDGE : Color.WHITE);
        g.draw(box);
    }

    private static void centred(Graphics2D g, String text, double x, double y) {
        g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), (float) y);
    }

    private static double d(String number) {
        return Double.parseDouble(number);
    }

    private static Font font(int style, int size) {
        return new Font(FONT, style, size);
    }

    private static FontMetrics metrics() {
        return metrics(font(Font.PLAIN, 13));
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    /** Words into lines no wider than {@code width} in this font (text in a picture does not wrap itself). */
    static List<String> wrap(String text, Font font, int width) {
        FontMetrics metrics = metrics(font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && metrics.stringWidth(tried) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(tried);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
