package uk.chorus.surveys;

import java.util.List;

/**
 * The pictures bundled for the symbols reading level: a few OpenMoji 17 SVGs (CC BY-SA 4.0, by
 * the OpenMoji project at HfG Schwäbisch Gmünd; attributed on every page that shows them), saved
 * under static/symbols/ with the names survey files use. Only what the shipped surveys need is
 * bundled, not the 4,000-picture set.
 */
public final class Symbols {
    private static final List<String> NAMES = List.of("age", "plan", "school", "home", "help", "happy",
            "learn", "friends", "worried", "safe", "feelings", "listen", "talk", "future", "ideas");

    private Symbols() {
    }

    public static List<String> names() {
        return NAMES;
    }

    public static boolean exists(String name) {
        return NAMES.contains(name);
    }

    /** Where a symbol is served from. */
    public static String url(String name) {
        return "/assets/chorus/symbols/" + name + ".svg";
    }
}
