package org.cfpflow.messaging;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cfp.tokens.*}: the keys that seal speakers' edit tokens on their way to the notification-service
 * ({@link SealedTokens}). {@code keys}: id → 32 random bytes in Base64 ({@code CFP_TOKENS_KEYS_<ID>}); {@code current}:
 * the id new tokens are sealed with. To rotate: add the new key to both services, make it current, and remove the old
 * one once no e-mail sealed under it waits to be sent.
 */
@ConfigurationProperties("cfp.tokens")
public record TokenKeys(String current, @DefaultValue Map<String, String> keys) {
}
