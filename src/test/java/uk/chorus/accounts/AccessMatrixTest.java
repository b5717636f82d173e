package uk.chorus.accounts;
import uk.chorus.support.StaffFixture;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every kind of staff page and API. 303 is "go and sign in"; 403 is "your
 * role does not allow this"; 401 is an API call without a token.
 */
@MicronautTest(transactional = false)
class AccessMatrixTest extends ChorusTest {
    private static final List<String> ROLES = List.of("anonymous", "admin", "lead", "other-lead", "parent-forum",
            "youth-forum", "service-contact", "viewer");
    private final Map<String, StaffClient> browsers = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private String parentsReference;
    private String youngPeopleReference;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.admin.email", StaffFixture.ADMIN_EMAIL, "chorus.admin.password",
                StaffFixture.ADMIN_PASSWORD);
    }

    @BeforeAll
    void peopleAndResponses() {
        URI base = server.getURI();
        StaffClient admin = StaffFixture.signedIn(base, StaffFixture.ADMIN_EMAIL, StaffFixture.ADMIN_PASSWORD);
        browsers.put("anonymous", new StaffClient(base));
        browsers.put("admin", admin);
        tokens.put("admin", StaffFixture.token(base, StaffFixture.ADMIN_EMAIL, StaffFixture.ADMIN_PASSWORD));
        for (String role : ROLES.subList(2, ROLES.size())) {
            String email = role + "@example.org";
            browsers.put(role, StaffFixture.invite(base, admin, email, role.equals("other-lead") ? "lead" : role));
            tokens.put(role, StaffFixture.token(base, email, StaffFixture.PASSWORD));
        }
        assertThat(admin.post("/staff/accounts/leads", "survey", "big-bang-2026", "lead", "lead@example.org")
                .status()).isEqualTo(303);
        parentsReference = StaffFixture.respond(base, "family-voice-2026", StaffFixture.FAMILY_VOICE_ANSWERS);
        youngPeopleReference = StaffFixture.respond(base, "big-bang-2026", StaffFixture.BIG_BANG_ANSWERS);
    }

    /** Expected status for each role, in the order of ROLES. */
    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("GET /staff", "/staff", List.of(303, 200, 200, 200, 200, 200, 200, 200)),
                Arguments.of("GET /staff/accounts", "/staff/accounts", List.of(303, 200, 403, 403, 403, 403, 403, 403)),
                Arguments.of("GET /staff/audit", "/staff/audit", List.of(303, 200, 403, 403, 403, 403, 403, 403)),
                Arguments.of("GET /staff/requests", "/staff/requests", List.of(303, 200, 200, 200, 403, 403, 403, 403)),
                Arguments.of("a parents' response", "/staff/responses/{parents}",
                        List.of(303, 403, 200, 200, 403, 403, 403, 403)),
                // A lead not assigned gets "not found", exactly as for a reference that does not exist.
                Arguments.of("a young person's response", "/staff/responses/{young}",
                        List.of(303, 403, 200, 404, 403, 403, 403, 403)),
                Arguments.of("a reference that does not exist", "/staff/responses/ZZZZ-ZZZZ",
                        List.of(303, 403, 404, 404, 403, 403, 403, 403)),
                Arguments.of("a young people's survey's list", "/staff/surveys/big-bang-2026/responses",
                        List.of(303, 403, 200, 403, 403, 403, 403, 403)),
                // Before a lead publishes them, results are for the survey's leads alone.
                Arguments.of("unpublished results of a parents' survey", "/staff/surveys/family-voice-2026/results",
                        List.of(303, 403, 200, 200, 403, 403, 403, 403)),
                Arguments.of("unpublished results of a young people's survey", "/staff/surveys/big-bang-2026/results",
                        List.of(303, 403, 200, 403, 403, 403, 403, 403)),
                Arguments.of("every raw answer to a parents' survey", "/staff/surveys/family-voice-2026/responses.csv",
                        List.of(303, 403, 200, 200, 403, 403, 403, 403)),
                Arguments.of("every raw answer to a young people's survey", "/staff/surveys/big-bang-2026/responses.xlsx",
                        List.of(303, 403, 200, 403, 403, 403, 403, 403)),
                Arguments.of("population sizes", "/staff/surveys/family-voice-2026/population",
                        List.of(303, 403, 200, 200, 403, 403, 403, 403)),
                // Forums and leads co-design; which forum may change a given survey is CodesignWorkflowTest's.
                Arguments.of("the survey builder", "/staff/codesign/designs/new",
                        List.of(303, 403, 200, 200, 200, 200, 403, 403)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void eachRoleSeesExactlyItsPages(String what, String path, List<Integer> expected) {
        String resolved = path.replace("{parents}", parentsReference).replace("{young}", youngPeopleReference);
        for (int i = 0; i < ROLES.size(); i++) {
            Browser.Page page = browsers.get(ROLES.get(i)).get(resolved);
            assertThat(page.status()).as("%s as %s", what, ROLES.get(i)).isEqualTo(expected.get(i));
            if (page.status() == 303) {
                assertThat(page.location()).startsWith("/sign-in?next=");
            }
            if (page.status() == 200 && resolved.contains("/responses/")) {
                assertThat(page.text()).contains("Each answer is shown beside the wording it answered");
            }
            if (page.status() == 404) {
                assertThat(page.heading()).isEqualTo("Page not found");
            }
        }
    }

    static Stream<Arguments> apis() {
        return Stream.of(
                Arguments.of("a parents' response by API", "/api/v1/staff/responses/{parents}",
                        List.of(401, 403, 200, 200, 403, 403, 403, 403)),
                Arguments.of("a young person's response by API", "/api/v1/staff/responses/{young}",
                        List.of(401, 403, 200, 404, 403, 403, 403, 403)),
                Arguments.of("an unknown reference by API", "/api/v1/staff/responses/ZZZZ-ZZZZ",
                        List.of(401, 403, 404, 404, 403, 403, 403, 403)),
                Arguments.of("a survey's results by API", "/api/v1/surveys/family-voice-2026/results",
                        List.of(401, 403, 200, 200, 403, 403, 403, 403)),
                Arguments.of("a survey's design versions by API", "/api/v1/surveys/family-voice-2026/versions",
                        List.of(401, 403, 404, 404, 404, 404, 403, 403)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void staffApisTakeBearerTokensAndCheckRoles(String what, String path, List<Integer> expected)
            throws IOException, InterruptedException {
        String resolved = path.replace("{parents}", parentsReference).replace("{young}", youngPeopleReference);
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < ROLES.size(); i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(resolved))
                    .header("Accept", "application/json");
            String token = tokens.get(ROLES.get(i));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> reply = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as("%s as %s", what, ROLES.get(i)).isEqualTo(expected.get(i));
            if (reply.statusCode() == 200) {
                assertThat(reply.body()).contains(path.endsWith("/results") ? "\"questions\":" : "\"question\":");
            }
            if (reply.statusCode() == 404) {
                assertThat(reply.body()).contains(path.endsWith("/versions") ? "\"message\":\"No survey design with the id"
                        : "\"message\":\"There is no response with that reference.\"");
            }
        }
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(server.getURI().resolve(resolved))
                .header("Authorization", "Bearer not-a-real-token").header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
    }
}
