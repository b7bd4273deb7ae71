// Tests of the filter language: parser, errors, DNF, BPF and nft generators, matcher agreement.
#include "filter.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>

using nt::Filter;
using nt::FilterError;
using nt::FilterPredicate;
using Field = FilterPredicate::Field;

namespace {

// Compact text of the DNF so expectations stay readable: terms joined by " | ", predicates by
// " & ", e.g. "SA 10.0.0.0/8 & !DP 80".
std::string dnf(const Filter &f) {
    std::string out;
    for (const nt::FilterTerm &t : f.terms()) {
        if (!out.empty()) {
            out += " | ";
        }
        std::string term;
        for (const FilterPredicate &p : t) {
            if (!term.empty()) {
                term += " & ";
            }
            term += p.negate ? "!" : "";
            int len = 0;
            for (uint8_t b : p.mask) {
                len += __builtin_popcount(b);
            }
            const std::string range = p.lo == p.hi
                                          ? std::to_string(p.lo)
                                          : std::to_string(p.lo) + "-" + std::to_string(p.hi);
            char mark[40];
            std::snprintf(mark, sizeof mark, "0x%x/0x%x", p.lo, p.hi);
            switch (p.field) {
            case Field::Family:
                term += "F" + std::to_string(p.lo);
                break;
            case Field::L4Proto:
                term += "P" + std::to_string(p.lo);
                break;
            case Field::SAddr:
            case Field::DAddr:
                term += (p.field == Field::SAddr ? "SA " : "DA ") +
                        nt::addressToString(p.family, p.addr) + "/" + std::to_string(len);
                break;
            case Field::SPort:
                term += "SP " + range;
                break;
            case Field::DPort:
                term += "DP " + range;
                break;
            case Field::IfIndex:
                term += "IX " + std::to_string(p.lo);
                break;
            case Field::IfName:
                term += "IF " + p.ifname;
                break;
            case Field::Mark:
                term += std::string("M ") + mark;
                break;
            }
        }
        out += term.empty() ? "TRUE" : term;
    }
    return out;
}

std::string dnf(std::string_view text) {
    return dnf(Filter::parse(text));
}

// Expects parse(text) to fail at `column` with a message containing `part`.
void expectError(std::string_view text, int column, const std::string &part) {
    SCOPED_TRACE(std::string(text));
    try {
        Filter::parse(text);
        ADD_FAILURE() << "parsed without error";
    } catch (const FilterError &e) {
        EXPECT_EQ(e.column(), column) << e.what();
        EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
        if (column > 0) {
            EXPECT_EQ(std::string(e.what()).rfind("column " + std::to_string(column) + ": ", 0), 0u)
                << e.what();
        }
    }
}

std::array<uint8_t, 16> addr(const char *s) {
    std::array<uint8_t, 16> a{};
    if (std::string(s).find(':') != std::string::npos) {
        EXPECT_EQ(inet_pton(AF_INET6, s, a.data()), 1) << s;
    } else {
        EXPECT_EQ(inet_pton(AF_INET, s, a.data()), 1) << s;
    }
    return a;
}

nt::PacketFields packet(const char *src, const char *dst, uint8_t proto, uint16_t sport = 0,
                        uint16_t dport = 0) {
    nt::PacketFields f;
    f.family = std::string(src).find(':') != std::string::npos ? 6 : 4;
    f.saddr = addr(src);
    f.daddr = addr(dst);
    f.l4proto = proto;
    f.hasPorts = proto == IPPROTO_TCP || proto == IPPROTO_UDP || proto == IPPROTO_SCTP ||
                 proto == IPPROTO_UDPLITE || proto == IPPROTO_DCCP;
    f.sport = sport;
    f.dport = dport;
    return f;
}

const nt::IfIndexResolver kNoInterfaces = [](const std::string &) { return std::nullopt; };

// Filters used by the agreement, round-trip and nft acceptance tests.
const std::vector<std::string> kFilters = {
    "",
    "tcp",
    "udp",
    "sctp",
    "icmp",
    "icmp6",
    "ip",
    "ip6",
    "not tcp",
    "not icmp",
    "host 10.0.0.1",
    "src host 10.0.0.1",
    "dst host 10.0.0.2",
    "not host 10.0.0.1",
    "not src host 10.0.0.1",
    "src and dst net 10.0.0.0/8",
    "src or dst net 10.0.0.0/8",
    "not src and dst net 10.0.0.0/8",
    "net 10.0.0.0/8",
    "net 0.0.0.0/0",
    "not net ::/0",
    "net 2001:db8::/32",
    "host 2001:db8::1",
    "not dst host 2001:db8::2",
    "net 2001:db8::1/128",
    "port 80",
    "not port 80",
    "src port 53",
    "dst portrange 1000-2000",
    "not portrange 0-1023",
    "tcp port 80",
    "udp dst port 53 or 5353",
    "tcp and not port 22",
    "icmp or port 53",
    "not (tcp or udp)",
    "not (host 10.0.0.1 and port 80)",
    "tcp or udp and port 53",
    "(tcp or udp) and port 53",
    "not ip and tcp",
    "not (ip and tcp)",
    "ip6 and not dst net 2001:db8::/32",
    "not dst net 2001:db8::/32 and not src host 10.0.0.1",
    "ifname eth0",
    "not ifname eth0",
    "ifname eth0 or ifname lo",
    "ifindex 2",
    "not ifindex 2 and tcp",
    "mark 0x10",
    "mark 0x1/0xff",
    "not mark 0x1/0xff",
    "mark 0/0",
    "tcp and udp",
    "not (tcp and udp)",
    "host 10.0.0.1 and not host 10.0.0.1",
    "src net 10.0.0.0/8 and tcp dst portrange 80-90",
    "(src host 10.0.0.1 or src host 2001:db8::1) and not (port 22 or icmp or icmp6)",
    "ifname eth0 and not port 443 and mark 0x2/0x2",
    "sctp and src port 9 or udp and not dst port 7",
    "!ip6 && (mark 0x10/0xf0 || ifname eth0)",
};

struct Case {
    nt::PacketFields f;
    uint32_t ifindex;
    std::string ifname;
    uint32_t mark;
};

std::vector<Case> packets() {
    std::vector<Case> out;
    out.push_back({packet("10.0.0.1", "10.0.0.2", IPPROTO_TCP, 40000, 80), 2, "eth0", 0});
    out.push_back({packet("10.0.0.2", "10.0.0.1", IPPROTO_TCP, 80, 40000), 1, "lo", 0x12});
    out.push_back({packet("10.0.0.1", "10.9.9.9", IPPROTO_UDP, 5353, 53), 2, "eth0", 0x1});
    out.push_back({packet("192.168.1.1", "10.0.0.1", IPPROTO_ICMP), 2, "eth0", 0x2});
    out.push_back({packet("172.16.0.1", "8.8.8.8", IPPROTO_TCP, 22, 1500), 3, "wlan0", 0xff01});
    out.push_back({packet("10.1.1.1", "10.2.2.2", IPPROTO_SCTP, 9, 7), 2, "eth0", 0x10});
    out.push_back({packet("10.1.1.1", "10.2.2.2", IPPROTO_UDP, 9, 7), 3, "wlan0", 0x13});
    out.push_back({packet("2001:db8::1", "2001:db8::2", IPPROTO_TCP, 443, 50000), 2, "eth0", 0});
    out.push_back({packet("2001:db8::2", "fe80::1", IPPROTO_ICMPV6), 1, "lo", 0x2});
    out.push_back({packet("fe80::5", "2001:db9::1", IPPROTO_UDP, 53, 53), 3, "wlan0", 0x11});
    out.push_back({packet("::1", "::1", IPPROTO_TCP, 22, 22), 1, "lo", 0});
    // A non-first fragment: no ports even though the protocol is TCP.
    nt::PacketFields frag = packet("10.0.0.1", "10.0.0.2", IPPROTO_TCP);
    frag.fragment = true;
    frag.hasPorts = false;
    out.push_back({frag, 2, "eth0", 0});
    // DCCP has ports in PacketFields but is not a port protocol for the filter.
    out.push_back({packet("10.0.0.1", "10.0.0.2", IPPROTO_DCCP, 80, 80), 2, "eth0", 0});
    // Not IP at all (ARP).
    out.push_back({nt::PacketFields{}, 2, "eth0", 0});
    // IPv4 protocol 58 and IPv6 protocol 1: not icmp6 / icmp.
    out.push_back({packet("10.0.0.1", "10.0.0.2", IPPROTO_ICMPV6), 2, "eth0", 0});
    out.push_back({packet("2001:db8::1", "2001:db8::2", IPPROTO_ICMP), 2, "eth0", 0});
    return out;
}

std::optional<uint32_t> resolveTest(const std::string &name) {
    static const std::map<std::string, uint32_t> ifs = {{"lo", 1}, {"eth0", 2}, {"wlan0", 3}};
    const auto it = ifs.find(name);
    return it == ifs.end() ? std::nullopt : std::optional<uint32_t>(it->second);
}

bool matchText(std::string_view text, const Case &c) {
    return Filter::parse(text).matches(c.f, c.ifindex, c.ifname, c.mark);
}

} // namespace

