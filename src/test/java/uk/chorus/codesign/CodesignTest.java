package uk.chorus.codesign;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import uk.chorus.browser.HtmlChecker;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Forum members check the shipped surveys' plain language and make a poster with a QR code; viewers cannot. */
@MicronautTest(transactional = false)
class CodesignTest extends ChorusTest {
    @jakarta.inject.Inject
    uk.chorus.surveys.SurveyVersions versions;
    @jakarta.inject.Inject
    uk.chorus.surveys.SurveyCatalogue catalogue;

    @Test
    void aYouthForumMemberChecksASurveyAndPrintsItsPoster() throws Exception {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        StaffClient youth = StaffFixture.invite(server.getURI(), admin, "youth@example.org", "youth-forum");
        StaffClient viewer = StaffFixture.invite(server.getURI(), admin, "viewer@example.org", "viewer");

        Document list = youth.get("/staff/codesign").document();
        assertThat(list.select("td").eachText()).contains("Big Bang survey 2026", "Young people");
        Browser.Page checks = youth.get("/staff/codesign/big-bang-2026/checks");
        assertThat(checks.status()).isEqualTo(200);
        assertThat(checks.text()).contains("reading age of 10 or less");
        assertThat(checks.document().select(".govuk-summary-card")).hasSizeGreaterThan(10);
        assertThat(HtmlChecker.errors(checks.body())).isEmpty();

        Browser.Page poster = youth.get("/staff/codesign/big-bang-2026/poster");
        assertThat(poster.document().select(".chorus-qr svg title").text()).isEqualTo("QR code for Big Bang survey 2026");
        assertThat(poster.document().select(".chorus-qr svg path").attr("d")).startsWith("M4,4h1v1h-1z");
        assertThat(poster.document().select(".chorus-poster strong").text()).endsWith("/s/big-bang-2026");
        assertThat(HtmlChecker.errors(poster.body())).isEmpty();

        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.getURI().resolve("/staff/codesign/big-bang-2026/qr.png"))
                .header("Cookie", cookie(youth)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isGreaterThan(300);
        // The quiet zone is white and the finder pattern's corner is black.
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(image.getRGB(4 * 16 + 1, 4 * 16 + 1) & 0xFFFFFF).isZero();
        String svg = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.getURI().resolve("/staff/codesign/big-bang-2026/qr.svg"))
                .header("Cookie", cookie(youth)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(svg).startsWith("<?xml").contains("<title>QR code for Big Bang survey 2026</title>");

        // The survey as a file, and files checked as the start-up loader checks them.
        String file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.getURI().resolve("/staff/codesign/big-bang-2026/export.yml"))
                .header("Cookie", cookie(youth)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(file).contains("id: big-bang-2026").contains("type: faces");
        Browser.Page good = youth.postFile("/staff/codesign/check", "file", "big-bang-2026.yml",
                file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(good.text()).contains("big-bang-2026.yml is ready to load: “Big Bang survey 2026”");
        Browser.Page bad = youth.postFile("/staff/codesign/check", "file", "big-bang-2026.yml",
                file.replaceFirst("type: faces", "type: smileys").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text()).contains("The file has 1 problem").containsPattern("big-bang-2026\\.yml:\\d+: .*smileys");
        assertThat(HtmlChecker.errors(bad.body())).isEmpty();

        // A forum member's "load" only checks; a lead's stores a version every instance serves.
        String draft = file.replace("id: big-bang-2026", "id: forum-draft-2026")
                .replace("title: Big Bang survey 2026", "title: Forum draft 2026");
        assertThat(youth.postFileWith("/staff/codesign/check", "file", "forum-draft-2026.yml",
                draft.getBytes(java.nio.charset.StandardCharsets.UTF_8), "load", "yes").text()).contains("is ready to load");
        assertThat(browser().get("/s/forum-draft-2026").status()).isEqualTo(404);
        StaffClient lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
        Browser.Page loaded = lead.postFileWith("/staff/codesign/check", "file", "forum-draft-2026.yml",
                draft.getBytes(java.nio.charset.StandardCharsets.UTF_8), "load", "yes");
        assertThat(loaded.text()).contains("“Forum draft 2026” is loaded and served at /s/forum-draft-2026");
        assertThat(browser().get("/s/forum-draft-2026").text()).contains("Forum draft 2026");
        // Another instance stores a version: this one serves it once it refreshes (every few seconds).
        String other = draft.replace("id: forum-draft-2026", "id: other-instance-2026")
                .replace("title: Forum draft 2026", "title: From another instance");
        versions.record(new uk.chorus.surveys.SurveyFileParser().parse("other-instance-2026.yml", other)
                .definition().orElseThrow());
        assertThat(browser().get("/s/other-instance-2026").status()).isEqualTo(404);
        catalogue.refresh();
        assertThat(browser().get("/s/other-instance-2026").text()).contains("From another instance");

        assertThat(viewer.get("/staff/codesign").status()).isEqualTo(403);
        assertThat(youth.get("/staff/codesign/no-such-survey/poster").status()).isEqualTo(404);
    }

    private static String cookie(StaffClient client) {
        return client.cookies().getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("");
    }
}
