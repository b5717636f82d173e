package uk.chorus.web;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Whether text is one email address we can send to: Jakarta Mail's strict parse, a dot in the domain, 254 at most. */
public final class EmailAddresses {
    private EmailAddresses() {
    }

    public static boolean valid(String email) {
        if (email == null || email.isEmpty() || email.length() > 254 || !email.contains("@")) {
            return false;
        }
        try {
            new InternetAddress(email, true).validate();
            return email.substring(email.indexOf('@')).contains(".");
        } catch (AddressException e) {
            return false;
        }
    }
}