// --- primitives ------------------------------------------------------------------------------

TEST(FilterParse, EmptyMatchesEverything) {
    for (const char *text : {"", "   ", "\t\n"}) {
        const Filter f = Filter::parse(text);
        EXPECT_TRUE(f.empty());
        EXPECT_TRUE(f.terms().empty());
        EXPECT_EQ(f.text(), text);
        EXPECT_TRUE(f.matches(nt::PacketFields{}, 0, {}, 0));
        EXPECT_EQ(f.toBpf(kNoInterfaces).enabled, 0u);
        EXPECT_EQ(f.toNft(), std::vector<std::string>{""});
        EXPECT_EQ(f.toString(), "");
    }
    EXPECT_TRUE(Filter().empty());
}

TEST(FilterParse, Protocols) {
    EXPECT_EQ(dnf("tcp"), "P6");
    EXPECT_EQ(dnf("udp"), "P17");
    EXPECT_EQ(dnf("sctp"), "P132");
    EXPECT_EQ(dnf("icmp"), "F4 & P1");
    EXPECT_EQ(dnf("icmp6"), "F6 & P58");
    EXPECT_EQ(dnf("ip"), "F4");
    EXPECT_EQ(dnf("ip6"), "F6");
    EXPECT_EQ(dnf("TCP"), "P6"); // keywords are case-insensitive
}

