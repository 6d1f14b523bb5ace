package org.cfpflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/proposals");
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnoredEvenFromLoopback() {
        ClientAddress addresses = new ClientAddress(List.of());
        assertThat(addresses.of(from("127.0.0.1", "203.0.113.7"))).isEqualTo("127.0.0.1");
        assertThat(addresses.of(from("10.1.2.3", "203.0.113.7"))).isEqualTo("10.1.2.3");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightmostAddressNoProxyAdded() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8", "127.0.0.1"));
        assertThat(addresses.of(from("10.0.0.5", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.5", "198.51.100.1, 203.0.113.7, 10.0.0.9")))
                .as("what the client wrote itself, left of the first untrusted hop, does not count")
                .isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.5", "198.51.100.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("192.0.2.50", "203.0.113.7"))).as("not a trusted proxy").isEqualTo("192.0.2.50");
        assertThat(addresses.of(from("10.0.0.5", "not-an-address"))).isEqualTo("unparseable");
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        ClientAddress addresses = new ClientAddress(List.of());
        assertThat(addresses.of(from("2001:db8:1:2:aaaa:bbbb:cccc:dddd")))
                .isEqualTo(addresses.of(from("2001:db8:1:2::1")))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(addresses.of(from("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3::/64");
        assertThat(addresses.of(from("::ffff:203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void hostNamesAndJunkAreNeverLookedUp() {
        assertThat(ClientAddress.group("example.org")).isEqualTo("unparseable");
        assertThat(ClientAddress.group("999.1.1.1")).isEqualTo("unparseable");
        assertThat(ClientAddress.group("cafe")).isEqualTo("unparseable");
        assertThat(ClientAddress.group("[::1]")).isEqualTo("0:0:0:0::/64");
    }
}
