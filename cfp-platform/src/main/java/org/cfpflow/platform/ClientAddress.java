package org.cfpflow.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a request comes from, as the limits count it. The connection's peer, unless that peer is one of the proxies
 * named in {@code cfp.http.trusted-proxies} (none by default): then the address that proxy saw, from
 * {@code X-Forwarded-For}, read from the right past every trusted proxy, so that a client cannot choose its own
 * address by sending the header. IPv6 clients count per /64, the block one subscriber usually gets.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    /** Only what an IPv6 literal is made of, starting as the JDK's literal parser expects (so it never asks DNS). */
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}$");

    private final List<IpAddressMatcher> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    /** The key a limit counts this request by. */
    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (isTrustedProxy(address)) {
            List<String> forwarded = forwardedFor(request);
            for (int i = forwarded.size() - 1; i >= 0; i--) {
                address = forwarded.get(i);
                if (!isTrustedProxy(address)) {
                    break;
                }
            }
        }
        return group(address);
    }

    /** An IPv4 address as it is, an IPv6 one as its /64; anything else (not an address literal) as one key. */
    static String group(String address) {
        InetAddress parsed = literal(address);
        if (parsed == null) {
            return "unparseable";
        }
        byte[] bytes = parsed.getAddress();
        if (bytes.length == 4) {
            return parsed.getHostAddress();
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private boolean isTrustedProxy(String address) {
        return literal(address) != null && trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> addresses = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String part : header.split(",")) {
                addresses.add(part.strip());
            }
        }
        return addresses;
    }

    /** Parses an address literal, never a host name (no DNS lookup); null for anything else. */
    private static InetAddress literal(String address) {
        if (address == null) {
            return null;
        }
        String candidate = address.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        try {
            Matcher v4 = IPV4.matcher(candidate);
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) {
                        return null;
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            if (!IPV6.matcher(candidate).matches() || candidate.indexOf(':') < 0) {
                return null;
            }
            return InetAddress.getByName(candidate.toLowerCase(Locale.ROOT));
        }
        catch (UnknownHostException e) {
            return null;
        }
    }
}
