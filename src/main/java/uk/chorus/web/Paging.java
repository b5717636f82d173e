package uk.chorus.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One page of a long list, and the links GOV.UK's pagination component shows under it: previous,
 * next, the first and last pages, the pages either side of this one, and ellipses between. A page
 * number past the end shows the last page, so a link kept from yesterday still lands somewhere.
 */
public record Paging(int page, int pages, int size, long total) {

    /** A link in the page list, or (with no number) the ellipsis standing for the pages left out. */
    public record Item(int number, String href, boolean current, boolean ellipsis) {
    }

    /** What the partial {@code views/partials/pagination} shows. */
    public record Links(String previous, String next, List<Item> items, String label) {
    }

    public static Paging of(Integer requested, long total, int size) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int page = requested == null || requested < 1 ? 1 : Math.min(requested, pages);
        return new Paging(page, pages, size, total);
    }

    public int offset() {
        return (page - 1) * size;
    }

    /** The first and last item shown, counting from 1, for "Showing 51 to 100 of 431". */
    public long from() {
        return total == 0 ? 0 : offset() + 1L;
    }

    public long to() {
        return Math.min(total, (long) page * size);
    }

    /** Null when everything fits on one page: the template then shows no pagination at all. */
    public Links links(IntFunction<String> href, String label) {
        if (pages <= 1) {
            return null;
        }
        List<Item> items = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= pages; n++) {
            boolean shown = n == 1 || n == pages || Math.abs(n - page) <= 1;
            if (!shown) {
                continue;
            }
            if (last != 0 && n - last > 1) {
                items.add(new Item(0, null, false, true));
            }
            items.add(new Item(n, href.apply(n), n == page, false));
            last = n;
        }
        return new Links(page > 1 ? href.apply(page - 1) : null, page < pages ? href.apply(page + 1) : null,
                items, label);
    }
}