TEST(FilterParse, HostsAndDirections) {
    EXPECT_EQ(dnf("host 10.0.0.1"), "SA 10.0.0.1/32 | DA 10.0.0.1/32");
    EXPECT_EQ(dnf("src host 10.0.0.1"), "SA 10.0.0.1/32");
    EXPECT_EQ(dnf("dst host 10.0.0.1"), "DA 10.0.0.1/32");
    EXPECT_EQ(dnf("src or dst host 10.0.0.1"), "SA 10.0.0.1/32 | DA 10.0.0.1/32");
    EXPECT_EQ(dnf("dst or src host 10.0.0.1"), "SA 10.0.0.1/32 | DA 10.0.0.1/32");
    EXPECT_EQ(dnf("src and dst host 10.0.0.1"), "SA 10.0.0.1/32 & DA 10.0.0.1/32");
    EXPECT_EQ(dnf("src 10.0.0.1"), "SA 10.0.0.1/32");
    EXPECT_EQ(dnf("10.0.0.1"), "SA 10.0.0.1/32 | DA 10.0.0.1/32");
    EXPECT_EQ(dnf("dst 10.0.0.0/8"), "DA 10.0.0.0/8");
}

TEST(FilterParse, NetsAndMasks) {
    EXPECT_EQ(dnf("net 10.0.0.0/8"), "SA 10.0.0.0/8 | DA 10.0.0.0/8");
    EXPECT_EQ(dnf("src net 192.168.1.128/25"), "SA 192.168.1.128/25");
    EXPECT_EQ(dnf("src net 10.0.0.1"), "SA 10.0.0.1/32"); // no length: the whole address
    EXPECT_EQ(dnf("src net 10.0.0.1/32"), "SA 10.0.0.1/32");
    EXPECT_EQ(dnf("net 0.0.0.0/0"), "F4"); // any IPv4 address
    EXPECT_EQ(dnf("src net ::/0"), "F6");
    EXPECT_EQ(dnf("net 2001:db8::/32"), "SA 2001:db8::/32 | DA 2001:db8::/32");
    EXPECT_EQ(dnf("dst net 2001:db8::1/128"), "DA 2001:db8::1/128");
    EXPECT_EQ(dnf("src net 2001:db8:8000::/33"), "SA 2001:db8:8000::/33");

    const Filter f = Filter::parse("src net 10.128.0.0/9");
    ASSERT_EQ(f.terms().size(), 1u);
    const FilterPredicate &p = f.terms()[0][0];
    EXPECT_EQ(p.family, 4);
    EXPECT_EQ((std::array<uint8_t, 4>{p.mask[0], p.mask[1], p.mask[2], p.mask[3]}),
              (std::array<uint8_t, 4>{0xff, 0x80, 0, 0}));
    EXPECT_EQ(p.mask[4], 0);

    expectError("net 10.0.0.1/8", 5, "did you mean 10.0.0.0/8?");
    expectError("net 2001:db8::1/32", 5, "did you mean 2001:db8::/32?");
    expectError("net 10.0.0.0/33", 14,
                "expected a prefix length from 0 to 32 after '/', found '33'");
    expectError("net 2001:db8::/129", 16, "from 0 to 128");
    expectError("net 10.0.0.0/x", 14, "found 'x'");
}

TEST(FilterParse, Ports) {
    EXPECT_EQ(dnf("port 80"), "SP 80 | DP 80");
    EXPECT_EQ(dnf("src port 53"), "SP 53");
    EXPECT_EQ(dnf("dst port 0x50"), "DP 80");
    EXPECT_EQ(dnf("portrange 1000-2000"), "SP 1000-2000 | DP 1000-2000");
    EXPECT_EQ(dnf("src and dst port 22"), "SP 22 & DP 22");
    EXPECT_EQ(dnf("tcp port 80"), "P6 & SP 80 | P6 & DP 80");
    EXPECT_EQ(dnf("tcp dst port 80"), "P6 & DP 80");
}

TEST(FilterParse, AbbreviatedRepeatsQualifiers) {
    EXPECT_EQ(dnf("port 80 or 443"), dnf("port 80 or port 443"));
    EXPECT_EQ(dnf("tcp dst port 80 or 443"), dnf("tcp dst port 80 or tcp dst port 443"));
    EXPECT_EQ(dnf("src host 10.0.0.1 or 10.0.0.2"), "SA 10.0.0.1/32 | SA 10.0.0.2/32");
    EXPECT_EQ(dnf("host 10.0.0.1 and not 10.0.0.2"), dnf("host 10.0.0.1 and not host 10.0.0.2"));
}

