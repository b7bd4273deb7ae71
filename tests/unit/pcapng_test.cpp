// pcapng export read back by libpcap and, where installed, tshark.
#include "error.h"
#include "pcapng.h"
#include "require.h"

#include <gtest/gtest.h>
#include <pcap/pcap.h>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace {

std::vector<uint8_t> icmpEcho() {
    // IPv4 10.0.0.1 -> 10.0.0.2 ICMP echo request id 7 seq 1, 28 bytes.
    return {0x45, 0x00, 0x00, 0x1c, 0x12, 0x34, 0x40, 0x00, 0x40, 0x01, 0x00, 0x00, 10,   0,
            0,    1,    10,   0,    0,    2,    0x08, 0x00, 0x00, 0x00, 0x00, 0x07, 0x00, 0x01};
}

class PcapngTest : public ::testing::Test {
protected:
    void SetUp() override {
        path = (std::filesystem::temp_directory_path() /
                ("nt-pcapng-" + std::to_string(getpid()) + ".pcapng"))
                   .string();
    }
    void TearDown() override { std::filesystem::remove(path); }
    std::string path;
};

TEST_F(PcapngTest, LibpcapReadsPacketsBack) {
    {
        nt::PcapngWriter w(path, "nft-tracer test", "Linux");
        const auto p = icmpEcho();
        w.write(1'700'000'000'123'456'789LL, p, 84, "journey one: DELIVERED");
        w.write(1'700'000'001'000'000'000LL, p, 28, std::string(70000, 'x')); // cut, not broken
        w.close();
    }
    char err[PCAP_ERRBUF_SIZE] = {};
    pcap_t *pc =
        pcap_open_offline_with_tstamp_precision(path.c_str(), PCAP_TSTAMP_PRECISION_NANO, err);
    ASSERT_NE(pc, nullptr) << err;
    EXPECT_EQ(pcap_datalink(pc), DLT_RAW);
    pcap_pkthdr *h = nullptr;
    const u_char *data = nullptr;
    ASSERT_EQ(pcap_next_ex(pc, &h, &data), 1);
    EXPECT_EQ(h->caplen, 28u);
    EXPECT_EQ(h->len, 84u);
    EXPECT_EQ(h->ts.tv_sec, 1'700'000'000);
    EXPECT_EQ(h->ts.tv_usec, 123'456'789); // nanoseconds in this precision
    EXPECT_EQ(data[0], 0x45);
    EXPECT_EQ(data[19], 2);
    ASSERT_EQ(pcap_next_ex(pc, &h, &data), 1);
    EXPECT_EQ(h->len, 28u);
    EXPECT_EQ(pcap_next_ex(pc, &h, &data), PCAP_ERROR_BREAK);
    pcap_close(pc);
}

TEST_F(PcapngTest, TsharkShowsTheJourneyAsComment) {
    NT_REQUIRE(nt::test::runCommand("command -v tshark").status == 0 ? ""
                                                                     : "tshark is not installed");
    {
        nt::PcapngWriter w(path, "nft-tracer test", "Linux");
        w.write(1'700'000'000'000'000'000LL, icmpEcho(), 28, "PACKET TRACE: DROPPED by rule 4");
        w.close();
    }
    const auto r = nt::test::runCommand("tshark -r " + path +
                                        " -T fields -e frame.comment -e ip.dst -e icmp.seq");
    ASSERT_EQ(r.status, 0) << r.output;
    const std::string &out = r.output;
    EXPECT_NE(out.find("PACKET TRACE: DROPPED by rule 4"), std::string::npos) << out;
    EXPECT_NE(out.find("10.0.0.2"), std::string::npos) << out;
}

TEST_F(PcapngTest, UnwritablePathIsAClearError) {
    try {
        nt::PcapngWriter w("/nonexistent-dir/x.pcapng", "t", "Linux");
        FAIL() << "expected an error";
    } catch (const nt::Error &e) {
        EXPECT_NE(e.message().indexOf(QStringLiteral("/nonexistent-dir/x.pcapng")), -1);
    }
}

} // namespace
