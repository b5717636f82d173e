package uk.chorus.responses;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Save and come back later" can email the respondent the link to their answers (GreenMail is the
 * SMTP server): sent at once, the address kept nowhere, a bad address explained, and no more than
 * three an hour from one draft.
 */
@MicronautTest(transactional = false)
class ResumeEmailTest extends ChorusTest {
    private static GreenMail smtp;

    @Override
    protected Map<String, String> extraProperties() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return Map.of("chorus.mail.host", "127.0.0.1", "chorus.mail.port", Integer.toString(port));
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aRespondentEmailsThemselvesTheLinkAndTheAddressIsKeptNowhere() {
        Browser young = browser();
        String page = young.post("/s/big-bang-2026/start").location();
        assertThat(young.post(page, "age_band", "11-15").status()).isEqualTo(303);
        String later = page.substring(0, page.indexOf("/page/")) + "/later";
        String code = page.split("/")[3];
        assertThat(young.get(later).document().select("form[action$=/later/email] input[name=email]")).hasSize(1);

        Browser.Page wrong = young.post(later + "/email", "email", "not an address");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.errorSummary()).containsExactly("Enter an email address in the correct format, like name@example.com");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(uk.chorus.browser.HtmlChecker.errors(wrong.body())).isEmpty();

        Browser.Page sent = young.post(later + "/email", "email", "me@example.org");
        assertThat(sent.location()).isEqualTo(later + "?emailed=1");
        assertThat(young.get(sent.location()).text()).contains("We have not kept the address.");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]).replace("=\r\n", "");
        assertThat(body).contains(page.replace("/page/1", "/page/2")).contains(code);
        assertThat(count("SELECT count(*) FROM mail_outbox")).isZero();
        assertThat(count("SELECT count(*) FROM drafts WHERE answers::text LIKE '%me@example.org%'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE detail LIKE '%me@example.org%' OR subject LIKE '%me@example.org%' OR actor LIKE '%me@example.org%'"))
                .isZero();

        young.post(later + "/email", "email", "me@example.org");
        young.post(later + "/email", "email", "me@example.org");
        assertThat(young.post(later + "/email", "email", "me@example.org").status()).isEqualTo(429);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }
}
