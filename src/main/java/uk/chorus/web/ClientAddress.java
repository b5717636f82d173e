package uk.chorus.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The address a request came from, for rate limits and sign-in locks only (it is never stored
 * with answers). Behind a load balancer every request comes from the balancer, so with
 * CHORUS_TRUST_PROXY=true the client is read from X-Forwarded-For, <em>from the right</em>: each
 * proxy appends the address it was called from, so the rightmost entries are written by our own
 * proxies and the leftmost by whoever sent the request, who can write anything there. The client
 * is the rightmost address that is not one of our proxies: the immediate peer alone by default, or
 * every address in CHORUS_TRUSTED_PROXIES (addresses or CIDR ranges, comma-separated).
 */
@Singleton
public class ClientAddress {
    private final boolean trustProxy;
    private final List<IpSubnetFilterRule> trustedProxies;

    ClientAddress(@Value("${chorus.trust-proxy:false}") boolean trustProxy,
                  @Value("${chorus.trusted-proxies:}") String trustedProxies) {
        this.trustProxy = trustProxy;
        this.trustedProxies = parse(trustedProxies);
    }

    public String of(HttpRequest<?> request) {
        String peer = request.getRemoteAddress().getAddress().getHostAddress();
        if (!trustProxy || (!trustedProxies.isEmpty() && !trusted(peer))) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
            Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(hops::add);
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (NetUtil.createInetAddressFromIpAddressString(hop) == null) {
                // Not an address our proxy would write: somebody else wrote it, so stop trusting here.
                return peer;
            }
            if (trustedProxies.isEmpty() || !trusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    private boolean trusted(String address) {
        InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
        if (parsed == null) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(parsed, 0);
        return trustedProxies.stream().anyMatch(rule -> rule.matches(socket));
    }

    /** "10.0.0.0/8, 192.0.2.7, 2001:db8::/32": each an address or a range; anything else is refused at start. */
    static List<IpSubnetFilterRule> parse(String list) {
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String item : list.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("/", 2);
            InetAddress address = NetUtil.createInetAddressFromIpAddressString(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("CHORUS_TRUSTED_PROXIES: '" + entry + "' is not an address or range");
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("CHORUS_TRUSTED_PROXIES: '" + entry + "' has a bad prefix length");
            }
            rules.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
        }
        return List.copyOf(rules);
    }

    /**
     * Whether the page was served over HTTPS, directly or (behind a proxy we trust, or any proxy
     * that says so) through X-Forwarded-Proto: cookies are then Secure and HSTS is sent.
     */
    public static boolean isHttps(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
