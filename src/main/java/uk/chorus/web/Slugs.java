package uk.chorus.web;

import java.text.Normalizer;
import java.util.Locale;

/** Readable, stable ids made from a title for public addresses ("You said, we did 2026" -> you-said-we-did-2026). */
public final class Slugs {
    private Slugs() {
    }

    public static String of(String title, String fallback) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (plain.length() > 70) {
            plain = plain.substring(0, 70).replaceAll("-+$", "");
        }
        return plain.isEmpty() ? fallback : plain;
    }
}
