package org.cfpflow.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key in a speaker's own calendar link ({@code /{c}/speakers/{key}.ics}): an HMAC-SHA256 of the conference and
 * the speaker's e-mail address under {@code cfp.calendar.key} (32 random bytes in Base64, {@code CFP_CALENDAR_KEY}),
 * which the notification-service (that writes the links) and the schedule-service (that answers them) share. The
 * address is not in the link and cannot be guessed from it; the link shows only what the public schedule shows.
 * Without a key there are no such links.
 */
public final class CalendarLinks {

    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{22}$");

    private final SecretKeySpec key;

    private CalendarLinks(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The links under this key; none when it is blank. Refuses a key that is not 32 bytes in Base64. */
    public static Optional<CalendarLinks> of(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("cfp.calendar.key (CFP_CALENDAR_KEY) is not Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("cfp.calendar.key (CFP_CALENDAR_KEY) must be 32 random bytes in Base64 "
                    + "(openssl rand -base64 32), not " + bytes.length);
        }
        return Optional.of(new CalendarLinks(bytes));
    }

    /** The key of this speaker's calendar in this conference: 128 bits, Base64url. */
    public String keyOf(String conferenceId, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((conferenceId + "\n" + email.strip().toLowerCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }

    /** Whether the key is this speaker's, compared in constant time. */
    public boolean matches(String key, String conferenceId, String email) {
        return MessageDigest.isEqual(keyOf(conferenceId, email).getBytes(StandardCharsets.US_ASCII),
                key.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the text has the form of a key (anything else is not looked up). */
    public static boolean isWellFormed(String key) {
        return key != null && KEY.matcher(key).matches();
    }
}
