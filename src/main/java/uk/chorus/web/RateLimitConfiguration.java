package uk.chorus.web;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Requests per minute per client address (per email for sign-in), per instance; 0 turns a limit
 * off. The defaults let a whole school on one shared address through: a class of 30 starting a
 * survey together, each posting a page every few seconds, is far inside them.
 */
@ConfigurationProperties("chorus.rate-limits")
public class RateLimitConfiguration {
    static final int DEFAULT_SIGN_IN = 10;
    static final int DEFAULT_PAGES = 600;
    static final int DEFAULT_NEW_DRAFTS = 120;
    static final int DEFAULT_API = 300;
    static final int DEFAULT_FEEDBACK = 30;
    static final int DEFAULT_PLEDGE = 30;

    private int signInPerMinute = DEFAULT_SIGN_IN;
    private int pagesPerMinute = DEFAULT_PAGES;
    private int newDraftsPerMinute = DEFAULT_NEW_DRAFTS;
    private int apiPerMinute = DEFAULT_API;
    private int feedbackPerMinute = DEFAULT_FEEDBACK;
    private int pledgePerMinute = DEFAULT_PLEDGE;

    int perMinute(RateLimiter.Kind kind) {
        return switch (kind) {
            case SIGN_IN -> signInPerMinute;
            case PAGE -> pagesPerMinute;
            case NEW_DRAFT -> newDraftsPerMinute;
            case API -> apiPerMinute;
            case FEEDBACK -> feedbackPerMinute;
            case PLEDGE -> pledgePerMinute;
        };
    }

    public int getSignInPerMinute() {
        return signInPerMinute;
    }

    public void setSignInPerMinute(int signInPerMinute) {
        this.signInPerMinute = signInPerMinute;
    }

    public int getPagesPerMinute() {
        return pagesPerMinute;
    }

    public void setPagesPerMinute(int pagesPerMinute) {
        this.pagesPerMinute = pagesPerMinute;
    }

    public int getNewDraftsPerMinute() {
        return newDraftsPerMinute;
    }

    public void setNewDraftsPerMinute(int newDraftsPerMinute) {
        this.newDraftsPerMinute = newDraftsPerMinute;
    }

    public int getApiPerMinute() {
        return apiPerMinute;
    }

    public void setApiPerMinute(int apiPerMinute) {
        this.apiPerMinute = apiPerMinute;
    }

    public int getFeedbackPerMinute() {
        return feedbackPerMinute;
    }

    public void setFeedbackPerMinute(int feedbackPerMinute) {
        this.feedbackPerMinute = feedbackPerMinute;
    }

    public int getPledgePerMinute() {
        return pledgePerMinute;
    }

    public void setPledgePerMinute(int pledgePerMinute) {
        this.pledgePerMinute = pledgePerMinute;
    }
}
