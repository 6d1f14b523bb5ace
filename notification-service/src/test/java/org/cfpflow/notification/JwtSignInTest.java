package org.cfpflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The production option: bearer JWTs from an identity provider, roles from a claim. */
class JwtSignInTest extends NotificationServiceTest {

    private static final KeyPair TRUSTED = rsa();
    private static final KeyPair UNTRUSTED = rsa();

    @DynamicPropertySource
    static void trustTheProvidersKey(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("issuer", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
        registry.add("cfp.security.jwt.audience", () -> "cfp-flow");
    }

    @Test
    void theAdminRoleComesFromTheTokensClaimAndATeamRoleFromItsEmail() {
        TestHttp anonymous = TestHttp.localhost(port);
        assertThat(anonymous.get("/api/notifications", "Authorization", bearer(TRUSTED, List.of("ADMIN")))
                .status()).isEqualTo(200);
        assertThat(anonymous.get("/api/notifications?conference=lpc2017", "Authorization",
                bearer(TRUSTED, List.of(), "cfp-flow", "organizer@example.org")).status()).isEqualTo(200);
        assertThat(anonymous.get("/api/notifications?conference=lpc2017", "Authorization",
                bearer(TRUSTED, List.of("ORGANIZER"), "cfp-flow", "someone.else@example.org")).status())
                .as("a role in the token is not a place in the conference's team").isEqualTo(403);
        assertThat(anonymous.get("/api/notifications", "Authorization", bearer(UNTRUSTED, List.of("ADMIN")))
                .status()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceOrWithoutTheUsersEmailIsRefusedWith401() {
        TestHttp anonymous = TestHttp.localhost(port);
        assertThat(anonymous.get("/api/notifications", "Authorization", bearer(TRUSTED, List.of("ORGANIZER"),
                "another-application", "organizer@example.org")).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/notifications", "Authorization", bearer(TRUSTED, List.of("ORGANIZER"),
                null, "organizer@example.org")).status()).as("no audience at all").isEqualTo(401);
        TestHttp.Response noEmail = anonymous.get("/api/notifications", "Authorization", bearer(TRUSTED,
                List.of("ORGANIZER"), "cfp-flow", null));
        assertThat(noEmail.status()).as(noEmail.body()).isEqualTo(401);
        assertThat(anonymous.get("/api/notifications", "Authorization", bearer(TRUSTED, List.of("ORGANIZER"),
                "cfp-flow", " ")).status()).as("a blank e-mail").isEqualTo(401);
    }

    @Test
    void aRefusedTokenGetsAProblemAndTheBearerChallengeWithItsReason() {
        TestHttp.Response refused = TestHttp.localhost(port).get("/api/notifications", "Authorization",
                bearer(UNTRUSTED, List.of("ADMIN")));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("status").asInt()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer ").contains("invalid_token");
    }

    private static String bearer(KeyPair key, List<String> roles) {
        return bearer(key, roles, "cfp-flow", "organizer@example.org");
    }

    private static String bearer(KeyPair key, List<String> roles, String audience, String email) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("u-1").claim("roles", roles)
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
            if (audience != null) {
                claims.audience(audience);
            }
            if (email != null) {
                claims.claim("email", email);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return "Bearer " + jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
