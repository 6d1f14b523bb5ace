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
    }

    @Test
    void rolesComeFromTheTokensClaim() {
        TestHttp anonymous = TestHttp.localhost(port);
        assertThat(anonymous.get("/api/notifications", "Authorization", bearer(TRUSTED, List.of("ORGANIZER")))
                .status()).isEqualTo(200);
        assertThat(anonymous.get("/api/notifications", "Authorization", bearer(TRUSTED, List.of("REVIEWER")))
                .status()).isEqualTo(403);
        assertThat(anonymous.get("/api/notifications", "Authorization", bearer(UNTRUSTED, List.of("ORGANIZER")))
                .status()).isEqualTo(401);
    }

    private static String bearer(KeyPair key, List<String> roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject("u-1").claim("email", "organizer@example.org").claim("roles", roles)
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
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
