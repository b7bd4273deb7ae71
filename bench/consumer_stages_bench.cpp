// Instructions and time per record of each consumer stage, on replayed real input: nft message
// parse (the captured messages of tests/data/nft, beside libnftnl's parse of the same bytes), nft
// join, journey assembly and the trace file write (the recorded router trace, replicated). Run
// natively it prints records/s per stage; bench/consumer_stages.sh runs it under callgrind and
// prints instructions per record (each stage is dumped on its own). The ring-buffer read needs
// the kernel's ring buffer: that script measures it on a live flood with pipeline_bench.
//
//   consumer_stages_bench [COPIES]
#include "assembler.h"
#include "nft_trace_reader.h"
#include "replay.h"
#include "trace_stream.h"
#include "tracefile.h"

#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <libnftnl/trace.h>
#include <linux/netfilter.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define NT_COLLECT() CALLGRIND_TOGGLE_COLLECT
#define NT_DUMP(name) CALLGRIND_DUMP_STATS_AT(name)
#else
#define NT_COLLECT()
#define NT_DUMP(name)
#endif

namespace {

using Clock = std::chrono::steady_clock;

std::string slurp(const std::string &path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// One stage: runs `body` (which returns how many records it handled) and prints its rate. Under
// callgrind (started with --collect-atstart=no) it collects the whole body, or with `partial`
// only what the body brackets with NT_COLLECT(), and dumps it as one profile named `name`.
template <class Body>
void stage(const char *name, const char *unit, Body &&body, bool partial = false) {
    const auto t0 = Clock::now();
    if (!partial) {
        NT_COLLECT();
    }
    const size_t n = body();
    if (!partial) {
        NT_COLLECT();
    }
    NT_DUMP(name);
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("stage %-14s %10zu %-12s %12.0f %s/s\n", name, n, unit,
                s > 0 ? static_cast<double>(n) / s : 0.0, unit);
    std::fflush(stdout);
}

// How the reader parsed a message before: libnftnl's trace object and getters (kept here as the
// baseline of the parse stage).
struct TraceFree {
    void operator()(nftnl_trace *t) const { nftnl_trace_free(t); }
};
std::string nftnlString(const nftnl_trace *t, uint16_t attr) {
    const char *s = nftnl_trace_get_str(t, attr);
    return s != nullptr ? s : "";
}
std::vector<uint8_t> nftnlBytes(const nftnl_trace *t, uint16_t attr) {
    if (!nftnl_trace_is_set(t, attr)) {
        return {};
    }
    uint32_t len = 0;
    const auto *p = static_cast<const uint8_t *>(nftnl_trace_get_data(t, attr, &len));
    return p != nullptr ? std::vector<uint8_t>(p, p + len) : std::vector<uint8_t>{};
}
size_t parseWithLibnftnl(const std::string &buf, std::vector<nt::NftTraceRecord> &out) {
    size_t n = 0;
    int remaining = static_cast<int>(buf.size());
    for (auto *nlh = reinterpret_cast<const nlmsghdr *>(buf.data()); mnl_nlmsg_ok(nlh, remaining);
         nlh = mnl_nlmsg_next(nlh, &remaining)) {
        std::unique_ptr<nftnl_trace, TraceFree> t(nftnl_trace_alloc());
        if (nftnl_trace_nlmsg_parse(nlh, t.get()) < 0) {
            continue;
        }
        nt::NftTraceRecord r;
        r.id = nftnl_trace_get_u32(t.get(), NFTNL_TRACE_ID);
        r.type = static_cast<nt::NftTraceType>(nftnl_trace_get_u32(t.get(), NFTNL_TRACE_TYPE));
        r.family = static_cast<uint8_t>(nftnl_trace_get_u32(t.get(), NFTNL_TRACE_FAMILY));
        r.table = nftnlString(t.get(), NFTNL_TRACE_TABLE);
        r.chain = nftnlString(t.get(), NFTNL_TRACE_CHAIN);
        r.ruleHandle = nftnl_trace_get_u64(t.get(), NFTNL_TRACE_RULE_HANDLE);
        if (nftnl_trace_is_set(t.get(), NFTNL_TRACE_VERDICT)) {
            r.verdict = static_cast<int32_t>(nftnl_trace_get_u32(t.get(), NFTNL_TRACE_VERDICT));
            r.jumpTarget = nftnlString(t.get(), NFTNL_TRACE_JUMP_TARGET);
        }
        r.policy = nftnl_trace_get_u32(t.get(), NFTNL_TRACE_POLICY);
        r.iif = nftnl_trace_get_u32(t.get(), NFTNL_TRACE_IIF);
        r.oif = nftnl_trace_get_u32(t.get(), NFTNL_TRACE_OIF);
        r.iiftype = nftnl_trace_get_u16(t.get(), NFTNL_TRACE_IIFTYPE);
        r.oiftype = nftnl_trace_get_u16(t.get(), NFTNL_TRACE_OIFTYPE);
        r.mark = nftnl_trace_get_u32(t.get(), NFTNL_TRACE_MARK);
        r.nfproto = nftnl_trace_get_u32(t.get(), NFTNL_TRACE_NFPROTO);
        r.llHeader = nftnlBytes(t.get(), NFTNL_TRACE_LL_HEADER);
        r.networkHeader = nftnlBytes(t.get(), NFTNL_TRACE_NETWORK_HEADER);
        r.transportHeader = nftnlBytes(t.get(), NFTNL_TRACE_TRANSPORT_HEADER);
        out.push_back(std::move(r));
        ++n;
    }
    return n;
}

// The stages' entry points, out of line so that a profile names them.
__attribute__((noinline)) void joinOne(nt::Assembler &a, const nt::NftTraceRecord &r) {
    a.add(r);
}
__attribute__((noinline)) void assembleEvent(nt::Assembler &a, const nt::Event &e) {
    a.add(e);
}
__attribute__((noinline)) void assemblePacket(nt::Assembler &a, const nt::PacketHeader &h) {
    a.add(h);
}

} // namespace

int main(int argc, char **argv) {
    const int copies = argc > 1 ? std::atoi(argv[1]) : 200;
    const std::string data = NT_TEST_DATA_DIR;

    // nft message parse: the captured messages, concatenated, many times over.
    std::string messages;
    for (const char *f : {"/nft/icmp4.nlmsg", "/nft/icmp6.nlmsg", "/nft/tcp_drop.nlmsg"}) {
        messages += slurp(data + f);
    }
    const int rounds = copies * 10;
    std::vector<nt::NftTraceRecord> parsed;
    parsed.reserve(static_cast<size_t>(rounds) * 100);
    stage("parse-libnftnl", "messages", [&] {
        size_t n = 0;
        for (int i = 0; i < rounds; ++i) {
            n += parseWithLibnftnl(messages, parsed);
            if (parsed.size() > 4096) {
                parsed.clear();
            }
        }
        return n;
    });
    parsed.clear();
    stage("parse", "messages", [&] {
        size_t n = 0;
        for (int i = 0; i < rounds; ++i) {
            n += nt::parseNftTraceBuffer(messages.data(), messages.size(), parsed);
            if (parsed.size() > 4096) { // as the recorder does: records go, the vector stays
                parsed.clear();
            }
        }
        return n;
    });

    const nt::Trace t =
        nt::bench::replicate(nt::readTrace(data + "/recorded/router-nat.nftrace"), copies);
    std::printf("replayed: %zu events, %zu packet headers, %zu nft records (router-nat x %d)\n",
                t.events.size(), t.packets.size(), t.nft.size(), copies);

    // Assembly and join, fed by time as the live recorder feeds them (4096 events a poll); each
    // stage collects only its own calls. Assembly includes completing journeys.
    auto assemble = [&](bool assembly) {
        nt::Assembler a(t.probes, t.dropReasons);
        nt::TimeMerge merge(std::span<const nt::PacketHeader>(t.packets),
                            std::span<const nt::NftTraceRecord>(t.nft));
        auto onPacket = [&](const nt::PacketHeader &h) {
            if (assembly) {
                NT_COLLECT();
            }
            assemblePacket(a, h);
            if (assembly) {
                NT_COLLECT();
            }
        };
        auto onNft = [&](const nt::NftTraceRecord &r) {
            if (!assembly) {
                NT_COLLECT();
            }
            joinOne(a, r);
            if (!assembly) {
                NT_COLLECT();
            }
        };
        auto onEvent = [&](const nt::Event &e) {
            if (assembly) {
                NT_COLLECT();
            }
            assembleEvent(a, e);
            if (assembly) {
                NT_COLLECT();
            }
        };
        auto complete = [&](bool all) {
            if (assembly) {
                NT_COLLECT();
            }
            if (all) {
                a.flush();
            }
            (void)a.takeCompleted();
            if (assembly) {
                NT_COLLECT();
            }
        };
        for (size_t off = 0; off < t.events.size(); off += 4096) {
            merge.feed(std::span<const nt::Event>(t.events).subspan(
                           off, std::min<size_t>(4096, t.events.size() - off)),
                       onPacket, onEvent, onNft);
            complete(false);
        }
        merge.finish(onPacket, onNft);
        complete(true);
    };
    stage(
        "assembly", "events",
        [&] {
            assemble(true);
            return t.events.size();
        },
        true);
    stage(
        "join", "nft-records",
        [&] {
            assemble(false);
            return t.nft.size();
        },
        true);

    // File write: 4096-event batches with their headers and nft records, one commit each, as
    // the recorder writes. Collected four ways: everything (per event), the events alone (a
    // file of events only, commits and finish included), and only the packet-header or the nft
    // appends of the whole write (per record). Headers and nft records are queued by append and
    // packed into their pages at the commit: that work counts in "everything", so (everything -
    // events alone) x events / records is what a header or an nft record costs in all.
    const std::string path = "/tmp/nt-consumer-stages-" + std::to_string(getpid()) + ".nftrace";
    enum Part { All, Packets, Nft };
    auto write = [&](bool withRows, Part part) {
        nt::TraceWriter::discard(path);
        nt::TraceWriter w(path, t.meta, true);
        w.setProbes(t.probes);
        w.setDropReasons(t.dropReasons);
        const size_t batches = (t.events.size() + 4095) / 4096;
        for (size_t b = 0; b < batches; ++b) {
            const size_t e0 = b * 4096, e1 = std::min(t.events.size(), e0 + 4096);
            w.append(std::span<const nt::Event>(t.events).subspan(e0, e1 - e0));
            if (withRows) {
                if (part == Packets) {
                    NT_COLLECT();
                }
                for (size_t i = b * t.packets.size() / batches;
                     i < (b + 1) * t.packets.size() / batches; ++i) {
                    w.append(t.packets[i]);
                }
                if (part == Packets) {
                    NT_COLLECT();
                }
                if (part == Nft) {
                    NT_COLLECT();
                }
                for (size_t i = b * t.nft.size() / batches; i < (b + 1) * t.nft.size() / batches;
                     ++i) {
                    w.append(t.nft[i]);
                }
                if (part == Nft) {
                    NT_COLLECT();
                }
            }
            w.commit();
        }
        w.finish(t.meta);
    };
    stage("file-write", "events", [&] {
        write(true, All);
        return t.events.size();
    });
    stage("write-events", "events", [&] {
        write(false, All);
        return t.events.size();
    });
    stage(
        "write-packets", "headers",
        [&] {
            write(true, Packets);
            return t.packets.size();
        },
        true);
    stage(
        "write-nft", "nft-records",
        [&] {
            write(true, Nft);
            return t.nft.size();
        },
        true);
    nt::TraceWriter::discard(path);
    return 0;
}
