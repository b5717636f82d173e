package uk.chorus.feedback;

/**
 * The HTML a Local Offer page carries to ask "Was this page helpful?". It is a plain form that
 * posts here and works without JavaScript; where scripts run, it also sends a submission id (so a
 * double press stores one answer; a fresh one after the Back button) and the page's address (so
 * the thank-you page links back). The honeypot field is hidden from people and filled in by robots.
 */
final class Snippet {
    private Snippet() {
    }

    static String html(String base) {
        return """
                <!-- "Was this page helpful?" (Chorus). Put this page's name in the "page" field. -->
                <form method="post" action="%s/feedback/local-offer" class="chorus-feedback">
                  <input type="hidden" name="page" value="PAGE NAME">
                  <input type="hidden" name="return" value="">
                  <input type="hidden" name="submissionId" value="">
                  <fieldset>
                    <legend>Was this page helpful?</legend>
                    <button type="submit" name="helpful" value="yes">Yes</button>
                    <button type="submit" name="helpful" value="no">No</button>
                  </fieldset>
                  <p>
                    <label for="chorus-feedback-text">What were you looking for? (optional)</label><br>
                    <textarea id="chorus-feedback-text" name="text" rows="3" maxlength="5000"></textarea>
                  </p>
                  <p><button type="submit">Send</button></p>
                  <p hidden><label>Leave this empty <input name="website" tabindex="-1" autocomplete="off"></label></p>
                  <script>
                    (function (form) {
                      function fresh() {
                        form.elements["return"].value = location.href;
                        if (window.crypto && crypto.randomUUID) { form.elements.submissionId.value = crypto.randomUUID(); }
                      }
                      fresh();
                      window.addEventListener("pageshow", function (e) { if (e.persisted) { fresh(); } });
                    })(document.currentScript.parentElement);
                  </script>
                </form>
                """.formatted(base);
    }
}
