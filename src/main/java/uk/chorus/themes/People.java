package uk.chorus.themes;

import org.roaringbitmap.longlong.Roaring64Bitmap;

/**
 * How many comments, and how many different people wrote them. Each comment carries who wrote it
 * as one long that cannot collide across sources (a response id; minus a feedback item's id; a
 * pledge organisation below {@link IndexedText#PLEDGE_RESPONDENTS}), so one 64-bit Roaring
 * bitmap over those longs counts every source exactly: no id is clamped or folded onto another,
 * and the memory grows with the people found, not with the largest id.
 */
public final class People {
    private long comments;
    private final Roaring64Bitmap who = new Roaring64Bitmap();

    /** One comment by {@code respondent} (the index's RESPONDENT doc value). */
    public void add(long respondent) {
        comments++;
        who.addLong(respondent);
    }

    public void addAll(People other) {
        comments += other.comments;
        who.or(other.who);
    }

    public long comments() {
        return comments;
    }

    public long count() {
        return who.getLongCardinality();
    }
}
