package uk.chorus.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The features stay apart as the service grows: feature packages never depend on each other in a
 * circle, no controller depends on another controller (what two pages share is a small service),
 * and each table is read and written only by the feature that owns it (others go through its
 * public service or its change events).
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.chorus");

    /** Every table, and the one package that may issue SQL against it. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("survey_versions", "surveys"),
            Map.entry("survey_access", "surveys"),
            Map.entry("issued_codes", "responses"),
            Map.entry("rate_windows", "web"),
            Map.entry("sign_in_known", "accounts"),
            Map.entry("design_versions", "codesign"),
            Map.entry("design_status_changes", "codesign"),
            Map.entry("design_comments", "codesign"),
            Map.entry("design_agreements", "codesign"),
            Map.entry("mail_outbox", "mail"),
            Map.entry("pledge_keys", "pledges"),
            Map.entry("pledge_campaigns", "pledges"),
            Map.entry("pledge_commitments", "pledges"),
            Map.entry("pledge_organisations", "pledges"),
            Map.entry("pledge_signatures", "pledges"),
            Map.entry("pledge_reviews", "pledges"),
            Map.entry("actions", "reports"),
            Map.entry("action_themes", "reports"),
            Map.entry("action_feedback", "reports"),
            Map.entry("action_recommendations", "reports"),
            Map.entry("action_measures", "reports"),
            Map.entry("action_updates", "reports"),
            Map.entry("action_responses", "reports"),
            Map.entry("report_reviews", "reports"),
            Map.entry("report_sign_offs", "reports"),
            Map.entry("measures", "reports"),
            Map.entry("measure_values", "reports"),
            Map.entry("reports", "reports"),
            Map.entry("report_themes", "reports"),
            Map.entry("report_quotes", "reports"),
            Map.entry("report_versions", "reports"),
            Map.entry("report_version_quotes", "reports"),
            Map.entry("gazetteer", "reports"),
            Map.entry("drafts", "responses"),
            Map.entry("unclear_questions", "responses"),
            Map.entry("preview_walks", "responses"),
            Map.entry("responses", "responses"),
            Map.entry("response_codes", "responses"),
            Map.entry("accounts", "accounts"),
            Map.entry("staff_sessions", "accounts"),
            Map.entry("invitations", "accounts"),
            Map.entry("invitation_links", "accounts"),
            Map.entry("password_resets", "accounts"),
            Map.entry("survey_leads", "accounts"),
            Map.entry("sign_in_failures", "accounts"),
            Map.entry("audit_log", "audit"),
            Map.entry("change_log", "changes"),
            Map.entry("change_cursors", "changes"),
            Map.entry("result_snapshots", "results"),
            Map.entry("population_sizes", "results"),
            Map.entry("comparable_questions", "results"),
            Map.entry("headline_measures", "results"),
            Map.entry("result_publications", "results"),
            Map.entry("result_publication_versions", "results"),
            Map.entry("result_reviews", "results"),
            Map.entry("result_sign_offs", "results"),
            Map.entry("feedback_items", "feedback"),
            Map.entry("feedback_contacts", "feedback"),
            Map.entry("inspection_visits", "feedback"),
            Map.entry("inspection_recommendations", "feedback"),
            Map.entry("feedback_imports", "feedback"),
            Map.entry("feedback_reply_addresses", "feedback"),
            Map.entry("feedback_handling", "feedback"),
            Map.entry("local_offer_reports", "reports"),
            Map.entry("themes", "themes"),
            Map.entry("theme_decisions", "themes"),
            Map.entry("installation", "themes"));

    private static final Pattern SQL_TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_]+)\\b");
    private static final Pattern CREATED = Pattern.compile("CREATE TABLE\\s+([a-z_]+)");

    @Test
    void featurePackagesNeverDependOnEachOtherInACircle() {
        slices().matching("uk.chorus.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noControllerDependsOnAnotherController() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAnnotatedWith(Controller.class)
                .because("what two pages share belongs in a small service, not in another page's controller")
                .check(MAIN);
    }

    @Test
    void everyCsvFileIsWrittenByTheOneWriterThatNeutralisesFormulas() {
        noClasses().that().doNotHaveFullyQualifiedName("uk.chorus.web.CsvWriter")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.commons.csv.CSVPrinter")
                .because("CsvWriter keeps a cell like =HYPERLINK(...) from running when the file is opened")
                .check(MAIN);
    }

    @Test
    void everyTableHasOneOwningFeature() throws IOException {
        TreeSet<String> created = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher m = CREATED.matcher(Files.readString(migration));
                while (m.find()) {
                    created.add(m.group(1));
                }
            }
        }
        assertThat(OWNER.keySet()).as("tables created by migrations, each needing an owner here")
                .containsAll(created);
    }

    @Test
    void onlyTheOwningFeatureIssuesSqlAgainstATable() throws IOException {
        List<String> trespasses = new ArrayList<>();
        Path main = Path.of("src/main/java/uk/chorus");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = main.relativize(file).getName(0).toString();
                String source = Files.readString(file);
                Matcher m = SQL_TABLE.matcher(source);
                while (m.find()) {
                    String owner = OWNER.get(m.group(1));
                    if (owner != null && !owner.equals(feature)) {
                        trespasses.add(main.relativize(file) + " uses " + m.group(1) + " (owned by " + owner + ")");
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }
}
