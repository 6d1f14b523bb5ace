package org.cfpflow.schedule.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Ids that stay the same across versions of the schedule, so that apps keep their users' favourites: derived
 * from the proposal id or the speaker's name, never from a position in the file. Never from an e-mail address:
 * a hash of one (c3voc's {@code acct:} guid) lets anyone confirm a guessed address.
 */
final class StableIds {

    /** RFC 4122's URL namespace. */
    private static final UUID NAMESPACE_URL = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private StableIds() {
    }

    static UUID talk(String proposalId) {
        return uuid5(NAMESPACE_URL, "urn:cfp-flow:proposal:" + proposalId);
    }

    static UUID room(String room) {
        return uuid5(NAMESPACE_URL, "urn:cfp-flow:room:" + room);
    }

    static UUID person(String name) {
        return uuid5(NAMESPACE_URL, "urn:cfp-flow:person:" + name.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** A positive number for formats that still want one; stable because it is taken from the guid. */
    static long number(String proposalId) {
        return (talk(proposalId).getMostSignificantBits() & 0x7fffffffL) + 1;
    }

    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(namespace));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (uuid.getMostSignificantBits() >>> (8 * (7 - i)));
            bytes[i + 8] = (byte) (uuid.getLeastSignificantBits() >>> (8 * (7 - i)));
        }
        return bytes;
    }
}
