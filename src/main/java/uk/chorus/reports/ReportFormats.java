package uk.chorus.reports;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import jakarta.inject.Singleton;
import uk.chorus.web.CsvWriter;
import uk.chorus.web.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A published report in its other forms, all from the same content: plain text in short lines
 * (easy to read aloud or with a screen reader), CSV of its figures, and a tagged PDF made from an
 * XHTML page with openhtmltopdf, its font embedded as PDF/UA requires.
 */
@Singleton
class ReportFormats {
    private static final String FONT = "/liberation/LiberationSans-Regular.ttf";
    private static final String BOLD = "/liberation/LiberationSans-Bold.ttf";
    private static final String CSS = css();
    private final HandlebarsViewsRenderer<Map<String, Object>, HttpRequest<?>> views;
    private final Messages messages;

    ReportFormats(HandlebarsViewsRenderer<Map<String, Object>, HttpRequest<?>> views, Messages messages) {
        this.views = views;
        this.messages = messages;
    }

    String plainText(PublishedReports.Published published) {
        ReportContent content = published.content();
        StringBuilder text = new StringBuilder();
        text.append(content.title()).append("\n\n");
        text.append(messages.get("reports.text.intro", content.period(), String.join(", ", content.sources()),
                content.peopleText())).append("\n");
        if (content.agreedBy() != null && !content.agreedBy().isEmpty()) {
            text.append(messages.get("reports.public.co.produced")).append(" ").append(String.join("; ",
                    content.agreedBy().stream().map(f -> messages.get("reports.public.agreed", f.forum(), f.agreedOn()))
                            .toList())).append(".\n");
        }
        if (published.superseded()) {
            text.append(messages.get("reports.text.superseded", published.latest())).append("\n");
        }
        if (published.quotesWithdrawn() > 0) {
            text.append(published.oneQuoteWithdrawn() ? messages.get("reports.public.withdrawn.one")
                    : messages.get("reports.public.withdrawn", published.quotesWithdrawn())).append("\n");
        }
        for (ReportContent.ThemeSection theme : content.themes()) {
            text.append("\n").append(theme.rank()).append(". ").append(theme.name()).append("\n\n");
            text.append(messages.get("reports.text.you.said", theme.peopleText(), theme.shareText())).append("\n");
            text.append(theme.youSaid()).append("\n");
            for (ReportContent.QuoteEntry quote : theme.quotes()) {
                text.append("\n  \"").append(quote.text()).append("\"");
                if (quote.attribution() != null) {
                    text.append(" (").append(quote.attribution()).append(")");
                }
                text.append("\n");
            }
            text.append("\n").append(messages.get("reports.we.did")).append("\n");
            if (theme.actions().isEmpty()) {
                text.append(messages.get("reports.not.acted")).append("\n");
            }
            for (ReportContent.ActionEntry action : theme.actions()) {
                text.append("- ").append(action.title()).append(" (").append(action.statusLabel()).append(")");
                if (action.reason() != null) {
                    text.append(": ").append(action.reason());
                }
                text.append("\n");
            }
            if (!theme.measures().isEmpty()) {
                text.append("\n").append(messages.get("reports.did.it.work")).append("\n");
                for (ReportContent.MeasureEntry measure : theme.measures()) {
                    text.append("- ").append(measure.name()).append(": ");
                    if (measure.baseline() != null && measure.points().size() > 1) {
                        text.append(messages.get("reports.text.from.to", measure.baseline(), measure.latest())).append(". ");
                    }
                    text.append(measure.verdict()).append("\n");
                }
            }
        }
        if (!content.notActedOn().isEmpty()) {
            text.append("\n").append(messages.get("reports.not.acted.list")).append("\n");
            content.notActedOn().forEach(name -> text.append("- ").append(name).append("\n"));
        }
        text.append("\n").append(messages.get("reports.text.small", content.smallestGroup())).append("\n");
        return text.toString();
    }

    /** One row per theme, and per measure under it, with suppressed counts left as [c]. */
    String figuresCsv(PublishedReports.Published published) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row("rank", "theme_id", "theme", "people", "share", "actions", "measure", "baseline", "latest", "change",
                    "verdict");
            for (ReportContent.ThemeSection theme : published.content().themes()) {
                String people = theme.people() == null ? "[c]" : Long.toString(theme.people());
                if (theme.measures().isEmpty()) {
                    csv.row(theme.rank(), theme.themeId(), theme.name(), people, theme.shareText(),
                            theme.actions().size(), "", "", "", "", "");
                }
                for (ReportContent.MeasureEntry measure : theme.measures()) {
                    csv.row(theme.rank(), theme.themeId(), theme.name(), people, theme.shareText(),
                            theme.actions().size(), measure.name(), nz(measure.baseline()), nz(measure.latest()),
                            nz(measure.change()), measure.verdict());
                }
            }
        }
        return out.toString();
    }

    byte[] pdf(PublishedReports.Published published) {
        return pdf("reports/pdf", Map.of("published", published, "content", published.content(), "when",
                uk.chorus.web.Dates.longForm(published.publishedAt())));
    }

    /** Any XHTML view as a tagged PDF, with the reports' stylesheet (as {@code css}) and embedded fonts. */
    byte[] pdf(String view, Map<String, Object> model) {
        StringWriter html = new StringWriter();
        try {
            Map<String, Object> withCss = new java.util.HashMap<>(model);
            withCss.put("css", CSS);
            views.render(view, withCss, null).writeTo(html);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> ReportFormats.class.getResourceAsStream(FONT), "Liberation Sans", 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> ReportFormats.class.getResourceAsStream(BOLD), "Liberation Sans", 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String css() {
        try (var in = ReportFormats.class.getResourceAsStream("/reports/pdf.css")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