TEST(FilterParse, IfnameIfindexMark) {
    EXPECT_EQ(dnf("ifname eth0"), "IF eth0");
    EXPECT_EQ(dnf("ifname \"veth-a.1@x\""), "IF veth-a.1@x");
    EXPECT_EQ(dnf("ifindex 7"), "IX 7");
    EXPECT_EQ(dnf("mark 0x10"), "M 0x10/0xffffffff");
    EXPECT_EQ(dnf("mark 16"), "M 0x10/0xffffffff");
    EXPECT_EQ(dnf("mark 0x1/0xff"), "M 0x1/0xff");
    EXPECT_EQ(dnf("mark 0/0"), "TRUE");
    EXPECT_EQ(dnf("not mark 0/0"), "");
}

// --- operators -------------------------------------------------------------------------------

TEST(FilterParse, PrecedenceNotAndOr) {
    EXPECT_EQ(dnf("tcp or udp and port 53"), "P6 | P17 & SP 53 | P17 & DP 53");
    EXPECT_EQ(dnf("tcp or udp && src port 53"), dnf("tcp || (udp and src port 53)"));
    EXPECT_EQ(dnf("not ip and tcp"), "!F4 & P6");
    EXPECT_EQ(dnf("! ip && tcp"), "!F4 & P6");
    EXPECT_EQ(dnf("not tcp or udp"), "!P6 | P17");
}

TEST(FilterParse, Parentheses) {
    EXPECT_EQ(dnf("(tcp or udp) and src port 53"), "P6 & SP 53 | P17 & SP 53");
    EXPECT_EQ(dnf("not (ip and tcp)"), "!F4 | !P6");
    EXPECT_EQ(dnf("((tcp))"), "P6");
}

TEST(FilterParse, DeMorgan) {
    EXPECT_EQ(dnf("not (host 10.0.0.1 or port 80)"),
              "!SA 10.0.0.1/32 & !DA 10.0.0.1/32 & !SP 80 & !DP 80");
    EXPECT_EQ(dnf("not (src host 10.0.0.1 and dst port 80)"), "!SA 10.0.0.1/32 | !DP 80");
    EXPECT_EQ(dnf("not not tcp"), "P6");
    EXPECT_EQ(dnf("not icmp"), "!F4 | !P1");
    EXPECT_EQ(dnf("not src and dst host 10.0.0.1"), "!SA 10.0.0.1/32 | !DA 10.0.0.1/32");
}

TEST(FilterParse, Simplification) {
    EXPECT_EQ(dnf("tcp and udp"), ""); // never true
    EXPECT_EQ(dnf("ip and ip6"), "");
    EXPECT_EQ(dnf("icmp and port 80"), ""); // ICMP has no ports
    EXPECT_EQ(dnf("src port 80 and src port 81"), "");
    EXPECT_EQ(dnf("src host 10.0.0.1 and src host 10.0.0.2"), "");
    EXPECT_EQ(dnf("host 10.0.0.1 and not host 10.0.0.1"), "");
    EXPECT_EQ(dnf("tcp and not tcp"), "");
    EXPECT_EQ(dnf("tcp or tcp"), "P6");
    EXPECT_EQ(dnf("tcp or (tcp and port 80)"), "P6"); // absorption
    EXPECT_EQ(dnf("ip and host 10.0.0.1"), "SA 10.0.0.1/32 | DA 10.0.0.1/32");
    EXPECT_EQ(dnf("ip6 and not host 10.0.0.1"), "F6"); // an IPv6 packet has no IPv4 address
    EXPECT_EQ(dnf("icmp and not port 80"), "F4 & P1");
    EXPECT_EQ(dnf("tcp and not udp"), "P6");
    EXPECT_EQ(dnf("tcp or mark 0/0"), "TRUE");
    EXPECT_EQ(dnf("not tcp or tcp"), "!P6 | P6"); // tautologies across terms are not searched for
    EXPECT_EQ(dnf("mark 0x1/0x1 and mark 0x0/0x1"), "");
    EXPECT_EQ(dnf("ifindex 1 and ifindex 2"), "");

    const Filter never = Filter::parse("tcp and udp");
    EXPECT_FALSE(never.empty());
    EXPECT_TRUE(never.toNft().empty());
    const nt_filter b = never.toBpf(kNoInterfaces);
    EXPECT_EQ(b.enabled, 1u);
    EXPECT_EQ(b.nterms, 0u);
    EXPECT_EQ(Filter::parse("tcp or mark 0/0").toBpf(kNoInterfaces).enabled, 0u);
}

// --- errors ----------------------------------------------------------------------------------

