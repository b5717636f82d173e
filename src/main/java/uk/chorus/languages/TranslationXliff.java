package uk.chorus.languages;

import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Message;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A survey's texts as XLIFF 2.0, the exchange format translation tools read: one {@code unit} per
 * text, its id the text's id, the English as {@code source} and the translation so far as
 * {@code target}. The hash of the English rides on the unit as an attribute in our own namespace,
 * which XLIFF 2.0 allows on units and tools keep. Placeholders such as {smallestGroup} stay plain
 * text, so they come back exactly as they went. Written and read with the JDK's StAX: the writer
 * escapes, and the reader refuses DTDs and external entities.
 */
final class TranslationXliff {
    static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";
    static final String CHORUS = "urn:chorus:translations:1";
    static final String HASH = "sourceHash";

    private TranslationXliff() {
    }

    static String write(SurveyDefinition survey, String language) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(XLIFF);
            xml.setPrefix("chorus", CHORUS);
            xml.writeStartElement(XLIFF, "xliff");
            xml.writeDefaultNamespace(XLIFF);
            xml.writeNamespace("chorus", CHORUS);
            xml.writeAttribute("version", "2.0");
            xml.writeAttribute("srcLang", SurveyDefinition.SOURCE_LANGUAGE);
            xml.writeAttribute("trgLang", language);
            xml.writeCharacters("\n  ");
            xml.writeStartElement(XLIFF, "file");
            xml.writeAttribute("id", survey.id());
            xml.writeAttribute("original", survey.id() + ".yml");
            for (TranslationRow row : TranslationRow.of(survey, language)) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement(XLIFF, "unit");
                xml.writeAttribute("id", row.id());
                xml.writeAttribute(CHORUS, HASH, row.sourceHash());
                xml.writeCharacters("\n      ");
                xml.writeStartElement(XLIFF, "segment");
                xml.writeAttribute("state", row.translation().isEmpty() ? "initial" : "translated");
                xml.writeCharacters("\n        ");
                xml.writeStartElement(XLIFF, "source");
                xml.writeCharacters(row.english());
                xml.writeEndElement();
                if (!row.translation().isEmpty()) {
                    xml.writeCharacters("\n        ");
                    xml.writeStartElement(XLIFF, "target");
                    xml.writeCharacters(row.translation());
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n      ");
                xml.writeEndElement();
                xml.writeCharacters("\n    ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XLIFF to a string cannot fail", e);
        }
        return out + "\n";
    }

    static TranslatorFile read(String text) {
        // The JDK's own StAX, whatever else is on the class path, so the settings below are the ones it knows.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        // No DTD, no external entities: an uploaded file must not make the service read anything else.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(text));
            String surveyId = null;
            String language = null;
            List<TranslatorFile.Line> lines = new ArrayList<>();
            String unit = null;
            String hash = "";
            String source = null;
            String target = null;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    if (xml.getEventType() == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("unit")
                            && unit != null) {
                        lines.add(new TranslatorFile.Line(lines.size() + 1, new TranslationRow(unit, source == null ? "" : source,
                                target == null ? "" : target.strip(), hash)));
                        unit = null;
                    }
                    continue;
                }
                String name = xml.getLocalName();
                if (language == null && !(name.equals("xliff") && XLIFF.equals(xml.getNamespaceURI()))) {
                    return TranslatorFile.unreadable(Message.of("languages.import.error.xliff.version"));
                }
                if (!XLIFF.equals(xml.getNamespaceURI())) {
                    // A tool's own extensions (in its own namespace) carry nothing we use.
                    continue;
                }
                switch (name) {
                    case "xliff" -> {
                        String version = xml.getAttributeValue(null, "version");
                        language = xml.getAttributeValue(null, "trgLang");
                        if (version == null || !version.startsWith("2.") || language == null) {
                            return TranslatorFile.unreadable(Message.of("languages.import.error.xliff.version"));
                        }
                    }
                    case "file" -> surveyId = xml.getAttributeValue(null, "id");
                    case "unit" -> {
                        unit = String.valueOf(xml.getAttributeValue(null, "id")).strip();
                        String given = xml.getAttributeValue(CHORUS, HASH);
                        hash = given == null ? "" : given.strip();
                        source = null;
                        target = null;
                    }
                    // A tool may split a text into several segments (and keep the spaces between them
                    // as "ignorable"): in order, they make the whole text again.
                    case "source" -> source = (source == null ? "" : source) + plainText(xml, unit);
                    case "target" -> target = (target == null ? "" : target) + plainText(xml, unit);
                    default -> {
                        // segment, notes, groups and the like: their contents are read as they come.
                    }
                }
            }
            if (language == null) {
                return TranslatorFile.unreadable(Message.of("languages.import.error.xliff.version"));
            }
            return new TranslatorFile(TranslatorFile.Kind.XLIFF, surveyId, language.strip(), List.copyOf(lines), null);
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
            return TranslatorFile.unreadable(Message.of("languages.import.error.xliff.broken", where));
        } catch (MarkupInside e) {
            return TranslatorFile.unreadable(Message.of("languages.import.error.xliff.markup", e.unit));
        }
    }

    /** A source or target's text; markup inside it (a tool's inline codes) is refused, not guessed at. */
    private static String plainText(XMLStreamReader xml, String unit) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (xml.next() != XMLStreamConstants.END_ELEMENT) {
            switch (xml.getEventType()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> throw new MarkupInside(unit);
                default -> {
                    // Comments and processing instructions are not part of the words.
                }
            }
        }
        return text.toString();
    }

    private static final class MarkupInside extends RuntimeException {
        private final String unit;

        MarkupInside(String unit) {
            super(null, null, false, false);
            this.unit = unit;
        }
    }
}
