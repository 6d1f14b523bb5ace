package org.cfpflow.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code cfp.http.*}: limits on what clients may send, and the proxies ({@code trusted-proxies}, addresses or CIDR
 * ranges such as {@code 10.0.0.0/8}; none by default) whose {@code X-Forwarded-For} names the client.
 */
@ConfigurationProperties("cfp.http")
public record HttpProperties(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue List<String> trustedProxies) {
}
