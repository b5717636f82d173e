package uk.chorus.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every staff page and API, and every hostile input against the routes it
 * targets, kept as data: src/test/resources/security/access.tsv (route, payload and the status for
 * each role) and hostile.tsv (payload, who sends it, the status and text that must never come
 * back). The next route is covered by adding a row. 303 is "go and sign in"; 403 is "your role does
 * not allow this"; 401 is an API call without a token.
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

    static Stream<Arguments> access() {
        return rows("security/access.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2], r[3], r[4],
                Arrays.stream(r, 5, 5 + ROLES.size()).map(Integer::valueOf).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("access")
    void eachRoleGetsExactlyWhatTheTableSays(String what, String client, String method, String path, String body,
                                            List<Integer> expected) throws IOException, InterruptedException {
        String resolved = resolve(path);
        String payload = body.equals("-") ? null : resolve(body);
        for (int i = 0; i < ROLES.size(); i++) {
            String role = ROLES.get(i);
            int status;
            String text;
            if (client.equals("page")) {
                Browser.Page page = method.equals("GET") ? browsers.get(role).get(resolved)
                        : browsers.get(role).post(resolved, fields(payload));
                status = page.status();
                text = page.body();
                if (status == 303 && role.equals("anonymous")) {
                    assertThat(page.location()).startsWith("/sign-in?next=");
                }
                if (status == 404) {
                    assertThat(page.heading()).as("%s as %s", what, role).isIn("Page not found");
                }
            } else {
                HttpResponse<String> reply = api(method, resolved, payload, tokens.get(role));
                status = reply.statusCode();
                text = reply.body();
            }
            assertThat(status).as("%s as %s", what, role).isEqualTo(expected.get(i));
            if (status == 200 && resolved.contains("/responses/")) {
                assertThat(text).contains(client.equals("page") ? "Each answer is shown beside the wording it answered"
                        : "\"question\":");
            }
            if (status == 200 && resolved.equals("/staff/requests") && method.equals("POST")) {
                assertThat(text).contains("\"answers\"");
            }
        }
    }

    static Stream<Arguments> hostile() {
        return rows("security/hostile.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2], r[3], r[4], r[5],
                Integer.valueOf(r[6]), r[7]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileInputGetsAClearAnswerNeverA500(String what, String as, String method, String path, String type,
                                               String body, int expected, String never)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", type.equals("json") ? "application/json" : "text/html");
        String cookies = as.equals("lead") ? browsers.get("lead").cookies().getCookieStore().getCookies().stream()
                .map(Object::toString).reduce((a, b) -> a + "; " + b).orElse("") : "";
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        String payload = body.equals("-") ? "" : body;
        if (method.equals("GET")) {
            request.GET();
        } else {
            if (type.equals("form") && as.equals("lead")) {
                payload = payload + "&_csrf=" + browsers.get("lead").csrf();
            }
            request.header("Content-Type", type.equals("json") ? "application/json" : "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(payload));
        }
        HttpResponse<String> reply = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(what + ": " + reply.body()).isEqualTo(expected);
        if (!never.equals("-")) {
            assertThat(reply.body()).as(what).doesNotContain(never);
        }
    }

    private String resolve(String text) {
        return text.replace("{parents}", parentsReference).replace("{young}", youngPeopleReference);
    }

    private static String[] fields(String form) {
        if (form == null || form.isEmpty()) {
            return new String[0];
        }
        List<String> fields = new ArrayList<>();
        for (String pair : form.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.add(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
            fields.add(parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return fields.toArray(String[]::new);
    }

    private HttpResponse<String> api(String method, String path, String json, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        }
        HttpResponse<String> reply = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Authorization", "Bearer not-a-real-token").header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a forged token on " + path).isEqualTo(401);
        return reply;
    }

    /** The rows of a table under src/test/resources: tab-separated, "#" lines are comments. */
    private static List<String[]> rows(String resource) {
        try (InputStream in = AccessMatrixTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
