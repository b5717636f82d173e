package uk.chorus.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Long unbroken text (email addresses, references) cut into the pieces a line may break between:
 * before each "@" and ".", as style guides break addresses, rather than mid-word wherever the
 * column ends. Templates join the pieces with {@code <wbr>}, so every piece is still escaped.
 */
public final class BreakPoints {
    private BreakPoints() {
    }

    public static List<String> of(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || c == '.') {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }
}
