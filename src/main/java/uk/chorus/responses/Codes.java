package uk.chorus.responses;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Resume codes and response references, in Crockford's base 32: no I, L, O or U, so a code read
 * aloud or copied by hand survives, and what people mistype for those letters is read back right.
 * A resume code has 60 random bits (it is the only key to a draft); a reference has 40.
 */
final class Codes {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RESUME_CODE_LENGTH = 12;
    private static final int REFERENCE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    static String newResumeCode() {
        return grouped(random(RESUME_CODE_LENGTH));
    }

    static String newReference() {
        return grouped(random(REFERENCE_LENGTH));
    }

    /** Reads a resume code as a person may have typed it; empty if it cannot be one. */
    static Optional<String> readResumeCode(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        StringBuilder clean = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) >= 0) {
                clean.append(read);
            } else if (c != '-' && c != ' ') {
                return Optional.empty();
            }
        }
        return clean.length() == RESUME_CODE_LENGTH ? Optional.of(grouped(clean.toString())) : Optional.empty();
    }

    private static String random(int length) {
        // One call for all the bytes: SecureRandom is shared and each call takes its lock.
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        StringBuilder code = new StringBuilder(length);
        for (byte b : bytes) {
            code.append(ALPHABET.charAt(b & 0x1F)); // 32 letters: the low five bits pick one evenly
        }
        return code.toString();
    }

    private static String grouped(String code) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(code.charAt(i));
        }
        return out.toString();
    }
}