TEST(FilterErrors, ColumnsAndMessages) {
    expectError("tcp and port http", 14, "expected a port number after 'port', found 'http'");
    expectError("port", 5, "expected a port number after 'port', found the end of the filter");
    expectError("port 70000", 6, "port 70000 is out of range");
    expectError("portrange 90-80", 11, "starts above its end; write 80-90");
    expectError("portrange 80", 11, "expected a port range like 8000-8080 after 'portrange'");
    expectError("host example.com", 6,
                "expected an IPv4 or IPv6 address (host names are not resolved) after 'host', "
                "found 'example.com'");
    expectError("host 10.0.0.0/8", 6, "write 'net 10.0.0.0/8' for a prefix");
    expectError("src foo", 5,
                "expected 'host', 'net', 'port' or 'portrange' after 'src', found 'foo'");
    expectError("tcp port 80 udp", 13,
                "expected 'and', 'or' or the end of the filter after '80', found 'udp'");
    expectError("ether host 1.2.3.4", 1, "unknown word 'ether'");
    expectError("tcp and", 8,
                "expected a filter primitive after 'and', found the end of the filter");
    expectError("tcp or or udp", 8, "after 'or', found 'or'");
    expectError(")", 1, "expected a filter primitive");
    expectError("()", 2, "after '(', found ')'");
    expectError("(tcp or udp", 12,
                "expected ')' to close the '(' at column 1, found the end of the filter");
    expectError("tcp)", 4, "found ')' without a matching '('");
    expectError("tcp & udp", 5, "expected '&&' (or 'and'), found '&'");
    expectError("tcp | udp", 5, "expected '||' (or 'or')");
    expectError("ifname \"eth0", 8, "has no closing '\"'");
    expectError("ifname", 7, "expected an interface name after 'ifname'");
    expectError("ifname eth*", 8, "contains '*'");
    expectError("ifname abcdefghijklmnop", 8, "must be 1 to 15 characters long");
    expectError("ifname \"\"", 8, "must be 1 to 15 characters long");
    expectError("ifindex 0", 9, "expected an interface index");
    expectError("mark", 5, "expected a 32-bit mark like 0x10 or 0x10/0xff after 'mark'");
    expectError("mark 0x100000000", 6, "expected a 32-bit mark");
    expectError("mark 0x100/0xff", 6, "has bits outside its mask");
    expectError("port 80 or http", 12, "unknown word 'http'");
    expectError("port 80 or 1.2.3.4", 12, "expected a port number after 'port', found '1.2.3.4'");
    expectError(std::string(65, '(') + "tcp" + std::string(65, ')'), 65,
                "nested more than 64 deep");
    expectError(std::string(5000, ' '), 4097, "longer than 4096 characters");
    // Deep nesting within the limit parses.
    EXPECT_EQ(dnf(std::string(60, '(') + "tcp" + std::string(60, ')')), "P6");
}

TEST(FilterErrors, TooManyAlternatives) {
    std::string text = "port 1";
    for (int i = 2; i <= 9; ++i) {
        text += " or port " + std::to_string(i);
    }
    // 9 ports in either direction: 18 alternatives.
    try {
        Filter::parse(text);
        ADD_FAILURE() << "no error";
    } catch (const FilterError &e) {
        EXPECT_EQ(e.column(), 0);
        EXPECT_STREQ(
            e.what(),
            "the filter expands to 18 alternatives; at most 16 are supported — simplify it");
    }
    // 8 ports are exactly 16 alternatives.
    EXPECT_EQ(Filter::parse(text.substr(0, text.rfind(" or"))).terms().size(), 16u);

    // Products blow up before simplification could help: stop early.
    std::string big;
    for (int g = 0; g < 6; ++g) {
        big += g ? " and (" : "(";
        for (int b = 0; b < 4; ++b) {
            const unsigned bit = 1u << (g * 4 + b);
            char m[32];
            std::snprintf(m, sizeof m, "%smark 0x%x/0x%x", b ? " or " : "", bit, bit);
            big += m;
        }
        big += ")";
    }
    try {
        Filter::parse(big);
        ADD_FAILURE() << "no error";
    } catch (const FilterError &e) {
        EXPECT_NE(std::string(e.what()).find("more than 1024 alternatives"), std::string::npos)
            << e.what();
    }
}

