package uk.chorus.pledges;

import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.chorus.web.EmailAddresses;
import uk.chorus.web.Messages;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a circulation list from CSV (columns name, sector, contact_name, contact_email; a header
 * row names them, in any order). Every row is checked and every problem named with its row; rows
 * repeating an organisation already in the file or on the list (same name or email) are set aside
 * as duplicates, not errors.
 */
@Singleton
class PledgeImport {
    static final int MOST_ROWS = 5000;
    private final Messages messages;

    PledgeImport(Messages messages) {
        this.messages = messages;
    }

    record Checked(List<Circulation.NewOrganisation> organisations, List<String> problems, List<String> duplicates) {
    }

    Checked check(String csv, List<Circulation.Organisation> existing) {
        List<Circulation.NewOrganisation> organisations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        existing.stream().filter(o -> !o.moderation().equals("rejected")).forEach(o -> {
            names.add(o.name().toLowerCase(Locale.ROOT));
            if (o.contactEmail() != null) {
                emails.add(o.contactEmail().toLowerCase(Locale.ROOT));
            }
        });
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreHeaderCase(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.replace("\uFEFF", "")), format)) {
            for (String column : List.of("name", "sector")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    problems.add(messages.get("pledges.import.error.column", column));
                }
            }
            if (!problems.isEmpty()) {
                return new Checked(List.of(), problems, List.of());
            }
            for (CSVRecord record : parser) {
                long row = record.getRecordNumber() + 1;
                if (record.getRecordNumber() > MOST_ROWS) {
                    problems.add(messages.get("pledges.import.error.rows", MOST_ROWS));
                    break;
                }
                String name = value(record, "name");
                String sectorText = value(record, "sector");
                String contact = value(record, "contact_name");
                String email = value(record, "contact_email");
                int before = problems.size();
                if (name.isEmpty() || name.length() > 200) {
                    problems.add(messages.get("pledges.import.error.name", row));
                }
                var sector = Sector.fromText(sectorText);
                if (sector.isEmpty()) {
                    problems.add(messages.get("pledges.import.error.sector", row, sectorText));
                }
                if (contact.length() > 200) {
                    problems.add(messages.get("pledges.import.error.contact", row));
                }
                if (!email.isEmpty() && !EmailAddresses.valid(email)) {
                    problems.add(messages.get("pledges.import.error.email", row, email));
                }
                if (problems.size() > before) {
                    continue;
                }
                String nameKey = name.toLowerCase(Locale.ROOT);
                String emailKey = email.toLowerCase(Locale.ROOT);
                if (names.contains(nameKey) || !email.isEmpty() && emails.contains(emailKey)) {
                    duplicates.add(messages.get("pledges.import.duplicate", row, name));
                    continue;
                }
                names.add(nameKey);
                if (!email.isEmpty()) {
                    emails.add(emailKey);
                }
                organisations.add(new Circulation.NewOrganisation(name, sector.get(), contact.isEmpty() ? null : contact,
                        email.isEmpty() ? null : email));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(messages.get("pledges.import.error.unreadable"));
        } catch (UncheckedIOException e) {
            problems.add(messages.get("pledges.import.error.unreadable"));
        }
        return new Checked(organisations, problems, duplicates);
    }


    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
    }
}
