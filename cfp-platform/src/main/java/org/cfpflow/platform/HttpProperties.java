package org.cfpflow.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code cfp.http.*}: limits on what clients may send. */
@ConfigurationProperties("cfp.http")
public record HttpProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
