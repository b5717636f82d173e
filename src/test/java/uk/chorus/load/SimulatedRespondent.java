package uk.chorus.load;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import uk.chorus.support.Browser;
import uk.chorus.support.PlainHttpClient;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One family completing a survey through the HTML forms, as a phone on a poor connection does:
 * it thinks between pages, retries a request that failed or timed out, and sometimes presses a
 * button twice. It reads each page's form to decide what to answer, so any survey works.
 */
final class SimulatedRespondent {
    private static final String FORM = "application/x-www-form-urlencoded";
    // A family retries for up to two minutes while the service restarts: on a busy 2-core machine a
    // restart after a kill can take longer than forty quick retries did.
    private static final long PATIENCE_NANOS = 120_000_000_000L;

    private final URI base;
    private final LoadStats stats;
    private final Random random;
    private final int thinkMillis;
    private final double doubleSubmitChance;
    private final PlainHttpClient http;

    SimulatedRespondent(URI base, LoadStats stats, Random random, int thinkMillis, double doubleSubmitChance) {
        this.base = base;
        this.stats = stats;
        this.random = random;
        this.thinkMillis = thinkMillis;
        this.doubleSubmitChance = doubleSubmitChance;
        this.http = new PlainHttpClient(base);
    }

    /** Completes the survey; returns the reference shown on the confirmation page. */
    String complete(String surveyId) throws InterruptedException {
        String code = null;
        try {
            send("GET start", () -> http.get("/s/" + surveyId));
            PlainHttpClient.Reply started = send("POST start", () -> http.post("/s/" + surveyId + "/start", FORM, ""));
            String location = started.header("Location");
            code = location.split("/")[3];
            // A draft is stored when its first page is saved; until then there is nothing to resume.
            boolean stored = false;
            for (int pages = 0; pages < 50; pages++) {
                think();
                if (location.endsWith("/check")) {
                    String check = location;
                    send("GET check", () -> http.get(check));
                    think();
                    String submit = check.replace("/check", "/submit");
                    PlainHttpClient.Reply sent = post("POST submit", submit, "");
                    String done = sent.header("Location");
                    String reference = Jsoup.parse(send("GET done", () -> http.get(done)).body())
                            .select(".govuk-panel__body strong").text();
                    stats.acknowledged.add(reference);
                    stats.unfinishedCodes.remove(code);
                    stats.count("completed");
                    return reference;
                }
                String page = location;
                PlainHttpClient.Reply shown = send("GET page", () -> http.get(page));
                if (shown.status() == 303) {
                    location = shown.header("Location");
                    continue;
                }
                Document document = Jsoup.parse(shown.body());
                PlainHttpClient.Reply saved = post("POST page", page, answer(document.selectFirst("main form")));
                if (saved.status() != 303) {
                    stats.count("unexpected " + saved.status());
                    return null;
                }
                if (!stored) {
                    stored = true;
                    stats.unfinishedCodes.add(code);
                }
                location = saved.header("Location");
            }
            stats.count("too many pages");
            return null;
        } catch (IOException e) {
            stats.count("gave up");
            return null;
        } finally {
            http.close();
        }
    }

    /** A POST that the respondent may press twice; both must land in the same place. */
    private PlainHttpClient.Reply post(String what, String path, String body) throws IOException, InterruptedException {
        PlainHttpClient.Reply first = send(what, () -> http.post(path, FORM, body));
        if (random.nextDouble() < doubleSubmitChance) {
            stats.count("double submits");
            PlainHttpClient.Reply again = send(what, () -> http.post(path, FORM, body));
            if (!String.valueOf(again.header("Location")).equals(String.valueOf(first.header("Location")))) {
                stats.count("double submit landed elsewhere");
            }
        }
        return first;
    }

    private interface Request {
        PlainHttpClient.Reply send() throws IOException;
    }

    /** Sends, retrying what a phone would retry: no connection, a time-out, a 503. */
    private PlainHttpClient.Reply send(String what, Request request) throws IOException, InterruptedException {
        IOException last = null;
        long giveUpAt = System.nanoTime() + PATIENCE_NANOS;
        while (System.nanoTime() < giveUpAt) {
            long t0 = System.nanoTime();
            try {
                PlainHttpClient.Reply reply = request.send();
                if (reply.status() == 503) {
                    stats.count("503");
                    Thread.sleep(250 + random.nextInt(500));
                    continue;
                }
                if (reply.status() >= 500) {
                    stats.count("5xx other than 503");
                }
                stats.record(what, System.nanoTime() - t0);
                return reply;
            } catch (IOException e) {
                last = e;
                stats.count("retries");
                Thread.sleep(250 + random.nextInt(500));
            }
        }
        throw last != null ? last : new IOException("503 every time");
    }

    private void think() throws InterruptedException {
        if (thinkMillis > 0) {
            Thread.sleep(random.nextInt(thinkMillis * 2));
        }
    }

    /** Fills every control of the page's form with a valid answer. */
    private String answer(Element form) {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        Set<String> checkboxGroups = new LinkedHashSet<>();
        List<String> fields = new ArrayList<>();
        for (Element input : form.select("input[type=radio], input[type=checkbox]")) {
            choices.computeIfAbsent(input.attr("name"), k -> new ArrayList<>()).add(input.attr("value"));
            if (input.attr("type").equals("checkbox")) {
                checkboxGroups.add(input.attr("name"));
            }
        }
        choices.forEach((name, values) -> {
            if (checkboxGroups.contains(name)) {
                for (String value : values) {
                    if (random.nextInt(3) == 0) {
                        fields.add(name);
                        fields.add(value);
                    }
                }
            } else {
                fields.add(name);
                fields.add(values.get(random.nextInt(values.size())));
            }
        });
        for (Element input : form.select("input[type=text]")) {
            String name = input.attr("name");
            fields.add(name);
            fields.add(name.endsWith("-month") ? Integer.toString(1 + random.nextInt(12))
                    : name.endsWith("-year") ? Integer.toString(2015 + random.nextInt(10))
                    : input.hasAttr("inputmode") ? Integer.toString(random.nextInt(40))
                    : "Answer " + random.nextInt(1000));
        }
        for (Element textarea : form.select("textarea")) {
            fields.add(textarea.attr("name"));
            fields.add("Families waited " + random.nextInt(60) + " weeks. We need someone who calls back & listens.");
        }
        return Browser.encode(fields.toArray(String[]::new));
    }
}
