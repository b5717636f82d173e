package uk.chorus.web;

import java.util.List;

/**
 * Public pages a feature offers from the home page (the pledge, the Local Offer feedback form),
 * so the home page can link to them without knowing the features that serve them.
 */
public interface HomeLinks {

    /** A heading, a sentence saying what the page is for, and the link's words and address; lower order first. */
    record Link(int order, String heading, String body, String text, String href) {
    }

    List<Link> links();
}
