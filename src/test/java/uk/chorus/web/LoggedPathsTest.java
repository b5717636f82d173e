package uk.chorus.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a log line may show of a request path: no resume code, no one-time link's secret. */
class LoggedPathsTest {

    @Test
    void resumeCodesAndLinkSecretsAreMaskedAndTheRestIsKept() {
        assertThat(LoggedPaths.redact("/s/family-voice-2026/r/ABCD-EFGH-JKMN/page/2"))
                .isEqualTo("/s/family-voice-2026/r/[code]/page/2");
        assertThat(LoggedPaths.redact("/password-reset/Xy_9-aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abc"))
                .isEqualTo("/password-reset/[secret]");
        assertThat(LoggedPaths.redact("/invitations/a-b_c?x=1")).isEqualTo("/invitations/[secret]?x=1");
        assertThat(LoggedPaths.redact("/pledge/sign/0123456789abcdef0123456789abcdef.sig_nature/withdraw"))
                .isEqualTo("/pledge/sign/[secret]/withdraw");
        assertThat(LoggedPaths.redact("/staff/pledges/12")).isEqualTo("/staff/pledges/12");
        assertThat(LoggedPaths.redact(null)).isEmpty();
    }
}
