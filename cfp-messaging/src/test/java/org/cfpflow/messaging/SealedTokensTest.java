package org.cfpflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SealedTokensTest {

    static final String OLD_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String NEW_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    @Test
    void aSealedTokenOpensOnlyForWhatItIsBoundTo() {
        SealedTokens tokens = new SealedTokens("k1", Map.of("k1", OLD_KEY));
        String sealed = tokens.seal("the-secret-token", "proposal-1");
        assertThat(sealed).startsWith("v1.k1.").doesNotContain("the-secret-token");
        assertThat(tokens.seal("the-secret-token", "proposal-1")).as("a fresh IV each time").isNotEqualTo(sealed);
        assertThat(tokens.open(sealed, "proposal-1")).isEqualTo("the-secret-token");
        assertThatThrownBy(() -> tokens.open(sealed, "proposal-2")).isInstanceOf(IllegalArgumentException.class);
        // a character well inside the ciphertext: the last one may carry bits a decoder ignores
        int at = sealed.length() - 10;
        String tampered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThatThrownBy(() -> tokens.open(tampered, "proposal-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.open("http://cfp.test/proposals/1?token=x", "proposal-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afterARotationTokensSealedUnderTheOldKeyStillOpen() {
        String sealedBefore = new SealedTokens("k1", Map.of("k1", OLD_KEY)).seal("older-token", "p");
        SealedTokens rotated = new SealedTokens("k2", Map.of("k1", OLD_KEY, "k2", NEW_KEY));
        assertThat(rotated.open(sealedBefore, "p")).isEqualTo("older-token");
        String sealedAfter = rotated.seal("newer-token", "p");
        assertThat(sealedAfter).startsWith("v1.k2.");
        SealedTokens oldOnly = new SealedTokens("k1", Map.of("k1", OLD_KEY));
        assertThatThrownBy(() -> oldOnly.open(sealedAfter, "p")).hasMessageContaining("does not hold");
        SealedTokens retired = new SealedTokens("k2", Map.of("k2", NEW_KEY));
        assertThatThrownBy(() -> retired.open(sealedBefore, "p")).hasMessageContaining("'k1'");
    }

    @Test
    void aMissingOrWeakKeyStopsTheServiceWithWhatToSet() {
        assertThatThrownBy(() -> new SealedTokens(null, Map.of())).hasMessageContaining("cfp.tokens.current");
        assertThatThrownBy(() -> new SealedTokens("k1", Map.of("k1", "c2hvcnQ="))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SealedTokens("K 1", Map.of("K 1", OLD_KEY))).hasMessageContaining("key id");
    }
}
