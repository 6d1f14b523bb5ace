package org.cfpflow.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret (a speaker's edit token) as it may cross Kafka and rest in a store: encrypted with AES-256-GCM under a key
 * from configuration ({@link TokenKeys}) that only the services which need the secret hold, and bound to what it
 * belongs to (the proposal id, as associated data), so that it cannot be moved to another proposal's event.
 * The form is {@code v1.<key id>.<base64url(iv, ciphertext and tag)>}: the key id lets keys rotate, a service
 * opening what was sealed under any key it still holds.
 */
public final class SealedTokens {

    private static final String VERSION = "v1";
    private static final Pattern KEY_ID = Pattern.compile("^[a-z0-9-]{1,32}$");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId the key new secrets are sealed with
     * @param base64Keys   every key this service may open with, by id: 32 random bytes each, in Base64
     */
    public SealedTokens(String currentKeyId, Map<String, String> base64Keys) {
        if (currentKeyId == null || !base64Keys.containsKey(currentKeyId)) {
            throw new IllegalStateException("cfp.tokens.current (CFP_TOKENS_CURRENT) must name one of the keys in "
                    + "cfp.tokens.keys (CFP_TOKENS_KEYS_<ID>, 32 random bytes in Base64, e.g. openssl rand -base64 32); "
                    + "the submission- and the notification-service need the same keys");
        }
        base64Keys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("cfp.tokens.keys: key id '" + id + "' must match " + KEY_ID.pattern());
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key.strip());
            }
            catch (IllegalArgumentException e) {
                throw new IllegalStateException("cfp.tokens.keys." + id + " is not Base64", e);
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("cfp.tokens.keys." + id + " must be 32 bytes (AES-256), not " + bytes.length);
            }
            keys.put(id, new SecretKeySpec(bytes, "AES"));
        });
        this.currentKeyId = currentKeyId;
    }

    public SealedTokens(TokenKeys keys) {
        this(keys.current(), keys.keys());
    }

    /** Encrypts the secret under the current key, bound to {@code boundTo}. */
    public String seal(String secret, String boundTo) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), iv, boundTo);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] message = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + "." + currentKeyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(message);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }

    /**
     * The secret, if it was sealed for {@code boundTo} under a key this service holds.
     *
     * @throws IllegalArgumentException for anything else: another form, an unknown key, another binding, tampering
     */
    public String open(String sealed, String boundTo) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a sealed token");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalArgumentException("sealed under key '" + parts[1] + "', which this service does not hold");
        }
        try {
            byte[] message = Base64.getUrlDecoder().decode(parts[2]);
            if (message.length <= IV_BYTES) {
                throw new IllegalArgumentException("not a sealed token");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(message, IV_BYTES), boundTo);
            return new String(cipher.doFinal(message, IV_BYTES, message.length - IV_BYTES), StandardCharsets.UTF_8);
        }
        catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed token was altered or belongs to something else");
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every JVM", e);
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] iv, String boundTo) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
