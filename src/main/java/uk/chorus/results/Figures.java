package uk.chorus.results;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/** How results' numbers are written: whole percentages, counts with thousands separators, "[c]". */
final class Figures {
    /** The Government Statistical Service's symbol for a figure withheld to protect confidentiality. */
    static final String SUPPRESSED = "[c]";

    private Figures() {
    }

    static String count(long count) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(count);
    }

    /** A share as a whole percentage; a share above 0 that rounds to 0 shows as "<1%". */
    static String percent(double share) {
        if (Double.isNaN(share)) {
            return "";
        }
        long whole = Math.round(share * 100);
        if (whole == 0 && share > 0) {
            return "<1%";
        }
        return whole + "%";
    }

    /** A change in percentage points, signed: "+12", "-3", "0". */
    static String points(double change) {
        long whole = Math.round(change * 100);
        return whole > 0 ? "+" + whole : Long.toString(whole);
    }

    /** A number to one decimal place: "12.5", "-0.4". */
    static String decimal(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(value);
    }

    static String signedDecimal(double value) {
        String text = decimal(value);
        return value > 0.05 ? "+" + text : text;
    }

    /**
     * The change between two figures as they are shown: each rounded first ({@code perUnit} 100 for
     * whole percentages, 10 for one decimal place), so a reader's subtraction gives the change shown.
     */
    static double roundedChange(double before, double after, int perUnit) {
        return (Math.round(after * perUnit) - Math.round(before * perUnit)) / (double) perUnit;
    }
}
