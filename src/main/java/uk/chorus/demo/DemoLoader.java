package uk.chorus.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.chorus.accounts.AccountSetup;
import uk.chorus.accounts.Role;
import uk.chorus.responses.ResponseImport;
import uk.chorus.surveys.DefinitionProblem;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.web.Messages;
import uk.chorus.web.SiteConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * CHORUS_DEMO=true: something to look at on a newcomer's first start. Last year's waves of both
 * shipped surveys, about 600 parents and carers and 150 young people in each wave, a few dozen
 * unfinished drafts, and one account per role, printed at start-up. Loaded once, through each
 * feature's own public services; refused, with nothing loaded, on a database that holds real
 * responses. Later parts (feedback, the pledge, a published report) add themselves to DemoParts.
 */
@Singleton
@Requires(property = "chorus.demo", value = "true")
class DemoLoader implements ApplicationEventListener<StartupEvent>, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
    static final String PASSWORD = "demo-password-2026";
    static final long SEED = 20261123L;
    private static final List<String> BASELINES = List.of("family-voice-2025.yml", "big-bang-2025.yml");
    private static final int PARENTS = 600;
    private static final int YOUNG_PEOPLE = 150;
    /** A made-up address and a number Ofcom keeps for drama, never a real person's. */
    static final String EXAMPLE_EMAIL = "send.coproduction@demo.example";
    static final String EXAMPLE_PHONE = "01632 960 000";

    record DemoAccount(String email, String name, Role role) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin@demo.example", "Ada Administrator", Role.ADMIN),
            new DemoAccount("lead@demo.example", "Lee Lead", Role.LEAD),
            new DemoAccount("parents@demo.example", "Priya Parent", Role.PARENT_FORUM),
            new DemoAccount("youth@demo.example", "Yusuf Youth", Role.YOUTH_FORUM),
            new DemoAccount("service@demo.example", "Sam Service", Role.SERVICE_CONTACT),
            new DemoAccount("viewer@demo.example", "Vic Viewer", Role.VIEWER));

    private final SurveyCatalogue catalogue;
    private final ResponseImport responses;
    private final AccountSetup accounts;
    private final List<DemoPart> parts;
    private final Clock clock;
    private final SiteConfiguration site;
    private final Messages messages;

    DemoLoader(SurveyCatalogue catalogue, ResponseImport responses, AccountSetup accounts, List<DemoPart> parts,
               Clock clock, SiteConfiguration site, Messages messages) {
        this.site = site;
        this.messages = messages;
        this.catalogue = catalogue;
        this.responses = responses;
        this.accounts = accounts;
        this.parts = parts;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        // After the survey files and the first administrator have been loaded.
        return LOWEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        // Made-up, so every page that says "contact us" has someone to name and the surveys open.
        site.useExampleContactIfNone(EXAMPLE_EMAIL, EXAMPLE_PHONE);
        boolean loaded = responses.holdsDemoResponses();
        if (!loaded && responses.holdsRealResponses()) {
            LOG.error("CHORUS_DEMO=true, but this database holds real responses, so no demo data was loaded. "
                    + "Start the demo on an empty database (or without DATABASE_URL, on a fresh CHORUS_DATA_DIR).");
            return;
        }
        for (String file : BASELINES) {
            List<DefinitionProblem> problems = catalogue.load(file, read("/demo/surveys/" + file));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The demo survey " + file + " does not load: " + problems);
            }
        }
        for (DemoAccount account : ACCOUNTS) {
            long id = accounts.ensure(account.email(), account.name(), account.role(), PASSWORD);
            if (account.role() == Role.LEAD) {
                accounts.assignLead("big-bang-2026", id);
                accounts.assignLead("big-bang-2025", id);
            }
        }
        if (!loaded) {
            long started = System.nanoTime();
            int count = loadResponses();
            parts.stream().sorted(java.util.Comparator.comparingInt(DemoPart::order)).forEach(part -> part.load(new Random(SEED + part.getClass().getSimpleName().hashCode())));
            LOG.info("Demo data loaded in {} ms: {} answers to four surveys (last year's results published), "
                    + "a year of feedback, a pledge campaign and a \"you said, we did\" report.",
                    (System.nanoTime() - started) / 1_000_000, String.format("%,d", count));
        }
        StringBuilder banner = new StringBuilder("\n  Demo accounts (password for each: " + PASSWORD + "):\n");
        for (DemoAccount account : ACCOUNTS) {
            banner.append(String.format("    %-24s %s%n", account.email(), messages.get(account.role().labelKey())));
        }
        LOG.info("{}  Sign in at /sign-in. The demo is made-up data: never use CHORUS_DEMO for real surveys.", banner);
    }

    private int loadResponses() {
        DemoFamilies families = new DemoFamilies(SEED);
        int count = 0;
        for (String id : List.of("family-voice-2025", "family-voice-2026", "big-bang-2025", "big-bang-2026")) {
            LiveSurvey survey = catalogue.find(id).orElseThrow(() -> new IllegalStateException(
                    "The demo needs the survey " + id));
            boolean second = id.endsWith("2026");
            int size = id.startsWith("family") ? PARENTS : YOUNG_PEOPLE;
            List<ResponseImport.Imported> made = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                made.add(new ResponseImport.Imported(families.answers(survey, second), when(survey, families)));
            }
            count += responses.importResponses(survey, ResponseImport.Channel.DEMO, made);
            if (second) {
                List<ResponseImport.ImportedDraft> drafts = new ArrayList<>();
                for (int i = 0; i < (id.startsWith("family") ? 36 : 12); i++) {
                    int pages = 1 + families.nextInt(4);
                    drafts.add(new ResponseImport.ImportedDraft(families.partial(survey, pages), pages,
                            when(survey, families)));
                }
                responses.importDrafts(survey, drafts);
            }
        }
        return count;
    }

    /** A moment while the survey was open (up to today for one still open). */
    private Instant when(LiveSurvey survey, DemoFamilies families) {
        LocalDate opens = survey.definition().opens();
        LocalDate today = LocalDate.now(clock);
        LocalDate last = survey.definition().closes().isBefore(today) ? survey.definition().closes() : today;
        long days = Math.max(1, last.toEpochDay() - opens.toEpochDay() + 1);
        Instant at = opens.plusDays(families.nextInt((int) days)).atStartOfDay(clock.getZone()).toInstant()
                .plusSeconds(7 * 3600 + families.nextInt(15 * 3600));
        // Today's answers came in before the demo was loaded, never later in the day.
        Instant now = clock.instant();
        return at.isBefore(now) ? at : now.minusSeconds(60 + families.nextInt(3600));
    }

    private static String read(String resource) {
        try (InputStream in = DemoLoader.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " cannot be read", e);
        }
    }
}
