package org.cfpflow.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A username and password checked once, then remembered for a few minutes. BCrypt costs tens of milliseconds of CPU
 * by design, and an API client that sends Basic credentials with every request would pay that every time: the fault
 * suite's decider alone kept a core busy. What is remembered is a keyed hash of the pair (HMAC-SHA256, the key made
 * at start-up and never stored), so memory holds no password; failures are never remembered, so guessing stays slow.
 */
final class RememberedCredentials implements AuthenticationProvider {

    private static final int MAX_REMEMBERED = 10_000;

    private final AuthenticationProvider checker;
    private final long rememberNanos;
    private final SecretKeySpec key;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Object principal, Collection<? extends GrantedAuthority> authorities, long until) {
    }

    RememberedCredentials(AuthenticationProvider checker, Duration remember) {
        this.checker = checker;
        this.rememberNanos = remember.toNanos();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        if (!(presented.getCredentials() instanceof String password)) {
            return checker.authenticate(presented);
        }
        String pair = fingerprint(presented.getName(), password);
        Remembered known = remembered.get(pair);
        long now = System.nanoTime();
        if (known != null && now - known.until() < 0) {
            UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(
                    known.principal(), null, known.authorities());
            authenticated.setDetails(presented.getDetails());
            return authenticated;
        }
        Authentication result = checker.authenticate(presented);
        if (result != null && result.isAuthenticated()) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(pair, new Remembered(result.getPrincipal(), result.getAuthorities(), now + rememberNanos));
        }
        return result;
    }

    /** Whether this username and password signed in successfully a short while ago (no hash needed now). */
    boolean remembers(String username, String password) {
        Remembered known = remembered.get(fingerprint(username, password));
        return known != null && System.nanoTime() - known.until() < 0;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