TEST(FilterErrors, TooManyTestsInOneAlternative) {
    std::string text = "tcp";
    for (int i = 0; i < 8; ++i) {
        char m[32];
        std::snprintf(m, sizeof m, " and mark 0x%x/0x%x", 1u << i, 1u << i);
        text += m;
    }
    try {
        Filter::parse(text);
        ADD_FAILURE() << "no error";
    } catch (const FilterError &e) {
        EXPECT_EQ(e.column(), 0);
        EXPECT_NE(std::string(e.what()).find("needs 9 tests; at most 8 are supported"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_NO_THROW(Filter::parse(text.substr(0, text.rfind(" and"))));
}

TEST(FilterErrors, TooManyNftRules) {
    // Each alternative needs 2 (iifname/oifname) x 2 (iif/oif) x 2 (port protocol or not) rules.
    std::string names = "ifname a";
    for (char c = 'b'; c <= 'h'; ++c) {
        names += std::string(" or ifname ") + c;
    }
    const Filter ok = Filter::parse("(" + names + ") and ifindex 2 and not src port 80");
    EXPECT_EQ(ok.terms().size(), 8u);
    EXPECT_EQ(ok.toNft().size(), 64u);
    try {
        Filter::parse("(" + names + " or ifname i) and ifindex 2 and not src port 80");
        ADD_FAILURE() << "no error";
    } catch (const FilterError &e) {
        EXPECT_EQ(e.column(), 0);
        EXPECT_NE(std::string(e.what()).find("more than 64 rules"), std::string::npos) << e.what();
    }
}

// --- generators ------------------------------------------------------------------------------

TEST(FilterBpf, Layout) {
    const nt_filter b = Filter::parse("src net 10.0.0.0/8 and tcp").toBpf(kNoInterfaces);
    EXPECT_EQ(b.enabled, 1u);
    ASSERT_EQ(b.nterms, 1u);
    ASSERT_EQ(b.npreds[0], 2u);
    EXPECT_EQ(b.preds[0][0].field, NT_PF_L4PROTO);
    EXPECT_EQ(b.preds[0][0].lo, 6u);
    EXPECT_EQ(b.preds[0][0].negate, 0);
    const nt_pred &a = b.preds[0][1];
    EXPECT_EQ(a.field, NT_PF_SADDR);
    EXPECT_EQ(a.family, 4);
    EXPECT_EQ(a.addr[0], 10);
    EXPECT_EQ(a.addr[1], 0);
    EXPECT_EQ(a.mask[0], 0xff);
    EXPECT_EQ(a.mask[1], 0);

    const nt_filter n =
        Filter::parse("not dst portrange 80-90 or mark 0x1/0x3").toBpf(kNoInterfaces);
    ASSERT_EQ(n.nterms, 2u);
    EXPECT_EQ(n.preds[0][0].field, NT_PF_DPORT);
    EXPECT_EQ(n.preds[0][0].negate, 1);
    EXPECT_EQ(n.preds[0][0].lo, 80u);
    EXPECT_EQ(n.preds[0][0].hi, 90u);
    EXPECT_EQ(n.preds[1][0].field, NT_PF_MARK);
    EXPECT_EQ(n.preds[1][0].lo, 1u);
    EXPECT_EQ(n.preds[1][0].hi, 3u);

    const nt_filter v6 = Filter::parse("dst host 2001:db8::1").toBpf(kNoInterfaces);
    EXPECT_EQ(v6.preds[0][0].field, NT_PF_DADDR);
    EXPECT_EQ(v6.preds[0][0].family, 6);
    EXPECT_EQ(v6.preds[0][0].addr[0], 0x20);
    EXPECT_EQ(v6.preds[0][0].addr[15], 0x01);
    EXPECT_EQ(v6.preds[0][0].mask[15], 0xff);
}

TEST(FilterBpf, ResolvesInterfaces) {
    const Filter f = Filter::parse("ifname wlan0 or not ifname eth0");
    const nt_filter b = f.toBpf(resolveTest);
    ASSERT_EQ(b.nterms, 2u);
    EXPECT_EQ(b.preds[0][0].field, NT_PF_IFINDEX);
    EXPECT_EQ(b.preds[0][0].lo, 3u);
    EXPECT_EQ(b.preds[1][0].field, NT_PF_IFINDEX);
    EXPECT_EQ(b.preds[1][0].lo, 2u);
    EXPECT_EQ(b.preds[1][0].negate, 1);

    try {
        Filter::parse("tcp and ifname nosuch0").toBpf(resolveTest);
        ADD_FAILURE() << "no error";
    } catch (const FilterError &e) {
        EXPECT_EQ(e.column(), 0);
        EXPECT_NE(std::string(e.what()).find("no network interface called 'nosuch0'"),
                  std::string::npos)
            << e.what();
    }
}

TEST(FilterNft, ExactOutput) {
    using V = std::vector<std::string>;
    auto nft = [](std::string_view text) { return Filter::parse(text).toNft(); };
    const std::string set = "meta l4proto { tcp, udp, udplite, sctp }";
    EXPECT_EQ(nft("tcp"), V{"meta l4proto tcp"});
    EXPECT_EQ(nft("not udp"), V{"meta l4proto != udp"});
    EXPECT_EQ(nft("icmp"), V{"meta nfproto ipv4 meta l4proto icmp"});
    EXPECT_EQ(nft("icmp6"), V{"meta nfproto ipv6 meta l4proto icmpv6"});
    EXPECT_EQ(nft("ip6"), V{"meta nfproto ipv6"});
    EXPECT_EQ(nft("not ip"), V{"meta nfproto != ipv4"});
    EXPECT_EQ(nft("src net 10.0.0.0/8 and tcp dst portrange 80-90"),
              V{"ip saddr 10.0.0.0/8 tcp dport 80-90"});
    EXPECT_EQ(nft("host 10.0.0.1"), (V{"ip saddr 10.0.0.1", "ip daddr 10.0.0.1"}));
    EXPECT_EQ(nft("not dst host 2001:db8::1"),
              (V{"meta nfproto != ipv6", "ip6 daddr != 2001:db8::1"}));
    EXPECT_EQ(nft("ip6 and not dst net 2001:db8::/32"),
              V{"meta nfproto ipv6 ip6 daddr != 2001:db8::/32"});
    EXPECT_EQ(nft("dst host 2001:db8::1 and not icmp6"),
              V{"meta l4proto != icmpv6 ip6 daddr 2001:db8::1"});
    EXPECT_EQ(nft("tcp port 80"), (V{"tcp sport 80", "tcp dport 80"}));
    EXPECT_EQ(nft("udp and not dst port 53"), V{"udp dport != 53"});
    EXPECT_EQ(nft("dst port 53"), V{set + " th dport 53"});
    EXPECT_EQ(nft("not port 53"), (V{"meta l4proto != { tcp, udp, udplite, sctp }",
                                     set + " th sport != 53 th dport != 53"}));
    EXPECT_EQ(nft("sctp src port 9"), V{"sctp sport 9"});
    EXPECT_EQ(nft("ifname eth0"), (V{"iifname \"eth0\"", "oifname \"eth0\""}));
    EXPECT_EQ(nft("not ifname eth0"), V{"iifname != \"eth0\" oifname != \"eth0\""});
    EXPECT_EQ(nft("ifindex 3"), (V{"iif 3", "oif 3"}));
    EXPECT_EQ(nft("mark 5"), V{"meta mark 0x00000005"});
    EXPECT_EQ(nft("not mark 5"), V{"meta mark != 0x00000005"});
    EXPECT_EQ(nft("mark 0x1/0xff"), V{"meta mark & 0x000000ff == 0x00000001"});
    EXPECT_EQ(nft("not mark 0x1/0xff"), V{"meta mark & 0x000000ff != 0x00000001"});
    EXPECT_EQ(nft("not dst net 2001:db8::/32 and not src host 10.0.0.1"),
              (V{"ip6 daddr != 2001:db8::/32", "ip saddr != 10.0.0.1"}));
    EXPECT_EQ(nft("tcp and udp"), V{});
    EXPECT_EQ(nft("net 0.0.0.0/0"), V{"meta nfproto ipv4"});
}

// Every generated expression must load into a real inet table. Uses `nft -c` (check only: the
// ruleset is not changed), which needs root and the nf_tables netlink API.
TEST(FilterNft, AcceptedByNft) {
    if (geteuid() != 0) {
        GTEST_SKIP() << "nft -c needs root";
    }
    if (std::system("command -v nft >/dev/null 2>&1") != 0) {
        GTEST_SKIP() << "nft is not installed";
    }
    char dir[] = "/tmp/nt-filter-test-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    const std::string path = std::string(dir) + "/rules.nft";
    auto check = [&](const std::vector<std::string> &exprs, std::string *errors) {
        {
            std::ofstream out(path);
            out << "table inet nt_filter_test {\n chain c {\n  type filter hook prerouting "
                   "priority -500;\n";
            for (const std::string &e : exprs) {
                out << "  " << e << (e.empty() ? "" : " ") << "meta nftrace set 1\n";
            }
            out << " }\n}\n";
        }
        const std::string cmd = "nft -c -f " + path + " 2>&1";
        std::string output;
        if (FILE *p = popen(cmd.c_str(), "r")) {
            char buf[512];
            while (fgets(buf, sizeof buf, p)) {
                output += buf;
            }
            const int rc = pclose(p);
            *errors = output;
            return rc == 0;
        }
        *errors = "popen failed";
        return false;
    };
    std::string errors;
    if (!check({"tcp dport 1"}, &errors)) {
        std::remove(path.c_str());
        rmdir(dir);
        GTEST_SKIP() << "nft -c does not work here: " << errors;
    }
    std::vector<std::string> all;
    for (const std::string &text : kFilters) {
        for (const std::string &e : Filter::parse(text).toNft()) {
            all.push_back(e);
        }
    }
    for (const char *text : {"ifname \"a.b-c_d@e+f\"", "not portrange 0-65535", "mark 0xffffffff",
                             "ip6 and dst host ::ffff:1.2.3.4"}) {
        for (const std::string &e : Filter::parse(text).toNft()) {
            all.push_back(e);
        }
    }
    ASSERT_GT(all.size(), 60u);
    if (!check(all, &errors)) {
        // Say which expression nft rejected.
        for (const std::string &e : all) {
            std::string one;
            EXPECT_TRUE(check({e}, &one)) << "nft rejects: " << e << "\n" << one;
        }
    }
    std::remove(path.c_str());
    rmdir(dir);
}

// --- semantics -------------------------------------------------------------------------------

TEST(FilterMatch, KnownOutcomes) {
    const std::vector<Case> p = packets();
    // p[0] 10.0.0.1:40000 → 10.0.0.2:80 TCP on eth0; p[3] ICMP; p[8] ICMPv6; p[11] fragment.
    EXPECT_TRUE(matchText("tcp and dst port 80 and ifname eth0", p[0]));
    EXPECT_FALSE(matchText("tcp and src port 80", p[0]));
    EXPECT_TRUE(matchText("not port 80", p[3])); // ICMP has no port 80: tcpdump agrees
    EXPECT_FALSE(matchText("port 80", p[3]));
    EXPECT_TRUE(matchText("tcp", p[7])); // TCP over IPv6
    EXPECT_TRUE(matchText("icmp6", p[8]));
    EXPECT_FALSE(matchText("icmp", p[8]));
    EXPECT_FALSE(matchText("icmp6", p[14])); // protocol 58 inside IPv4
    EXPECT_FALSE(matchText("icmp", p[15]));  // protocol 1 inside IPv6
    EXPECT_FALSE(matchText("portrange 0-65535", p[11]));
    EXPECT_TRUE(matchText("tcp and not portrange 0-65535", p[11]));
    EXPECT_FALSE(matchText("portrange 0-65535", p[12])); // DCCP
    EXPECT_FALSE(matchText("net 2001:db8::/32 and not host 2001:db8::2", p[9]));
    EXPECT_TRUE(matchText("dst net fe80::/10", p[8]));
    EXPECT_TRUE(matchText("mark 0x10/0xf0", p[1]));
    EXPECT_FALSE(matchText("mark 0x10", p[1]));
    EXPECT_TRUE(matchText("ifindex 3 and src net 172.16.0.0/12", p[4]));
    EXPECT_TRUE(matchText("not ip and not ip6", p[13])); // ARP
    EXPECT_FALSE(matchText("not host 10.0.0.1", p[0]));
    EXPECT_TRUE(matchText("not host 10.0.0.1", p[7])); // an IPv6 packet is not from 10.0.0.1
}

// The user-space matcher walks the syntax tree; evalBpfFilter walks the DNF the BPF side gets.
// They must agree on every packet for every filter.
TEST(FilterMatch, MatcherAgreesWithBpfEvaluation) {
    const std::vector<Case> cases = packets();
    int matched = 0, total = 0;
    for (const std::string &text : kFilters) {
        const Filter f = Filter::parse(text);
        const nt_filter b = f.toBpf(resolveTest);
        for (size_t i = 0; i < cases.size(); ++i) {
            const Case &c = cases[i];
            const bool user = f.matches(c.f, c.ifindex, c.ifname, c.mark);
            const bool bpf = nt::evalBpfFilter(b, c.f, c.ifindex, c.mark);
            EXPECT_EQ(user, bpf) << "filter '" << text << "', packet " << i;
            matched += user;
            ++total;
        }
    }
    // The table exercises both outcomes plenty.
    EXPECT_GT(matched, total / 5);
    EXPECT_LT(matched, total * 4 / 5);
}

TEST(FilterMatch, EvaluatorEdgeCases) {
    nt_filter f{};
    const nt::PacketFields p = packet("10.0.0.1", "10.0.0.2", IPPROTO_TCP, 1, 2);
    EXPECT_TRUE(nt::evalBpfFilter(f, p, 1, 0)); // disabled
    f.enabled = 1;
    EXPECT_FALSE(nt::evalBpfFilter(f, p, 1, 0)); // no terms
    f.nterms = 1;
    EXPECT_TRUE(nt::evalBpfFilter(f, p, 1, 0)); // one empty term
    f.npreds[0] = 1;
    f.preds[0][0].field = 99;
    EXPECT_FALSE(nt::evalBpfFilter(f, p, 1, 0)); // unknown test never holds
    f.preds[0][0].field = NT_PF_SADDR;
    f.preds[0][0].family = 6; // IPv6 test on an IPv4 packet
    EXPECT_FALSE(nt::evalBpfFilter(f, p, 1, 0));
    f.preds[0][0].negate = 1;
    EXPECT_TRUE(nt::evalBpfFilter(f, p, 1, 0));
    f.nterms = 1000; // out-of-range counts are clamped, not trusted
    f.npreds[0] = 1000;
    EXPECT_NO_FATAL_FAILURE(nt::evalBpfFilter(f, p, 1, 0));
}

// --- canonical text --------------------------------------------------------------------------

TEST(FilterText, Canonical) {
    auto canon = [](std::string_view text) { return Filter::parse(text).toString(); };
    EXPECT_EQ(canon("tcp port 80 or 443"), "(tcp and port 80) or (tcp and port 443)");
    EXPECT_EQ(canon("! ip6 && (mark 16/0xf0 || ifname \"eth0\")"),
              "not ip6 and (mark 0x10/0xf0 or ifname eth0)");
    EXPECT_EQ(canon("SRC OR DST net 2001:DB8:0:0::/32"), "src or dst net 2001:db8::/32");
    EXPECT_EQ(canon("src 10.0.0.1"), "src host 10.0.0.1");
    EXPECT_EQ(canon("net 10.0.0.1"), "net 10.0.0.1/32");
    EXPECT_EQ(canon("ifname \"Or\" or ifname tcp"), "ifname \"Or\" or ifname tcp");
    EXPECT_EQ(dnf(canon("ifname \"not\"")), "IF not");
}

TEST(FilterText, RoundTrip) {
    for (const std::string &text : kFilters) {
        const Filter f = Filter::parse(text);
        const std::string canon = f.toString();
        const Filter again = Filter::parse(canon);
        EXPECT_EQ(again.terms(), f.terms()) << text << " -> " << canon;
        EXPECT_EQ(again.toString(), canon) << text;
        EXPECT_EQ(again.toNft(), f.toNft()) << text;
    }
}
