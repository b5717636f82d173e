package uk.chorus.demo;

import jakarta.inject.Singleton;
import uk.chorus.feedback.Channel;
import uk.chorus.feedback.FeedbackRecords;
import uk.chorus.feedback.Inspections;
import uk.chorus.feedback.NewFeedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A year of made-up feedback across every channel: a few hundred answers to "was this page
 * helpful?" on the Local Offer, monthly coffee mornings, two focus groups, the forum's monthly
 * reports, service feedback, complaints and compliments, and two Young Inspectors' visits whose
 * recommendations are at different stages. Words come from the same bank as the survey answers.
 */
@Singleton
class DemoFeedback implements DemoPart {
    static final List<String> PAGES = List.of("Short breaks", "EHC needs assessments", "SEN Support in schools",
            "Travel to school", "Preparing for adulthood", "Speech and language therapy", "Autism support",
            "Personal budgets");
    private static final Map<String, Double> PAGE_LEANING = Map.of("local-offer", 6.0, "short-breaks", 2.0);
    private static final List<String> SERVICES = List.of("SEND team", "Speech and language therapy",
            "Child and adolescent mental health", "Short breaks service", "SENDIASS", "Educational psychology");
    private final FeedbackRecords records;
    private final Inspections inspections;
    private final Clock clock;
    private final DemoComments comments = new DemoComments();

    DemoFeedback(FeedbackRecords records, Inspections inspections, Clock clock) {
        this.records = records;
        this.inspections = inspections;
        this.clock = clock;
    }

    @Override
    public void load(Random random) {
        LocalDate today = LocalDate.now(clock);
        List<NewFeedback> items = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            String page = PAGES.get(Math.min(PAGES.size() - 1, (int) Math.abs(random.nextGaussian() * 2.5)));
            boolean helpful = random.nextDouble() < (page.equals("Short breaks") ? 0.42 : 0.63);
            String words = !helpful && random.nextDouble() < 0.55 ? comments.fromParent(random, PAGE_LEANING) : null;
            items.add(new NewFeedback(UUID.randomUUID(), Channel.LOCAL_OFFER, page, day(today, random), helpful, words,
                    Map.of(), null, null));
        }
        for (int month = 0; month < 12; month++) {
            LocalDate meeting = today.minusMonths(month).withDayOfMonth(Math.min(12, today.getDayOfMonth()));
            for (int note = 0; note < 3 + random.nextInt(3); note++) {
                items.add(staffNote(Channel.COFFEE_MORNING, "Parent carer forum coffee morning", meeting, random));
            }
            items.add(staffNote(Channel.FORUM_REPORT, "Parent carer forum", meeting.withDayOfMonth(1), random));
        }
        for (LocalDate focus : List.of(today.minusMonths(8), today.minusMonths(2))) {
            for (int note = 0; note < 6; note++) {
                items.add(staffNote(Channel.FOCUS_GROUP, "Preparing for adulthood focus group", focus, random));
            }
        }
        for (int i = 0; i < 40; i++) {
            Channel channel = i < 26 ? Channel.SERVICE : i < 33 ? Channel.COMPLAINT : Channel.COMPLIMENT;
            String text = channel == Channel.COMPLIMENT ? COMPLIMENTS.get(random.nextInt(COMPLIMENTS.size()))
                    : comments.fromParent(random, Map.of());
            NewFeedback.Contact contact = random.nextDouble() < 0.2
                    ? new NewFeedback.Contact("Demo Parent " + i, "parent" + i + "@demo.example", null) : null;
            items.add(new NewFeedback(UUID.randomUUID(), channel, SERVICES.get(random.nextInt(SERVICES.size())),
                    day(today, random), null, text, Map.of("ehcp", random.nextBoolean() ? "ehcp" : "sen-support"),
                    null, contact));
        }
        records.storeAll(items);
        visits(today);
    }

    private void visits(LocalDate today) {
        long clubs = inspections.record(new Inspections.NewVisit("Riverside short breaks club", today.minusMonths(7),
                "Amira, Josh and Kai", "Staff knew everyone's names and the sensory room was brilliant.",
                "The sign-up form is long and only online, and there is nothing on Saturdays for over-16s.",
                List.of("Make a paper and easy read version of the sign-up form.",
                        "Run a Saturday session for young people aged 16 to 25.",
                        "Ask young people to help choose the trips."), "lead@demo.example"));
        var club = inspections.find(clubs).orElseThrow().recommendations();
        inspections.answer(clubs, club.get(0).id(), Inspections.Status.DONE, "Paper and easy read forms are at reception.",
                "service@demo.example");
        inspections.answer(clubs, club.get(1).id(), Inspections.Status.IN_PROGRESS,
                "A pilot starts next term at the youth centre.", "service@demo.example");
        inspections.answer(clubs, club.get(2).id(), Inspections.Status.NOT_ACCEPTED,
                "Trips are chosen by the provider's insurer; we will share the list in advance instead.",
                "service@demo.example");
        long college = inspections.record(new Inspections.NewVisit("Northtown College learning support",
                today.minusMonths(2), null, "Tutors explained things clearly and the quiet room helped.",
                "Nobody told students who their key worker was, and the canteen is too loud.",
                List.of("Tell every student who their key worker is in the first week.",
                        "Make a quiet space available at lunchtime.",
                        "Put transition information on the college website in plain English."), "lead@demo.example"));
        var support = inspections.find(college).orElseThrow().recommendations();
        inspections.answer(college, support.get(0).id(), Inspections.Status.ACCEPTED, null, "service@demo.example");
    }

    private NewFeedback staffNote(Channel channel, String subject, LocalDate day, Random random) {
        return new NewFeedback(null, channel, subject, day, null, comments.fromParent(random, Map.of()),
                random.nextDouble() < 0.5 ? Map.of("ehcp", random.nextBoolean() ? "ehcp" : "sen-support") : Map.of(),
                "lead@demo.example", null);
    }

    private static LocalDate day(LocalDate today, Random random) {
        return today.minusDays(random.nextInt(365));
    }

    private static final List<String> COMPLIMENTS = List.of(
            "The speech therapist was brilliant with my son and explained everything to us.",
            "Thank you to the SENDIASS officer who came to the annual review with me.",
            "The short breaks staff made my daughter feel safe, she can't wait to go back.",
            "Our caseworker answered every email within a day. It made such a difference.");
}
