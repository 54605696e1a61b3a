package se.samlyft.integration.subscription;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What kind of address an IP address is, as far as calling it from the platform goes. Only {@link #PUBLIC} addresses
 * (global unicast) are reachable for webhooks; IPv6 addresses that embed an IPv4 address (mapped, compatible, NAT64,
 * 6to4) are judged by the address they embed.
 */
public enum AddressKind {
    PUBLIC("public"),
    LOOPBACK("loopback"),
    PRIVATE("private"),
    LINK_LOCAL("link-local"),
    UNIQUE_LOCAL("unique-local"),
    UNSPECIFIED("unspecified"),
    MULTICAST("multicast"),
    RESERVED("reserved");

    private final String description;

    AddressKind(String description) {
        this.description = description;
    }

    /** How a refusal names the kind, for example "link-local". */
    public String description() {
        return description;
    }

    public static AddressKind of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return switch (address) {
            case Inet4Address v4 -> ofIpv4(bytes);
            case Inet6Address v6 -> ofIpv6(bytes);
            default -> RESERVED;
        };
    }

    private static AddressKind ofIpv4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        int third = a[2] & 0xff;
        if (first == 0) {
            return UNSPECIFIED;
        }
        if (first == 127) {
            return LOOPBACK;
        }
        if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
            return PRIVATE;
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return PRIVATE;
        }
        if (first == 169 && second == 254) {
            return LINK_LOCAL;
        }
        if (first >= 224 && first <= 239) {
            return MULTICAST;
        }
        if (first >= 240
                || (first == 192 && second == 0 && (third == 0 || third == 2))
                || (first == 192 && second == 88 && third == 99)
                || (first == 198 && (second == 18 || second == 19))
                || (first == 198 && second == 51 && third == 100)
                || (first == 203 && second == 0 && third == 113)) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] a) {
        if (allZero(a, 0, 15)) {
            return (a[15] & 0xff) == 0 ? UNSPECIFIED : (a[15] & 0xff) == 1 ? LOOPBACK : embedded(a, 12);
        }
        if (allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return embedded(a, 12);
        }
        if (allZero(a, 0, 12)) {
            return embedded(a, 12);
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
            return allZero(a, 4, 12) ? embedded(a, 12) : PRIVATE;
        }
        if (first == 0x20 && second == 0x02) {
            return embedded(a, 2);
        }
        if (first == 0xff) {
            return MULTICAST;
        }
        if ((first & 0xfe) == 0xfc) {
            return UNIQUE_LOCAL;
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return PRIVATE;
        }
        if (first == 0x20 && second == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return RESERVED;
        }
        if (first == 0x20 && second == 0x01 && a[2] == 0 && a[3] == 0) {
            return RESERVED;
        }
        return (first & 0xe0) == 0x20 ? PUBLIC : RESERVED;
    }

    private static AddressKind embedded(byte[] a, int from) {
        try {
            return ofIpv4(InetAddress.getByAddress(new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]})
                    .getAddress());
        } catch (UnknownHostException impossible) {
            return RESERVED;
        }
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
